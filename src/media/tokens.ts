/**
 * Media JWTs (screens-and-media.md §2.6): minted during realization and admin searches,
 * verified by the serving endpoints, each audience with its own secret.
 */
import type { Secrets } from '../config/secrets';
import { MEDIA_TOKEN_CLAIMS, MEDIA_TOKENS, type MediaTokenKind } from '../domain/media';
import { signHs256, verifyHs256 } from '../lib/jwt';
import { parseAuthorization } from '../services/identity.service';

const SECRET_OF: Readonly<Record<MediaTokenKind, keyof Secrets>> = {
  image: 'imageFileJwt',
  content: 'contentFileJwt',
  transcript: 'transcriptJwt',
};

/** A fresh token whose `sub` is the resource uid; `now` in seconds. */
export function signMediaJwt(secrets: Secrets, kind: MediaTokenKind, uid: string, now: number): Promise<string> {
  const spec = MEDIA_TOKENS[kind];
  return signHs256(secrets[SECRET_OF[kind]], { audience: spec.audience, subject: uid, lifetimeSeconds: spec.lifetimeSeconds, now });
}

/** A token valid for `kind` (signature, audience, issuer, claims, expiry), whatever its subject; null otherwise. */
export async function readMediaJwt(secrets: Secrets, kind: MediaTokenKind, token: string, now: number): Promise<{ sub: string; exp: number } | null> {
  const verified = await verifyHs256(secrets[SECRET_OF[kind]], token, {
    audience: MEDIA_TOKENS[kind].audience,
    requiredClaims: [...MEDIA_TOKEN_CLAIMS],
    now,
  });
  return verified.ok ? { sub: verified.payload.sub as string, exp: verified.payload.exp as number } : null;
}

export type PresentedToken = { ok: true; token: string; fromQuery: boolean } | { ok: false; reason: 'not_set' | 'bad_format' };

/**
 * A media or upload JWT from `Authorization: bearer …` (scheme case-insensitive) or, when no
 * header is sent, from `?jwt=` (§3.4 step 2, §3.6): the header wins.
 */
export function presentedToken(authorization: string | undefined, queryJwt: string | null): PresentedToken {
  if (authorization === undefined) return queryJwt === null || queryJwt === '' ? { ok: false, reason: 'not_set' } : { ok: true, token: queryJwt, fromQuery: true };
  const parsed = parseAuthorization(authorization);
  return parsed.ok ? { ok: true, token: parsed.token, fromQuery: false } : { ok: false, reason: parsed.reason as 'not_set' | 'bad_format' };
}
