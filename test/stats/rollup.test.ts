import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StatsEvent } from '../../src/domain/engine';
import { isoDate, startOfStatsDay, statsDay } from '../../src/domain/stats-day';
import { statsEarliestKey, statsExtraKey, statsRolledThroughKey, type StatsFamilyName } from '../../src/domain/stats-keys';
import { rollUpDailyStats, type RollupOptions } from '../../src/jobs/daily-stats-rollup';
import { silentProgress, type JobContext } from '../../src/jobs/job';
import { createLogger } from '../../src/lib/log';
import type { TestServer } from '../support/server';
import { clearStats, startServerWithOwnRedis, statsContent } from './own-redis';

const TODAY = statsDay(Date.now() / 1000);
/** Noon of a stats day (LA). */
const noon = (day: number) => startOfStatsDay(day) + 12 * 3600;

let server: TestServer;
let redis: Redis;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ server, redis, close } = await startServerWithOwnRedis());
  server.app.now = () => noon(TODAY);
});
afterAll(() => close?.());
beforeEach(async () => {
  await clearStats(redis);
  await server.sql(`TRUNCATE client_flow_stats, client_screen_stats`);
});

const ctx = (signal = new AbortController().signal): JobContext => ({ signal, progress: silentProgress, log: createLogger('silent') });
const rollUp = (family: StatsFamilyName, options: RollupOptions = {}) => rollUpDailyStats(server.app, family, ctx(), options);

const peeked = (screenSlug: string, version: number | null = 96): StatsEvent => ({ event: 'peeked', platform: 'ios', version, screenSlug });
const popped = (screenSlug: string): StatsEvent => ({ event: 'popped', platform: 'android', version: 70, screenSlug });
const triggered = (flowSlug: string): StatsEvent => ({ event: 'triggered', source: 'server', version: null, flowSlug, trusted: true });

/** Increments through the real writer, each call one request on `day`. */
async function record(day: number, ...requests: StatsEvent[][]): Promise<void> {
  for (const events of requests) await server.app.stats.record(events, noon(day));
}

async function screenRows() {
  return server.sql<{ day: string; queued: string; peeked: string; popped: string; traced: string; peeked_breakdown: object; popped_breakdown: object; late_snapshots: unknown }>(
    `SELECT retrieved_for::text AS day, queued, peeked, popped, traced, peeked_breakdown, popped_breakdown, late_snapshots
     FROM client_screen_stats ORDER BY retrieved_for`,
  );
}

/** Five days of screen counters and one of flow counters, as requests would have left them. */
async function seedWeek(): Promise<void> {
  await record(TODAY - 5, [peeked('home'), peeked('home')], [peeked('intro', null)]);
  await record(TODAY - 4, [triggered('welcome')]);
  await record(TODAY - 3, [popped('home')], [popped('home')]);
  await record(TODAY - 1, [peeked('home')]);
  await record(TODAY, [peeked('home')]);
}

const EXPECTED_SCREEN_ROWS = [
  { day: isoDate(TODAY - 5), peeked: '3', popped: '0', peeked_breakdown: { 'ios:96:home': 2, 'ios:None:intro': 1 }, popped_breakdown: {} },
  { day: isoDate(TODAY - 4), peeked: '0', popped: '0', peeked_breakdown: {}, popped_breakdown: {} },
  { day: isoDate(TODAY - 3), peeked: '0', popped: '2', peeked_breakdown: {}, popped_breakdown: { 'android:70:home': 2 } },
  { day: isoDate(TODAY - 2), peeked: '0', popped: '0', peeked_breakdown: {}, popped_breakdown: {} },
];

