import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnRedisServerOnPort, type RedisHandle } from '../../src/infra/redis-server';
import { putFlow } from '../support/fixtures';
import { card, queueSlugs } from '../support/flows';
import { buildIfNeeded, freePort, processEnv, startServerProcess, stopServerProcess, subscribeQueue, type ServerProcess } from '../support/processes';
import { createTestDatabase } from '../support/server';
import { databaseClient, ensureUser, newLiveUser, triggerOn } from './support';

/** issue 5 acceptance 4: a Redis of our own, restarted on the same port under two server processes. */
let db: ReturnType<typeof databaseClient>;
let redis: RedisHandle;
let port: number;
let workDir: string;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  buildIfNeeded();
  workDir = await mkdtemp(join(tmpdir(), 'clientflows-live-redis-'));
  port = await freePort();
  redis = await spawnRedisServerOnPort({ port, workDir, log: () => {} });
  const databaseUrl = await createTestDatabase();
  db = databaseClient(databaseUrl);
  await putFlow(db, { slug: 'live_restart', screens: [card('before')] });
  const env = processEnv({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url });
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 120_000);
afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((s) => stopServerProcess(s.child)));
  await redis?.stop();
  await db?.end();
  await rm(workDir, { recursive: true, force: true });
});

const FLUSHED = /definition caches flushed after the redis subscriber reconnected/;

describe('a Redis restart under live subscriptions (acceptance 4)', () => {
  it('subscriptions resume (with a RESYNC for what was missed) and caches are flushed', async () => {
    const user = await newLiveUser('restart');
    const other = await newLiveUser('restart_cache');
    await ensureUser(b, other.authorization);
    const live = subscribeQueue(a.url, user.authorization);
    try {
      expect(await live.next(5000)).toMatchObject({ reason: 'SUBSCRIBED', queueVersion: 0 });

      // B caches `before`; the row then changes with no purge at all (a lost message).
      await triggerOn(b, other.sub, 'live_restart');
      await db.sql(`UPDATE client_flows SET screens = $1 WHERE slug = 'live_restart'`, [JSON.stringify([card('after')])]);
      await triggerOn(b, other.sub, 'live_restart');
      expect((await queueSlugs(db, other.sub)).slice(0, 2)).toEqual(['before', 'before']);

      await redis.stop();
      // With Redis down, a trigger still succeeds; its event cannot be delivered.
      await triggerOn(b, user.sub, 'live_restart');
      redis = await spawnRedisServerOnPort({ port, workDir, log: () => {} });
      await Promise.all([a.waitForOutput(FLUSHED, 15_000), b.waitForOutput(FLUSHED, 15_000)]);

      const missed = await live.next(5000);
      expect(missed.queueVersion).toBe(1);
      expect(['RESYNC', 'FLOW_TRIGGERED']).toContain(missed.reason);

      const triggered = await triggerOn(b, user.sub, 'live_restart');
      const next = await live.next(2000);
      expect(next).toMatchObject({ reason: 'FLOW_TRIGGERED', flowSlug: 'live_restart', queueVersion: 2 });
      expect(next.receivedAt - triggered).toBeLessThan(200);

      // B flushed on reconnect, so it reads the new definition.
      await triggerOn(b, other.sub, 'live_restart');
      expect((await queueSlugs(db, other.sub))[0]).toBe('after');
    } finally {
      await live.close();
    }
  }, 45_000);
});
