/**
 * The admin statistics answers (stats-cache-jobs.md §4), assembled from days that come either
 * from PostgreSQL (rolled up) or from Redis (not rolled up yet). Pure: the service reads, this
 * module decides which source each day takes and builds the exact wire bodies.
 */

import { FAMILY_EVENTS, STATS_FAMILIES, type StatsFamilyName } from './stats-keys';

/** One family's counters for one stats day: every event's total and its breakdown. */
export interface DayCounts {
  totals: Record<string, number>;
  breakdowns: Record<string, Record<string, number>>;
}

export function emptyDay(family: StatsFamilyName): DayCounts {
  const day: DayCounts = { totals: {}, breakdowns: {} };
  for (const event of FAMILY_EVENTS[family]) {
    day.totals[event] = 0;
    day.breakdowns[event] = {};
  }
  return day;
}

/** A stored count (bigint text, number, Redis field text) as a number; anything else counts 0. */
function countOf(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

function breakdownOf(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [key, count] of Object.entries(value)) {
    const n = countOf(count);
    if (n > 0) out[key] = n;
  }
  return out;
}

/**
 * A day from Redis: the basic hash (event → count) and, per event, its `:extra:{event}` hash
 * (breakdown key → count). Missing hashes and fields are zero. A malformed value is read as 0
 * rather than failing the admin's page (the rollup is where malformed data gets reported).
 */
export function dayFromRedis(
  family: StatsFamilyName,
  basic: Record<string, string>,
  extras: Readonly<Record<string, Record<string, string>>>,
): DayCounts {
  const day = emptyDay(family);
  for (const event of FAMILY_EVENTS[family]) {
    day.totals[event] = countOf(basic[event]);
    day.breakdowns[event] = breakdownOf(extras[event]);
  }
  return day;
}

/** A day from a `client_flow_stats` / `client_screen_stats` row (columns by their SQL names). */
export function dayFromRow(family: StatsFamilyName, row: Record<string, unknown>): DayCounts {
  const day = emptyDay(family);
  for (const event of FAMILY_EVENTS[family]) {
    day.totals[event] = countOf(row[event]);
    day.breakdowns[event] = breakdownOf(row[`${event}_breakdown`]);
  }
  return day;
}

/**
 * Where a day's counters live, given `earliest` (the smallest day that may still be in Redis;
 * null when the key is missing): days before it were rolled into PostgreSQL; the others are
 * read from Redis, even when empty there (§4.2). A missing `earliest` means Redis holds nothing.
 */
export function daySource(day: number, earliest: number | null): 'redis' | 'postgres' {
  return earliest !== null && day >= earliest ? 'redis' : 'postgres';
}

/** The historical chart's window (§4.1): 90 days, `start` inclusive to `end` exclusive, ending two days ago. */
export function historicalWindow(today: number): { start: number; end: number } {
  const end = today - 1;
  return { start: end - 90, end };
}

/** The wire body of the historical chart, keys in the reference's order (labels, then per event). */
export type HistoricalBody = Record<string, unknown> & { labels: string[] };

/**
 * The historical chart (§4.1): one label and one value per day of `[start, end)`, days without
 * data are 0, and every breakdown key seen on any day gets exactly one value per day (zeros
 * before it first appears and on days it is missing). Breakdown keys are sorted so every instance
 * builds the same bytes for the same data.
 */
export function historicalBody(
  family: StatsFamilyName,
  window: { start: number; end: number },
  days: ReadonlyMap<number, DayCounts>,
  label: (unixDate: number) => string,
): HistoricalBody {
  const length = window.end - window.start;
  const body: HistoricalBody = { labels: Array.from({ length }, (_, i) => label(window.start + i)) };
  for (const event of FAMILY_EVENTS[family]) {
    const totals = new Array<number>(length).fill(0);
    const series = new Map<string, number[]>();
    for (let i = 0; i < length; i++) {
      const day = days.get(window.start + i);
      if (day === undefined) continue;
      totals[i] = day.totals[event] ?? 0;
      for (const [key, count] of Object.entries(day.breakdowns[event] ?? {})) {
        let values = series.get(key);
        if (values === undefined) series.set(key, (values = new Array<number>(length).fill(0)));
        values[i] = count;
      }
    }
    const breakdown: Record<string, number[]> = {};
    for (const key of [...series.keys()].sort()) breakdown[key] = series.get(key)!;
    body[event] = totals;
    body[`${event}_breakdown`] = breakdown;
  }
  return body;
}

