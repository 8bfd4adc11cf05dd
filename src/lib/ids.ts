import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from a pool refilled 4 KiB at a time: one CSPRNG call per 256 ids instead of one
 * per id (each id was a measurable share of a peek or pop). Every byte is handed out once.
 */
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;

function randomChunk(size: number): Buffer {
  if (poolOffset + size > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const chunk = pool.subarray(poolOffset, poolOffset + size);
  poolOffset += size;
  return chunk;
}

/** Prefixes of the project's external ids (`oseh_<prefix>_<22 url-safe chars>`). */
export type UidPrefix = 'u' | 'v' | 'cs' | 'cfl' | 'ucs' | 'ucsl' | 'ucsal' | 'utkn' | 'cfla'
  // Screen media (screens-and-media.md §3): stored files, uploads and parts, images, content, transcripts, lists, job progress.
  | 's3f' | 's3fu' | 's3fup' | 'if' | 'ife' | 'cf' | 'cfe' | 'cfep' | 't' | 'tp' | 'cft' | 'cfi' | 'cfcf' | 'jp';

/** `oseh_<prefix>_` + 16 random bytes in url-safe base64 without padding (22 characters). */
export function newUid(prefix: UidPrefix): string {
  return `oseh_${prefix}_${randomChunk(16).toString('base64url')}`;
}

/** A user token secret: `oseh_ut_` + 24 random bytes (32 url-safe characters). */
export function newUserTokenSecret(): string {
  return `oseh_ut_${randomChunk(24).toString('base64url')}`;
}

/** JWT ids: 16 random bytes, url-safe base64. */
export function newJti(): string {
  return randomChunk(16).toString('base64url');
}