describe('daily rollup (stats-cache-jobs.md §3, §8.1, §9)', () => {
  it('rolls earliest … today−2 (empty days as zero rows), leaves today and yesterday, ends with earliest = today−1', async () => {
    await seedWeek();
    const screens = await rollUp('client_screens');
    const flows = await rollUp('client_flows');
    expect(screens).toMatchObject({ daysRolled: 4, conflicts: 0, inconsistencies: 0, earliest: TODAY - 1, stopped: false });
    expect(flows).toMatchObject({ daysRolled: 3, earliest: TODAY - 1 });

    expect(await screenRows()).toMatchObject(EXPECTED_SCREEN_ROWS);
    const flowRows = await server.sql(`SELECT retrieved_for::text AS day, triggered, triggered_breakdown, replaced FROM client_flow_stats ORDER BY 1`);
    expect(flowRows).toEqual([
      { day: isoDate(TODAY - 4), triggered: '1', triggered_breakdown: { 'server:None:welcome:True': 1 }, replaced: '0' },
      { day: isoDate(TODAY - 3), triggered: '0', triggered_breakdown: {}, replaced: '0' },
      { day: isoDate(TODAY - 2), triggered: '0', triggered_breakdown: {}, replaced: '0' },
    ]);
    // Only today and yesterday are left in Redis.
    const left = await statsContent(redis);
    expect(Object.keys(left).filter((k) => /daily:\d+/.test(k)).sort()).toEqual([
      `stats:client_screens:daily:${TODAY - 1}`, `stats:client_screens:daily:${TODAY - 1}:extra:peeked`,
      `stats:client_screens:daily:${TODAY}`, `stats:client_screens:daily:${TODAY}:extra:peeked`,
    ]);
    expect(left[statsRolledThroughKey('client_screens')]).toBe(String(TODAY - 2));

    // Nothing more to do on a second run.
    expect(await rollUp('client_screens')).toMatchObject({ daysRolled: 0, earliest: TODAY - 1 });
    expect(await screenRows()).toHaveLength(4);
  });

  it('does nothing when `earliest` is missing', async () => {
    await record(TODAY - 3, [peeked('home')]);
    await redis.del(statsEarliestKey('client_screens'));
    expect(await rollUp('client_screens')).toMatchObject({ daysRolled: 0, earliest: null });
    expect(await screenRows()).toEqual([]);
  });

  it('a run killed between the insert and the Redis cleanup, re-run, leaves exactly the increments', async () => {
    await seedWeek();
    const crash: RollupOptions = {
      faults: {
        afterInsert: (_family, day) => {
          if (day === TODAY - 3) throw new Error('killed');
        },
      },
    };
    await expect(rollUp('client_screens', crash)).rejects.toThrow('killed');
    // Two days stored and cleaned, the third stored but still in Redis, `earliest` on it.
    expect(await screenRows()).toHaveLength(3);
    expect(await redis.get(statsEarliestKey('client_screens'))).toBe(String(TODAY - 3));
    expect(await redis.hgetall(statsExtraKey('client_screens', TODAY - 3, 'popped'))).toEqual({ 'android:70:home': '2' });

    const rerun = await rollUp('client_screens');
    expect(rerun).toMatchObject({ daysRolled: 2, conflicts: 1, divergent: 0, earliest: TODAY - 1 });
    const rows = await screenRows();
    expect(rows).toMatchObject(EXPECTED_SCREEN_ROWS);
    expect(rows.every((r) => r.late_snapshots === null)).toBe(true);
    expect(await redis.exists(statsExtraKey('client_screens', TODAY - 3, 'popped'))).toBe(0);
  });

  it('Redis data for a stored day that differs from its row is kept aside, not counted twice (§8.1 d)', async () => {
    await record(TODAY - 3, [popped('home')]);
    const crash: RollupOptions = { faults: { afterInsert: () => { throw new Error('killed'); } } };
    await expect(rollUp('client_screens', crash)).rejects.toThrow('killed');
    // A writer more than a day late (the guard has not closed the day: the cleanup never ran).
    await record(TODAY - 3, [popped('late')]);
    const before = server.app.metrics.get('stats_rollup_divergent');
    expect(await rollUp('client_screens')).toMatchObject({ conflicts: 1, divergent: 1, earliest: TODAY - 1 });
    expect(server.app.metrics.get('stats_rollup_divergent')).toBe(before + 1);
    const row = (await screenRows())[0];
    expect(row).toMatchObject({ day: isoDate(TODAY - 3), popped: '1', popped_breakdown: { 'android:70:home': 1 } });
    expect(row.late_snapshots).toEqual([
      {
        totals: { queued: 0, peeked: 0, popped: 2, traced: 0 },
        breakdowns: { queued: {}, peeked: {}, popped: { 'android:70:home': 1, 'android:70:late': 1 }, traced: {} },
      },
    ]);
  });

  it('concurrent runs do not double count, with or without the family lock', async () => {
    for (const options of [{}, { withoutLock: true }] as RollupOptions[]) {
      await clearStats(redis);
      await server.sql(`TRUNCATE client_screen_stats`);
      await seedWeek();
      const runs = await Promise.all([rollUp('client_screens', options), rollUp('client_screens', options), rollUp('client_screens', options)]);
      if (!options.withoutLock) expect(runs.filter((r) => r.locked).length).toBeGreaterThanOrEqual(1);
      expect(await screenRows()).toMatchObject(EXPECTED_SCREEN_ROWS);
      expect(await redis.get(statsEarliestKey('client_screens'))).toBe(String(TODAY - 1));
    }
  });

  it('a malformed field (non-integer count, key that is not UTF-8) is reported and never blocks the day', async () => {
    await record(TODAY - 3, [popped('home')]);
    await redis.hset(statsExtraKey('client_screens', TODAY - 3, 'popped'), Buffer.from([0x61, 0xff, 0x3a]), '1');
    await redis.hset(statsExtraKey('client_screens', TODAY - 3, 'peeked'), 'ios:1:x', 'NaN');
    const result = await rollUp('client_screens');
    expect(result.inconsistencies).toBeGreaterThanOrEqual(3); // bad key, bad count, popped total ≠ breakdown sum
    expect(result.earliest).toBe(TODAY - 1);
    expect((await screenRows())[0]).toMatchObject({ popped: '1', popped_breakdown: { 'android:70:home': 1, 'a\uFFFD:': 1 } });
  });

  it('stops between days when asked to', async () => {
    await seedWeek();
    const abort = new AbortController();
    abort.abort();
    expect(await rollUpDailyStats(server.app, 'client_screens', ctx(abort.signal))).toMatchObject({ stopped: true, daysRolled: 0 });
    expect(await screenRows()).toEqual([]);
  });
});
