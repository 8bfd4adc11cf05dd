import type { Sql } from '../sql';

/**
 * Users whose whole queue is stale: every row added at or before `cutoff` (stats-cache-jobs.md
 * §6), in user id order after `afterUserId` (keyset paging: every call makes progress).
 */
export async function findStaleQueueUsers(sql: Sql, cutoff: number, afterUserId: string, limit: number): Promise<{ id: string; sub: string }[]> {
  return sql<{ id: string; sub: string }>(
    `SELECT q.user_id::text AS id, u.sub FROM user_client_screens q JOIN users u ON u.id = q.user_id
     WHERE q.user_id > ?::bigint GROUP BY q.user_id, u.sub HAVING max(q.added_at) <= ? ORDER BY q.user_id LIMIT ?`,
    [afterUserId, cutoff, limit],
  );
}

export async function countStaleQueueUsers(sql: Sql, cutoff: number): Promise<number> {
  const rows = await sql<{ n: string }>(
    `SELECT count(*)::text AS n FROM (SELECT 1 FROM user_client_screens GROUP BY user_id HAVING max(added_at) <= ?) stale`,
    [cutoff],
  );
  return Number(rows[0].n);
}

/** The two screen log tables, children first (a log row's actions go with it anyway). */
export const SCREEN_LOG_TABLES = ['user_client_screen_actions_log', 'user_client_screens_log'] as const;

/** Deletes up to `limit` rows of `table` created before `cutoff`; returns how many. */
export async function deleteOldLogRows(sql: Sql, table: (typeof SCREEN_LOG_TABLES)[number], cutoff: number, limit: number): Promise<number> {
  const rows = await sql(
    `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE created_at < ? LIMIT ?) RETURNING 1 AS deleted`,
    [cutoff, limit],
  );
  return rows.length;
}

export async function countOldLogRows(sql: Sql, table: (typeof SCREEN_LOG_TABLES)[number], cutoff: number): Promise<number> {
  const rows = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM ${table} WHERE created_at < ?`, [cutoff]);
  return Number(rows[0].n);
}