/** One day of the partial answer: `{event: n, event_breakdown: {key: n}}` per event, in order. */
export function dayBody(family: StatsFamilyName, day: DayCounts): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const event of FAMILY_EVENTS[family]) {
    body[event] = day.totals[event] ?? 0;
    body[`${event}_breakdown`] = day.breakdowns[event] ?? {};
  }
  return body;
}

/** The partial answer (§4.2): today and yesterday; no `two_days_ago`. */
export function partialBody(family: StatsFamilyName, today: DayCounts, yesterday: DayCounts): { today: Record<string, unknown>; yesterday: Record<string, unknown> } {
  return { today: dayBody(family, today), yesterday: dayBody(family, yesterday) };
}

// ---- chart cache (§4.3) ----

/** The shared cache key of a window's gzip body: the reference's local key names. */
export function chartCacheKey(family: StatsFamilyName, window: { start: number; end: number }): string {
  return `daily_${family}:${window.start}:${window.end}`;
}

/** The channel on which an instance hands the bodies it computed to every instance. */
export function chartChannel(family: StatsFamilyName): string {
  return `ps:stats:${family}:daily`;
}

/** The family whose chart channel this is, or null. */
export function familyOfChartChannel(channel: string): StatsFamilyName | null {
  for (const family of STATS_FAMILIES) if (chartChannel(family) === channel) return family;
  return null;
}

/** How long a window's body may be cached while some of its days are not rolled up yet. */
export const PROVISIONAL_CHART_SECONDS = 60;

/**
 * Until when (seconds) a computed chart may be cached, and whether it is final. A window whose
 * days are all in PostgreSQL (`earliest` missing or at or after `end`) cannot change any more and
 * is cached until the next stats day starts. Otherwise some days came from Redis and a rollup is
 * still due: cache it for a minute at most, so the chart never keeps a gap (the reference's
 * "missing last day" defect).
 */
export function chartLifetime(
  input: { now: number; nextDayStart: number; earliest: number | null; end: number },
): { expiresAt: number; final: boolean } {
  const final = input.earliest === null || input.earliest >= input.end;
  return final
    ? { expiresAt: input.nextDayStart, final }
    : { expiresAt: Math.min(input.nextDayStart, input.now + PROVISIONAL_CHART_SECONDS), final };
}

/** `max-age` for a body cached until `expiresAt`: whole seconds left, 60 when none are (§4.1). */
export function chartMaxAge(now: number, expiresAt: number): number {
  const left = Math.floor(expiresAt - now);
  return left > 0 ? left : 60;
}

/**
 * The broadcast of a computed body (§4.3): `uint32 start` ‖ `uint32 end` ‖ `uint64 length` ‖
 * `length` bytes of gzip body, big-endian.
 */
export function encodeChartMessage(window: { start: number; end: number }, body: Uint8Array): Buffer {
  const message = Buffer.allocUnsafe(16 + body.length);
  message.writeUInt32BE(window.start, 0);
  message.writeUInt32BE(window.end, 4);
  message.writeBigUInt64BE(BigInt(body.length), 8);
  message.set(body, 16);
  return message;
}

/** The window and body of a broadcast, or null when the message is not one. */
export function decodeChartMessage(message: Buffer): { start: number; end: number; body: Buffer } | null {
  if (message.length < 16) return null;
  const length = message.readBigUInt64BE(8);
  if (length !== BigInt(message.length - 16)) return null;
  const start = message.readUInt32BE(0);
  const end = message.readUInt32BE(4);
  if (start >= end) return null;
  return { start, end, body: message.subarray(16) };
}
