import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postJson } from '../admin/admin-rest';
import { startTestServer, type TestServer } from '../support/server';
import { AUDIO_JOB, EXACT_JOB, filesOnDisk, gradientImage, INTERSTITIAL_JOB, storedKeys, tinyMp4, uploadAndProcess } from './support';

/**
 * Processing (screens-and-media.md §3.5, §3.7) of real generated files, end to end. The lossless
 * webp exports (method 6) dominate the time; on a loaded 2-core machine one image takes seconds.
 */
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('media-admin', { admin: true });
});
afterAll(() => server?.close());

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('hex');

async function counts(): Promise<Record<string, number>> {
  const [row] = await server.sql<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM image_files) AS image_files, (SELECT count(*)::int FROM image_file_exports) AS exports,
            (SELECT count(*)::int FROM client_flow_images) AS list_rows, (SELECT count(*)::int FROM stored_files) AS stored_files,
            (SELECT count(*)::int FROM file_uploads) AS uploads`,
  );
  return row;
}

/** What is stored, in the database and on disk; with no job running, every row has its bytes and nothing else is on disk. */
async function storage(): Promise<{ counts: Record<string, number>; files: string[] }> {
  await server.app.mediaJobs.idle();
  const files = await filesOnDisk(server);
  expect(files).toEqual(await storedKeys(server));
  return { counts: await counts(), files };
}

/** §2.5 / §3.7 item 3 from the stored bytes: fit into 100×100, RGBA, ThumbHash, base64url with padding. */
async function expectedThumbhash(encoded: Buffer): Promise<string> {
  const { data, info } = await sharp(encoded).resize(100, 100, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

async function storedBytes(key: string): Promise<Buffer> {
  const stored = await server.app.files.get(key);
  const chunks: Buffer[] = [];
  for await (const c of stored!.body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function searchImages(filters: object): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
  const answer = await postJson(server, '/api/1/admin/client_flows/image/search', { filters }, `bearer ${admin}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('image_interstitial', () => {
  let png: Buffer;
  beforeAll(async () => {
    png = await gradientImage(2052, 1290, 'png');
  });

  it('turns a 2052x1290 PNG into every export with a thumbhash, and image/search lists it', async () => {
    const done = await uploadAndProcess(server, admin, 'image', INTERSTITIAL_JOB, png);
    expect(done).toMatchObject({ type: 'succeeded', indicator: { type: 'final' } });
    const exports = await server.sql<{ format: string; size: string; thumbhash: string; quality: object; cuts: number; bytes: string; key: string }>(
      `SELECT e.format, e.width || 'x' || e.height AS size, e.thumbhash, e.quality_settings AS quality,
              e.left_cut_px + e.right_cut_px + e.top_cut_px + e.bottom_cut_px AS cuts, f.file_size AS bytes, f.key
       FROM image_file_exports e JOIN stored_files f ON f.id = e.stored_file_id ORDER BY e.format, e.width`,
    );
    expect(exports.map((e) => `${e.format} ${e.size}`)).toEqual([
      'jpeg 342x215', 'jpeg 513x323', 'jpeg 684x430', 'jpeg 1026x645',
      'webp 342x215', 'webp 513x323', 'webp 684x430', 'webp 1026x645',
    ]);
    for (const e of exports) {
      // base64url, `=` padding kept (so a multiple of 4 characters), and the hash of the export's own bytes.
      expect(e.thumbhash).toMatch(/^[A-Za-z0-9_-]+=*$/);
      expect(e.thumbhash.length % 4).toBe(0);
      const bytes = await storedBytes(e.key);
      expect(bytes.length).toBe(Number(e.bytes));
      expect(e.thumbhash, `${e.format} ${e.size}`).toBe(await expectedThumbhash(bytes));
    }
    expect(exports[0].quality).toEqual({ optimize: true, progressive: true, quality: 95 });
    expect(exports[3].quality).toEqual({ optimize: true, progressive: true, quality: 85 });
    expect(exports[4].quality).toEqual({ lossless: true, method: 6, quality: 90 });
    // 513x323 is not exactly 2052x1290's aspect: a minimal centred crop.
    expect(exports.find((e) => e.size === '513x323')!.cuts).toBeGreaterThan(0);
    expect(exports.find((e) => e.size === '1026x645')!.cuts).toBe(0);

    // The stored bytes are what the rows say.
    for (const e of exports) {
      const [width, height] = e.size.split('x').map(Number);
      expect(await sharp(await storedBytes(e.key)).metadata(), `${e.format} ${e.size}`).toMatchObject({ format: e.format, width, height });
    }

    const found = await searchImages({ list_slug: { operator: 'eq', value: 'image_interstitial' } });
    expect(found.items).toEqual([{
      uid: expect.stringMatching(/^oseh_cfi_/),
      list_slug: 'image_interstitial',
      image_file: { uid: expect.stringMatching(/^oseh_if_/), jwt: expect.any(String) },
      original_file_sha512: sha512(png),
      image_file_created_at: expect.any(Number),
      last_uploaded_at: expect.any(Number),
    }]);
    expect(found.next_page_sort).toBeNull();
    const [owner] = await server.sql<{ sub: string; original: string | null }>(
      `SELECT u.sub, c.original_stored_file_id AS original FROM client_flow_images c JOIN users u ON u.id = c.uploaded_by_user_id`,
    );
    expect(owner.sub).toBe('media-admin');
    expect(owner.original).not.toBeNull();
    // The upload itself is gone: parts, their files and the row.
    expect((await counts()).uploads).toBe(0);
  });

  it('the same bytes again only touch last_uploaded_at: no second image file, no new export', async () => {
    const before = await storage();
    const listRow = `SELECT uid, list_slug, image_file_id, original_stored_file_id, original_sha512, uploaded_by_user_id, last_uploaded_at FROM client_flow_images`;
    const [row] = await server.sql<{ last_uploaded_at: number }>(listRow);
    const imageRows = await server.sql(`SELECT * FROM image_files`);
    const exportRows = await server.sql(`SELECT * FROM image_file_exports ORDER BY id`);
    const done = await uploadAndProcess(server, admin, 'image', INTERSTITIAL_JOB, png);
    expect(done.type).toBe('succeeded');
    // Same rows and the same files on disk: no second image file, export or stored original.
    expect(await storage()).toEqual(before);
    expect(await server.sql(`SELECT * FROM image_files`)).toEqual(imageRows);
    expect(await server.sql(`SELECT * FROM image_file_exports ORDER BY id`)).toEqual(exportRows);
    // The list row: only last_uploaded_at moved.
    const [after] = await server.sql<{ last_uploaded_at: number }>(listRow);
    expect(after).toEqual({ ...row, last_uploaded_at: expect.any(Number) });
    expect(after.last_uploaded_at).toBeGreaterThan(row.last_uploaded_at);
  });

  it('oversize, undersized, truncated and non-image uploads fail with a readable reason and register nothing', async () => {
    const before = await storage();
    const oversize = await sharp({ create: { width: 8200, height: 700, channels: 3, background: '#336699' } }).png().toBuffer();
    const small = await gradientImage(1000, 700, 'png', { seed: 3 });
    const truncated = (await gradientImage(1100, 700, 'png', { seed: 4 })).subarray(0, 30_000);
    const text = Buffer.from('this is not an image, just some text '.repeat(20));
    const reasons: string[] = [];
    for (const bytes of [oversize, small, truncated, text]) {
      const done = await uploadAndProcess(server, admin, 'image', INTERSTITIAL_JOB, bytes);
      expect(done).toMatchObject({ type: 'failed', indicator: { type: 'final' } });
      reasons.push(done.message);
    }
    expect(reasons[0]).toMatch(/image is too large \(8200x700/);
    expect(reasons[1]).toMatch(/image is too small: 1000x700, this list needs at least 1026x645/);
    expect(reasons[2]).toMatch(/truncated|corrupt|not a readable image/);
    expect(reasons[3]).toMatch(/not a readable image/);
    // Nothing half-registered: the same rows (no image, export, list row, stored file or upload left)
    // and the same files on disk (no export, original or upload part left).
    expect(await storage()).toEqual(before);
  });

  it('a failure after the exports are written (in the registering transaction) removes every file the job wrote', async () => {
    const before = await storage();
    // The list insert is the transaction's last statement: exports, their files and the original are all written by then.
    await server.sql(`CREATE FUNCTION refuse_list_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'list row refused by the test'; END $$`);
    await server.sql(`CREATE TRIGGER refuse_list_row BEFORE INSERT ON client_flow_images FOR EACH ROW EXECUTE FUNCTION refuse_list_row()`);
    try {
      const done = await uploadAndProcess(server, admin, 'image', INTERSTITIAL_JOB, await gradientImage(1026, 645, 'jpeg', { seed: 9 }));
      expect(done).toMatchObject({ type: 'failed', message: expect.stringMatching(/list row refused by the test/) });
    } finally {
      await server.sql(`DROP TRIGGER refuse_list_row ON client_flow_images`);
      await server.sql(`DROP FUNCTION refuse_list_row()`);
    }
    expect(await storage()).toEqual(before);
  });

  it('keeps alpha: a translucent PNG gets png exports instead of jpeg', async () => {
    const translucent = await gradientImage(1026, 645, 'png', { seed: 5, alpha: true });
    expect((await uploadAndProcess(server, admin, 'image', INTERSTITIAL_JOB, translucent)).type).toBe('succeeded');
    const formats = await server.sql<{ format: string }>(
      `SELECT DISTINCT e.format FROM image_file_exports e JOIN image_files i ON i.id = e.image_file_id WHERE i.original_sha512 = $1 ORDER BY 1`,
      [sha512(translucent)],
    );
    expect(formats.map((f) => f.format)).toEqual(['png', 'webp']);
  });

  it('rasterizes an SVG to cover every target and keeps the SVG itself as an export', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="342" height="215" viewBox="0 0 342 215"><rect width="342" height="215" fill="#2a6"/><circle cx="171" cy="107" r="80" fill="#fc3"/></svg>');
    expect((await uploadAndProcess(server, admin, 'image', INTERSTITIAL_JOB, svg)).type).toBe('succeeded');
    const rows = await server.sql<{ format: string; size: string }>(
      `SELECT e.format, e.width || 'x' || e.height AS size FROM image_file_exports e JOIN image_files i ON i.id = e.image_file_id
       WHERE i.original_sha512 = $1 ORDER BY e.format, e.width`,
      [sha512(svg)],
    );
    expect(rows).toContainEqual({ format: 'svg', size: '1026x645' });
    expect(rows.filter((r) => r.format === 'png')).toHaveLength(4);
  });
});

