import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Redis } from 'ioredis';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { readProgress, type ProgressEvent } from '../../src/media/progress';
import { LOOPBACK_S3_CREDENTIALS, startLoopbackS3, type LoopbackS3 } from '../../src/media/s3rver.testkit';
import { signMediaJwt } from '../../src/media/tokens';
import { buildIfNeeded, processEnv, startServerProcess, stopServerProcess, type ServerProcess } from '../support/processes';
import { createTestDatabase, type TestServer } from '../support/server';
import { EXACT_JOB, gradientImage, upload } from './support';

/**
 * FILE_STORE=s3 end to end: a real server process whose media live in a bucket of an s3rver on
 * loopback. An image goes up through the upload protocol (§3.4), is processed, and its export
 * bytes are served (whole and by range) from the bucket; nothing lands on the local disk.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let s3: LoopbackS3;
let raw: S3Client;
let server: ServerProcess;
let dataDir: string;
let db: pg.Pool;
let redis: Redis;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  buildIfNeeded();
  s3 = await startLoopbackS3('clientflows-media');
  raw = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: LOOPBACK_S3_CREDENTIALS });
  const databaseUrl = await createTestDatabase();
  db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  redis = new Redis(inject('redisUrl'));
  dataDir = await mkdtemp(join(tmpdir(), 'clientflows-s3-data-'));
  env = processEnv({ DATABASE_URL: databaseUrl, REDIS_URL: inject('redisUrl'), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...s3.serverEnv({ S3_KEY_PREFIX: 'media' }) });
  server = await startServerProcess(env);
});
afterAll(async () => {
  if (server) await stopServerProcess(server.child);
  redis?.disconnect();
  await db?.end();
  raw?.destroy();
  await s3?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The upload helpers only address the server by its URL. */
const byUrl = (url: string) => ({ url }) as TestServer;

async function finalEvent(progressUid: string): Promise<ProgressEvent> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const last = (await readProgress(redis, progressUid)).at(-1);
    if (last && (last.type === 'succeeded' || last.type === 'failed')) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`processing did not finish in time:\n${server.output()}`);
}

async function bucketKeys(): Promise<string[]> {
  const listed = await raw.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
}

describe('FILE_STORE=s3 (a server process against s3rver)', () => {
  it('stores an uploaded image\'s parts, original and exports in the bucket and serves the export bytes from it', async () => {
    const jpeg = await gradientImage(600, 600, 'jpeg', { seed: 31 });
    const started = await upload(byUrl(server.url), server.adminToken, 'image', EXACT_JOB, jpeg, { dynamic_size: { width: 200, height: 200 } });
    expect(await finalEvent(started.progress.uid), server.output()).toMatchObject({ type: 'succeeded' });

    const [image] = (
      await db.query<{ uid: string }>(
        `SELECT i.uid FROM image_files i JOIN client_flow_images c ON c.image_file_id = i.id WHERE c.list_slug = 'exact_dynamic@200x200'`,
      )
    ).rows;
    const files = (await db.query<{ key: string }>(`SELECT key FROM stored_files ORDER BY key`)).rows.map((r) => r.key);
    // Every stored file is an object under the prefix, and nothing else is: the part was deleted with the upload.
    expect(await bucketKeys()).toEqual(files.map((key) => `media/${key}`).sort());
    expect(files.some((key) => key.startsWith(`s3_files/images/${image.uid}/`))).toBe(true);
    expect(files.some((key) => key.startsWith('s3_files/originals/'))).toBe(true);
    expect(files.some((key) => key.startsWith('s3_files/uploads/'))).toBe(false);
    expect(existsSync(join(dataDir, 'media'))).toBe(false);

    const jwt = await signMediaJwt(loadConfig(env).secrets, 'image', image.uid, Date.now() / 1000);
    const auth = { authorization: `Bearer ${jwt}` };
    const playlist = await fetch(`${server.url}/api/1/image_files/playlist/${image.uid}`, { headers: auth });
    expect(playlist.status, server.output()).toBe(200);
    const items = ((await playlist.json()) as { items: Record<string, { url: string; width: number; height: number; size_bytes: number }[]> }).items;
    const export400 = items.jpeg.find((item) => item.width === 400)!;
    const whole = await fetch(export400.url, { headers: auth });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(bytes.length).toBe(export400.size_bytes);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 400, height: 400 });

    const part = await fetch(export400.url, { headers: { ...auth, range: 'bytes=0-0' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-0/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(0, 1));
    const tail = await fetch(export400.url, { headers: { ...auth, range: 'bytes=-100' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 100));
    expect((await fetch(export400.url, { headers: { ...auth, range: `bytes=${bytes.length}-` } })).status).toBe(416);
  });
});
