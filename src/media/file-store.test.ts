import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FileStoreConfig } from '../config/config';
import { parseByteRange } from '../domain/media/range';
import { checkFileKey, LocalFileStore, readAll, type ByteRange, type FileStore } from './file-store';
import { FileStoreUnavailableError, openFileStore } from './open-file-store';
import { MIN_PART_SIZE, S3FileStore, sliceBody } from './s3-file-store';
import { LOOPBACK_S3_CREDENTIALS, startLoopbackS3, type LoopbackS3 } from './s3rver.testkit';

/**
 * One contract, run against every FileStore: the local disk in a temporary directory and S3
 * (s3rver on loopback, in a temporary directory). Callers see the same values and errors from both.
 */

let s3: LoopbackS3;
let raw: S3Client;
const roots: string[] = [];
const s3Stores: S3FileStore[] = [];
let namespace = 0;

beforeAll(async () => {
  s3 = await startLoopbackS3();
  raw = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: LOOPBACK_S3_CREDENTIALS });
});
afterAll(async () => {
  raw?.destroy();
  for (const store of s3Stores) store.close();
  await s3?.stop();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** What a test sees of a store: the store, and every key it holds (to check that nothing was left). */
interface Subject {
  store: FileStore;
  keys(): Promise<string[]>;
}

function s3Store(keyPrefix: string, partSize = MIN_PART_SIZE): S3FileStore {
  const store = new S3FileStore({
    bucket: s3.bucket,
    keyPrefix,
    partSize,
    client: { region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: LOOPBACK_S3_CREDENTIALS },
  });
  s3Stores.push(store);
  return store;
}

async function bucketKeys(prefix: string): Promise<string[]> {
  const listed = await raw.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((o) => o.Key!.slice(prefix.length)).sort();
}

const subjects: [string, () => Subject][] = [
  [
    'LocalFileStore',
    () => {
      const root = mkdtempSync(path.join(tmpdir(), 'clientflows-files-'));
      roots.push(root);
      const walk = (dir: string, at: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(path.join(dir, entry.name), `${at}${entry.name}/`) : [`${at}${entry.name}`],
        );
      return { store: new LocalFileStore(root), keys: async () => walk(root, '').sort() };
    },
  ],
  [
    'S3FileStore',
    () => {
      // Each test its own prefix in the one bucket: tests cannot see each other's objects.
      const prefix = `contract-${++namespace}/`;
      return { store: s3Store(prefix), keys: () => bucketKeys(prefix) };
    },
  ],
];

const TEN = Buffer.from('0123456789');
const text = async (store: FileStore, key: string, range?: ByteRange) => {
  const object = await store.get(key, range);
  return object === null ? null : { size: object.size, text: (await readAll(object.body)).toString() };
};
/** What `GET` with this Range header reads from the store (the REST layer's own mapping). */
const viaHeader = (header: string, size: number): ByteRange | undefined => {
  const answer = parseByteRange(header, size);
  if (answer.kind === 'unsatisfiable') throw new Error(`${header} is unsatisfiable`);
  return answer.kind === 'partial' ? { start: answer.start, end: answer.end } : undefined;
};
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** `total` bytes in chunks of `chunk` (not a divisor of the part size, so parts straddle chunks). */
function chunked(bytes: Buffer, chunk: number): Readable {
  let at = 0;
  return new Readable({
    read() {
      this.push(at < bytes.length ? bytes.subarray(at, (at += chunk)) : null);
    },
  });
}
/** Gives `good` bytes, then fails. */
function failingAfter(good: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(good);
      } else this.destroy(new Error('source broke'));
    },
  });
}

describe('checkFileKey', () => {
  it('accepts relative slash-separated keys', () => {
    expect(checkFileKey('s3_files/uploads/oseh_s3fu_x/1/abc')).toBeNull();
    expect(checkFileKey('originals/ab/cdef.png')).toBeNull();
  });
  it('refuses escapes, absolute paths, empty segments and trailing dots', () => {
    for (const key of ['', '../x', 'a/../b', '/abs', 'a//b', 'a/b/', 'a/.', 'name.', 'a\\b', 'a b', '.hidden', 'x'.repeat(1025)]) {
      expect(checkFileKey(key), key).not.toBeNull();
    }
  });
});

