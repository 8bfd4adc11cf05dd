import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkFileKey } from '../domain/media/file-key';

export { checkFileKey };

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
 * Where media bytes live (screens-and-media.md §3.7): `LocalFileStore` (default) or
 * `S3FileStore` (`FILE_STORE=s3`, loaded only then by `openFileStore`). Keys are relative,
 * `/`-separated paths (see `checkFileKey`). Every implementation makes `put` atomic: a reader sees
 * the old object, the whole new one, or none.
 *
 * The `stored_files` row is the authority on a file's size and content type: the same object can
 * be served under a type chosen after it was stored (a passthrough content file's original), so
 * `stat` reports only the size.
 */
export interface FileStore {
  /**
   * Stores the bytes under `key` (replacing any) and returns their size. `contentType` is a hint
   * kept where the backend has room for it (S3 object metadata); default `application/octet-stream`.
   */
  put(key: string, body: Buffer | Readable, contentType?: string): Promise<{ size: number }>;
  /**
   * The object, or null when absent. A `range` must lie inside the object (callers check with
   * `stat` or the row's size): one that does not rejects with a RangeError and reads nothing.
   */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  /** Removes the object; absent is not an error. */
  delete(key: string): Promise<void>;
  stat(key: string): Promise<{ size: number } | null>;
}

/** Every store checks keys with this one function, so a key valid for one is valid for all. */
export function assertFileKey(key: string): void {
  const problem = checkFileKey(key);
  if (problem !== null) throw new Error(`FileStore: ${problem} in key "${key}"`);
}

/** Refuses a malformed range before any I/O (the same for every store). */
export function assertByteRange(key: string, range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`FileStore: bytes ${start}-${end} is not a byte range (reading "${key}")`);
  }
}

/** The error of a well-formed range that does not lie inside the object. */
export function rangeOutsideObject(key: string, range: ByteRange, size: number | null): RangeError {
  return new RangeError(`FileStore: bytes ${range.start}-${range.end} lie outside "${key}"${size === null ? '' : ` (${size} bytes)`}`);
}

/** Files under one root directory, one file per key. */
export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertFileKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  /** Takes no content type: a plain file has no place for one (the row has it). */
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
    if (range) assertByteRange(key, range);
    const info = await this.stat(key);
    if (info === null) return null;
    if (range && range.end >= info.size) throw rangeOutsideObject(key, range, info.size);
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
