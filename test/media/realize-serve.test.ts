import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERYWHERE } from '../../src/content/screens/building-blocks';
import type { ScreenSeed } from '../../src/content/types';
import { signHs256 } from '../../src/lib/jwt';
import { signMediaJwt } from '../../src/media/tokens';
import { postJson, requestJson } from '../admin/admin-rest';
import { putFlow } from '../support/fixtures';
import { jwtClaims, newUser, putScreens, serverTrigger, showSpecialFlows } from '../support/flows';
import { startTestServer, TEST_MEDIA_SECRETS, type TestServer } from '../support/server';
import { insertContent, insertImage, type InsertedImage } from './fixtures';
import { gradientImage, INTERSTITIAL_JOB, uploadAndProcess } from './support';

/** Realization of image_uid / content_uid and serving to JWT holders (screens-and-media.md §2.4-§2.6, §3.6, §4 item 4). */

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('media-realize-admin', { admin: true });
  await putScreens(server, [PROBE]);
  await showSpecialFlows(server, ['error_screen_schema']);
});
afterAll(() => server?.close());

const EXAMPLE = 'oseh_if_0000000000000000000000';
const image = (extra: object) => ({ type: 'string', format: 'image_uid', example: EXAMPLE, ...extra });
/** A screen with every image/content field shape the realizer distinguishes. */
const PROBE: ScreenSeed = {
  slug: 'media_probe',
  name: 'media probe',
  description: 'test',
  flags: EVERYWHERE,
  schema: {
    type: 'object',
    required: ['sized', 'plain', 'clip', 'header'],
    example: { sized: EXAMPLE, plain: EXAMPLE, clip: 'oseh_cf_0000000000000000000000', header: 'h' },
    properties: {
      header: { type: 'string', example: 'h' },
      sized: image({ 'x-thumbhash': { width: 342, height: 215 } }),
      dynamic: image({ nullable: true, default: null, 'x-dynamic-size': { width: ['w'], height: ['h'] } }),
      w: { type: 'integer', example: 200, default: 200 },
      h: { type: 'integer', example: 200, default: 200 },
      plain: image({}),
      maybe: image({ nullable: true, default: null }),
      clip: { type: 'string', format: 'content_uid', example: 'oseh_cf_0000000000000000000000' },
      maybe_clip: { type: 'string', format: 'content_uid', example: 'oseh_cf_0000000000000000000000', nullable: true, default: null },
    },
  },
};

let flowCounter = 0;
/** A new user whose front is one media_probe screen with `fixed` (stored directly, like a flow saved before media vanished). */
async function peekProbe(fixed: Record<string, unknown>) {
  const slug = `media_probe_${++flowCounter}`;
  await putFlow(server, { slug, screens: [{ screen: { slug: 'media_probe', fixed: { header: slug, ...fixed }, variable: [] }, name: slug, allowed_triggers: [], flags: 31, rules: { trigger: null, peek: null } }] });
  const user = await newUser(server, { name: 'media' });
  await serverTrigger(server, admin, user.sub, slug);
  const peeked = await user.client.peek();
  expect(peeked.status).toBe(200);
  return peeked.body.screen.active;
}

/** Exports of one image: a square, the exact 342x215 in jpeg and webp, a 2x. */
async function anImage(): Promise<InsertedImage> {
  return insertImage(server, [
    { width: 200, height: 200, format: 'jpeg', thumbhash: 'square===' },
    { width: 342, height: 215, format: 'jpeg', thumbhash: 'exact-jpeg=' },
    { width: 342, height: 215, format: 'webp', thumbhash: 'exact-webp=' },
    { width: 684, height: 430, format: 'jpeg', thumbhash: 'double=' },
  ]);
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });
const secrets = () => server.app.config.secrets;

