import { screenFlags } from '../../domain/flags';
import type { JsonObject } from '../../domain/json';
import type { FlowScreen, QueuedScreen } from '../../domain/model';
import { isStorableText } from '../../domain/json';
import { jsonParam, prepared, textArrayParam, type Sql } from '../sql';
import { frontLogCtes, type FrontLog } from './screens-log.repository';
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
  cs_schema_hash: string | null;
  cs_flags: number | null;
}

const QUEUE_COLUMNS = `q.uid, q.outer_counter, q.inner_counter, q.client_flow_id, q.flow_client_parameters,
  q.flow_server_parameters, q.screen, q.added_at,
  cs.id AS cs_id, cs.uid AS cs_uid, cs.slug AS cs_slug, cs.schema_hash AS cs_schema_hash, cs.flags AS cs_flags`;

/**
 * The whole queue of a user, front first, each row with its screen definition read live (the
 * screen row is never snapshotted; its schema comes by `schema_hash`, see `screenSchemas`). Call
 * with the per-user lock held.
 */
export async function loadQueue(sql: Sql, userId: string): Promise<QueuedScreen[]> {
  const rows = await sql<QueueRow>(
    `SELECT ${QUEUE_COLUMNS}
     FROM user_client_screens q LEFT JOIN client_screens cs ON cs.id = q.client_screen_id
     WHERE q.user_id = ?
     ORDER BY q.outer_counter DESC, q.inner_counter ASC`,
    [userId],
  );
  return toQueue(sql, rows);
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

const SNAPSHOT_BY_TOKEN = prepared(withQueueRows(`SELECT ${USER_COLUMNS}, u.queue_version FROM user_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token = ? AND (t.expires_at IS NULL OR t.expires_at > ?)`));
const SNAPSHOT_BY_SUB = prepared(withQueueRows(`SELECT ${USER_COLUMNS}, u.queue_version FROM users u WHERE u.sub = ?`));

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
  return { user: userOf(rows[0]), queueVersion: rows[0].queue_version, queue: await toQueue(sql, rows.filter((row) => row.uid !== null)) };
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
  const queue = fresh ? await toQueue(sql, rows.filter((row) => row.uid !== null)) : await loadQueue(sql, user.id);
  return { ...user, queue, queueVersion: Number(first.locked_version) };
}

/**
 * Screen schemas by `schema_hash`. Every queue read needs the schema of each queued screen;
 * parsing each one from JSON on every peek and pop cost more than the rest of the row. A hash
 * names its content, so a cached schema is never stale: a changed screen has a new hash, which
 * misses and is read. Frozen, because every request shares them.
 */
const schemasByHash = new Map<string, JsonObject>();
const SCHEMA_CACHE_LIMIT = 1000;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The schema of each row's screen: from the cache, else read by screen id (one statement for all misses). */
async function screenSchemas(sql: Sql, rows: readonly QueueRow[]): Promise<Map<string, JsonObject>> {
  const byId = new Map<string, JsonObject>();
  const missing: string[] = [];
  for (const row of rows) {
    if (row.cs_id === null || byId.has(row.cs_id)) continue;
    const cached = schemasByHash.get(row.cs_schema_hash!);
    if (cached === undefined) missing.push(row.cs_id);
    else byId.set(row.cs_id, cached);
  }
  if (missing.length > 0) {
    const read = await sql<{ id: string; schema_hash: string; schema: JsonObject }>(
      `SELECT id::text AS id, schema_hash, schema FROM client_screens WHERE id = ANY(?::bigint[])`,
      [textArrayParam([...new Set(missing)])],
    );
    if (schemasByHash.size + read.length > SCHEMA_CACHE_LIMIT) schemasByHash.clear();
    for (const screen of read) {
      // Read after the queue: a screen changed in between gives its newer schema, as a later read would.
      const schema = schemasByHash.get(screen.schema_hash) ?? deepFreeze(screen.schema);
      schemasByHash.set(screen.schema_hash, schema);
      byId.set(screen.id, schema);
    }
  }
  return byId;
}

async function toQueue(sql: Sql, rows: QueueRow[]): Promise<QueuedScreen[]> {
  const schemas = await screenSchemas(sql, rows);
  return rows.map((row) => ({
    uid: row.uid,
    outerCounter: row.outer_counter,
    innerCounter: row.inner_counter,
    clientFlowId: row.client_flow_id === null ? null : Number(row.client_flow_id),
    clientScreen:
      row.cs_id === null
        ? null
        : { id: Number(row.cs_id), uid: row.cs_uid!, slug: row.cs_slug!, schema: schemas.get(row.cs_id)!, flags: screenFlags(row.cs_flags!) },
    flowClientParameters: row.flow_client_parameters,
    flowServerParameters: row.flow_server_parameters,
    screen: row.screen,
    addedAt: Number(row.added_at),
  }));
}

