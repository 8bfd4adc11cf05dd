import { screenFlags } from '../../domain/flags';
import type { JsonObject } from '../../domain/json';
import type { FlowScreen, QueuedScreen } from '../../domain/model';
import { isStorableText } from '../../domain/json';
import { jsonParam, textArrayParam, type Sql } from '../sql';
import { BUMP_QUEUE_VERSION, USER_COLUMNS, type UserRecord } from './users.repository';

interface QueueRow {
  uid: string;
  outer_counter: number;
  inner_counter: number;
  client_flow_id: string | null;
  flow_client_parameters: JsonObject;
  flow_server_parameters: JsonObject;
  screen: FlowScreen;
  added_at: number;
  cs_id: string | null;
  cs_uid: string | null;
  cs_slug: string | null;
  cs_schema: JsonObject | null;
  cs_flags: number | null;
}

const QUEUE_COLUMNS = `q.uid, q.outer_counter, q.inner_counter, q.client_flow_id, q.flow_client_parameters,
  q.flow_server_parameters, q.screen, q.added_at,
  cs.id AS cs_id, cs.uid AS cs_uid, cs.slug AS cs_slug, cs.schema AS cs_schema, cs.flags AS cs_flags`;

/**
 * The whole queue of a user, front first, each row with its screen definition read live (the
 * screen row is never snapshotted). Call with the per-user lock held.
 */
export async function loadQueue(sql: Sql, userId: string): Promise<QueuedScreen[]> {
  const rows = await sql<QueueRow>(
    `SELECT ${QUEUE_COLUMNS}
     FROM user_client_screens q LEFT JOIN client_screens cs ON cs.id = q.client_screen_id
     WHERE q.user_id = ?
     ORDER BY q.outer_counter DESC, q.inner_counter ASC`,
    [userId],
  );
  return toQueue(rows);
}

/** A user holding its queue lock, with the queue as it is under that lock. */
export type LockedUser = UserRecord & { queue: QueuedScreen[]; queueVersion: number };

/** One user's queue as one statement saw it, without any lock: what an optimistic peek starts from. */
export interface QueueSnapshot {
  user: UserRecord;
  /** `users.queue_version` in the same snapshot as `queue`: a later write can check nothing changed since. */
  queueVersion: number;
  queue: QueuedScreen[];
}

/** How a request names its user: an `oseh_ut_` user token (valid at `now`) or a verified `sub`. */
export type UserKey = { token: string; now: number } | { sub: string };

type UserQueueRow = UserRecord & { queue_version: number } & QueueRow;

/** The user row's part of a joined user+queue row. */
function userOf(row: UserRecord): UserRecord {
  return {
    id: row.id, sub: row.sub, givenName: row.givenName, familyName: row.familyName, createdAt: row.createdAt,
    admin: row.admin, hasPro: row.hasPro, timezone: row.timezone,
  };
}

/** `u` (one user, with `queue_version`) joined to its queue rows, front first. */
const withQueueRows = (userCte: string) => `WITH u AS (${userCte})
     SELECT u.*, ${QUEUE_COLUMNS}
     FROM u LEFT JOIN user_client_screens q ON q.user_id = u.id::bigint LEFT JOIN client_screens cs ON cs.id = q.client_screen_id
     ORDER BY q.outer_counter DESC, q.inner_counter ASC`;

const SNAPSHOT_BY_TOKEN = withQueueRows(`SELECT ${USER_COLUMNS}, u.queue_version FROM user_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token = ? AND (t.expires_at IS NULL OR t.expires_at > ?)`);
const SNAPSHOT_BY_SUB = withQueueRows(`SELECT ${USER_COLUMNS}, u.queue_version FROM users u WHERE u.sub = ?`);

/**
 * Authentication and the user's whole queue in one statement (one snapshot), taking no lock. Null
 * when no user matches (unknown or expired token, unknown sub). Writes based on it must check
 * `queueVersion` is still current (see `logRealizedFront`), or take the lock and read again.
 */
export async function readQueueSnapshot(sql: Sql, key: UserKey): Promise<QueueSnapshot | null> {
  const text = 'token' in key ? key.token : key.sub;
  if (!isStorableText(text)) return null;
  const rows = 'token' in key
    ? await sql<UserQueueRow>(SNAPSHOT_BY_TOKEN, [key.token, key.now])
    : await sql<UserQueueRow>(SNAPSHOT_BY_SUB, [key.sub]);
  if (rows.length === 0) return null;
  return { user: userOf(rows[0]), queueVersion: rows[0].queue_version, queue: toQueue(rows.filter((row) => row.uid !== null)) };
}