describe('acceptance 2: an uploaded image through a saved flow to the bytes', () => {
  it('upload → search → save → peek → playlist and export bytes; another image\'s JWT is refused', { timeout: 60_000 }, async () => {
    const png = await gradientImage(2052, 1290, 'png', { seed: 7 });
    expect(await uploadAndProcess(server, admin, 'image', INTERSTITIAL_JOB, png)).toMatchObject({ type: 'succeeded' });
    const sha = createHash('sha512').update(png).digest('hex');
    const search = await postJson(
      server,
      '/api/1/admin/client_flows/image/search',
      { filters: { original_file_sha512: { operator: 'eq', value: sha }, list_slug: { operator: 'eq', value: 'image_interstitial' } } },
      `bearer ${admin}`,
    );
    expect(search.status).toBe(200);
    expect(search.body.items).toHaveLength(1);
    const imageUid: string = search.body.items[0].image_file.uid;

    const created = await postJson(server, '/api/1/client_flows/', { slug: 'media_pic' }, `bearer ${admin}`);
    expect(created.status).toBe(201);
    const pic = (uid: string, slug = 'image_interstitial') => ({
      screen: { slug, fixed: { top: 'Step 1', image: uid, header: 'A picture', message: 'Look' }, variable: [] },
      allowed_triggers: [],
      flags: 31,
    });
    const patch = (screens: unknown[]) => requestJson(server, 'PATCH', '/api/1/client_flows/', { uid: created.body.uid, patch: { screens } }, `bearer ${admin}`);
    // Save-time checks (§1.6.2): a missing image, and this image in a field of another list.
    const missing = await patch([pic('oseh_if_nosuchimage0000000000')]);
    expect(missing.status).toBe(422);
    expect(missing.body.issues).toEqual([expect.objectContaining({ path: 'screens[0].screen.fixed.image', code: 'resource_not_found' })]);
    const holdFixed = { image: imageUid, instructions: 'i', title: 't', body: 'b' };
    const wrongList = await patch([{ screen: { slug: 'hold_to_continue', fixed: holdFixed, variable: [] }, allowed_triggers: [], flags: 31 }]);
    expect(wrongList.status).toBe(422);
    expect(wrongList.body.issues).toEqual([expect.objectContaining({ path: 'screens[0].screen.fixed.image', code: 'resource_wrong_list' })]);
    expect((await patch([pic(imageUid)])).status).toBe(200);

    const user = await newUser(server, { name: 'pic' });
    await serverTrigger(server, admin, user.sub, 'media_pic');
    const peeked = await user.client.peek();
    expect(peeked.status).toBe(200);
    const realized = peeked.body.screen.active.parameters.image as { uid: string; jwt: string; thumbhash: string };
    expect(Object.keys(realized).sort()).toEqual(['jwt', 'thumbhash', 'uid']);
    expect(realized.uid).toBe(imageUid);
    // x-thumbhash 342x215: the exact size, webp before jpeg.
    const [best] = await server.sql<{ thumbhash: string }>(
      `SELECT e.thumbhash FROM image_file_exports e JOIN image_files f ON f.id = e.image_file_id WHERE f.uid = $1 AND e.width = 342 AND e.height = 215 AND e.format = 'webp'`,
      [imageUid],
    );
    expect(realized.thumbhash).toBe(best.thumbhash);

    const playlist = await get(`/api/1/image_files/playlist/${imageUid}`, bearer(realized.jwt));
    expect(playlist.status).toBe(200);
    const items = ((await playlist.json()) as { items: Record<string, { url: string; width: number; height: number; size_bytes: number }[]> }).items;
    expect(Object.keys(items).sort()).toEqual(['jpeg', 'webp']);
    expect(items.jpeg.map((i) => `${i.width}x${i.height}`)).toEqual(['342x215', '513x323', '684x430', '1026x645']);
    const one = items.jpeg[1];
    expect(one.url).not.toContain('jwt=');
    const bytes = await fetch(one.url, { headers: bearer(realized.jwt) });
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get('content-type')).toBe('image/jpeg');
    const body = Buffer.from(await bytes.arrayBuffer());
    expect(body.length).toBe(one.size_bytes);
    expect(await sharp(body).metadata()).toMatchObject({ width: 513, height: 323, format: 'jpeg' });

    const other = await signMediaJwt(secrets(), 'image', (await anImage()).uid, server.app.now());
    expect((await get(`/api/1/image_files/playlist/${imageUid}`, bearer(other))).status).toBe(403);
    expect((await fetch(one.url, { headers: bearer(other) })).status).toBe(403);
  });
});

