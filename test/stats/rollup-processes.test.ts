/**
 * issue 6 acceptance 3 with real job processes (`job daily_client_screen_stats`, the compiled CLI)
 * on a Redis of this file's own: one SIGKILLed between its PostgreSQL insert and its Redis cleanup,
 * then re-run; and two started at once. Either way PostgreSQL ends with exactly the increments
 * made. (Crashes by a thrown fault and lock-free concurrent runs: rollup.test.ts.)
 */
import { spawn } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StatsEvent } from '../../src/domain/engine';
import { isoDate, startOfStatsDay, statsDay } from '../../src/domain/stats-day';
import { statsDayKey, statsEarliestKey, statsRollupLockKey } from '../../src/domain/stats-keys';
import { rollUpDailyStats } from '../../src/jobs/daily-stats-rollup';
import { silentProgress } from '../../src/jobs/job';
import { createLogger } from '../../src/lib/log';
import { buildIfNeeded, root } from '../support/processes';
import { TEST_ID_TOKEN_SECRET, TEST_MEDIA_SECRETS, TEST_SCREEN_JWT_SECRET, type TestServer } from '../support/server';
import { clearStats, startServerWithOwnRedis } from './own-redis';

const TODAY = statsDay(Date.now() / 1000);
const noon = (day: number) => startOfStatsDay(day) + 12 * 3600;
const LOCK = statsRollupLockKey('client_screens');

let server: TestServer;
let redis: Redis;
let redisUrl: string;
let close: () => Promise<void>;

beforeAll(async () => {
  buildIfNeeded();
  const started = await startServerWithOwnRedis();
  ({ server, redis, close } = started);
  redisUrl = started.redisHandle.url;
}, 120_000);
afterAll(() => close?.());
beforeEach(async () => {
  await clearStats(redis);
  await server.sql(`TRUNCATE client_screen_stats`);
});

const peeked = (screenSlug: string): StatsEvent => ({ event: 'peeked', platform: 'ios', version: 96, screenSlug });
const popped = (screenSlug: string): StatsEvent => ({ event: 'popped', platform: 'android', version: 70, screenSlug });

/** Requests through the real writer: four days to roll (one of them empty), then yesterday and today. */
async function seed(): Promise<void> {
  const record = (day: number, events: StatsEvent[]) => server.app.stats.record(events, noon(day));
  await record(TODAY - 5, [peeked('home'), peeked('home')]);
  await record(TODAY - 5, [peeked('intro')]);
  await record(TODAY - 3, [popped('home')]);
  await record(TODAY - 3, [popped('home'), peeked('home')]);
  await record(TODAY - 2, [peeked('home')]);
  await record(TODAY - 1, [peeked('home')]);
  await record(TODAY, [peeked('home')]);
}

const EXPECTED_ROWS = [
  { day: isoDate(TODAY - 5), peeked: '3', popped: '0', peeked_breakdown: { 'ios:96:home': 2, 'ios:96:intro': 1 }, popped_breakdown: {} },
  { day: isoDate(TODAY - 4), peeked: '0', popped: '0', peeked_breakdown: {}, popped_breakdown: {} },
  { day: isoDate(TODAY - 3), peeked: '1', popped: '2', peeked_breakdown: { 'ios:96:home': 1 }, popped_breakdown: { 'android:70:home': 2 } },
  { day: isoDate(TODAY - 2), peeked: '1', popped: '0', peeked_breakdown: { 'ios:96:home': 1 }, popped_breakdown: {} },
];

const rows = () =>
  server.sql<{ day: string; peeked: string; popped: string; peeked_breakdown: object; popped_breakdown: object; late_snapshots: unknown }>(
    `SELECT retrieved_for::text AS day, peeked, popped, peeked_breakdown, popped_breakdown, late_snapshots FROM client_screen_stats ORDER BY retrieved_for`,
  );

/** Today and yesterday, untouched by every run. */
async function expectRecentDaysInRedis(): Promise<void> {
  expect(await redis.hgetall(statsDayKey('client_screens', TODAY - 1))).toEqual({ peeked: '1' });
  expect(await redis.hgetall(statsDayKey('client_screens', TODAY))).toEqual({ peeked: '1' });
}

