import type { Socket } from 'node:net';
import type { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sqlOn, type Sql } from '../../src/db/sql';
import { announceMigratedDefinitions } from '../../src/services/definitions';
import { putFlow } from '../support/fixtures';
import { card, queueSlugs } from '../support/flows';
import { buildIfNeeded, processEnv, startServerProcess, stopServerProcess, type ServerProcess } from '../support/processes';
import { createTestDatabase, startTestServer, type TestServer } from '../support/server';
import { databaseClient, ensureUser, newLiveUser, settle, triggerOn } from './support';

/**
 * issue 5 acceptance 3: instance A (in this process, so its cache can be inspected) patches a
 * flow through the admin API; B and C are server processes sharing the database and Redis, C
 * with pub/sub purges suppressed (test hook). Also §9's cache lines: the fill race, and empty
 * caches after the subscriber reconnects.
 */
let db: ReturnType<typeof databaseClient>;
let a: TestServer;
let b: ServerProcess;
let c: ServerProcess;
let databaseUrl: string;
let adminA: string;

beforeAll(async () => {
  buildIfNeeded();
  databaseUrl = await createTestDatabase();
  db = databaseClient(databaseUrl);
  await putFlow(db, { slug: 'live_cache', screens: [card('v1')] });
  await putFlow(db, { slug: 'live_race', screens: [card('race v1')] });
  const env = processEnv({ DATABASE_URL: databaseUrl, REDIS_URL: inject('redisUrl') });
  [a, b, c] = await Promise.all([
    startTestServer({ databaseUrl }),
    startServerProcess(env),
    startServerProcess({ ...env, CLIENTFLOWS_TEST_DROP_DEFINITION_PURGES: '1' }),
  ]);
  adminA = `bearer ${await a.userToken('oseh_u_cache_admin', { admin: true })}`;
}, 120_000);
afterAll(async () => {
  await Promise.all([b, c].filter(Boolean).map((s) => stopServerProcess(s.child)));
  await a?.close();
  await db?.end();
});

/** The admin API's flow patch (`PATCH /api/1/client_flows/`) on the server at `baseUrl`. */
async function patchScreens(baseUrl: string, authorization: string, slug: string, screens: unknown[]): Promise<void> {
  const [{ uid }] = await db.sql<{ uid: string }>(`SELECT uid FROM client_flows WHERE slug = $1`, [slug]);
  const response = await fetch(`${baseUrl}/api/1/client_flows/`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ uid, patch: { screens } }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Triggers `live_cache` on the server until the queued screen is `expected`; the time it took. */
async function untilQueued(server: ServerProcess, sub: string, expected: string, limitMs: number, everyMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    await triggerOn(server, sub, 'live_cache');
    if ((await queueSlugs(db, sub))[0] === expected) return Date.now() - started;
    if (Date.now() - started > limitMs) throw new Error(`still not ${expected} after ${limitMs} ms`);
    await settle(everyMs);
  }
}