describe('image_uid realization (§2.4.1, §2.5)', () => {
  it('JWT claims, audience and lifetime (§2.6), and the thumbhash per field size', async () => {
    const img = await anImage();
    const before = Math.floor(Date.now() / 1000);
    const active = await peekProbe({ sized: img.uid, plain: img.uid, dynamic: img.uid, w: 684, h: 430, clip: (await insertContent(server, { bytes: Buffer.from('x') })).uid });
    const p = active.parameters as Record<string, { uid: string; jwt: string; thumbhash: string }>;
    expect(p.sized).toMatchObject({ uid: img.uid, thumbhash: 'exact-webp=' });
    // x-dynamic-size from the input (684x430); 1x1 without size: the square is nearest in shape and area.
    expect(p.dynamic.thumbhash).toBe('double=');
    expect(p.plain.thumbhash).toBe('square===');
    const claims = jwtClaims(p.sized.jwt);
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sub']);
    expect(claims).toMatchObject({ aud: 'oseh-image', iss: 'oseh', sub: img.uid });
    expect((claims.exp as number) - (claims.iat as number)).toBe(1801);
    expect(claims.iat as number).toBeGreaterThanOrEqual(before - 2);
    expect(p.maybe).toBeNull();
  });

  it('x-dynamic-size falls back to the schema defaults (200x200 → the square)', async () => {
    const img = await anImage();
    const active = await peekProbe({ sized: img.uid, plain: img.uid, dynamic: img.uid, clip: (await insertContent(server, { bytes: Buffer.from('x') })).uid });
    expect((active.parameters.dynamic as { thumbhash: string }).thumbhash).toBe('square===');
  });

  it('caches the chosen thumbhash under thumbhashes:{uid}:{w}x{h} for 8 h', async () => {
    const img = await anImage();
    await peekProbe({ sized: img.uid, plain: img.uid, clip: (await insertContent(server, { bytes: Buffer.from('x') })).uid });
    const key = `thumbhashes:${img.uid}:342x215`;
    expect(await server.app.redis.get(key)).toBe('exact-webp=');
    const ttl = await server.app.redis.ttl(key);
    expect(ttl).toBeGreaterThan(28_700);
    expect(ttl).toBeLessThanOrEqual(28_800);
    expect(await server.app.redis.get(`thumbhashes:${img.uid}:1x1`)).toBe('square===');
  });

  it('a Redis value is used as is (Redis before the database)', async () => {
    const img = await anImage();
    await server.app.redis.set(`thumbhashes:${img.uid}:342x215`, 'from-redis=', 'EX', 60);
    const active = await peekProbe({ sized: img.uid, plain: img.uid, clip: (await insertContent(server, { bytes: Buffer.from('x') })).uid });
    expect((active.parameters.sized as { thumbhash: string }).thumbhash).toBe('from-redis=');
  });
});

