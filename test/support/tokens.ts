import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';

/**
 * Builds id tokens the way an attacker or a broken issuer might: every claim and the algorithm
 * can be changed. `secret` is used as UTF-8 text, like the server's key.
 */
export async function craftIdToken(
  secret: string,
  options: {
    sub?: string;
    aud?: string | string[];
    iss?: string;
    iat?: number;
    exp?: number;
    jti?: string | null;
    alg?: 'HS256' | 'HS384' | 'HS512';
    extra?: Record<string, unknown>;
  } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    sub: options.sub ?? `oseh_u_${randomBytes(8).toString('hex')}`,
    aud: options.aud ?? 'oseh-id',
    iss: options.iss ?? 'oseh',
    iat: options.iat ?? now - 1,
    exp: options.exp ?? now + 3600,
    ...(options.jti === null ? {} : { jti: options.jti ?? randomBytes(16).toString('base64url') }),
    ...(options.extra ?? {}),
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

/** An unsigned token (`alg: none`) with valid-looking claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}
