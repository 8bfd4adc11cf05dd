import type { DayCounts } from '../../domain/stats-charts';
import { FAMILY_EVENTS, type StatsFamilyName } from '../../domain/stats-keys';
import { jsonParam, type Sql } from '../sql';
import { STATS_TABLES } from './daily-stats.repository';

/** A breakdown as JSON with sorted keys (jsonb stores its own order; the text is for logs and tests). */
function sortedObject(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Stores a rolled-up day unless the day already has a row (`retrieved_for` is the rollup's
 * idempotency key, stats-cache-jobs.md §8.1 b). Returns whether this call inserted it.
 */
export async function insertDailyStatsRow(
  sql: Sql,
  family: StatsFamilyName,
  day: number,
  retrievedAt: number,
  counts: DayCounts,
): Promise<boolean> {
  const events = FAMILY_EVENTS[family];
  const columns = events.flatMap((event) => [event, `${event}_breakdown`]);
  const values = events.flatMap((event) => [counts.totals[event] ?? 0, jsonParam(sortedObject(counts.breakdowns[event] ?? {}))]);
  const placeholders = events.map(() => '?, ?::jsonb').join(', ');
  const rows = await sql(
    `INSERT INTO ${STATS_TABLES[family]} (retrieved_for, retrieved_at, ${columns.join(', ')})
     VALUES (DATE '1970-01-01' + ?::int, ?, ${placeholders})
     ON CONFLICT (retrieved_for) DO NOTHING RETURNING id`,
    [day, retrievedAt, ...values],
  );
  return rows.length === 1;
}

/**
 * Keeps a Redis snapshot of an already stored day that differs from its row (§8.1 d): appended
 * to `late_snapshots` unless an equal snapshot is already there, so re-running after a crash
 * does not store it twice. False when the day has no row.
 */
export async function keepLateSnapshot(sql: Sql, family: StatsFamilyName, day: number, snapshot: DayCounts): Promise<boolean> {
  const document = jsonParam({ totals: snapshot.totals, breakdowns: snapshot.breakdowns });
  const rows = await sql(
    `UPDATE ${STATS_TABLES[family]} t
     SET late_snapshots = CASE
       WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(t.late_snapshots) e WHERE e = ?::jsonb) THEN t.late_snapshots
       ELSE COALESCE(t.late_snapshots, '[]'::jsonb) || jsonb_build_array(?::jsonb) END
     WHERE t.retrieved_for = DATE '1970-01-01' + ?::int RETURNING t.id`,
    [document, document, day],
  );
  return rows.length === 1;
}
