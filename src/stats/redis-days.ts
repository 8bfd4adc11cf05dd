import type { Redis } from 'ioredis';
import { dayFromRedis, type DayCounts } from '../domain/stats-charts';
import { FAMILY_EVENTS, statsDayKey, statsEarliestKey, statsExtraKey, type StatsFamilyName } from '../domain/stats-keys';
import { ServiceUnavailableError } from '../services/errors';

export interface RedisDays {
  /** `stats:{family}:daily:earliest` as read with the days; null when missing. */
  earliest: number | null;
  days: Map<number, DayCounts>;
}

function parseEarliest(value: string | null): number | null {
  return value !== null && /^-?\d{1,9}$/.test(value) ? Number(value) : null;
}

/** `earliest` alone (one GET). Redis failures are ServiceUnavailableError: counts cannot be told. */
export async function readEarliest(redis: Redis, family: StatsFamilyName): Promise<number | null> {
  try {
    return parseEarliest(await redis.get(statsEarliestKey(family)));
  } catch {
    throw new ServiceUnavailableError('statistics unavailable: redis unreachable');
  }
}

/**
 * `earliest` and the basic and extra hashes of `days`, in one MULTI: the rollup moves a day out
 * of Redis and raises `earliest` atomically, so this snapshot never sees a day both gone and
 * still counted as un-rolled.
 */
export async function readRedisDays(redis: Redis, family: StatsFamilyName, days: readonly number[]): Promise<RedisDays> {
  const events = FAMILY_EVENTS[family];
  const multi = redis.multi().get(statsEarliestKey(family));
  for (const day of days) {
    multi.hgetall(statsDayKey(family, day));
    for (const event of events) multi.hgetall(statsExtraKey(family, day, event));
  }
  let results: [Error | null, unknown][] | null;
  try {
    results = await multi.exec();
  } catch {
    throw new ServiceUnavailableError('statistics unavailable: redis unreachable');
  }
  if (results === null || results.some(([error]) => error !== null)) {
    throw new ServiceUnavailableError('statistics unavailable: redis refused the read');
  }
  const values = results.map(([, value]) => value);
  const out: RedisDays = { earliest: parseEarliest(values[0] as string | null), days: new Map() };
  let at = 1;
  for (const day of days) {
    const basic = values[at++] as Record<string, string>;
    const extras: Record<string, Record<string, string>> = {};
    for (const event of events) extras[event] = values[at++] as Record<string, string>;
    out.days.set(day, dayFromRedis(family, basic, extras));
  }
  return out;
}
