import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHs256 } from '../../src/lib/jwt';
import { CONTENT_TTL_SECONDS, NEGATIVE_TTL_SECONDS, THUMBHASH_TTL_SECONDS } from '../../src/media/lookups';
import { readQuery } from '../../src/services/transaction';
import { postJson } from '../admin/admin-rest';
import { putFlow } from '../support/fixtures';
import { jwtClaims, newUser, serverTrigger } from '../support/flows';
import { startTestServer, TEST_MEDIA_SECRETS, type TestServer } from '../support/server';
import { insertContent, insertImage } from './fixtures';
import { AUDIO_JOB, INTERSTITIAL_JOB, startUpload } from './support';

/**
 * The cached media lookups (screens-and-media.md §2.5, §4 items 4-5) against the real database
 * and Redis, with the server's clock pinned, and the JWTs of §2.6 not covered elsewhere.
 */

let server: TestServer;
let admin: string;
let realNow: () => number;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('lookups-admin', { admin: true });
  realNow = server.app.now;
});
afterAll(() => server?.close());

const query = () => readQuery(server.app.db);
const imageReads = () => server.app.metrics.get('media_thumbhash_db_reads');
const contentReads = () => server.app.metrics.get('media_content_db_reads');
const SIZE = { width: 342, height: 215 };

/** Runs `work` with the server's clock at `at` (seconds); the clock is restored afterwards. */
async function at<T>(seconds: number, work: () => Promise<T>): Promise<T> {
  server.app.now = () => seconds;
  try {
    return await work();
  } finally {
    server.app.now = realNow;
  }
}

describe('thumbhash ranking through the database (§2.5)', () => {
  it('for 342x215 with only 684x430 and 200x200 exports, a peek inlines 684x430 (integer division would pick 200x200)', async () => {
    const img = await insertImage(server, [
      { width: 200, height: 200, format: 'webp', thumbhash: 'square-webp=' },
      { width: 684, height: 430, format: 'jpeg', thumbhash: 'double-jpeg=' },
    ]);
    await putFlow(server, {
      slug: 'lookups_vector',
      screens: [{ screen: { slug: 'image_interstitial', fixed: { top: 't', image: img.uid, header: 'h', message: 'm' }, variable: [] }, name: null, allowed_triggers: [], flags: 31, rules: { trigger: null, peek: null } }],
    });
    const user = await newUser(server, { name: 'vector' });
    await serverTrigger(server, admin, user.sub, 'lookups_vector');
    const peeked = await user.client.peek();
    expect(peeked.status).toBe(200);
    expect(peeked.body.screen.active.parameters.image).toMatchObject({ uid: img.uid, thumbhash: 'double-jpeg=' });
    expect(await server.app.redis.get(`thumbhashes:${img.uid}:342x215`)).toBe('double-jpeg=');
  });
});