/**
 * Takes the per-user queue lock (queue-engine.md §9.2) and reads the queue in the same statement.
 * NO KEY so inserts of rows referencing the user elsewhere are not blocked. Null if the user is
 * gone.
 *
 * Under READ COMMITTED the statement's queue rows come from the snapshot taken when it started,
 * which is stale if it had to wait for the lock while another transaction changed the queue.
 * Every queue change bumps `users.queue_version` under this lock, so the locked row's version
 * (the newest, re-read after the wait) differs from the snapshot's exactly then: in that case
 * the queue is read again, now under the lock. Without contention this is one round trip.
 */
export async function lockUserWithQueue(sql: Sql, sub: string): Promise<LockedUser | null> {
  if (!isStorableText(sub)) return null;
  const rows = await sql<UserRecord & { locked_version: number; snapshot_version: number } & QueueRow>(
    `WITH u AS (SELECT ${USER_COLUMNS}, u.queue_version AS locked_version FROM users u WHERE u.sub = ? FOR NO KEY UPDATE)
     SELECT u.*, (SELECT s.queue_version FROM users s WHERE s.id = u.id::bigint) AS snapshot_version, ${QUEUE_COLUMNS}
     FROM u LEFT JOIN user_client_screens q ON q.user_id = u.id::bigint LEFT JOIN client_screens cs ON cs.id = q.client_screen_id
     ORDER BY q.outer_counter DESC, q.inner_counter ASC`,
    [sub],
  );
  if (rows.length === 0) return null;
  const [first] = rows;
  const user = userOf(first);
  const fresh = String(first.locked_version) === String(first.snapshot_version);
  const queue = fresh ? toQueue(rows.filter((row) => row.uid !== null)) : await loadQueue(sql, user.id);
  return { ...user, queue, queueVersion: Number(first.locked_version) };
}

function toQueue(rows: QueueRow[]): QueuedScreen[] {
  return rows.map((row) => ({
    uid: row.uid,
    outerCounter: row.outer_counter,
    innerCounter: row.inner_counter,
    clientFlowId: row.client_flow_id === null ? null : Number(row.client_flow_id),
    clientScreen:
      row.cs_id === null
        ? null
        : { id: Number(row.cs_id), uid: row.cs_uid!, slug: row.cs_slug!, schema: row.cs_schema!, flags: screenFlags(row.cs_flags!) },
    flowClientParameters: row.flow_client_parameters,
    flowServerParameters: row.flow_server_parameters,
    screen: row.screen,
    addedAt: Number(row.added_at),
  }));
}

interface Statement {
  text: string;
  params: unknown[];
}

/** Inserts new queue rows in one statement. Rows whose screen has no definition cannot be queued. */
function insertStatement(userId: string, rows: readonly QueuedScreen[]): Statement {
  const values: string[] = [];
  const params: unknown[] = [];
  for (const row of rows) {
    if (row.clientScreen === null) throw new Error(`queue row ${row.uid} has no client screen`);
    values.push('(?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)');
    params.push(
      row.uid, userId, row.outerCounter, row.innerCounter, row.clientFlowId, row.clientScreen.id,
      jsonParam(row.flowClientParameters), jsonParam(row.flowServerParameters), jsonParam(row.screen), row.addedAt,
    );
  }
  return {
    text: `INSERT INTO user_client_screens (uid, user_id, outer_counter, inner_counter, client_flow_id, client_screen_id,
       flow_client_parameters, flow_server_parameters, screen, added_at)
     VALUES ${values.join(', ')}`,
    params,
  };
}

/** `statement`, then the `queue_version` bump, in one round trip; returns the new version. */
async function withVersionBump(sql: Sql, userId: string, statement: Statement): Promise<number> {
  const rows = await sql<{ queue_version: number }>(`WITH changed AS (${statement.text}) ${BUMP_QUEUE_VERSION}`, [...statement.params, 1, userId]);
  return rows[0].queue_version;
}

/**
 * Writes a queue difference (call with the per-user lock held) and counts it as one change of
 * `queue_version`; returns the new version, or null when there was nothing to write. The bump
 * rides on the last write. Deletes and inserts stay separate statements: the sub-statements of
 * one statement run in no fixed order, and an insert must never meet a row it replaces.
 */
export async function writeQueueDifference(
  sql: Sql,
  userId: string,
  deletedUids: readonly string[],
  inserted: readonly QueuedScreen[],
): Promise<number | null> {
  if (deletedUids.length === 0 && inserted.length === 0) return null;
  if (deletedUids.length > 0) {
    const deletion = {
      text: `DELETE FROM user_client_screens WHERE user_id = ? AND uid = ANY(?::text[])`,
      params: [userId, textArrayParam(deletedUids)],
    };
    if (inserted.length === 0) return withVersionBump(sql, userId, deletion);
    await sql(deletion.text, deletion.params);
  }
  return withVersionBump(sql, userId, insertStatement(userId, inserted));
}
