import { readRolledUpDays } from '../db/repositories/daily-stats.repository';
import { insertDailyStatsRow, keepLateSnapshot } from '../db/repositories/stats-rollup.repository';
import { emptyDay, type DayCounts } from '../domain/stats-charts';
import { statsDay } from '../domain/stats-day';
import {
  FAMILY_EVENTS, statsDayKey, statsEarliestKey, statsExtraKey, statsRolledThroughKey, statsRollupLockKey, type StatsFamilyName,
} from '../domain/stats-keys';
import { LuaScript } from '../lib/lua-script';
import { RedisLock } from '../lib/redis-lock';
import type { AppContext } from '../services/app-context';
import { inTransaction, withReadConnection } from '../services/transaction';
import type { Job, JobContext, JobResult } from './job';

/** Today and yesterday always stay in Redis (stats-cache-jobs.md §3 "Which days"). */
export const DAYS_HELD = 2;
/** The rollup lock's lease; renewed before every day. */
const LOCK_TTL_MS = 60_000;
/** Alert when this many days or more wait in Redis (§8 item 7). */
const LAG_ALERT_DAYS = 3;

/**
 * Finalize (§8.1 c): only if `earliest` still equals the day, delete the day's hashes, set
 * `earliest` to day + 1 and raise `rolled_through` to the day, all at once. KEYS: earliest,
 * rolled_through, the day's hashes. ARGV: day. Returns 1 when it finalized, 0 when someone
 * else already had.
 */
const finalizeScript = new LuaScript(`
local day = tonumber(ARGV[1])
if tonumber(redis.call('GET', KEYS[1]) or '') ~= day then return 0 end
redis.call('DEL', unpack(KEYS, 3))
redis.call('SET', KEYS[1], day + 1)
local rolled = tonumber(redis.call('GET', KEYS[2]) or '')
if rolled == nil or rolled < day then redis.call('SET', KEYS[2], day) end
return 1`);

/** Points where a test makes the rollup die, to prove a re-run neither loses nor double counts. */
export interface RollupFaults {
  /** Called after the day's row was stored and before Redis is cleaned up. */
  afterInsert?(family: StatsFamilyName, day: number): void;
}

export interface RollupResult extends JobResult {
  family: StatsFamilyName;
  /** Days this run moved to PostgreSQL (inserted or found already there). */
  daysRolled: number;
  /** Days whose row already existed (an earlier run died before its cleanup, or a concurrent run). */
  conflicts: number;
  /** Of those, days whose stored row differed from Redis (leftovers kept in `late_snapshots`). */
  divergent: number;
  /** Events whose total differed from the sum of its breakdown, and malformed fields. */
  inconsistencies: number;
  /** `earliest` after the run (null: Redis has never had data). */
  earliest: number | null;
  /** Another run held the family's lock: nothing was done. */
  locked: boolean;
}

export interface RollupOptions {
  faults?: RollupFaults;
  /** Run without the family lock (tests proving the rollup is exactly-once on its own). */
  withoutLock?: boolean;
}

const INTEGER = /^\d{1,15}$/;
/** What breakdown keys are made of (slugs, `None`, `True`, digits, `-`, `:`); anything else came from elsewhere. */
const BREAKDOWN_KEY = /^[A-Za-z0-9_:-]*$/;

interface Snapshot {
  earliest: number | null;
  day: DayCounts;
  /** Descriptions of malformed fields and total/breakdown mismatches, for the alert. */
  problems: string[];
}

const parseDay = (value: unknown): number | null =>
  typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : null;

/**
 * One atomic read (MULTI) of `earliest` and every hash of `day` (§8.1 a). Malformed content never
 * blocks the rollup: a non-integer count is read as 0 and a key that is not a breakdown key is
 * kept as decoded (invalid UTF-8 already replaced), both reported.
 */
async function snapshotDay(app: AppContext, family: StatsFamilyName, day: number): Promise<Snapshot> {
  const events = FAMILY_EVENTS[family];
  const multi = app.redis.multi().get(statsEarliestKey(family)).hgetall(statsDayKey(family, day));
  for (const event of events) multi.hgetall(statsExtraKey(family, day, event));
  const results = await multi.exec();
  if (results === null) throw new Error('redis aborted the snapshot transaction');
  for (const [error] of results) if (error !== null) throw error;
  const [earliest, basic, ...extras] = results.map(([, value]) => value) as [string | null, Record<string, string>, ...Record<string, string>[]];
  const problems: string[] = [];
  const count = (where: string, value: string): number => {
    if (INTEGER.test(value)) return Number(value);
    problems.push(`${where} is not a count: ${JSON.stringify(value.slice(0, 40))}`);
    return 0;
  };
  const counts = emptyDay(family);
  events.forEach((event, i) => {
    counts.totals[event] = basic[event] === undefined ? 0 : count(`${event} total`, basic[event]);
    let sum = 0;
    for (const [key, value] of Object.entries(extras[i])) {
      if (!BREAKDOWN_KEY.test(key)) problems.push(`${event} breakdown key ${JSON.stringify(key.slice(0, 80))} is malformed`);
      const n = count(`${event} breakdown ${JSON.stringify(key.slice(0, 80))}`, value);
      if (n > 0) counts.breakdowns[event][key] = n;
      sum += n;
    }
    if (sum !== counts.totals[event]) problems.push(`${event}: total ${counts.totals[event]} but breakdown sums to ${sum}`);
  });
  return { earliest: parseDay(earliest), day: counts, problems };
}

