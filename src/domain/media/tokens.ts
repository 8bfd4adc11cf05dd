/**
 * The media JWTs minted during realization and checked by the serving endpoints
 * (screens-and-media.md §2.6): HS256, `iss` `oseh`, `sub` = the resource uid, one secret per
 * audience. Pure description; signing lives in src/media/tokens.ts.
 */

export type MediaTokenKind = 'image' | 'content' | 'transcript';

export interface MediaTokenSpec {
  audience: string;
  lifetimeSeconds: number;
}

/** 30 minutes each: a client refreshes by peeking again (§2.1). */
export const MEDIA_TOKENS: Readonly<Record<MediaTokenKind, MediaTokenSpec>> = Object.freeze({
  image: { audience: 'oseh-image', lifetimeSeconds: 1800 },
  content: { audience: 'oseh-content', lifetimeSeconds: 1800 },
  transcript: { audience: 'oseh-transcript', lifetimeSeconds: 1800 },
});

/** Verification requires every one of these claims (§2.6). */
export const MEDIA_TOKEN_CLAIMS: readonly string[] = Object.freeze(['sub', 'iss', 'exp', 'aud', 'iat']);

/** What a serving endpoint makes of a presented media token. */
export type MediaAccess = { ok: true; exp: number } | { ok: false; reason: 'not_set' | 'bad_format' | 'invalid' | 'wrong_subject' };

/**
 * `Cache-Control` for a media answer: private, and never cached past the token's expiry, since
 * a presigned URL stops working then (§3.6).
 */
export function mediaCacheControl(tokenExp: number, now: number, maxSeconds = 1800): string {
  const remaining = Math.max(0, Math.min(maxSeconds, Math.floor(tokenExp - now)));
  return `private, max-age=${remaining}`;
}
