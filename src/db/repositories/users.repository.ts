import type { Sql } from '../sql';

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

interface UserRow {
  id: string;
  sub: string;
  given_name: string | null;
  family_name: string | null;
  created_at: number;
  admin: boolean;
  has_pro: boolean;
  timezone: string | null;
}

const USER_COLUMNS = 'u.id, u.sub, u.given_name, u.family_name, u.created_at, u.admin, u.has_pro, u.timezone';

function toRecord(row: UserRow): UserRecord {
  return {
    id: String(row.id),
    sub: row.sub,
    givenName: row.given_name,
    familyName: row.family_name,
    createdAt: Number(row.created_at),
    admin: row.admin,
    hasPro: row.has_pro,
    timezone: row.timezone,
  };
}

export async function findUserBySub(sql: Sql, sub: string): Promise<UserRecord | null> {
  const rows = await sql<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.sub = ?`, [sub]);
  return rows.length === 0 ? null : toRecord(rows[0]);
}

/**
 * Takes the per-user queue lock (queue-engine.md §9.2). NO KEY so inserts of rows referencing
 * the user elsewhere are not blocked. Returns the fresh row, or null if the user is gone.
 */
export async function lockUserBySub(sql: Sql, sub: string): Promise<UserRecord | null> {
  const rows = await sql<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.sub = ? FOR NO KEY UPDATE`, [sub]);
  return rows.length === 0 ? null : toRecord(rows[0]);
}

/** The user owning an unexpired `oseh_ut_` token, or null. */
export async function findUserByToken(sql: Sql, token: string, now: number): Promise<UserRecord | null> {
  const rows = await sql<UserRow>(
    `SELECT ${USER_COLUMNS} FROM user_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token = ? AND (t.expires_at IS NULL OR t.expires_at > ?)`,
    [token, now],
  );
  return rows.length === 0 ? null : toRecord(rows[0]);
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
  const rows = await sql<UserRow>(
    `INSERT INTO users AS u (sub, given_name, family_name, created_at, admin) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (sub) DO NOTHING RETURNING ${USER_COLUMNS}`,
    [user.sub, user.givenName, user.familyName, user.createdAt, user.admin ?? false],
  );
  return rows.length === 0 ? null : toRecord(rows[0]);
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