describe('lookup caches and their lifetimes (§2.5 items 1, 2, 5)', () => {
  it('a missing image is cached as missing for 5 minutes only, and never written to Redis', async () => {
    const uid = `oseh_if_lookups_missing_${Date.now()}`;
    const t0 = 2_000_000_000;
    const reads = imageReads();
    expect(await at(t0, () => server.app.mediaLookups.thumbhash(query(), uid, SIZE))).toBeNull();
    expect(imageReads()).toBe(reads + 1);
    expect(await server.app.redis.exists(`thumbhashes:${uid}:342x215`)).toBe(0);
    // The image appears in the meantime: staleness within the negative lifetime is accepted.
    const made = await insertImage(server, [{ width: 342, height: 215, format: 'jpeg', thumbhash: 'appeared=' }]);
    await server.sql(`UPDATE image_files SET uid = $1 WHERE uid = $2`, [uid, made.uid]);
    expect(await at(t0 + NEGATIVE_TTL_SECONDS - 1, () => server.app.mediaLookups.thumbhash(query(), uid, SIZE))).toBeNull();
    expect(imageReads()).toBe(reads + 1);
    expect(await at(t0 + NEGATIVE_TTL_SECONDS + 1, () => server.app.mediaLookups.thumbhash(query(), uid, SIZE))).toBe('appeared=');
    expect(imageReads()).toBe(reads + 2);
    expect(NEGATIVE_TTL_SECONDS).toBe(300);
  });

  it('a found thumbhash lives 8 h in the process (even without Redis) and is read again after', async () => {
    const img = await insertImage(server, [{ width: 342, height: 215, format: 'jpeg', thumbhash: 'first=' }]);
    const key = `thumbhashes:${img.uid}:342x215`;
    const t0 = 2_000_100_000;
    const reads = imageReads();
    expect(await at(t0, () => server.app.mediaLookups.thumbhash(query(), img.uid, SIZE))).toBe('first=');
    expect(imageReads()).toBe(reads + 1);
    expect(await server.app.redis.ttl(key)).toBe(THUMBHASH_TTL_SECONDS);
    await server.app.redis.del(key);
    await server.sql(`UPDATE image_file_exports SET thumbhash = 'second=' WHERE uid = $1`, [img.exports[0].uid]);
    expect(await at(t0 + THUMBHASH_TTL_SECONDS - 1, () => server.app.mediaLookups.thumbhash(query(), img.uid, SIZE))).toBe('first=');
    expect(imageReads()).toBe(reads + 1);
    expect(await at(t0 + THUMBHASH_TTL_SECONDS + 1, () => server.app.mediaLookups.thumbhash(query(), img.uid, SIZE))).toBe('second=');
    expect(imageReads()).toBe(reads + 2);
    expect(THUMBHASH_TTL_SECONDS).toBe(28_800);
  });

  it('a Redis hit is copied to the process cache without reading the database', async () => {
    const img = await insertImage(server, [{ width: 342, height: 215, format: 'jpeg', thumbhash: 'database=' }]);
    const key = `thumbhashes:${img.uid}:342x215`;
    await server.app.redis.set(key, 'shared=', 'EX', 600);
    const reads = imageReads();
    expect(await server.app.mediaLookups.thumbhash(query(), img.uid, SIZE)).toBe('shared=');
    await server.app.redis.del(key);
    expect(await server.app.mediaLookups.thumbhash(query(), img.uid, SIZE)).toBe('shared=');
    expect(imageReads()).toBe(reads);
  });

  it('content: missing cached for 5 minutes, a found file (and its latest transcript) for a minute', async () => {
    const uid = `oseh_cf_lookups_missing_${Date.now()}`;
    const t0 = 2_000_200_000;
    const reads = contentReads();
    expect(await at(t0, () => server.app.mediaLookups.content(query(), uid))).toBeNull();
    expect(await at(t0 + NEGATIVE_TTL_SECONDS - 1, () => server.app.mediaLookups.content(query(), uid))).toBeNull();
    expect(contentReads()).toBe(reads + 1);
    const clip = await insertContent(server, { bytes: Buffer.from('clip') });
    await server.sql(`UPDATE content_files SET uid = $1 WHERE uid = $2`, [uid, clip.uid]);
    expect(await at(t0 + NEGATIVE_TTL_SECONDS + 1, () => server.app.mediaLookups.content(query(), uid))).toEqual({ transcriptUid: null });
    expect(contentReads()).toBe(reads + 2);
    expect(await at(t0 + NEGATIVE_TTL_SECONDS + CONTENT_TTL_SECONDS, () => server.app.mediaLookups.content(query(), uid))).toEqual({ transcriptUid: null });
    expect(contentReads()).toBe(reads + 2);
    expect(await at(t0 + NEGATIVE_TTL_SECONDS + CONTENT_TTL_SECONDS + 2, () => server.app.mediaLookups.content(query(), uid))).toEqual({ transcriptUid: null });
    expect(contentReads()).toBe(reads + 3);
  });
});

