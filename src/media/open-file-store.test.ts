import { mkdtempSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFileStore } from './file-store';
import { openFileStore } from './open-file-store';
import { LOOPBACK_S3_CREDENTIALS, startLoopbackS3 } from './s3rver.testkit';

/** A file apart from the store contract: that one loads the SDK itself, this one checks who loads it. */

const sdkLoaded = () => Object.keys((Module as unknown as { _cache: Record<string, unknown> })._cache).some((file) => file.includes(`${path.sep}@aws-sdk${path.sep}`));
const root = mkdtempSync(path.join(tmpdir(), 'clientflows-open-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('openFileStore', () => {
  it('opens the local store without loading the AWS SDK, which FILE_STORE=s3 then loads', async () => {
    // The whole server's module graph, as a default process loads it.
    await import('../runtime.js');
    const local = await openFileStore({ kind: 'local', root });
    expect(local.files).toBeInstanceOf(LocalFileStore);
    await local.files.put('k', Buffer.from('x'));
    expect(await local.files.stat('k')).toEqual({ size: 1 });
    local.close();
    expect(sdkLoaded()).toBe(false);

    const s3 = await startLoopbackS3();
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: LOOPBACK_S3_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: LOOPBACK_S3_CREDENTIALS.secretAccessKey });
    try {
      const opened = await openFileStore({ kind: 's3', bucket: s3.bucket, region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, keyPrefix: '' });
      opened.close();
      expect(sdkLoaded()).toBe(true);
    } finally {
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      await s3.stop();
    }
  });
});
