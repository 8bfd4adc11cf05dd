import { readQueueSnapshot, type QueueSnapshot, type UserKey } from '../db/repositories/queue.repository';
import { findUserBySub, findUserByToken, insertUserIfMissing, type UserRecord } from '../db/repositories/users.repository';
import { verifyHs256 } from '../lib/jwt';
import type { Sql } from '../db/sql';
import type { AppContext } from './app-context';
import type { AuthFailureReason } from './errors';
import { signupTrigger } from '../domain/engine';
import { applyToLockedQueue } from './queue.service';
import { inTransaction, withReadConnection } from './transaction';

export const ID_TOKEN_AUDIENCE = 'oseh-id';
export const ID_TOKEN_REQUIRED_CLAIMS = ['sub', 'iss', 'aud', 'exp', 'iat', 'jti'];
export const USER_TOKEN_PREFIX = 'oseh_ut_';

export type AuthResult =
  | { ok: true; user: UserRecord; /** With `{ withQueue: true }`, unless the user was just created. */ snapshot?: QueueSnapshot }
  | { ok: false; reason: AuthFailureReason };

/** The user alone, or the user with an unlocked read of its queue in the same statement. */
function findUser(sql: Sql, key: UserKey, withQueue: boolean): Promise<{ user: UserRecord; snapshot?: QueueSnapshot } | null> {
  if (withQueue) return readQueueSnapshot(sql, key).then((snapshot) => snapshot && { user: snapshot.user, snapshot });
  const found = 'token' in key ? findUserByToken(sql, key.token, key.now) : findUserBySub(sql, key.sub);
  return found.then((user) => user && { user });
}

/**
 * Splits `Authorization: <scheme> <token>`. The scheme `bearer` matches case-insensitively
 * (RFC 7235; the reference wants lower case); the token is the rest verbatim, so a second space
 * makes it invalid (403) rather than a format error.
 */
export function parseAuthorization(header: string | undefined): { ok: true; token: string } | { ok: false; reason: AuthFailureReason } {
  if (header === undefined) return { ok: false, reason: 'not_set' };
  const space = header.indexOf(' ');
  if (space < 0 || header.slice(0, space).toLowerCase() !== 'bearer') return { ok: false, reason: 'bad_format' };
  return { ok: true, token: header.slice(space + 1) };
}

/**
 * Authenticates a user request: an `oseh_ut_` user token (unknown or expired → invalid) or an
 * HS256 id token. A valid id token for an unknown `sub` creates the user and, in the same
 * transaction, runs the `signup` flow when it exists (queue-engine.md §1.1). `withQueue` reads
 * the user's queue in the same statement (a peek's whole read, one round trip).
 */
export async function authenticate(app: AppContext, header: string | undefined, options: { withQueue?: boolean } = {}): Promise<AuthResult> {
  const withQueue = options.withQueue ?? false;
  const parsed = parseAuthorization(header);
  if (!parsed.ok) return parsed;
  const token = parsed.token;
  if (token.startsWith(USER_TOKEN_PREFIX)) {
    const found = await withReadConnection(app.db, (sql) => findUser(sql, { token, now: app.now() }, withQueue));
    return found === null ? { ok: false, reason: 'invalid' } : { ok: true, ...found };
  }
  const verified = await verifyHs256(app.config.secrets.idToken, token, {
    audience: ID_TOKEN_AUDIENCE,
    requiredClaims: ID_TOKEN_REQUIRED_CLAIMS,
  });
  if (!verified.ok) return { ok: false, reason: 'invalid' };
  const claims = verified.payload;
  const sub = claims.sub as string;
  const existing = await withReadConnection(app.db, (sql) => findUser(sql, { sub }, withQueue));
  if (existing !== null) return { ok: true, ...existing };
  return {
    ok: true,
    user: await createUserWithSignup(app, {
      sub,
      givenName: typeof claims.given_name === 'string' ? claims.given_name : null,
      familyName: typeof claims.family_name === 'string' ? claims.family_name : null,
    }),
  };
}

/**
 * Creates the user unless someone else just did, and runs `signup` only in the transaction that
 * created the row: two racing first requests queue the signup screens once.
 */
export async function createUserWithSignup(
  app: AppContext,
  claims: { sub: string; givenName: string | null; familyName: string | null; admin?: boolean; createdAt?: number },
): Promise<UserRecord> {
  return inTransaction(app.db, async (scope) => {
    const created = await insertUserIfMissing(scope.sql, { ...claims, createdAt: claims.createdAt ?? app.now() });
    if (created === null) {
      const existing = await findUserBySub(scope.sql, claims.sub);
      if (existing === null) throw new Error(`user ${claims.sub} vanished while being created`);
      return existing;
    }
    // The new row is invisible to others until commit, so holding it is holding its queue lock.
    await applyToLockedQueue(app, scope, created, { platform: 'server', version: null }, async (deps, op, queue) =>
      (await signupTrigger(deps, op, queue)) ?? { queue, stats: [], flowsTriggered: [], cleared: false },
    );
    return created;
  });
}