/** One queue row as `jsonb_to_recordset` reads it (the columns of `INSERTED_ROWS`). */
function insertedRow(row: QueuedScreen): Record<string, unknown> {
  if (row.clientScreen === null) throw new Error(`queue row ${row.uid} has no client screen`);
  return {
    uid: row.uid,
    outer_counter: row.outerCounter,
    inner_counter: row.innerCounter,
    client_flow_id: row.clientFlowId,
    client_screen_id: row.clientScreen.id,
    flow_client_parameters: row.flowClientParameters,
    flow_server_parameters: row.flowServerParameters,
    screen: row.screen,
    added_at: row.addedAt,
  };
}

/**
 * The CTEs `deleted` and `inserted` of a queue difference, running only when the statement's CTE
 * `current` has a row. Parameters: user id, deleted uids, user id, the new rows as one JSON array
 * (so the text does not depend on how many). A statement's sub-statements run in no fixed order,
 * and an insert must never meet a row it replaces (the counters are unique per user): the insert
 * reads `deleted` first, which makes PostgreSQL finish the delete before inserting anything.
 */
const DIFFERENCE_CTES = `deleted AS (
       DELETE FROM user_client_screens WHERE user_id = ?::bigint AND uid = ANY(?::text[]) AND EXISTS (SELECT 1 FROM current) RETURNING 1),
     inserted AS (
       INSERT INTO user_client_screens (uid, user_id, outer_counter, inner_counter, client_flow_id, client_screen_id,
         flow_client_parameters, flow_server_parameters, screen, added_at)
       SELECT r.uid, ?::bigint, r.outer_counter, r.inner_counter, r.client_flow_id, r.client_screen_id,
         r.flow_client_parameters, r.flow_server_parameters, r.screen, r.added_at
       FROM jsonb_to_recordset(?::jsonb) AS r(uid text, outer_counter integer, inner_counter integer, client_flow_id bigint,
         client_screen_id bigint, flow_client_parameters jsonb, flow_server_parameters jsonb, screen jsonb, added_at double precision)
       WHERE EXISTS (SELECT 1 FROM current) AND (SELECT count(*) FROM deleted) >= 0)`;

const differenceParams = (userId: string, deletedUids: readonly string[], inserted: readonly QueuedScreen[]): unknown[] => [
  userId, textArrayParam(deletedUids), userId, jsonParam(inserted.map(insertedRow)),
];

/**
 * Writes a queue difference (call with the per-user lock held) and counts it as one change of
 * `queue_version`, in one statement; returns the new version, or null when there was nothing to
 * write. Rows whose screen has no definition cannot be queued.
 */
export async function writeQueueDifference(
  sql: Sql,
  userId: string,
  deletedUids: readonly string[],
  inserted: readonly QueuedScreen[],
): Promise<number | null> {
  if (deletedUids.length === 0 && inserted.length === 0) return null;
  const rows = await sql<{ queue_version: number }>(
    `WITH current AS (${BUMP_QUEUE_VERSION}), ${DIFFERENCE_CTES} SELECT queue_version FROM current`,
    [1, userId, ...differenceParams(userId, deletedUids, inserted)],
  );
  return rows[0].queue_version;
}

/**
 * A queue difference, its `queue_version` count and the new front's log (`frontLogCtes`) in one
 * statement, without the per-user lock: only if `queue_version` is still `expectedVersion`, the
 * version of the snapshot the difference was computed from; otherwise nothing is written and it
 * returns null. A concurrent writer holding the lock makes the version check wait for its commit
 * and then see its count. Returns the visitor and the new version.
 */
export async function writeQueueIfCurrent(
  sql: Sql,
  input: FrontLog & { expectedVersion: number; deletedUids: readonly string[]; inserted: readonly QueuedScreen[] },
): Promise<{ visitor: { id: string; uid: string }; queueVersion: number } | null> {
  const log = frontLogCtes(input);
  const rows = await sql<{ id: string; uid: string; queue_version: number }>(
    prepared(`WITH current AS (UPDATE users SET queue_version = queue_version + 1 WHERE id = ?::bigint AND queue_version = ?::integer RETURNING queue_version),
     ${DIFFERENCE_CTES},
     ${log.text}
     SELECT visitor.id::text AS id, visitor.uid, current.queue_version FROM visitor, current`),
    [input.userId, input.expectedVersion, ...differenceParams(input.userId, input.deletedUids, input.inserted), ...log.params],
  );
  if (rows.length === 0) return null;
  const [{ id, uid, queue_version }] = rows;
  return { visitor: { id, uid }, queueVersion: queue_version };
}
