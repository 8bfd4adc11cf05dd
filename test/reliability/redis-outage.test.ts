/**
 * issue 8 item 2: Redis stopped mid-run under two instances sharing PostgreSQL and a Redis of
 * this file's own (restarted on the same port). While it is down, peek, pop and trace keep
 * answering on both instances; once it is back, live subscriptions deliver again and a
 * definition change on one instance reaches the other through its purge message. (The RESYNC
 * and flush-on-reconnect details are test/live/redis-restart.test.ts; stats dropped while Redis
 * is down are test/stats/redis-down.test.ts.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnRedisServerOnPort, type RedisHandle } from '../../src/infra/redis-server';
import { PeekScreenDocument } from '../generated/graphql';
import { putFlow } from '../support/fixtures';
import { card, newUser, queueSlugs, serverTrigger, type TestUser } from '../support/flows';
import { graphql } from '../support/graphql';
import { freePort, subscribeQueue } from '../support/processes';
import { createTestDatabase, startTestServer, type TestServer } from '../support/server';

let workDir: string;
let port: number;
let redis: RedisHandle;
let a: TestServer;
let b: TestServer;
let adminToken: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'clientflows-redis-outage-'));
  port = await freePort();
  redis = await spawnRedisServerOnPort({ port, workDir, log: () => {} });
  const databaseUrl = await createTestDatabase();
  [a, b] = await Promise.all([startTestServer({ databaseUrl, redisUrl: redis.url }), startTestServer({ databaseUrl, redisUrl: redis.url })]);
  adminToken = await a.userToken('oseh_u_outage_admin', { admin: true });
  await putFlow(a, { slug: 'outage', screens: [card('v1', { allowedTriggers: ['outage'] }), card('v1b')] });
}, 120_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Each request must answer within this (stats writes wait at most a second for Redis). */
const ANSWER_WITHIN_MS = 5000;

async function timed<T>(work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
  return result;
}

/** peek, pop (with an allowed trigger every other time), trace and a GraphQL peek; all answer. */
async function screenRound(server: TestServer, user: TestUser, round: number): Promise<void> {
  const peeked = await timed(() => user.client.peek());
  expect(peeked.status).toBe(200);
  const trigger = round % 2 === 0 ? { slug: 'outage', parameters: {} } : undefined;
  const popped = await timed(() => user.client.pop(peeked.body.screen.active_jwt, trigger));
  expect(popped.status).toBe(200);
  const traced = await timed(() => user.client.trace(popped.body.screen.active_jwt, `{"round":${round}}`));
  expect(traced.status).toBe(204);
  const viaGraphql = await timed(() => graphql(server.url, PeekScreenDocument, { platform: 'IOS', version: 96 }, { authorization: `bearer ${user.token}` }));
  expect(viaGraphql.errors).toBeUndefined();
}

async function until(check: () => Promise<boolean>, limitMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

describe('Redis stopped mid-run', () => {
  it('peek, pop and trace keep answering; subscriptions and purges resume when Redis returns', async () => {
    const [onA, onB, watched] = await Promise.all([newUser(a, { name: 'outage_a' }), newUser(b, { name: 'outage_b' }), newUser(a, { name: 'outage_live' })]);
    const live = subscribeQueue(b.url, `bearer ${watched.token}`);
    try {
      expect(await live.next(10_000)).toMatchObject({ reason: 'SUBSCRIBED' });
      // B caches v1.
      await serverTrigger(b, adminToken, onB.sub, 'outage');
      for (let round = 0; round < 2; round++) await Promise.all([screenRound(a, onA, round), screenRound(b, onB, round)]);

      await redis.stop();
      for (let round = 0; round < 4; round++) await Promise.all([screenRound(a, onA, round), screenRound(b, onB, round)]);
      // A trusted trigger still commits; its publication is lost with Redis.
      await timed(() => serverTrigger(a, adminToken, watched.sub, 'outage'));
      expect((await queueSlugs(a, watched.sub)).slice(0, 2)).toEqual(['v1', 'v1b']);

      redis = await spawnRedisServerOnPort({ port, workDir, log: () => {} });
      // The subscription comes back by itself and catches up on what it missed.
      const missed = await live.next(20_000);
      expect(missed.queueVersion).toBeGreaterThanOrEqual(1);
      for (let round = 0; round < 2; round++) await Promise.all([screenRound(a, onA, round), screenRound(b, onB, round)]);

      // Publications flow again: a trigger on A reaches the subscriber on B.
      await serverTrigger(a, adminToken, watched.sub, 'outage');
      expect(await live.next(5000)).toMatchObject({ reason: 'FLOW_TRIGGERED', flowSlug: 'outage', queueVersion: missed.queueVersion + 1 });

      // Purges flow again: A changes the definition (and announces it); B uses it promptly.
      await a.sql(`UPDATE client_flows SET screens = $1 WHERE slug = 'outage'`, [JSON.stringify([card('v2')])]);
      await until(
        async () => {
          await serverTrigger(b, adminToken, onB.sub, 'outage');
          return (await queueSlugs(b, onB.sub))[0] === 'v2';
        },
        3000,
        'B still triggers the old definition',
      );
    } finally {
      await live.close();
    }
  }, 90_000);
});
