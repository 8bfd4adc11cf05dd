import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type CompletedPart,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { assertByteRange, assertFileKey, rangeOutsideObject, type ByteRange, type FileStore, type StoredObject } from './file-store';

/**
 * This module loads the AWS SDK (large, and it warns on Node 20): only `openFileStore` imports
 * it, and only with `FILE_STORE=s3`.
 */

/** S3's smallest part but the last; bodies up to one part go up in a single PutObject. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export interface S3FileStoreOptions {
  bucket: string;
  /** Prepended to every key: `''` or `/`-terminated valid key segments (several apps in one bucket). */
  keyPrefix?: string;
  /** Bytes per multipart part (at least MIN_PART_SIZE); also the largest single-request put. */
  partSize?: number;
  /** Region, endpoint, path style; credentials default to the SDK's chain (AWS_ACCESS_KEY_ID, profiles, roles). */
  client: S3ClientConfig;
}

/** Objects in one S3 bucket (AWS or any S3-compatible service), one object per key. */
export class S3FileStore implements FileStore {
  private readonly client: S3Client;
  readonly bucket: string;
  readonly keyPrefix: string;
  readonly partSize: number;

  constructor(options: S3FileStoreOptions) {
    this.bucket = options.bucket;
    this.keyPrefix = options.keyPrefix ?? '';
    if (this.keyPrefix !== '') {
      if (!this.keyPrefix.endsWith('/')) throw new Error(`S3FileStore: key prefix "${this.keyPrefix}" must end with "/"`);
      assertFileKey(this.keyPrefix.slice(0, -1));
    }
    this.partSize = options.partSize ?? DEFAULT_PART_SIZE;
    if (!Number.isSafeInteger(this.partSize) || this.partSize < MIN_PART_SIZE) {
      throw new Error(`S3FileStore: part size must be an integer of at least ${MIN_PART_SIZE} bytes`);
    }
    this.client = new S3Client({
      // A store that does not answer fails the request instead of holding it: 5 s to connect, and
      // 2 minutes without a byte either way (a paused download longer than that is cut; clients resume with Range).
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
      // Checksums only where the API requires them: several S3-compatible services refuse the
      // SDK's default CRC headers, and parts sent with a checksum their multipart upload was not
      // created with are refused. One path for AWS and the rest; TLS guards the bytes in transit.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...options.client,
    });
  }

  private objectKey(key: string): string {
    assertFileKey(key);
    return this.keyPrefix + key;
  }

