import type { JsonObject } from '../../domain/json';
import { jsonParam, type Sql } from '../sql';

/** A visitor uid as the header must spell it to count (queue-engine.md §6.3). */
export const VISITOR_UID_PATTERN = /^oseh_v_[a-zA-Z0-9_-]{5,30}$/;

/**
 * Resolves the response's visitor: an existing well-formed header uid is echoed, anything else
 * (absent, malformed, unknown) gets a new visitor. The visitor is associated with the user.
 */
export async function resolveVisitor(
  sql: Sql,
  input: { header: string | undefined; userId: string; source: string; now: number; newUid: () => string },
): Promise<{ id: string; uid: string }> {
  let visitor: { id: string; uid: string } | undefined;
  if (input.header !== undefined && VISITOR_UID_PATTERN.test(input.header)) {
    [visitor] = await sql<{ id: string; uid: string }>(`SELECT id, uid FROM visitors WHERE uid = ?`, [input.header]);
  }
  if (visitor === undefined) {
    [visitor] = await sql<{ id: string; uid: string }>(
      `INSERT INTO visitors (uid, source, created_at) VALUES (?, ?, ?) RETURNING id, uid`,
      [input.newUid(), input.source, input.now],
    );
  }
  await sql(
    `INSERT INTO visitor_users (visitor_id, user_id, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (visitor_id, user_id) DO UPDATE SET last_seen_at = GREATEST(visitor_users.last_seen_at, EXCLUDED.last_seen_at)`,
    [visitor.id, input.userId, input.now, input.now],
  );
  return { id: String(visitor.id), uid: visitor.uid };
}

/** One `user_client_screens_log` row for a realized front screen. */
export async function insertScreenLog(
  sql: Sql,
  row: { uid: string; userId: string; platform: string; visitorId: string | null; screen: JsonObject; createdAt: number },
): Promise<void> {
  await sql(
    `INSERT INTO user_client_screens_log (uid, user_id, platform, visitor_id, screen, created_at) VALUES (?, ?, ?, ?, ?::jsonb, ?)`,
    [row.uid, row.userId, row.platform, row.visitorId, jsonParam(row.screen), row.createdAt],
  );
}

/**
 * Attaches a trace to the log row named by the screen JWT. Inserts nothing when the log row is
 * gone (logs may be truncated), or when `userId` is given and the row belongs to someone else.
 * Returns whether a row was inserted.
 */
export async function insertScreenAction(
  sql: Sql,
  row: { uid: string; logUid: string; event: string; createdAt: number; userId?: string },
): Promise<boolean> {
  const ownerClause = row.userId === undefined ? '' : ' AND user_id = ?';
  const params: unknown[] = [row.uid, row.event, row.createdAt, row.logUid];
  if (row.userId !== undefined) params.push(row.userId);
  const inserted = await sql(
    `INSERT INTO user_client_screen_actions_log (uid, user_client_screen_log_id, event, created_at)
     SELECT ?, id, ?, ? FROM user_client_screens_log WHERE uid = ?${ownerClause}
     RETURNING id`,
    params,
  );
  return inserted.length > 0;
}

/** Owner of a log row, or null when it no longer exists. */
export async function findScreenLogOwner(sql: Sql, logUid: string): Promise<string | null> {
  const rows = await sql<{ user_id: string }>(`SELECT user_id FROM user_client_screens_log WHERE uid = ?`, [logUid]);
  return rows.length === 0 ? null : String(rows[0].user_id);
}
