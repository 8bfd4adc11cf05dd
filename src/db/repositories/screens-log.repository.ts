import type { JsonObject } from '../../domain/json';
import { jsonParam, prepared, type Sql } from '../sql';

/** A visitor uid as the header must spell it to count (queue-engine.md §6.3). */
export const VISITOR_UID_PATTERN = /^oseh_v_[a-zA-Z0-9_-]{5,30}$/;

/** What one peek-family answer logs: the realized front, for this user, seen by this visitor. */
export interface FrontLog {
  visitorHeader: string | undefined;
  newVisitorUid: () => string;
  userId: string;
  platform: string;
  log: { uid: string; screen: JsonObject };
  now: number;
}

/**
 * The CTEs `found`, `created`, `visitor`, `seen` and `logged` of a front's log, each running
 * only when the statement's CTE `current` has a row: resolve the response's visitor (an existing
 * well-formed header uid is echoed; anything else, absent, malformed or unknown, gets a new
 * visitor), associate it with the user, and write one `user_client_screens_log` row for the
 * realized front screen. The statement selects the visitor from `visitor`.
 */
export function frontLogCtes(input: FrontLog): { text: string; params: unknown[] } {
  const header = input.visitorHeader !== undefined && VISITOR_UID_PATTERN.test(input.visitorHeader) ? input.visitorHeader : null;
  return {
    text: `found AS (SELECT id, uid FROM visitors WHERE uid = ?::text AND EXISTS (SELECT 1 FROM current)),
     created AS (
       INSERT INTO visitors (uid, source, created_at) SELECT ?::text, ?::text, ?::double precision
       WHERE EXISTS (SELECT 1 FROM current) AND NOT EXISTS (SELECT 1 FROM found) RETURNING id, uid),
     visitor AS (SELECT id, uid FROM found UNION ALL SELECT id, uid FROM created),
     seen AS (
       INSERT INTO visitor_users (visitor_id, user_id, first_seen_at, last_seen_at)
       SELECT id, ?::bigint, ?::double precision, ?::double precision FROM visitor
       ON CONFLICT (visitor_id, user_id) DO UPDATE SET last_seen_at = GREATEST(visitor_users.last_seen_at, EXCLUDED.last_seen_at)),
     logged AS (
       INSERT INTO user_client_screens_log (uid, user_id, platform, visitor_id, screen, created_at)
       SELECT ?::text, ?::bigint, ?::text, id, ?::jsonb, ?::double precision FROM visitor)`,
    params: [
      header,
      input.newVisitorUid(), input.platform, input.now,
      input.userId, input.now, input.now,
      input.log.uid, input.userId, input.platform, jsonParam(input.log.screen), input.now,
    ],
  };
}

/**
 * The tail of a peek-family answer that leaves the queue as it is, in one statement: the front's
 * log (`frontLogCtes`), only while the user's `queue_version` is still `queueVersion` (the
 * version the front was read at, or written as); otherwise nothing is written and it returns
 * null. Under the user's lock that always holds; an unlocked peek relies on it to log only a
 * front that is still the front. Returns the visitor.
 */
export async function logRealizedFront(sql: Sql, input: FrontLog & { queueVersion: number }): Promise<{ id: string; uid: string } | null> {
  const log = frontLogCtes(input);
  const [visitor] = await sql<{ id: string; uid: string }>(
    prepared(`WITH current AS (SELECT 1 FROM users WHERE id = ?::bigint AND queue_version = ?::integer),
     ${log.text}
     SELECT id::text AS id, uid FROM visitor`),
    [input.userId, input.queueVersion, ...log.params],
  );
  return visitor ?? null;
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