describe.each(subjects)('%s (FileStore contract)', (_name, open) => {
  let subject: Subject;
  let store: FileStore;
  afterEach(() => {
    subject = undefined as never;
  });
  const fresh = () => {
    subject = open();
    store = subject.store;
  };

  it('puts, stats, reads, replaces and deletes (twice without error)', async () => {
    fresh();
    expect(await store.put('a/b/c.bin', TEN, 'application/x-test')).toEqual({ size: 10 });
    expect(await store.stat('a/b/c.bin')).toEqual({ size: 10 });
    expect(await text(store, 'a/b/c.bin')).toEqual({ size: 10, text: '0123456789' });
    expect(await store.put('a/b/c.bin', Buffer.from('xyz'))).toEqual({ size: 3 });
    expect(await text(store, 'a/b/c.bin')).toEqual({ size: 3, text: 'xyz' });
    expect(await subject.keys()).toEqual(['a/b/c.bin']);
    await store.delete('a/b/c.bin');
    await store.delete('a/b/c.bin');
    expect(await store.stat('a/b/c.bin')).toBeNull();
    expect(await store.get('a/b/c.bin')).toBeNull();
    expect(await subject.keys()).toEqual([]);
  });

  it('absent keys: stat and get (with or without a range) are null, delete is a no-op', async () => {
    fresh();
    expect(await store.stat('never/put')).toBeNull();
    expect(await store.get('never/put')).toBeNull();
    expect(await store.get('never/put', { start: 0, end: 3 })).toBeNull();
    await store.delete('never/put');
    expect(await subject.keys()).toEqual([]);
  });

  it('reads inclusive ranges: inner, first and last byte, whole, open-ended, suffix and clamped headers', async () => {
    fresh();
    await store.put('r.bin', TEN);
    expect(await text(store, 'r.bin', { start: 2, end: 4 })).toEqual({ size: 10, text: '234' });
    expect(await text(store, 'r.bin', { start: 0, end: 0 })).toEqual({ size: 10, text: '0' });
    expect(await text(store, 'r.bin', { start: 9, end: 9 })).toEqual({ size: 10, text: '9' });
    expect(await text(store, 'r.bin', { start: 0, end: 9 })).toEqual({ size: 10, text: '0123456789' });
    expect(await text(store, 'r.bin', viaHeader('bytes=7-', 10))).toEqual({ size: 10, text: '789' });
    expect(await text(store, 'r.bin', viaHeader('bytes=-3', 10))).toEqual({ size: 10, text: '789' });
    expect(await text(store, 'r.bin', viaHeader('bytes=-30', 10))).toEqual({ size: 10, text: '0123456789' });
    expect(await text(store, 'r.bin', viaHeader('bytes=5-100', 10))).toEqual({ size: 10, text: '56789' });
  });

  it('refuses ranges outside the object or malformed with a RangeError, and changes nothing', async () => {
    fresh();
    await store.put('r.bin', TEN);
    await store.put('empty.bin', Buffer.alloc(0));
    const refused: [string, ByteRange][] = [
      ['r.bin', { start: 10, end: 12 }],
      ['r.bin', { start: 5, end: 10 }],
      ['r.bin', { start: 4, end: 2 }],
      ['r.bin', { start: -1, end: 3 }],
      ['r.bin', { start: 1.5, end: 3 }],
      ['empty.bin', { start: 0, end: 0 }],
    ];
    for (const [key, range] of refused) {
      await expect(store.get(key, range), JSON.stringify(range)).rejects.toThrow(RangeError);
    }
    expect(await text(store, 'empty.bin')).toEqual({ size: 0, text: '' });
    expect(await text(store, 'r.bin')).toEqual({ size: 10, text: '0123456789' });
    expect(await subject.keys()).toEqual(['empty.bin', 'r.bin']);
  });

  it('refuses bad keys in every operation and stores nothing', async () => {
    fresh();
    for (const key of ['../escape', '/abs', 'a//b', 'dir/', 'name.', 'a/./b', '']) {
      await expect(store.put(key, Buffer.from('x')), key).rejects.toThrow(/key/);
      await expect(store.get(key), key).rejects.toThrow(/key/);
      await expect(store.stat(key), key).rejects.toThrow(/key/);
      await expect(store.delete(key), key).rejects.toThrow(/key/);
    }
    expect(await subject.keys()).toEqual([]);
  });

  it('streams a put, and a failing source stores nothing (not even a partial object)', async () => {
    fresh();
    await store.put('s.bin', Readable.from([Buffer.from('ab'), Buffer.from('cd')]));
    expect(await text(store, 's.bin')).toEqual({ size: 4, text: 'abcd' });
    await expect(store.put('f.bin', failingAfter(Buffer.from('partial')))).rejects.toThrow('source broke');
    // A failed replacement keeps the old object whole.
    await expect(store.put('s.bin', failingAfter(Buffer.from('zz')))).rejects.toThrow('source broke');
    expect(await text(store, 's.bin')).toEqual({ size: 4, text: 'abcd' });
    expect(await subject.keys()).toEqual(['s.bin']);
  });

  it('puts a large streamed body (several S3 parts) and reads it back whole and across a part boundary', async () => {
    fresh();
    const big = randomBytes(2 * MIN_PART_SIZE + 123_457);
    expect(await store.put('big/one', chunked(big, 65_537))).toEqual({ size: big.length });
    expect(await store.stat('big/one')).toEqual({ size: big.length });
    const whole = (await store.get('big/one'))!;
    expect(whole.size).toBe(big.length);
    expect(sha(await readAll(whole.body))).toBe(sha(big));
    const across = { start: MIN_PART_SIZE - 5, end: MIN_PART_SIZE + 4 };
    expect(await readAll((await store.get('big/one', across))!.body)).toEqual(big.subarray(across.start, across.end + 1));
    // The same from one Buffer.
    expect(await store.put('big/two', big)).toEqual({ size: big.length });
    expect(sha(await readAll((await store.get('big/two'))!.body))).toBe(sha(big));
    // A source failing after the first parts went up leaves nothing behind.
    await expect(store.put('big/three', chunked(Buffer.concat([big, Buffer.alloc(1)]), 65_537).pipe(breakAfter(big.length)))).rejects.toThrow(
      'source broke',
    );
    expect(await subject.keys()).toEqual(['big/one', 'big/two']);
  });
});

