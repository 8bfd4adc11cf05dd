import { request } from 'node:http';
import type { Redis } from 'ioredis';
import { FAMILY_EVENTS, statsDayKey, statsEarliestKey, statsExtraKey, type StatsFamilyName } from '../../src/domain/stats-keys';
import { STATS_TABLES } from '../../src/db/repositories/daily-stats.repository';
import type { TestServer } from './server';

/** Breakdowns of one day: event → breakdown key → count (totals are their sums, as the writer keeps them). */
export type DayFixture = Record<string, Record<string, number>>;

const total = (breakdown: Record<string, number> = {}) => Object.values(breakdown).reduce((a, b) => a + b, 0);

/** A rolled-up day, inserted as the rollup would. */
export async function insertStatsRow(server: TestServer, family: StatsFamilyName, day: number, breakdowns: DayFixture): Promise<void> {
  const events = FAMILY_EVENTS[family];
  const columns = events.flatMap((e) => [e, `${e}_breakdown`]);
  const values = events.flatMap((e) => [total(breakdowns[e]), JSON.stringify(breakdowns[e] ?? {})]);
  await server.sql(
    `INSERT INTO ${STATS_TABLES[family]} (retrieved_for, retrieved_at, ${columns.join(', ')})
     VALUES (DATE '1970-01-01' + $1::int, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')})`,
    [day, Date.now() / 1000, ...values],
  );
}

/** A day still in Redis: the basic hash and the extra hashes, as the writer leaves them. */
export async function writeRedisDay(redis: Redis, family: StatsFamilyName, day: number, breakdowns: DayFixture): Promise<void> {
  for (const [event, breakdown] of Object.entries(breakdowns)) {
    await redis.hincrby(statsDayKey(family, day), event, total(breakdown));
    for (const [key, count] of Object.entries(breakdown)) await redis.hincrby(statsExtraKey(family, day, event), key, count);
  }
}

/** Sets (or with null deletes) `stats:{family}:daily:earliest`. */
export async function setEarliest(redis: Redis, family: StatsFamilyName, day: number | null): Promise<void> {
  if (day === null) await redis.del(statsEarliestKey(family));
  else await redis.set(statsEarliestKey(family), String(day));
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent (fetch would decompress gzip behind our back). */
  body: Buffer;
}

/** A GET over node:http, without any transparent decoding. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