function sameCounts(a: DayCounts, b: DayCounts): boolean {
  const canonical = (d: DayCounts) =>
    JSON.stringify(
      Object.keys(d.totals).sort().map((event) => [event, d.totals[event], Object.entries(d.breakdowns[event] ?? {}).sort()]),
    );
  return canonical(a) === canonical(b);
}

/**
 * The daily rollup of one family (stats-cache-jobs.md §3, §8.1): every day from `earliest` to
 * today − 2, oldest first, each exactly once however runs die or overlap:
 * (a) atomic snapshot; (b) `INSERT … ON CONFLICT DO NOTHING`; (c) compare-and-set finalize
 * (only if `earliest` still equals the day); (d) a day already stored is compared with the
 * snapshot: equal → finalized silently, different → alert and keep the Redis leftovers in
 * `late_snapshots`. Empty days get a row of zeros, so rows are contiguous. A per-family Redis
 * lock keeps runs from overlapping; correctness does not depend on it.
 */
export async function rollUpDailyStats(
  app: AppContext,
  family: StatsFamilyName,
  ctx: JobContext,
  options: RollupOptions = {},
): Promise<RollupResult> {
  const started = Date.now();
  const result: RollupResult = {
    family, summary: '', stopped: false, daysRolled: 0, conflicts: 0, divergent: 0, inconsistencies: 0, earliest: null, locked: false,
  };
  const lock = options.withoutLock ? null : await RedisLock.acquire(app.redis, statsRollupLockKey(family), LOCK_TTL_MS);
  if (!options.withoutLock && lock === null) {
    result.locked = true;
    result.summary = `${family}: another rollup holds the lock; nothing done`;
    return result;
  }
  try {
    const today = statsDay(app.now(), app.config.statsTimezone);
    const last = today - DAYS_HELD;
    let earliest = parseDay(await app.redis.get(statsEarliestKey(family)));
    ctx.progress.total(earliest === null ? 0 : Math.max(0, last - earliest + 1));
    while (earliest !== null && earliest <= last) {
      if (ctx.signal.aborted) {
        result.stopped = true;
        break;
      }
      if (lock !== null && !(await lock.renew())) throw new Error(`${family} rollup lost its lock`);
      const day = earliest;
      const snapshot = await snapshotDay(app, family, day);
      if (snapshot.earliest !== day) {
        // Another run finalized the day between our reads: continue from where it left off.
        earliest = snapshot.earliest;
        continue;
      }
      if (snapshot.problems.length > 0) {
        result.inconsistencies += snapshot.problems.length;
        app.metrics.increment('stats_rollup_inconsistencies', snapshot.problems.length);
        ctx.log.error({ family, day, problems: snapshot.problems }, 'stats rollup: inconsistent Redis counters (stored as read)');
      }
      const inserted = await inTransaction(app.db, ({ sql }) => insertDailyStatsRow(sql, family, day, app.now(), snapshot.day));
      if (!inserted) {
        result.conflicts++;
        app.metrics.increment('stats_rollup_conflicts');
        const stored = (await withReadConnection(app.db, (sql) => readRolledUpDays(sql, family, day, day + 1))).get(day);
        if (stored === undefined) throw new Error(`${family} day ${day} conflicted on insert but has no row`);
        if (!sameCounts(stored, snapshot.day)) {
          result.divergent++;
          app.metrics.increment('stats_rollup_divergent');
          await inTransaction(app.db, ({ sql }) => keepLateSnapshot(sql, family, day, snapshot.day));
          ctx.log.error({ family, day }, 'stats rollup: Redis differs from the stored day; kept the row and stored the Redis data in late_snapshots');
        }
      }
      options.faults?.afterInsert?.(family, day);
      const keys = [statsDayKey(family, day), ...FAMILY_EVENTS[family].map((event) => statsExtraKey(family, day, event))];
      await finalizeScript.run(app.redis, [statsEarliestKey(family), statsRolledThroughKey(family), ...keys], [day]);
      result.daysRolled++;
      app.metrics.increment('stats_rollup_days');
      ctx.progress.advance();
      earliest = day + 1;
    }
    result.earliest = earliest;
    const lag = earliest === null ? 0 : today - earliest;
    if (lag > LAG_ALERT_DAYS) ctx.log.error({ family, earliest, today }, `stats rollup: ${lag} days still wait in Redis`);
    const seconds = ((Date.now() - started) / 1000).toFixed(2);
    ctx.log.info({ ...result, summary: undefined, seconds, lag }, 'stats rollup finished');
    result.summary =
      `${family}: rolled ${result.daysRolled} day(s) in ${seconds} s` +
      (result.conflicts > 0 ? `, ${result.conflicts} already stored (${result.divergent} differing)` : '') +
      (result.inconsistencies > 0 ? `, ${result.inconsistencies} inconsistencies` : '') +
      (result.stopped ? ', stopped early' : '') +
      `; earliest now ${earliest ?? 'unset'}`;
    return result;
  } finally {
    await lock?.release();
  }
}

function rollupJob(name: string, family: StatsFamilyName, description: string): Job {
  // 00:15 in the stats zone: soon after the day closes, at a time every day has (§3, §4.3).
  return { name, description, secondsAfterDayStart: 15 * 60, run: (app, ctx) => rollUpDailyStats(app, family, ctx) };
}

export const dailyClientFlowStats = rollupJob(
  'daily_client_flow_stats',
  'client_flows',
  'move flow counters (triggered, replaced) of days before yesterday from Redis to client_flow_stats',
);

export const dailyClientScreenStats = rollupJob(
  'daily_client_screen_stats',
  'client_screens',
  'move screen counters (queued, peeked, popped, traced) of days before yesterday from Redis to client_screen_stats',
);
