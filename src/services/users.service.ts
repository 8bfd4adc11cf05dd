import {
  findUserBySub, findUserTokenByName, insertUserToken, setUserAdmin, type UserRecord,
} from '../db/repositories/users.repository';
import { newUid, newUserTokenSecret } from '../lib/ids';
import { signHs256 } from '../lib/jwt';
import type { AppConfig } from '../config/config';
import type { AppContext } from './app-context';
import { createUserWithSignup, ID_TOKEN_AUDIENCE } from './identity.service';
import { inTransaction, withReadConnection } from './transaction';

export class UserNotFoundError extends Error {
  constructor(sub: string) {
    super(`no user with sub ${sub}`);
  }
}

/** Creates a user (running `signup` like any account creation); an existing sub is returned unchanged. */
export async function createUser(
  app: AppContext,
  input: { sub: string; givenName?: string | null; familyName?: string | null; admin?: boolean; createdAt?: number },
): Promise<{ user: UserRecord; created: boolean }> {
  const existing = await withReadConnection(app.db, (sql) => findUserBySub(sql, input.sub));
  if (existing !== null) return { user: existing, created: false };
  const user = await createUserWithSignup(app, {
    sub: input.sub,
    givenName: input.givenName ?? null,
    familyName: input.familyName ?? null,
    admin: input.admin ?? false,
    createdAt: input.createdAt,
  });
  return { user, created: true };
}

/** The only way `users.admin` changes. */
export async function setAdmin(app: AppContext, sub: string, admin: boolean): Promise<void> {
  const updated = await inTransaction(app.db, ({ sql }) => setUserAdmin(sql, sub, admin));
  if (!updated) throw new UserNotFoundError(sub);
}

/** A new opaque `oseh_ut_` token for an existing user. */
export async function issueUserToken(
  app: AppContext,
  sub: string,
  options: { name?: string; ttlSeconds?: number | null } = {},
): Promise<string> {
  return inTransaction(app.db, async ({ sql }) => {
    const user = await findUserBySub(sql, sub);
    if (user === null) throw new UserNotFoundError(sub);
    const token = newUserTokenSecret();
    const now = app.now();
    await insertUserToken(sql, {
      uid: newUid('utkn'),
      userId: user.id,
      token,
      name: options.name ?? 'cli',
      createdAt: now,
      expiresAt: options.ttlSeconds == null ? null : now + options.ttlSeconds,
    });
    return token;
  });
}

/** An HS256 id token as the reference's login issues it (rest-wire-contract.md §2.2). */
export function issueIdToken(
  config: Pick<AppConfig, 'secrets'>,
  sub: string,
  options: { ttlSeconds?: number; givenName?: string | null; familyName?: string | null } = {},
): Promise<string> {
  const claims: Record<string, unknown> = {};
  if (options.givenName != null) claims.given_name = options.givenName;
  if (options.familyName != null) claims.family_name = options.familyName;
  return signHs256(config.secrets.idToken, {
    audience: ID_TOKEN_AUDIENCE,
    subject: sub,
    lifetimeSeconds: options.ttlSeconds ?? 3600,
    claims,
    withJti: true,
  });
}

export const DEV_ADMIN_SUB = 'oseh_u_dev_admin';
const DEV_ADMIN_TOKEN_NAME = 'development admin';

/** Development only: an admin user and a reusable user token, printed at start. */
export async function ensureDevAdminToken(app: AppContext): Promise<string> {
  const { user } = await createUser(app, { sub: DEV_ADMIN_SUB, givenName: 'Dev', familyName: 'Admin', admin: true });
  if (!user.admin) await setAdmin(app, DEV_ADMIN_SUB, true);
  const existing = await withReadConnection(app.db, (sql) => findUserTokenByName(sql, user.id, DEV_ADMIN_TOKEN_NAME, app.now()));
  return existing ?? issueUserToken(app, DEV_ADMIN_SUB, { name: DEV_ADMIN_TOKEN_NAME });
}