describe('exact_dynamic', () => {
  it('accepts 600x600 for 200x200 and rejects 601x600 and 400x400', async () => {
    const ok = await uploadAndProcess(server, admin, 'image', EXACT_JOB, await gradientImage(600, 600, 'jpeg', { seed: 6 }), { dynamic_size: { width: 200, height: 200 } });
    expect(ok.type).toBe('succeeded');
    const found = await searchImages({ list_slug: { operator: 'eq', value: 'exact_dynamic@200x200' } });
    expect(found.items).toHaveLength(1);
    const sizes = await server.sql<{ size: string }>(
      `SELECT DISTINCT e.width || 'x' || e.height AS size, e.width FROM image_file_exports e JOIN image_files i ON i.id = e.image_file_id
       JOIN client_flow_images c ON c.image_file_id = i.id WHERE c.list_slug = 'exact_dynamic@200x200' ORDER BY e.width`,
    );
    expect(sizes.map((s) => s.size)).toEqual(['200x200', '300x300', '400x400', '500x500', '600x600']);
    // Each pixel ratio in jpeg and webp, untouched by any crop.
    const [made] = await server.sql<{ n: number; cuts: number }>(
      `SELECT count(*)::int AS n, sum(e.left_cut_px + e.right_cut_px + e.top_cut_px + e.bottom_cut_px)::int AS cuts FROM image_file_exports e
       JOIN client_flow_images c ON c.image_file_id = e.image_file_id WHERE c.list_slug = 'exact_dynamic@200x200'`,
    );
    expect(made).toEqual({ n: 10, cuts: 0 });
    const before = await storage();
    const aspect = await uploadAndProcess(server, admin, 'image', EXACT_JOB, await gradientImage(601, 600, 'jpeg', { seed: 7 }), { dynamic_size: { width: 200, height: 200 } });
    expect(aspect).toMatchObject({ type: 'failed', message: 'image is 601x600: its aspect ratio must be exactly 200:200' });
    const small = await uploadAndProcess(server, admin, 'image', EXACT_JOB, await gradientImage(400, 400, 'jpeg', { seed: 8 }), { dynamic_size: { width: 200, height: 200 } });
    expect(small).toMatchObject({ type: 'failed', message: 'image is too small: 400x400, needs at least 600x600' });
    expect(await storage()).toEqual(before);
  });
});