  /** Fails when the bucket is unreachable, missing or not ours to use (startup check). */
  async checkBucket(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  /** Closes the client's pooled connections. */
  close(): void {
    this.client.destroy();
  }

  async put(key: string, body: Buffer | Readable, contentType = DEFAULT_CONTENT_TYPE): Promise<{ size: number }> {
    const Key = this.objectKey(key);
    const parts = partsOf(body, this.partSize);
    const first = await parts.next();
    const firstPart = first.done ? Buffer.alloc(0) : first.value;
    const second = first.done ? first : await parts.next();
    if (second.done) {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key, Body: firstPart, ContentType: contentType }));
      return { size: firstPart.length };
    }
    // More than one part: a multipart upload, invisible to readers until completed (atomic like PutObject).
    const { UploadId } = await this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key, ContentType: contentType }));
    if (UploadId === undefined) throw new Error(`S3FileStore: no upload id for "${key}"`);
    const completed: CompletedPart[] = [];
    let size = 0;
    const send = async (part: Buffer) => {
      const PartNumber = completed.length + 1;
      const { ETag } = await this.client.send(new UploadPartCommand({ Bucket: this.bucket, Key, UploadId, PartNumber, Body: part }));
      completed.push({ PartNumber, ETag });
      size += part.length;
    };
    try {
      // Parts go up one at a time: memory stays at two parts whatever the body's size.
      await send(firstPart);
      await send(second.value);
      for await (const part of parts) await send(part);
      await this.client.send(new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId, MultipartUpload: { Parts: completed } }));
    } catch (error) {
      // Stop reading the body (a no-op once it is drained).
      await parts.return();
      // Best effort: an upload left behind holds storage until the bucket's lifecycle rule ends it.
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId })).catch(() => {});
      throw error;
    }
    return { size };
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    const Key = this.objectKey(key);
    if (range) assertByteRange(key, range);
    let answer;
    try {
      answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
    } catch (error) {
      if (isMissingObject(error)) return null;
      // 416: the range starts at or past the object's end (its size would take another request).
      if (range && statusOf(error) === 416) throw rangeOutsideObject(key, range, null);
      throw error;
    }
    const body = answer.Body;
    if (!(body instanceof Readable)) throw new Error(`S3FileStore: GetObject of "${key}" gave no Node stream`);
    const length = answer.ContentLength ?? 0;
    // What came back: the Content-Range of a 206, or the whole object when the server ignored the range.
    const served = parseContentRange(answer.ContentRange) ?? { start: 0, end: length - 1, size: length };
    if (!range) return { size: served.size, body };
    if (range.end >= served.size) {
      body.destroy();
      throw rangeOutsideObject(key, range, served.size);
    }
    if (served.start > range.start || served.end < range.end) {
      body.destroy();
      throw new Error(`S3FileStore: asked "${key}" for bytes ${range.start}-${range.end}, got ${served.start}-${served.end}`);
    }
    // HTTP lets a server send more than asked (some S3-compatible servers do): cut to the range.
    const exact = served.start === range.start && served.end === range.end;
    return { size: served.size, body: exact ? body : sliceBody(body, range.start - served.start, range.end - range.start + 1) };
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 for an absent key too.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  }
}

const statusOf = (error: unknown): number | undefined => (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;

/**
 * An absent object: `NoSuchKey` (GET) or a bodiless 404 (HEAD, named `NotFound`). A missing
 * bucket (`NoSuchBucket`) is a misconfiguration and stays an error.
 */
function isMissingObject(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return statusOf(error) === 404 && (name === 'NoSuchKey' || name === 'NotFound');
}

/** `bytes start-end/size` (size `*` when unknown, which a 206 does not send). */
export function parseContentRange(header: string | undefined): { start: number; end: number; size: number } | null {
  const match = header === undefined ? null : /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header.trim());
  return match === null ? null : { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) };
}

/** Buffers of exactly `size` bytes (the last may be shorter; none for an empty body). */
async function* partsOf(body: Buffer | Readable, size: number): AsyncGenerator<Buffer, void, undefined> {
  if (Buffer.isBuffer(body)) {
    for (let at = 0; at < body.length; at += size) yield body.subarray(at, at + size);
    return;
  }
  let held: Buffer[] = [];
  let heldBytes = 0;
  for await (const chunk of body) {
    let rest: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    while (heldBytes + rest.length >= size) {
      const take = size - heldBytes;
      held.push(rest.subarray(0, take));
      yield Buffer.concat(held, size);
      rest = rest.subarray(take);
      held = [];
      heldBytes = 0;
    }
    if (rest.length > 0) {
      held.push(rest);
      heldBytes += rest.length;
    }
  }
  if (heldBytes > 0) yield Buffer.concat(held, heldBytes);
}

/** `length` bytes of `source` after skipping `skip`; the source is destroyed once they are read, or when the result is. */
export function sliceBody(source: Readable, skip: number, length: number): Readable {
  async function* cut(): AsyncGenerator<Buffer> {
    let toSkip = skip;
    let left = length;
    try {
      for await (const chunk of source) {
        let bytes = chunk as Buffer;
        if (toSkip > 0) {
          const skipped = Math.min(toSkip, bytes.length);
          bytes = bytes.subarray(skipped);
          toSkip -= skipped;
        }
        if (bytes.length === 0) continue;
        const kept = bytes.subarray(0, left);
        left -= kept.length;
        yield kept;
        if (left === 0) return;
      }
    } finally {
      source.destroy();
    }
  }
  return Readable.from(cut(), { objectMode: false });
}
