import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An inclusive byte range, as HTTP `Range: bytes=start-end` names it. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  /** The whole object's size in bytes (not the range's). */
  size: number;
  /** The requested bytes (the range when one was given). */
  body: Readable;
}

/**
 * Where media bytes live (screens-and-media.md §3.7). Keys are relative, `/`-separated paths
 * (see `checkFileKey`); content types live on the `stored_files` row, not in the store. Every
 * implementation makes `put` atomic: a reader sees the old object, the whole new one, or none.
 */
export interface FileStore {
  /** Stores the bytes under `key` (replacing any) and returns their size. */
  put(key: string, body: Buffer | Readable): Promise<{ size: number }>;
  /** The object, or null when absent. `range` must lie inside the object (callers check with `stat`). */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  /** Removes the object; absent is not an error. */
  delete(key: string): Promise<void>;
  stat(key: string): Promise<{ size: number } | null>;
}

const SEGMENT = /^[A-Za-z0-9_@=+-][A-Za-z0-9_@=+.-]*$/;

/**
 * Null when `key` is a valid key: relative, `/`-separated, segments of `[A-Za-z0-9_@=+.-]` that
 * neither start nor end with a dot (so no `.`/`..`, no Windows trailing-dot aliases); otherwise
 * why not.
 */
export function checkFileKey(key: string): string | null {
  if (key.length === 0 || key.length > 1024) return 'a key is 1 to 1024 characters';
  for (const segment of key.split('/')) {
    if (!SEGMENT.test(segment) || segment.endsWith('.')) return `invalid key segment "${segment}"`;
  }
  return null;
}

function assertKey(key: string): void {
  const problem = checkFileKey(key);
  if (problem !== null) throw new Error(`FileStore: ${problem} in key "${key}"`);
}

/** Files under one root directory, one file per key. */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, body: Buffer | Readable): Promise<{ size: number }> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Written beside the target then renamed: readers never see a partial file.
    const temp = `${target}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(temp));
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { size: (await stat(target)).size };
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    const file = this.pathOf(key);
    const info = await this.stat(key);
    if (info === null) return null;
    const body = createReadStream(file, range ? { start: range.start, end: range.end } : {});
    return { size: info.size, body };
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? { size: info.size } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

/** Reads a whole stream into memory (small objects: exports, test downloads). */
export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
