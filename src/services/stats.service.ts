import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { readRolledUpDays } from '../db/repositories/daily-stats.repository';
import {
  chartMaxAge, daySource, emptyDay, historicalBody, historicalWindow, partialBody, type DayCounts, type HistoricalBody,
} from '../domain/stats-charts';
import { isoDate, statsDay } from '../domain/stats-day';
import type { StatsFamilyName } from '../domain/stats-keys';
import type { ComputedChart } from '../stats/chart-cache';
import { readEarliest, readRedisDays } from '../stats/redis-days';
import type { AppContext } from './app-context';
import { withReadConnection } from './transaction';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * The admin statistics read side (stats-cache-jobs.md §4), one service for REST and GraphQL.
 * Days not rolled up yet come from Redis, the others from PostgreSQL; Redis is read first, in
 * one MULTI with `earliest`, so a rollup finishing in between cannot make a day vanish.
 */

export interface HistoricalChart {
  /** gzip of the JSON body (the REST shim sends it as is). */
  gzipBody: Buffer;
  /** `max-age` for the answer: seconds until the cached body expires. */
  maxAgeSeconds: number;
  /** The JSON text, uncompressed (for clients that do not accept gzip). */
  json(): Promise<Buffer>;
  /** The parsed body (labels, each event's totals and `_breakdown` series). */
  body(): Promise<HistoricalBody>;
}

export async function historicalStats(app: AppContext, family: StatsFamilyName): Promise<HistoricalChart> {
  const today = statsDay(app.now(), app.config.statsTimezone);
  const window = historicalWindow(today);
  const cached = await app.charts.get(family, window, () => computeHistorical(app, family, window));
  return {
    gzipBody: cached.body,
    maxAgeSeconds: chartMaxAge(app.now(), cached.expiresAt),
    json: () => gunzipAsync(cached.body),
    body: async () => JSON.parse((await gunzipAsync(cached.body)).toString('utf8')) as HistoricalBody,
  };
}

async function computeHistorical(app: AppContext, family: StatsFamilyName, window: { start: number; end: number }): Promise<ComputedChart> {
  // Usually only the last day or two of the window are still in Redis; read just those.
  const first = await readEarliest(app.redis, family);
  const inRedis: number[] = [];
  if (first !== null) for (let day = Math.max(first, window.start); day < window.end; day++) inRedis.push(day);
  const redis = inRedis.length > 0 ? await readRedisDays(app.redis, family, inRedis) : { earliest: first, days: new Map<number, DayCounts>() };
  const days = await withReadConnection(app.db, (sql) => readRolledUpDays(sql, family, window.start, window.end));
  for (const [day, counts] of redis.days) if (daySource(day, redis.earliest) === 'redis') days.set(day, counts);
  const body = historicalBody(family, window, days, isoDate);
  return { body: await gzipAsync(JSON.stringify(body)), earliest: redis.earliest };
}

export type PartialStats = ReturnType<typeof partialBody>;

/** Today and yesterday (§4.2): each day from Redis unless it was rolled up (or `earliest` is missing). */
export async function partialStats(app: AppContext, family: StatsFamilyName): Promise<PartialStats> {
  const today = statsDay(app.now(), app.config.statsTimezone);
  const yesterday = today - 1;
  const redis = await readRedisDays(app.redis, family, [today, yesterday]);
  const fromPostgres = [today, yesterday].filter((day) => daySource(day, redis.earliest) === 'postgres');
  const rows =
    fromPostgres.length > 0
      ? await withReadConnection(app.db, (sql) => readRolledUpDays(sql, family, Math.min(...fromPostgres), Math.max(...fromPostgres) + 1))
      : new Map<number, DayCounts>();
  const pick = (day: number) =>
    (daySource(day, redis.earliest) === 'redis' ? redis.days.get(day) : rows.get(day)) ?? emptyDay(family);
  return partialBody(family, pick(today), pick(yesterday));
}