/** A pass-through that fails once `limit` bytes went through. */
function breakAfter(limit: number) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(new Error('source broke'));
      else done(null, chunk);
    },
  });
}

describe('S3FileStore specifics', () => {
  it('keeps objects under the key prefix with the content type given', async () => {
    const store = s3Store('apps/one/');
    await store.put('x/y.png', Buffer.from('png bytes'), 'image/png');
    await store.put('x/z', Buffer.from('bytes'));
    expect(await bucketKeys('apps/one/')).toEqual(['x/y.png', 'x/z']);
    const head = await raw.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: 'apps/one/x/y.png' }));
    expect(head.ContentType).toBe('image/png');
    const plain = await raw.send(new GetObjectCommand({ Bucket: s3.bucket, Key: 'apps/one/x/z' }));
    expect(plain.ContentType).toBe('application/octet-stream');
    await plain.Body!.transformToString();
    // Another prefix sees none of them.
    expect(await s3Store('apps/two/').stat('x/z')).toBeNull();
    expect(() => s3Store('no-slash')).toThrow(/must end with/);
    expect(() => s3Store('../up/')).toThrow(/key/);
  });

  it('sends one PutObject up to a part, a multipart upload beyond', async () => {
    const store = s3Store('parts/');
    const seen = s3.requests.length;
    await store.put('small', randomBytes(MIN_PART_SIZE));
    await store.put('large', randomBytes(MIN_PART_SIZE + 1));
    // Method, path and the query's names (values are upload ids and SDK markers).
    const made = s3.requests.slice(seen).map(({ line }) => {
      const [method, target] = line.split(' ');
      const url = new URL(target, s3.endpoint);
      const names = [...url.searchParams.keys()].filter((name) => name !== 'x-id');
      return `${method} ${url.pathname}${names.length > 0 ? `?${names.join('&')}` : ''}`;
    });
    expect(made).toEqual([
      'PUT /clientflows-test/parts/small',
      'POST /clientflows-test/parts/large?uploads',
      'PUT /clientflows-test/parts/large?partNumber&uploadId',
      'PUT /clientflows-test/parts/large?partNumber&uploadId',
      'POST /clientflows-test/parts/large?uploadId',
    ]);
    expect(await store.stat('large')).toEqual({ size: MIN_PART_SIZE + 1 });
    // No checksum the API does not require (S3-compatible services refuse the SDK's default ones).
    const checksumHeaders = s3.requests.slice(seen).flatMap(({ headers }) => Object.keys(headers).filter((name) => /checksum/i.test(name)));
    expect(checksumHeaders).toEqual([]);
  });

  it('cuts a response that holds more than the range (HTTP lets a server ignore Range) and stops reading it', async () => {
    const source = Readable.from([Buffer.from('0123'), Buffer.from('4567'), Buffer.from('89')], { objectMode: false });
    expect((await readAll(sliceBody(source, 3, 4))).toString()).toBe('3456');
    expect(source.destroyed).toBe(true);
    expect((await readAll(sliceBody(Readable.from([TEN], { objectMode: false }), 0, 10))).toString()).toBe('0123456789');
  });

  it('refuses a part size S3 would refuse', () => {
    expect(() => s3Store('p/', MIN_PART_SIZE - 1)).toThrow(/part size/);
  });

  it('openFileStore checks the bucket: a missing one stops the start with a readable error', async () => {
    const base = { kind: 's3', region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, keyPrefix: '' } as const;
    process.env.AWS_ACCESS_KEY_ID = LOOPBACK_S3_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = LOOPBACK_S3_CREDENTIALS.secretAccessKey;
    try {
      const opened = await openFileStore({ ...base, bucket: s3.bucket } satisfies FileStoreConfig);
      expect(opened.files).toBeInstanceOf(S3FileStore);
      await opened.files.put('opened/k', TEN);
      expect(await text(opened.files, 'opened/k', { start: 8, end: 9 })).toEqual({ size: 10, text: '89' });
      opened.close();
      const missing = openFileStore({ ...base, bucket: 'no-such-bucket' });
      await expect(missing).rejects.toThrow(FileStoreUnavailableError);
      await expect(missing).rejects.toThrow(/bucket "no-such-bucket" is not usable \(HTTP 404: no such bucket/);
    } finally {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
    }
  });
});