describe('missing media (§4 item 4): never a 500', () => {
  const missingImage = 'oseh_if_missing00000000000000';
  const missingContent = 'oseh_cf_missing00000000000000';

  it('missing + nullable → null; negative results are cached (one database read for repeated peeks)', async () => {
    const img = await anImage();
    const clip = (await insertContent(server, { bytes: Buffer.from('x') })).uid;
    const reads = () => server.app.metrics.get('media_thumbhash_db_reads');
    const contentReads = () => server.app.metrics.get('media_content_db_reads');
    const first = await peekProbe({ sized: img.uid, plain: img.uid, maybe: missingImage, clip, maybe_clip: missingContent });
    expect(first.slug).toBe('media_probe');
    expect(first.parameters.maybe).toBeNull();
    expect(first.parameters.maybe_clip).toBeNull();
    const [imageReads, clipReads] = [reads(), contentReads()];
    const again = await peekProbe({ sized: img.uid, plain: img.uid, maybe: missingImage, clip, maybe_clip: missingContent });
    expect(again.parameters.maybe).toBeNull();
    expect(reads()).toBe(imageReads);
    expect(contentReads()).toBe(clipReads);
  });

  it('missing + required image or content → the screen fails: error_screen_schema instead', async () => {
    const img = await anImage();
    const clip = (await insertContent(server, { bytes: Buffer.from('x') })).uid;
    const noImage = await peekProbe({ sized: missingImage, plain: img.uid, clip });
    expect(noImage).toMatchObject({ slug: 'confirmation', parameters: { header: 'error_screen_schema' } });
    const noClip = await peekProbe({ sized: img.uid, plain: img.uid, clip: missingContent });
    expect(noClip).toMatchObject({ slug: 'confirmation', parameters: { header: 'error_screen_schema' } });
  });
});

describe('test_screen checks media in fixed too (§1.6.2)', () => {
  const EMPTY = { type: 'object', properties: {}, additionalProperties: false, example: {} };
  const testScreen = (image: string, dry_run = true) =>
    postJson(
      server,
      '/api/1/client_flows/test_screen',
      {
        flow: { client_schema: EMPTY, server_schema: EMPTY },
        flow_screen: {
          screen: { slug: 'image_interstitial', fixed: { top: 'T', image, header: 'H', message: 'M' }, variable: [] },
          allowed_triggers: [],
          flags: 31,
        },
        client_parameters: {},
        server_parameters: {},
        dry_run,
      },
      `bearer ${admin}`,
    );

  it('409 for a missing image or one of another list; 202 for an image of the field\'s list', async () => {
    const missing = await testScreen('oseh_if_nosuchimage0000000000');
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ type: 'screen_input_parameters_wont_match' });
    expect(missing.body.message).toContain('there is no image_uid');
    const elsewhere = await insertImage(server, [{ width: 342, height: 215, format: 'jpeg', thumbhash: 'x=' }], 'upgrade');
    const wrong = await testScreen(elsewhere.uid);
    expect(wrong.status).toBe(409);
    expect(wrong.body.message).toContain("not in the list 'image_interstitial'");
    expect((await testScreen((await anImage()).uid)).status).toBe(202);
  });
});

describe('content_uid realization (§2.4.2)', () => {
  it('without a transcript: content JWT, transcript null', async () => {
    const img = await anImage();
    const clip = await insertContent(server, { bytes: Buffer.from('abc') });
    const active = await peekProbe({ sized: img.uid, plain: img.uid, clip: clip.uid });
    const realized = active.parameters.clip as { content: { uid: string; jwt: string }; transcript: null };
    expect(realized.transcript).toBeNull();
    expect(realized.content.uid).toBe(clip.uid);
    expect(jwtClaims(realized.content.jwt)).toMatchObject({ aud: 'oseh-content', sub: clip.uid, iss: 'oseh' });
  });

  it('with transcripts: the latest by created_at, with a transcript JWT', async () => {
    const img = await anImage();
    const clip = await insertContent(server, {
      bytes: Buffer.from('abc'),
      transcripts: [
        { phrases: [[0, 1, 'old']], createdAt: 1000 },
        { phrases: [[1, 2, 'second'], [0, 1, 'first']], createdAt: 2000 },
      ],
    });
    const active = await peekProbe({ sized: img.uid, plain: img.uid, clip: clip.uid });
    const realized = active.parameters.clip as { content: { uid: string; jwt: string }; transcript: { uid: string; jwt: string } };
    expect(realized.transcript.uid).toBe(clip.transcriptUid);
    const claims = jwtClaims(realized.transcript.jwt);
    expect(claims).toMatchObject({ aud: 'oseh-transcript', sub: clip.transcriptUid });
    expect((claims.exp as number) - (claims.iat as number)).toBe(1801);

    const shown = await get(`/api/1/transcripts/${clip.transcriptUid}`, bearer(realized.transcript.jwt));
    expect(shown.status).toBe(200);
    expect(await shown.json()).toEqual({
      uid: clip.transcriptUid,
      phrases: [
        { starts_at: 0, ends_at: 1, phrase: 'first' },
        { starts_at: 1, ends_at: 2, phrase: 'second' },
      ],
    });
    // The content JWT is not a transcript JWT; nor is a transcript JWT about another transcript.
    expect((await get(`/api/1/transcripts/${clip.transcriptUid}`, bearer(realized.content.jwt))).status).toBe(403);
    const other = await signMediaJwt(secrets(), 'transcript', 'oseh_t_other', server.app.now());
    expect((await get(`/api/1/transcripts/${clip.transcriptUid}`, bearer(other))).status).toBe(403);
  });
});