describe('content passthrough', () => {
  it('registers an m4a with its probed duration as one single-part mp4 export; content/search lists it; a non-mp4 fails', async () => {
    const audio = tinyMp4(3.25, 5000);
    expect((await uploadAndProcess(server, admin, 'content', AUDIO_JOB, audio)).type).toBe('succeeded');
    const [file] = await server.sql<{ duration_seconds: number; exports: number; parts: number; target: number }>(
      `SELECT c.duration_seconds, (SELECT count(*)::int FROM content_file_exports e WHERE e.content_file_id = c.id) AS exports,
              (SELECT count(*)::int FROM content_file_export_parts p JOIN content_file_exports e ON e.id = p.content_file_export_id WHERE e.content_file_id = c.id) AS parts,
              (SELECT target_duration FROM content_file_exports e WHERE e.content_file_id = c.id) AS target
       FROM content_files c WHERE c.original_sha512 = $1`,
      [sha512(audio)],
    );
    expect(file).toEqual({ duration_seconds: 3.25, exports: 1, parts: 1, target: 4 });
    const answer = await postJson(server, '/api/1/admin/client_flows/content/search', { filters: { original_file_sha512: { operator: 'eq', value: sha512(audio) } } }, `bearer ${admin}`);
    expect(answer.body.items).toEqual([expect.objectContaining({ list_slug: 'audio_interstitial', transcript: null, content_file: { uid: expect.stringMatching(/^oseh_cf_/), jwt: expect.any(String) } })]);
    const bad = await uploadAndProcess(server, admin, 'content', AUDIO_JOB, Buffer.from('definitely not an mp4 file'));
    expect(bad).toMatchObject({ type: 'failed', message: expect.stringMatching(/not an mp4/) });
  });

  it('media searches refuse limits outside 1..250', async () => {
    for (const limit of [0, 251]) {
      expect((await postJson(server, '/api/1/admin/client_flows/image/search', { limit }, `bearer ${admin}`)).status).toBe(422);
    }
    expect((await postJson(server, '/api/1/admin/client_flows/content/search', { limit: 250 }, `bearer ${admin}`)).status).toBe(200);
  });
});