describe('definition caches across instances (acceptance 3)', () => {
  it('a patch on A is used by A at once, by B within 1 s, and by C (no purge messages) within 10 s', async () => {
    const onA = await newLiveUser('cache_a');
    const onB = await newLiveUser('cache_b');
    const onC = await newLiveUser('cache_c');
    const aAsProcess = { url: a.url, adminToken: (await a.userToken('oseh_u_cache_trigger', { admin: true })) } as ServerProcess;
    await Promise.all([ensureUser(aAsProcess, onA.authorization), ensureUser(b, onB.authorization), ensureUser(c, onC.authorization)]);
    // All three instances cache v1.
    await untilQueued(aAsProcess, onA.sub, 'v1', 0, 0);
    await untilQueued(b, onB.sub, 'v1', 0, 0);
    await untilQueued(c, onC.sub, 'v1', 0, 0);

    // The admin API's patch on A; A's very next trigger uses v2 (A purged itself before answering).
    await patchScreens(a.url, adminA, 'live_cache', [card('v2')]);
    await triggerOn(aAsProcess, onA.sub, 'live_cache');
    expect((await queueSlugs(db, onA.sub))[0]).toBe('v2');

    const [onBAfter, onCAfter] = await Promise.all([
      untilQueued(b, onB.sub, 'v2', 1000, 50),
      untilQueued(c, onC.sub, 'v2', 10_000, 200),
    ]);
    expect(onBAfter).toBeLessThan(1000);
    expect(onCAfter).toBeLessThan(10_000);
    console.log(`patch visible on B after ${onBAfter} ms, on C (purges dropped) after ${onCAfter} ms`);
  }, 30_000);

  it('a migration applied by another process (no admin API call) reaches B within 1 s', async () => {
    const onB = await newLiveUser('cache_migrated');
    await ensureUser(b, onB.authorization);
    await untilQueued(b, onB.sub, 'v2', 0, 0);
    // What a migration does: write the definitions directly, then announce (bootRuntime, cli migrate).
    await db.sql(`UPDATE client_flows SET screens = $1 WHERE slug = 'live_cache'`, [JSON.stringify([card('v3')])]);
    // (No check that B still serves v2 here: other test files share this Redis and bump versions.)
    await announceMigratedDefinitions(a.app.redis);
    expect(await untilQueued(b, onB.sub, 'v3', 1000, 50)).toBeLessThan(1000);
  }, 30_000);

  it('answers hits and unknown slugs without a query, even on the connection of a locked operation', async () => {
    const refuse = (() => {
      throw new Error('a cache hit must not query');
    }) as unknown as Sql;
    const store = a.app.definitions;
    // Other test files share this Redis and may move the version between fill and lookup: retry.
    for (let attempt = 1; ; attempt++) {
      await store.flow('live_cache');
      await store.flow(`live_missing_${attempt}`); // a miss: loads the valid-slug set
      const hits = store.metrics.hits;
      try {
        expect(await store.flow('live_cache', refuse)).toMatchObject({ slug: 'live_cache' });
        expect(await store.flow(`live_never_${attempt}`, refuse)).toBeNull();
        expect(store.metrics.hits - hits).toBe(2);
        return;
      } catch (error) {
        if (attempt === 5) throw error;
      }
    }
  });

  it('the fill race cannot resurrect an old definition: a read that saw v1 before the purge is not cached as current', async () => {
    const store = a.app.definitions;
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      const direct = sqlOn(pool);
      let raced = false;
      // A's read of the flow returns the old row only after B's patch committed and its purge reached A.
      const racing: Sql = async <T>(text: string, params?: unknown[]) => {
        const rows = await direct<T>(text, params);
        if (!raced) {
          raced = true;
          const purges = store.metrics.purgesReceived;
          await patchScreens(b.url, `bearer ${b.adminToken}`, 'live_race', [card('race v2')]);
          for (let i = 0; i < 100 && store.metrics.purgesReceived === purges; i++) await settle(10);
          expect(store.metrics.purgesReceived).toBeGreaterThan(purges);
          await settle(100); // and the version re-read it caused
        }
        return rows;
      };
      const inFlight = await store.flow('live_race', racing);
      expect(raced).toBe(true);
      expect(inFlight?.screens[0].screen.fixed).toMatchObject({ header: 'race v1' }); // what that read saw
      // The reference would now serve race v1 from its cache until the next purge or restart.
      expect((await store.flow('live_race'))?.screens[0].screen.fixed).toMatchObject({ header: 'race v2' });
    } finally {
      await pool.end();
    }
  });

  it('after the subscriber reconnects, the flow and screen caches and the flow-slug set are empty (§5.4 item 4)', async () => {
    const store = a.app.definitions;
    // A's pub/sub connection, dropped by Redis itself (as on a failover or a network cut).
    const subscriberConnection = (a.app.subscriber as unknown as { connection: Redis & { stream: Socket } }).connection;
    const address = `${subscriberConnection.stream.localAddress}:${subscriberConnection.stream.localPort}`;
    const flushes = store.metrics.reconnectFlushes;
    await store.flow('live_cache');
    await store.flow('live_not_a_flow'); // loads the flow-slug set
    await store.screen('confirmation');
    expect(store.size.flows.positive).toBeGreaterThan(0);
    expect(store.size.flows.negative).toBeGreaterThan(0);
    expect(store.size.screens.positive).toBeGreaterThan(0);
    expect(store.size.flowSlugs).toBeGreaterThan(0);

    expect(await a.app.redis.client('KILL', 'ADDR', address)).toBe(1);
    for (let i = 0; i < 300 && store.metrics.reconnectFlushes === flushes; i++) await settle(10);
    expect(store.metrics.reconnectFlushes).toBe(flushes + 1);
    const empty = { positive: 0, negative: 0 };
    expect(store.size).toEqual({ flows: empty, screens: empty, flowSlugs: null });
    // The next lookup reads PostgreSQL again.
    const misses = store.metrics.misses;
    expect(await store.flow('live_cache')).toMatchObject({ slug: 'live_cache' });
    expect(store.metrics.misses).toBe(misses + 1);
  });
});
