import { webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import { newJti } from './ids';

/**
 * HS256 JWTs, the only algorithm this project signs or accepts. Keys are the UTF-8 bytes of the
 * configured secret text (as the reference does; never base64-decoded), imported once per secret:
 * handing jose raw bytes would import a fresh CryptoKey for every token.
 */
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();
function keyFor(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

/** Seconds a token's `iat` may lie in the future before it is refused (clock skew). */
const MAX_FUTURE_IAT_SECONDS = 5;

export interface SignOptions {
  audience: string;
  subject: string;
  lifetimeSeconds: number;
  /** Seconds since the epoch; defaults to the current time. */
  now?: number;
  claims?: Record<string, unknown>;
  /** Adds a random `jti` claim (id tokens require one). */
  withJti?: boolean;
}

/**
 * Signs a compact HS256 JWS with jose (every token of this project goes through jose) and the
 * CryptoKey imported once per secret. Claims are written in a fixed order: the caller's, then
 * `iss`, `aud`, `sub`, `iat` (one second back, as the reference does), `exp`, `jti`.
 */
export async function signHs256(secret: string, options: SignOptions): Promise<string> {
  const now = Math.floor(options.now ?? Date.now() / 1000);
  const payload: Record<string, unknown> = {
    ...(options.claims ?? {}),
    iss: 'oseh',
    aud: options.audience,
    sub: options.subject,
    iat: now - 1,
    exp: now + options.lifetimeSeconds,
  };
  if (options.withJti) payload.jti = newJti();
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(await keyFor(secret));
}

export type VerifyResult = { ok: true; payload: JWTPayload } | { ok: false };

/**
 * Verifies signature (HS256 only), issuer `oseh`, audience, presence of every required claim,
 * `exp` without leeway and `iat` at most 5 s in the future. Every failure is the same `{ok:false}`:
 * callers answer 403 `invalid` and never say why.
 */
export async function verifyHs256(
  secret: string,
  token: string,
  options: { audience: string; requiredClaims: string[]; now?: number },
): Promise<VerifyResult> {
  try {
    const now = options.now ?? Date.now() / 1000;
    const { payload } = await jwtVerify(token, await keyFor(secret), {
      algorithms: ['HS256'],
      issuer: 'oseh',
      audience: options.audience,
      requiredClaims: options.requiredClaims,
      currentDate: new Date(now * 1000),
    });
    if (typeof payload.iat !== 'number' || payload.iat > now + MAX_FUTURE_IAT_SECONDS) return { ok: false };
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) return { ok: false };
    return { ok: true, payload };
  } catch {
    return { ok: false };
  }
}