describe('serving (§3.6)', () => {
  it('token handling: none 401, bad header 401, expired 403, wrong audience 403, unknown image 404, ?jwt= presigns', async () => {
    const img = await anImage();
    const path = `/api/1/image_files/playlist/${img.uid}`;
    const jwt = await signMediaJwt(secrets(), 'image', img.uid, server.app.now());
    expect((await get(path)).status).toBe(401);
    expect((await get(path, { authorization: `Token ${jwt}` })).status).toBe(401);
    const expired = await signMediaJwt(secrets(), 'image', img.uid, server.app.now() - 1801);
    expect((await get(path, bearer(expired))).status).toBe(403);
    const wrongAudience = await signHs256(TEST_MEDIA_SECRETS.OSEH_IMAGE_FILE_JWT_SECRET, { audience: 'oseh-content', subject: img.uid, lifetimeSeconds: 60 });
    expect((await get(path, bearer(wrongAudience))).status).toBe(403);
    const unknown = 'oseh_if_unknown00000000000000';
    const notFound = await get(`/api/1/image_files/playlist/${unknown}`, bearer(await signMediaJwt(secrets(), 'image', unknown, server.app.now())));
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ type: 'not_found' });

    const byHeader = await get(path, bearer(jwt));
    expect(byHeader.headers.get('cache-control')).toMatch(/^private, max-age=(17[0-9]{2}|1800)$/);
    const byQuery = await get(`${path}?jwt=${encodeURIComponent(jwt)}`);
    expect(byQuery.status).toBe(200);
    const items = ((await byQuery.json()) as { items: Record<string, { url: string; uid: string; size_bytes: number }[]> }).items;
    expect(items.jpeg.map((i) => i.size_bytes)).toEqual([...items.jpeg.map((i) => i.size_bytes)].sort((a, b) => a - b));
    const presigned = items.webp[0].url;
    expect(presigned).toContain(`jwt=${encodeURIComponent(jwt)}`);
    const fetched = await fetch(presigned);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(img.exports.find((e) => e.format === 'webp')!.bytes);
    // presign=false wins over the query token.
    const unsigned = (await (await get(`${path}?jwt=${encodeURIComponent(jwt)}&presign=false`)).json()) as { items: Record<string, { url: string }[]> };
    expect(unsigned.items.webp[0].url).not.toContain('jwt=');
    expect((await get(`${path}?presign=constructor`, bearer(jwt))).status).toBe(422);
    // The header wins over the query.
    expect((await get(`${path}?jwt=${encodeURIComponent(jwt)}`, bearer(expired))).status).toBe(403);
  });

  it('web.json, part bytes with Range (206, suffix, 416), sub checked', async () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    const clip = await insertContent(server, { bytes });
    const jwt = await signMediaJwt(secrets(), 'content', clip.uid, server.app.now());
    const web = await get(`/api/1/content_files/${clip.uid}/web.json`, bearer(jwt));
    expect(web.status).toBe(200);
    const body = (await web.json()) as { exports: { url: string; format: string; file_size: number; codecs: string[] }[]; duration_seconds: number };
    expect(body.duration_seconds).toBe(3.5);
    expect(body.exports).toEqual([expect.objectContaining({ format: 'mp4', file_size: 1000, codecs: ['mp4a.40.2'] })]);
    const url = body.exports[0].url;
    expect(url).toContain(`/api/1/content_files/exports/parts/${clip.mp4.partUid}.mp4`);

    const whole = await fetch(url, { headers: bearer(jwt) });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);
    const part = await fetch(url, { headers: { ...bearer(jwt), range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));
    const suffix = await fetch(url, { headers: { ...bearer(jwt), range: 'bytes=-10' } });
    expect(suffix.status).toBe(206);
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(bytes.subarray(990));
    const beyond = await fetch(url, { headers: { ...bearer(jwt), range: 'bytes=1000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */1000');

    const other = await signMediaJwt(secrets(), 'content', (await insertContent(server, { bytes: Buffer.from('y') })).uid, server.app.now());
    expect((await get(`/api/1/content_files/${clip.uid}/web.json`, bearer(other))).status).toBe(403);
    expect((await fetch(url, { headers: bearer(other) })).status).toBe(403);
    // No HLS export: no master playlist.
    expect((await get(`/api/1/content_files/${clip.uid}/ios.m3u8`, bearer(jwt))).status).toBe(404);
  });

  it('expired content and transcript JWTs are refused with 403 like image ones', async () => {
    const clip = await insertContent(server, { bytes: Buffer.from('clip'), transcripts: [{ phrases: [[0, 1, 'hi']], createdAt: 1 }] });
    const stale = server.app.now() - 1801;
    const content = await signMediaJwt(secrets(), 'content', clip.uid, stale);
    const transcript = await signMediaJwt(secrets(), 'transcript', clip.transcriptUid!, stale);
    expect((await get(`/api/1/content_files/${clip.uid}/web.json`, bearer(content))).status).toBe(403);
    expect((await get(`/api/1/content_files/exports/parts/${clip.mp4.partUid}.mp4`, bearer(content))).status).toBe(403);
    expect((await get(`/api/1/transcripts/${clip.transcriptUid}`, bearer(transcript))).status).toBe(403);
    // The same tokens a moment younger are accepted: the refusal is the expiry.
    const fresh = await signMediaJwt(secrets(), 'transcript', clip.transcriptUid!, server.app.now() - 1790);
    expect((await get(`/api/1/transcripts/${clip.transcriptUid}`, bearer(fresh))).status).toBe(200);
  });

  it('HLS master and media playlists when HLS exports exist', async () => {
    const clip = await insertContent(server, { bytes: Buffer.from('mp4'), hls: true });
    const jwt = await signMediaJwt(secrets(), 'content', clip.uid, server.app.now());
    for (const platform of ['ios', 'android']) {
      const master = await get(`/api/1/content_files/${clip.uid}/${platform}.m3u8`, bearer(jwt));
      expect(master.status).toBe(200);
      expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
      const text = await master.text();
      expect(text).toContain('RESOLUTION=640x360');
      expect(text).toContain(`/api/1/content_files/exports/${clip.hls!.exportUid}.m3u8`);
    }
    const media = await (await get(`/api/1/content_files/exports/${clip.hls!.exportUid}.m3u8?jwt=${encodeURIComponent(jwt)}`)).text();
    const urls = media.split('\n').filter((l) => l.startsWith('http'));
    expect(urls).toHaveLength(2);
    expect(urls[0]).toContain(clip.hls!.partUids[0]);
    expect(urls[0]).toContain('jwt=');
    expect((await fetch(urls[1])).status).toBe(200);
    // An mp4 export has no media playlist.
    expect((await get(`/api/1/content_files/exports/${clip.mp4.exportUid}.m3u8`, bearer(jwt))).status).toBe(404);
  });
});
