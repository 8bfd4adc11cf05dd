import { isStorableText } from '../../domain/json';
import { textArrayParam, type Sql } from '../sql';

/** The users columns the services need, with ids as strings (bigint). */
export interface UserRecord {
  id: string;
  sub: string;
  givenName: string | null;
  familyName: string | null;
  createdAt: number;
  admin: boolean;
  hasPro: boolean;
  timezone: string | null;
}

/** Columns aliased to the record's names, so rows need no mapping (bigint ids as text). */
export const USER_COLUMNS = `u.id::text AS id, u.sub, u.given_name AS "givenName", u.family_name AS "familyName",
  u.created_at AS "createdAt", u.admin, u.has_pro AS "hasPro", u.timezone`;

// Text PostgreSQL cannot hold (U+0000) names nothing stored: such lookups find nothing.
const first = (rows: UserRecord[]): UserRecord | null => rows[0] ?? null;

export async function findUserBySub(sql: Sql, sub: string): Promise<UserRecord | null> {
  if (!isStorableText(sub)) return null;
  return first(await sql<UserRecord>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.sub = ?`, [sub]));
}

export async function findUserByToken(sql: Sql, token: string, now: number): Promise<UserRecord | null> {
  if (!isStorableText(token)) return null;
  return first(
    await sql<UserRecord>(
      `SELECT ${USER_COLUMNS} FROM user_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token = ? AND (t.expires_at IS NULL OR t.expires_at > ?)`,
      [token, now],
    ),
  );
}

export interface NewUser {
  sub: string;
  givenName: string | null;
  familyName: string | null;
  createdAt: number;
  admin?: boolean;
}

/**
 * Inserts the user unless the sub exists. Returns the row only when this call created it; a
 * concurrent creator makes this wait for its commit and then return null.
 */
export async function insertUserIfMissing(sql: Sql, user: NewUser): Promise<UserRecord | null> {
  return first(
    await sql<UserRecord>(
      `INSERT INTO users AS u (sub, given_name, family_name, created_at, admin) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (sub) DO NOTHING RETURNING ${USER_COLUMNS}`,
      [user.sub, user.givenName, user.familyName, user.createdAt, user.admin ?? false],
    ),
  );
}

export async function setUserAdmin(sql: Sql, sub: string, admin: boolean): Promise<boolean> {
  const rows = await sql(`UPDATE users SET admin = ? WHERE sub = ? RETURNING id`, [admin, sub]);
  return rows.length > 0;
}

export async function insertUserToken(
  sql: Sql,
  token: { uid: string; userId: string; token: string; name: string; createdAt: number; expiresAt: number | null },
): Promise<void> {
  await sql(
    `INSERT INTO user_tokens (uid, user_id, token, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
    [token.uid, token.userId, token.token, token.name, token.createdAt, token.expiresAt],
  );
}

/** The newest unexpired token with this name, for reuse (the development admin token). */
export async function findUserTokenByName(sql: Sql, userId: string, name: string, now: number): Promise<string | null> {
  const rows = await sql<{ token: string }>(
    `SELECT token FROM user_tokens WHERE user_id = ? AND name = ? AND (expires_at IS NULL OR expires_at > ?)
     ORDER BY created_at DESC LIMIT 1`,
    [userId, name, now],
  );
  return rows.length === 0 ? null : rows[0].token;
}

/**
 * Counts one queue change; parameters `[1, userId]`. The step is bound, not literal, so
 * pg_stat_statements shows one text for every client (bench census).
 */
export const BUMP_QUEUE_VERSION = `UPDATE users SET queue_version = queue_version + ? WHERE id = ? RETURNING queue_version`;

/** Counts one committed queue change (the caller holds the user's lock); returns the new version. */
export async function bumpQueueVersion(sql: Sql, userId: string): Promise<number> {
  const rows = await sql<{ queue_version: number }>(BUMP_QUEUE_VERSION, [1, userId]);
  return rows[0].queue_version;
}

/** The current queue versions of these users (absent users are left out). */
export async function findQueueVersions(sql: Sql, userIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await sql<{ id: string; queue_version: number }>(
    `SELECT id::text AS id, queue_version FROM users WHERE id = ANY(?::bigint[])`,
    [textArrayParam(userIds)],
  );
  return new Map(rows.map((row) => [row.id, row.queue_version]));
}
