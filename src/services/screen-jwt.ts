import { signHs256, verifyHs256 } from '../lib/jwt';

export const SCREEN_JWT_AUDIENCE = 'oseh-client-screen';
/** 7 days: every response path of the reference passes this lifetime. */
export const SCREEN_JWT_LIFETIME_SECONDS = 604_800;
const REQUIRED_CLAIMS = ['sub', 'iss', 'aud', 'exp', 'iat', 'oseh:log_uid', 'oseh:screen_slug'];

export interface ScreenJwtClaims {
  /** uid of the front `user_client_screens` row. */
  sub: string;
  logUid: string;
  screenSlug: string;
}

export function signScreenJwt(secret: string, claims: ScreenJwtClaims, now: number): Promise<string> {
  return signHs256(secret, {
    audience: SCREEN_JWT_AUDIENCE,
    subject: claims.sub,
    lifetimeSeconds: SCREEN_JWT_LIFETIME_SECONDS,
    now,
    claims: { 'oseh:log_uid': claims.logUid, 'oseh:screen_slug': claims.screenSlug },
  });
}

/** The claims of a valid screen JWT (queue-engine.md §6.2), or null for any failure. */
export async function verifyScreenJwt(secret: string, token: string, now?: number): Promise<ScreenJwtClaims | null> {
  const result = await verifyHs256(secret, token, { audience: SCREEN_JWT_AUDIENCE, requiredClaims: REQUIRED_CLAIMS, now });
  if (!result.ok) return null;
  const logUid = result.payload['oseh:log_uid'];
  const screenSlug = result.payload['oseh:screen_slug'];
  if (typeof logUid !== 'string' || typeof screenSlug !== 'string') return null;
  return { sub: result.payload.sub as string, logUid, screenSlug };
}
