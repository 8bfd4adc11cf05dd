import type { Redis } from 'ioredis';
import type { StatsEvent } from '../domain/engine';
import { startOfStatsDay, statsDay } from '../domain/stats-day';
import { LuaScript } from '../lib/lua-script';
import { redisIsDown, withTimeout } from '../lib/redis-calls';
import type { Logger } from '../lib/log';
import type { Metrics } from '../lib/metrics';
import type { StatsSink } from './sink';
import { collectIncrements, DEFAULT_BREAKDOWN_CAP, planStatsWrite, STATS_SAFETY_TTL_SECONDS, STATS_WRITE_SCRIPT } from './write-plan';

const writeScript = new LuaScript(STATS_WRITE_SCRIPT);

/** A stats write waits at most this long for Redis; the request it follows is already decided. */
const WRITE_TIMEOUT_MS = 1000;

/**
 * The Redis stats writer (stats-cache-jobs.md §1.2): each committed operation's counters in one
 * atomic script call (one round trip), on the stats day of the operation's instant. Never
 * throws: when Redis is down or slow the write is dropped, logged and counted
 * (`stats_writes_dropped`, `stats_increments_dropped`), and the request answers as usual.
 */
export class RedisStatsWriter implements StatsSink {
  constructor(
    private readonly deps: {
      redis: Redis;
      log: Logger;
      metrics: Metrics;
      timeZone: string;
      cap?: number;
    },
  ) {}

  async record(events: readonly StatsEvent[], instant: number): Promise<void> {
    const { redis, log, metrics, timeZone } = this.deps;
    const day = statsDay(instant, timeZone);
    const plan = planStatsWrite(collectIncrements(events), {
      day,
      expireAt: startOfStatsDay(day + 1, timeZone) + STATS_SAFETY_TTL_SECONDS,
      cap: this.deps.cap ?? DEFAULT_BREAKDOWN_CAP,
    });
    if (plan === null) return;
    try {
      if (redisIsDown(redis)) throw new Error(`redis is ${redis.status}`);
      const late = await withTimeout(writeScript.run(redis, plan.keys, plan.args), WRITE_TIMEOUT_MS);
      metrics.increment('stats_writes');
      if (typeof late === 'number' && late > 0) {
        metrics.increment('stats_increments_late', late);
        log.warn({ day, late }, 'stats increments refused: their day was already rolled up');
      }
    } catch (error) {
      metrics.increment('stats_writes_dropped');
      metrics.increment('stats_increments_dropped', plan.increments);
      log.warn({ err: error, day, increments: plan.increments, events: events.map((e) => e.event) }, 'stats write dropped');
    }
  }
}