/** The compiled CLI running one rollup against `redisUrl`. */
function jobProcess(url: string) {
  const child = spawn(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'job', 'daily_client_screen_stats'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: server.databaseUrl,
      REDIS_URL: url,
      OSEH_ID_TOKEN_SECRET: TEST_ID_TOKEN_SECRET,
      OSEH_CLIENT_SCREEN_JWT_SECRET: TEST_SCREEN_JWT_SECRET,
      ...TEST_MEDIA_SECRETS,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, exited };
}

/**
 * A TCP relay to the file's Redis that forwards everything but the finalize of `day` (the only
 * command naming both `rolled_through` and the day's hashes), which it swallows: the rollup is then
 * stuck after that day's PostgreSQL insert and before its Redis cleanup, where the test kills it.
 */
async function finalizeTrap(day: number): Promise<{ url: string; held: Promise<void>; close(): Promise<void> }> {
  const target = new URL(redisUrl);
  const sockets = new Set<Socket>();
  let trapped = false;
  let onHeld: () => void;
  const held = new Promise<void>((resolve) => (onHeld = resolve));
  const relay: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('data', (chunk) => {
      if (trapped) return;
      if (chunk.includes('daily:rolled_through') && chunk.includes(`${statsDayKey('client_screens', day)}:extra`)) {
        trapped = true;
        onHeld();
        return;
      }
      upstream.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    held,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
    },
  };
}

describe('rollup job processes (issue 6 acceptance 3)', () => {
  it('killed between the PostgreSQL insert and the Redis cleanup, then re-run: exactly the increments, no loss, no double count', async () => {
    await seed();
    // Hold the cleanup of day −3: days −5 and −4 are done, −3 is stored but still in Redis.
    const trap = await finalizeTrap(TODAY - 3);
    try {
      const run = jobProcess(trap.url);
      await Promise.race([trap.held, run.exited.then((e) => Promise.reject(new Error(`job ended first: ${e.output}`)))]);
      run.child.kill('SIGKILL');
      expect((await run.exited).signal).toBe('SIGKILL');
    } finally {
      await trap.close();
    }
    expect((await rows()).map((r) => r.day)).toEqual([isoDate(TODAY - 5), isoDate(TODAY - 4), isoDate(TODAY - 3)]);
    expect(await redis.get(statsEarliestKey('client_screens'))).toBe(String(TODAY - 3));
    expect(await redis.hgetall(statsDayKey('client_screens', TODAY - 3))).toEqual({ peeked: '1', popped: '2' });

    // The dead run's lock is still leased: a run now does nothing at all.
    expect(await redis.pttl(LOCK)).toBeGreaterThan(0);
    const ctx = { signal: new AbortController().signal, progress: silentProgress, log: createLogger('silent') };
    expect(await rollUpDailyStats(server.app, 'client_screens', ctx)).toMatchObject({ locked: true, daysRolled: 0 });
    expect(await rows()).toHaveLength(3);
    expect(await redis.get(statsEarliestKey('client_screens'))).toBe(String(TODAY - 3));

    // Once the lease runs out (cut short here), the next run finishes the work.
    await redis.pexpire(LOCK, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const rerun = await jobProcess(redisUrl).exited;
    expect(rerun.code, rerun.output).toBe(0);
    expect(rerun.output).toMatch(/rolled 2 day\(s\).*1 already stored \(0 differing\); earliest now/);
    const after = await rows();
    expect(after).toMatchObject(EXPECTED_ROWS);
    expect(after.every((r) => r.late_snapshots === null)).toBe(true);
    expect(await redis.get(statsEarliestKey('client_screens'))).toBe(String(TODAY - 1));
    expect(await redis.exists(statsDayKey('client_screens', TODAY - 3))).toBe(0);
    await expectRecentDaysInRedis();
  }, 60_000);

  it('two job processes started at once: exactly the increments', async () => {
    await seed();
    const [first, second] = await Promise.all([jobProcess(redisUrl).exited, jobProcess(redisUrl).exited]);
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    expect(await rows()).toMatchObject(EXPECTED_ROWS);
    expect((await rows()).every((r) => r.late_snapshots === null)).toBe(true);
    expect(await redis.get(statsEarliestKey('client_screens'))).toBe(String(TODAY - 1));
    await expectRecentDaysInRedis();
    // Between them they rolled each day once (the lock's loser, if it overlapped, did nothing).
    const rolled = [first.output, second.output].map((o) => Number(/rolled (\d+) day/.exec(o)?.[1] ?? 0));
    expect(rolled.reduce((x, y) => x + y, 0)).toBe(4);
  }, 60_000);
});
