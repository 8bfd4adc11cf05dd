import { randomBytes } from 'node:crypto';

/** Prefixes of the project's external ids (`oseh_<prefix>_<22 url-safe chars>`). */
export type UidPrefix = 'u' | 'v' | 'cs' | 'cfl' | 'ucs' | 'ucsl' | 'ucsal' | 'utkn' | 'cfla'
  // Screen media (screens-and-media.md §3): stored files, uploads and parts, images, content, transcripts, lists, job progress.
  | 's3f' | 's3fu' | 's3fup' | 'if' | 'ife' | 'cf' | 'cfe' | 'cfep' | 't' | 'tp' | 'cft' | 'cfi' | 'cfcf' | 'jp';

/** `oseh_<prefix>_` + 16 random bytes in url-safe base64 without padding (22 characters). */
export function newUid(prefix: UidPrefix): string {
  return `oseh_${prefix}_${randomBytes(16).toString('base64url')}`;
}

/** A user token secret: `oseh_ut_` + 24 random bytes (32 url-safe characters). */
export function newUserTokenSecret(): string {
  return `oseh_ut_${randomBytes(24).toString('base64url')}`;
}

/** JWT ids: 16 random bytes, url-safe base64. */
export function newJti(): string {
  return randomBytes(16).toString('base64url');
}