describe('JWTs of §2.6 (claims, audiences, lifetimes, one secret per audience)', () => {
  const header = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString()) as Record<string, unknown>;
  const expectToken = (jwt: string, audience: string, sub: string, lifetime: number) => {
    expect(header(jwt)).toMatchObject({ alg: 'HS256' });
    const claims = jwtClaims(jwt);
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sub']);
    expect(claims).toMatchObject({ aud: audience, iss: 'oseh', sub });
    // iat = now − 1, exp = now + lifetime.
    expect((claims.exp as number) - (claims.iat as number)).toBe(lifetime + 1);
    expect(Math.abs((claims.iat as number) + 1 - Date.now() / 1000)).toBeLessThan(5);
  };

  it('file upload 3600 s and job progress 5400 s, each about its own uid', async () => {
    const start = (await startUpload(server, admin, 'image', { job: INTERSTITIAL_JOB, file_size: 10 })).body;
    expectToken(start.jwt, 'oseh-file-upload', start.uid, 3600);
    expectToken(start.progress.jwt, 'oseh-job-progress', start.progress.uid, 5400);
  });

  it('admin search items: image and content JWTs of 1800 s about the file, not the list row', async () => {
    const img = await insertImage(server, [{ width: 342, height: 215, format: 'jpeg', thumbhash: 'x=' }]);
    const clip = await insertContent(server, { bytes: Buffer.from('abc') });
    const images = await postJson(server, '/api/1/admin/client_flows/image/search', { filters: { image_file_uid: { operator: 'eq', value: img.uid } } }, `bearer ${admin}`);
    expect(images.body.items).toHaveLength(1);
    expectToken(images.body.items[0].image_file.jwt, 'oseh-image', img.uid, 1800);
    const contents = await postJson(server, '/api/1/admin/client_flows/content/search', { filters: { content_file_uid: { operator: 'eq', value: clip.uid } } }, `bearer ${admin}`);
    expect(contents.body.items).toHaveLength(1);
    expectToken(contents.body.items[0].content_file.jwt, 'oseh-content', clip.uid, 1800);
    // The search's JWT opens the file.
    const playlist = await fetch(`${server.url}/api/1/image_files/playlist/${img.uid}`, { headers: { authorization: `bearer ${images.body.items[0].image_file.jwt}` } });
    expect(playlist.status).toBe(200);
  });

  it('a token with the right audience signed with another audience\'s secret is refused (403)', async () => {
    const img = await insertImage(server, [{ width: 342, height: 215, format: 'jpeg', thumbhash: 'x=' }]);
    const path = `/api/1/image_files/playlist/${img.uid}`;
    const sign = (secret: string) => signHs256(secret, { audience: 'oseh-image', subject: img.uid, lifetimeSeconds: 60 });
    expect((await fetch(`${server.url}${path}`, { headers: { authorization: `bearer ${await sign(TEST_MEDIA_SECRETS.OSEH_IMAGE_FILE_JWT_SECRET)}` } })).status).toBe(200);
    for (const other of ['OSEH_CONTENT_FILE_JWT_SECRET', 'OSEH_TRANSCRIPT_JWT_SECRET', 'OSEH_FILE_UPLOAD_JWT_SECRET', 'OSEH_PROGRESS_JWT_SECRET']) {
      expect((await fetch(`${server.url}${path}`, { headers: { authorization: `bearer ${await sign(TEST_MEDIA_SECRETS[other])}` } })).status, other).toBe(403);
    }
    // So is an upload token signed with another audience's secret.
    const upload = (await startUpload(server, admin, 'content', { job: AUDIO_JOB, file_size: 10 })).body;
    const forged = await signHs256(TEST_MEDIA_SECRETS.OSEH_IMAGE_FILE_JWT_SECRET, { audience: 'oseh-file-upload', subject: upload.uid, lifetimeSeconds: 60 });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(10)]), 'blob');
    const sent = await fetch(`${server.url}/api/1/file_uploads/${upload.uid}/1`, { method: 'POST', body: form, headers: { authorization: `bearer ${forged}` } });
    expect(sent.status).toBe(403);
  });
});
