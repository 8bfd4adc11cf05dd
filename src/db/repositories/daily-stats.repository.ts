import { dayFromRow, type DayCounts } from '../../domain/stats-charts';
import { FAMILY_EVENTS, type StatsFamilyName } from '../../domain/stats-keys';
import type { Sql } from '../sql';

/** The table each family is rolled up into (stats-cache-jobs.md §2). */
export const STATS_TABLES: Readonly<Record<StatsFamilyName, string>> = {
  client_flows: 'client_flow_stats',
  client_screens: 'client_screen_stats',
};

/**
 * The rolled-up days `from` (inclusive) to `to` (exclusive) of a family, by unix_date. Days are
 * compared as dates (`retrieved_for` is a date; `date + integer` is a date), so the unique index
 * serves the range and no time zone is involved.
 */
export async function readRolledUpDays(sql: Sql, family: StatsFamilyName, from: number, to: number): Promise<Map<number, DayCounts>> {
  const columns = FAMILY_EVENTS[family].flatMap((event) => [event, `${event}_breakdown`]).join(', ');
  const rows = await sql<Record<string, unknown> & { unix_date: number }>(
    `SELECT retrieved_for - DATE '1970-01-01' AS unix_date, ${columns} FROM ${STATS_TABLES[family]}
     WHERE retrieved_for >= DATE '1970-01-01' + ?::int AND retrieved_for < DATE '1970-01-01' + ?::int`,
    [from, to],
  );
  return new Map(rows.map((row) => [Number(row.unix_date), dayFromRow(family, row)]));
}
