import { USER_CLIENT_SCREENS_LOG_SQL, type ScreenLogRow } from '../search/resources';
import { textArrayParam, type Sql } from '../sql';

/** The user of a log row, as the log readers show it (admin-api.md §13). */
export interface LogUserRow {
  id: string;
  sub: string;
  given_name: string | null;
  family_name: string | null;
  created_at: number;
}

/** Users by `users.id`, in one statement (log pages and GraphQL loaders batch through it). */
export async function findLogUsersByIds(sql: Sql, ids: readonly string[]): Promise<LogUserRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql<LogUserRow>(
    `SELECT id, sub, given_name, family_name, created_at FROM users WHERE id = ANY(?::bigint[])`,
    [textArrayParam(ids.map(String))],
  );
  return rows.map((row) => ({ ...row, id: String(row.id) }));
}

/** Screen log rows by uid, in one statement. */
export async function findScreenLogsByUids(sql: Sql, uids: readonly string[]): Promise<ScreenLogRow[]> {
  if (uids.length === 0) return [];
  return sql<ScreenLogRow>(
    `SELECT ${USER_CLIENT_SCREENS_LOG_SQL.select} ${USER_CLIENT_SCREENS_LOG_SQL.from} WHERE l.uid = ANY(?::text[])`,
    [textArrayParam(uids)],
  );
}
