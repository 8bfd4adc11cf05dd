/**
 * Media JWTs (screens-and-media.md §2.6): minted during realization and admin searches,
 * verified by the serving endpoints, each audience with its own secret.
 */
import type { Secrets } from '../config/secrets';
import { MEDIA_TOKEN_CLAIMS, MEDIA_TOKENS, type MediaTokenKind } from '../domain/media';
import { signHs256, verifyHs256 } from '../lib/jwt';

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

export type MediaTokenCheck = { ok: true; exp: number } | { ok: false; reason: 'invalid' | 'wrong_subject' };

/** Valid for `kind` and about `uid`; both failures answer 403 (the reason is for logs and tests). */
export async function verifyMediaJwt(secrets: Secrets, kind: MediaTokenKind, token: string, uid: string, now: number): Promise<MediaTokenCheck> {
  const verified = await verifyHs256(secrets[SECRET_OF[kind]], token, {
    audience: MEDIA_TOKENS[kind].audience,
    requiredClaims: [...MEDIA_TOKEN_CLAIMS],
    now,
  });
  if (!verified.ok) return { ok: false, reason: 'invalid' };
  if (verified.payload.sub !== uid) return { ok: false, reason: 'wrong_subject' };
  return { ok: true, exp: verified.payload.exp as number };
}
