import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/config/config';
import { renditionName, videoLadder } from '../../src/domain/media/content-ladder';
import { TRANSCRIPT_JOB } from '../../src/jobs/transcripts';
import { readProgress, type ProgressEvent } from '../../src/media/progress';
import { transcribeContent } from '../../src/media/transcription';
import { canReadProgress } from '../../src/services/media/uploads.service';
import { postJson } from '../admin/admin-rest';
import { startTestServer, type TestServer } from '../support/server';
import { AUDIO_JOB, filesOnDisk, finalEvent, probeJson, readStored, requireFfmpeg, runTool, upload, uploadAndProcess, VIDEO_JOB } from './support';

/**
 * The ffmpeg content ladder and pluggable transcription (screens-and-media.md §3.5.4-§3.5.5, §3.6)
 * end to end with the real ffmpeg: sources generated with lavfi, uploaded over HTTP with the
 * §3.4 protocol, processed by the job runner, served by the media endpoints. Encoding uses the
 * `ultrafast` preset and a 2-fps 1-second video so the whole file stays short on 2 cores.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const TRANSCRIBER = join(__dirname, '..', '..', 'examples', 'plugins', 'duration-transcriber.js');

let tools: { ffmpegPath: string; ffprobePath: string };
let scratch: string;
/** ffmpeg configured, the example transcriber loaded. */
let server: TestServer;
let admin: string;
const sources: Record<'audio' | 'video' | 'smallVideo' | 'silentVideo', Buffer> = {} as never;

/** A file made by ffmpeg from lavfi sources (the tags let the test check metadata stripping). */
async function generate(name: string, inputs: string[], options: string[]): Promise<Buffer> {
  const out = join(scratch, name);
  const lavfi = inputs.flatMap((input) => ['-f', 'lavfi', '-i', input]);
  await runTool(tools.ffmpegPath, ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...lavfi, ...options, '-metadata', 'title=Secret title', '-metadata', 'location=+40.0000-070.0000/', out]);
  const { readFile } = await import('node:fs/promises');
  return readFile(out);
}

beforeAll(async () => {
  tools = requireFfmpeg();
  scratch = await mkdtemp(join(tmpdir(), 'clientflows-ladder-test-'));
  const video = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'];
  // 11 s (two HLS segments) at 16 kHz: AAC encoding time grows with the sample count.
  sources.audio = await generate('tone.m4a', ['sine=frequency=440:sample_rate=16000:duration=11'], ['-c:a', 'aac', '-b:a', '32k']);
  sources.video = await generate('big.mp4', ['testsrc2=size=1920x1080:rate=2:duration=1', 'sine=frequency=220:duration=1'], video);
  sources.smallVideo = await generate('small.mp4', ['testsrc2=size=640x360:rate=2:duration=1', 'sine=frequency=220:duration=1'], video);
  sources.silentVideo = await generate('silent.mp4', ['testsrc2=size=320x240:rate=2:duration=1'], ['-c:v', 'libx264', '-preset', 'ultrafast']);
  server = await startTestServer({ plugins: [TRANSCRIBER], env: { FFMPEG_PATH: tools.ffmpegPath, FFMPEG_PRESET: 'ultrafast' } });
  admin = await server.userToken('ladder-admin', { admin: true });
});
afterAll(async () => {
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

interface ExportRow {
  uid: string;
  format: string;
  formatParameters: Record<string, number>;
  bandwidth: number;
  codecs: string;
  targetDuration: number;
  qualityParameters: Record<string, unknown>;
  parts: { uid: string; position: number; durationSeconds: number; key: string; contentType: string; size: number }[];
}

async function exportsOf(target: TestServer, contentUid: string): Promise<ExportRow[]> {
  const rows = await target.sql<Omit<ExportRow, 'parts'> & { part: ExportRow['parts'][number] }>(
    `SELECT e.uid, e.format, e.format_parameters AS "formatParameters", e.bandwidth, e.codecs, e.target_duration AS "targetDuration",
            e.quality_parameters AS "qualityParameters",
            json_build_object('uid', p.uid, 'position', p.position, 'durationSeconds', p.duration_seconds, 'key', s.key,
                              'contentType', s.content_type, 'size', s.file_size) AS part
       FROM content_files f JOIN content_file_exports e ON e.content_file_id = f.id
       JOIN content_file_export_parts p ON p.content_file_export_id = e.id JOIN stored_files s ON s.id = p.stored_file_id
      WHERE f.uid = $1 ORDER BY e.format, e.bandwidth, e.uid, p.position`,
    [contentUid],
  );
  const byUid = new Map<string, ExportRow>();
  for (const { part, ...e } of rows) {
    if (!byUid.has(e.uid)) byUid.set(e.uid, { ...e, parts: [] });
    byUid.get(e.uid)!.parts.push(part);
  }
  return [...byUid.values()];
}

async function counts(target: TestServer): Promise<Record<string, number>> {
  const [row] = await target.sql<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM content_files) AS files, (SELECT count(*)::int FROM content_file_exports) AS exports,
            (SELECT count(*)::int FROM content_file_export_parts) AS parts, (SELECT count(*)::int FROM client_flow_content_files) AS list_rows,
            (SELECT count(*)::int FROM stored_files) AS stored_files, (SELECT count(*)::int FROM transcripts) AS transcripts`,
  );
  return row;
}

/** The content search item of a content file: its list row, a content JWT, the latest transcript. */
async function searchContent(target: TestServer, token: string, contentUid: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
  const answer = await postJson(target, '/api/1/admin/client_flows/content/search', { filters: { content_file_uid: { operator: 'eq', value: contentUid } } }, `bearer ${token}`);
  expect(answer.status).toBe(200);
  expect(answer.body.items).toHaveLength(1);
  return answer.body.items[0];
}

/** Uploads and waits until the job is fully done (its upload parts deleted too), so counts are final. */
async function processed(target: TestServer, token: string, job: string, bytes: Buffer): Promise<ProgressEvent> {
  const done = await uploadAndProcess(target, token, 'content', job, bytes);
  await target.app.mediaJobs.idle();
  await target.app.transcriptJobs.idle();
  return done;
}

const contentUidOf = (event: ProgressEvent) => /as (oseh_cf_\S+)$/.exec(event.message)![1];
const get = (target: TestServer, path: string, jwt: string, headers: Record<string, string> = {}) =>
  fetch(`${target.url}${path}`, { headers: { authorization: `bearer ${jwt}`, ...headers } });
/** A media endpoint's JSON answer. */
const getJson = async (target: TestServer, path: string, jwt: string): Promise<any> => (await get(target, path, jwt)).json(); // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test

/** Top-level ISO BMFF box types in order (fast start: `moov` before `mdat`). */
function topLevelBoxes(bytes: Buffer): string[] {
  const types: string[] = [];
  for (let offset = 0; offset + 8 <= bytes.length; ) {
    const size = bytes.readUInt32BE(offset);
    types.push(bytes.toString('latin1', offset + 4, offset + 8));
    if (size < 8) break;
    offset += size;
  }
  return types;
}

/** `avc1.PPCCLL` straight from the file's avcC box: what the stored codecs string must say. */
function avcCodecFromBytes(bytes: Buffer): string {
  const at = bytes.indexOf('avcC', 0, 'latin1');
  return `avc1.${bytes.subarray(at + 5, at + 8).toString('hex')}`;
}

describe('audio_interstitial', () => {
  let contentUid: string;
  let progressUid: string;
  /** The progress JWT the start-upload answer gave the client. */
  let progressJwt: string;
  let events: ProgressEvent[];

  beforeAll(async () => {
    const started = await upload(server, admin, 'content', AUDIO_JOB, sources.audio);
    progressUid = started.progress.uid;
    progressJwt = started.progress.jwt;
    const done = await finalEvent(server, progressUid);
    expect(done).toMatchObject({ type: 'succeeded', indicator: { type: 'final' } });
    contentUid = contentUidOf(done);
    events = await readProgress(server.app.redis, progressUid);
  });

  it('reports a progress bar per export, then spawns the transcript job, then succeeds', () => {
    expect(events.map((e) => e.type)).toEqual(['queued', 'started', ...Array(17).fill('progress'), 'spawned', 'succeeded']);
    const bars = events.filter((e) => e.type === 'progress').map((e) => e.indicator);
    expect(bars).toEqual(Array.from({ length: 17 }, (_, at) => ({ type: 'bar', at, of: 16 })));
    expect(events.find((e) => e.type === 'spawned')!.spawned).toEqual({ uid: expect.stringMatching(/^oseh_jp_/), name: TRANSCRIPT_JOB });
  });

  it('stores eight AAC bitrates as fast-start single-part mp4s and 10-second HLS renditions, with probed durations and real codecs', async () => {
    const [file] = await server.sql<{ duration: number }>(`SELECT duration_seconds AS duration FROM content_files WHERE uid = $1`, [contentUid]);
    expect(file.duration).toBeGreaterThanOrEqual(11);
    expect(file.duration).toBeLessThan(11.1);
    const exports = await exportsOf(server, contentUid);
    const names = (format: string) => exports.filter((e) => e.format === format).map((e) => e.qualityParameters.rendition).sort();
    const expected = ['audio 1028k', 'audio 128k', 'audio 1411k', 'audio 256k', 'audio 32k', 'audio 512k', 'audio 64k', 'audio 90k'];
    expect(names('mp4')).toEqual(expected);
    expect(names('m3u8')).toEqual(expected);
    for (const e of exports) {
      expect(e.codecs).toBe('mp4a.40.2');
      if (e.format === 'mp4') {
        expect(e.parts).toHaveLength(1);
        expect(e.parts[0]).toMatchObject({ position: 0, contentType: 'audio/mp4' });
        expect(e.targetDuration).toBe(Math.ceil(e.parts[0].durationSeconds));
        expect(e.formatParameters).toEqual({});
        expect(e.bandwidth).toBe(Math.ceil((Number(e.parts[0].size) * 8) / e.parts[0].durationSeconds));
      } else {
        // 11 s in 10-second segments: two parts, in position order, adding up to the whole.
        expect(e.parts.map((p) => p.position)).toEqual([0, 1]);
        expect(e.parts[0].durationSeconds).toBeCloseTo(10, 0);
        // Segments end on AAC frames (64 ms at 16 kHz), so the sum may pass the probed duration slightly.
        expect(Math.abs(e.parts[0].durationSeconds + e.parts[1].durationSeconds - file.duration)).toBeLessThan(0.2);
        expect(e.parts.every((p) => p.contentType === 'video/mp2t')).toBe(true);
        expect(e.targetDuration).toBe(10);
        expect(e.formatParameters).toEqual({ average_bandwidth: expect.any(Number) });
        expect(e.bandwidth).toBeGreaterThanOrEqual(e.formatParameters.average_bandwidth);
      }
    }
    const mp4 = await readStored(server, exports.find((e) => e.format === 'mp4' && e.qualityParameters.rendition === 'audio 128k')!.parts[0].key);
    expect(topLevelBoxes(mp4).indexOf('moov')).toBeLessThan(topLevelBoxes(mp4).indexOf('mdat'));
    const path = join(scratch, 'export-128k.mp4');
    await writeFile(path, mp4);
    const probed = await probeJson(tools.ffprobePath, path);
    expect(probed.streams.map((s: { codec_type: string; codec_name: string }) => `${s.codec_type}/${s.codec_name}`)).toEqual(['audio/aac']);
    expect(probed.format.tags?.title).toBeUndefined();
    expect(probed.format.tags?.location).toBeUndefined();
  });

  it('serves the mp4s in web.json, the renditions in the master playlist, the segments in media playlists, and parts with Range', async () => {
    const item = await searchContent(server, admin, contentUid);
    const jwt: string = item.content_file.jwt;
    const web = await getJson(server, `/api/1/content_files/${contentUid}/web.json`, jwt);
    expect(web.duration_seconds).toBeGreaterThanOrEqual(11);
    expect(web.exports).toHaveLength(8);
    expect(web.exports.map((e: { bandwidth: number }) => e.bandwidth)).toEqual([...web.exports.map((e: { bandwidth: number }) => e.bandwidth)].sort((a, b) => a - b));
    expect(web.exports[0]).toMatchObject({ format: 'mp4', codecs: ['mp4a.40.2'], format_parameters: {}, quality_parameters: { rendition: expect.stringMatching(/^audio /) } });
    const whole = await get(server, new URL(web.exports[0].url).pathname, jwt);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mp4');
    expect((await whole.arrayBuffer()).byteLength).toBe(web.exports[0].file_size);

    const master = await (await get(server, `/api/1/content_files/${contentUid}/ios.m3u8`, jwt)).text();
    const streams = master.split('\n').filter((line) => line.startsWith('#EXT-X-STREAM-INF:'));
    expect(streams).toHaveLength(8);
    for (const line of streams) expect(line).toMatch(/^#EXT-X-STREAM-INF:BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,CODECS="mp4a\.40\.2"$/);
    const exportUrl = master.split('\n').find((line) => line.includes('/api/1/content_files/exports/'))!;
    const media = await (await get(server, new URL(exportUrl).pathname, jwt)).text();
    expect(media).toContain('#EXT-X-TARGETDURATION:10');
    const segments = media.split('\n').filter((line) => line.startsWith('http'));
    expect(segments).toHaveLength(2);
    expect(media.split('\n').filter((line) => line.startsWith('#EXTINF:'))).toHaveLength(2);

    const segmentPath = new URL(segments[0]).pathname;
    const segment = Buffer.from(await (await get(server, segmentPath, jwt)).arrayBuffer());
    expect(segment[0]).toBe(0x47); // MPEG-TS sync byte
    const ranged = await get(server, segmentPath, jwt, { range: 'bytes=188-375' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 188-375/${segment.length}`);
    expect(Buffer.from(await ranged.arrayBuffer())).toEqual(segment.subarray(188, 376));
  });

  it('the spawned job transcribes the converted audio once, and the parent token follows it', async () => {
    const spawned = events.find((e) => e.type === 'spawned')!.spawned!;
    expect(await finalEvent(server, spawned.uid)).toMatchObject({ type: 'succeeded', message: expect.stringMatching(/^transcribed as oseh_t_/) });
    const item = await searchContent(server, admin, contentUid);
    expect(item.transcript).toEqual({ uid: expect.stringMatching(/^oseh_t_/), jwt: expect.any(String) });
    const [source] = await server.sql<{ source: object; duration: number }>(
      `SELECT t.source, f.duration_seconds AS duration FROM transcripts t JOIN content_file_transcripts c ON c.transcript_id = t.id
       JOIN content_files f ON f.id = c.content_file_id WHERE t.uid = $1`,
      [item.transcript.uid],
    );
    expect(source.source).toEqual({ type: 'example', model: 'duration', version: '1', content_type: 'audio/mp4' });
    const body = await getJson(server, `/api/1/transcripts/${item.transcript.uid}`, item.transcript.jwt);
    expect(body.phrases).toHaveLength(Math.ceil(source.duration / 2));
    expect(body.phrases[0]).toEqual({ starts_at: 0, ends_at: 2, phrase: '0 to 2 seconds' });
    expect(body.phrases.at(-1).ends_at).toBeCloseTo(source.duration, 6);

    // The upload's progress token reads the transcript job it spawned; another job's does not.
    const other = await postJson(server, '/api/1/admin/client_flows/content/', { job: AUDIO_JOB, file_size: 10 }, `bearer ${admin}`);
    expect(await canReadProgress(server.app, spawned.uid, progressJwt)).toBe(true);
    expect(await canReadProgress(server.app, spawned.uid, other.body.progress.jwt)).toBe(false);

    // Idempotent: running the job again finds the transcript and stores nothing.
    const before = await counts(server);
    const again = await server.app.transcriptJobs.spawn(contentUid, null);
    expect(await finalEvent(server, again!)).toMatchObject({ type: 'succeeded', message: `already transcribed as ${item.transcript.uid}` });
    expect(await counts(server)).toEqual(before);
  });

  it('without the original, transcribes the best mp4 export; a failing or nonsensical transcriber stores nothing', async () => {
    const [file] = await server.sql<{ id: string; key: string }>(
      `SELECT f.id::text, s.key FROM content_files f JOIN stored_files s ON s.id = f.original_stored_file_id WHERE f.uid = $1`,
      [contentUid],
    );
    // Forget the transcript and lose the original's bytes: the job must fall back to an export.
    await server.sql(`DELETE FROM transcripts WHERE id IN (SELECT transcript_id FROM content_file_transcripts WHERE content_file_id = $1)`, [file.id]);
    const original = await readStored(server, file.key);
    await server.app.files.delete(file.key);
    try {
      const signal = new AbortController().signal;
      const broken = await transcribeContent(server.app, { name: 'broken', transcribe: async () => { throw new Error('service unavailable'); } }, contentUid, signal);
      expect(broken).toEqual({ ok: false, reason: 'transcriber broken failed: service unavailable' });
      const nonsense = await transcribeContent(server.app, { name: 'sloppy', transcribe: async () => ({ source: {}, phrases: [{ startsAt: 3, endsAt: 1, phrase: 'x' }] }) }, contentUid, signal);
      expect(nonsense).toEqual({ ok: false, reason: 'transcriber sloppy returned an unusable transcript: phrase 0 needs finite times with 0 <= startsAt <= endsAt' });
      expect((await counts(server)).transcripts).toBe(0);

      const job = await server.app.transcriptJobs.spawn(contentUid, null);
      expect(await finalEvent(server, job!)).toMatchObject({ type: 'succeeded', message: expect.stringMatching(/^transcribed as oseh_t_/) });
      expect((await counts(server)).transcripts).toBe(1);
    } finally {
      await server.app.files.put(file.key, original);
    }
  });

  it('the same bytes again only touch last_uploaded_at: no export, no stored file, no transcript added', async () => {
    const [row] = await server.sql<{ at: number }>(`SELECT last_uploaded_at AS at FROM client_flow_content_files l JOIN content_files f ON f.id = l.content_file_id WHERE f.uid = $1`, [contentUid]);
    const before = await counts(server);
    const done = await processed(server, admin, AUDIO_JOB, sources.audio);
    expect(done).toMatchObject({ type: 'succeeded', message: `processed into audio_interstitial as ${contentUid}` });
    await server.app.transcriptJobs.idle();
    expect(await counts(server)).toEqual(before);
    const [after] = await server.sql<{ at: number }>(`SELECT last_uploaded_at AS at FROM client_flow_content_files l JOIN content_files f ON f.id = l.content_file_id WHERE f.uid = $1`, [contentUid]);
    expect(after.at).toBeGreaterThan(row.at);
  });
});

describe('video_interstitial', () => {
  let contentUid: string;

  it('encodes the whole ladder for a 1920x1080 source as H.264/AAC mp4s plus 5-second HLS copies, and serves them', async () => {
    const done = await processed(server, admin, VIDEO_JOB, sources.video);
    expect(done).toMatchObject({ type: 'succeeded' });
    contentUid = contentUidOf(done);
    const ladder = videoLadder({ width: 1920, height: 1080 });
    const exports = await exportsOf(server, contentUid);
    for (const format of ['mp4', 'm3u8']) {
      const made = exports.filter((e) => e.format === format);
      expect(made.map((e) => e.qualityParameters.rendition).sort()).toEqual(ladder.map(renditionName).sort());
      for (const e of made) expect(e.formatParameters).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    }
    expect(exports.find((e) => e.qualityParameters.rendition === 'video 1280x720 3456k')!.qualityParameters).toMatchObject({
      preset: 'ultrafast', video_bitrate_kbps: 3456, audio_bitrate_kbps: 384, scaler: 'lanczos', crop: { left: 0, right: 0, top: 0, bottom: 0 },
    });
    // A portrait export of a landscape source is a centred crop.
    expect(exports.find((e) => e.qualityParameters.rendition === 'video 180x320 291k')!.qualityParameters.crop).toEqual({ left: 656, right: 656, top: 0, bottom: 0 });

    const mp4 = exports.find((e) => e.format === 'mp4' && e.formatParameters.width === 1280)!;
    const bytes = await readStored(server, mp4.parts[0].key);
    expect(mp4.codecs).toBe(`${avcCodecFromBytes(bytes)},mp4a.40.2`);
    expect(topLevelBoxes(bytes).indexOf('moov')).toBeLessThan(topLevelBoxes(bytes).indexOf('mdat'));
    const path = join(scratch, 'export-720.mp4');
    await writeFile(path, bytes);
    const probed = await probeJson(tools.ffprobePath, path);
    const video = probed.streams.find((s: { codec_type: string }) => s.codec_type === 'video');
    expect(video).toMatchObject({ codec_name: 'h264', width: 1280, height: 720, pix_fmt: 'yuv420p' });
    expect(['1:1', undefined]).toContain(video.sample_aspect_ratio);
    expect(probed.streams.find((s: { codec_type: string }) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'aac' });
    expect(probed.format.tags?.title).toBeUndefined();
    expect(probed.format.tags?.location).toBeUndefined();

    const hls = exports.find((e) => e.format === 'm3u8' && e.formatParameters.width === 1280)!;
    expect(hls.codecs).toBe(mp4.codecs);
    expect(hls.targetDuration).toBe(1);
    expect(hls.parts).toHaveLength(1);

    const jwt = (await searchContent(server, admin, contentUid)).content_file.jwt;
    const web = await getJson(server, `/api/1/content_files/${contentUid}/web.json`, jwt);
    expect(web.exports).toHaveLength(ladder.length);
    expect(web.exports.find((e: { format_parameters: { width: number } }) => e.format_parameters.width === 1280)).toMatchObject({
      codecs: mp4.codecs.split(','), format_parameters: { width: 1280, height: 720 },
    });
    const master = await (await get(server, `/api/1/content_files/${contentUid}/android.m3u8`, jwt)).text();
    expect(master.split('\n').filter((line) => line.startsWith('#EXT-X-STREAM-INF:'))).toHaveLength(ladder.length);
    expect(master).toContain(`RESOLUTION=1280x720`);
    // A phone asks for its shape: only the portrait crops of that aspect, so switching bandwidths never changes the crop.
    const phone = await (await get(server, `/api/1/content_files/${contentUid}/ios.m3u8?width=393&height=852&max_bandwidth=1700000`, jwt)).text();
    const resolutions = [...phone.matchAll(/RESOLUTION=(\d+)x(\d+)/g)].map(([, w, h]) => Number(w) / Number(h));
    expect(resolutions.length).toBeGreaterThan(1);
    for (const aspect of resolutions) expect(Math.abs(aspect / (393 / 852) - 1)).toBeLessThan(0.02);
    for (const [, bandwidth] of phone.matchAll(/BANDWIDTH=(\d+),AVERAGE/g)) expect(Number(bandwidth)).toBeLessThanOrEqual(1_700_000);
    const bad = await get(server, `/api/1/content_files/${contentUid}/ios.m3u8?width=wide&height=852`, jwt);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { detail: { loc: string[] }[] }).detail[0].loc).toEqual(['query', 'width']);

    const media = await (await get(server, `/api/1/content_files/exports/${hls.uid}.m3u8`, jwt)).text();
    const segment = await get(server, new URL(media.split('\n').find((line) => line.startsWith('http'))!).pathname, jwt);
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
  });

  it('a known file only gets the exports it lacks', async () => {
    const lost = (await exportsOf(server, contentUid)).find((e) => e.format === 'm3u8' && e.qualityParameters.rendition === 'video 1280x720 3456k')!;
    await server.sql(`DELETE FROM content_file_exports WHERE uid = $1`, [lost.uid]);
    const kept = (await exportsOf(server, contentUid)).map((e) => e.uid).sort();
    const started = await upload(server, admin, 'content', VIDEO_JOB, sources.video);
    expect(await finalEvent(server, started.progress.uid)).toMatchObject({ type: 'succeeded', message: `processed into video_interstitial as ${contentUid}` });
    await server.app.mediaJobs.idle();
    await server.app.transcriptJobs.idle();
    const bars = (await readProgress(server.app.redis, started.progress.uid)).filter((e) => e.type === 'progress').map((e) => e.indicator);
    expect(bars).toEqual([{ type: 'bar', at: 0, of: 1 }, { type: 'bar', at: 1, of: 1 }]);
    const now = await exportsOf(server, contentUid);
    const added = now.filter((e) => !kept.includes(e.uid));
    expect(added.map((e) => `${e.format} ${e.qualityParameters.rendition}`)).toEqual(['m3u8 video 1280x720 3456k']);
    expect(added[0].parts.length).toBeGreaterThan(0);
  });

  it('refuses a source under 1920x1080 with a readable reason, registering and storing nothing', async () => {
    const before = await counts(server);
    const done = await processed(server, admin, VIDEO_JOB, sources.smallVideo);
    expect(done).toMatchObject({ type: 'failed', message: 'video is too small: 640x360, this list needs at least 1920 wide and 1080 high' });
    expect(await counts(server)).toEqual(before);
  });

  it('refuses what is not media, and audio without an audio stream, with readable reasons', async () => {
    const before = await counts(server);
    const junk = await processed(server, admin, AUDIO_JOB, Buffer.from('certainly not a media file\n'.repeat(40)));
    expect(junk).toMatchObject({ type: 'failed', message: expect.stringMatching(/^not an mp4\/m4a or another known audio\/video container/) });
    const silent = await processed(server, admin, AUDIO_JOB, sources.silentVideo);
    expect(silent).toMatchObject({ type: 'failed', message: 'the file has no audio stream' });
    expect(await counts(server)).toEqual(before);
  });
});

describe('a transcriber without ffmpeg', () => {
  it('the passthrough spawns the job too, handing the transcriber the stored mp4 as it is', async () => {
    // Test servers share one Redis but not one database: the file's ffmpeg server (done with
    // transcripts by now) must not claim this server's job from the shared queue.
    await server.app.transcriptJobs.stop();
    const passthrough = await startTestServer({ plugins: [TRANSCRIBER] });
    try {
      const token = await passthrough.userToken('passthrough-admin', { admin: true });
      const started = await upload(passthrough, token, 'content', AUDIO_JOB, sources.audio);
      const final = await finalEvent(passthrough, started.progress.uid);
      expect(final).toMatchObject({ type: 'succeeded' });
      const spawned = (await readProgress(passthrough.app.redis, started.progress.uid)).find((e) => e.type === 'spawned')!.spawned!;
      expect(await finalEvent(passthrough, spawned.uid)).toMatchObject({ type: 'succeeded' });
      const item = await searchContent(passthrough, token, contentUidOf(final));
      const [row] = await passthrough.sql<{ source: object }>(`SELECT source FROM transcripts WHERE uid = $1`, [item.transcript.uid]);
      expect(row.source).toEqual({ type: 'example', model: 'duration', version: '1', content_type: 'audio/mp4' });
    } finally {
      await passthrough.close();
    }
  });
});

describe('without a transcriber, and when ffmpeg fails mid-ladder', () => {
  let plain: TestServer;
  let plainAdmin: string;
  let failMarker: string;

  beforeAll(async () => {
    // An ffmpeg that fails HLS segmenting while the marker file exists (after the first mp4 is stored).
    failMarker = join(scratch, 'fail-hls');
    const wrapper = join(scratch, 'ffmpeg');
    await writeFile(wrapper, `#!/bin/sh\nfor arg in "$@"; do\n  if [ "$arg" = "-hls_time" ] && [ -f '${failMarker}' ]; then echo "simulated failure" >&2; exit 1; fi\ndone\nexec '${tools.ffmpegPath}' "$@"\n`);
    await chmod(wrapper, 0o755);
    plain = await startTestServer({ env: { FFMPEG_PATH: wrapper, FFPROBE_PATH: tools.ffprobePath, FFMPEG_PRESET: 'ultrafast' } });
    plainAdmin = await plain.userToken('plain-admin', { admin: true });
  });
  afterAll(() => plain?.close());

  it('with no transcriber registered, spawns nothing and the transcript stays null', async () => {
    const done = await upload(plain, plainAdmin, 'content', AUDIO_JOB, sources.audio);
    const final = await finalEvent(plain, done.progress.uid);
    expect(final).toMatchObject({ type: 'succeeded' });
    expect((await readProgress(plain.app.redis, done.progress.uid)).some((e) => e.type === 'spawned')).toBe(false);
    expect((await searchContent(plain, plainAdmin, contentUidOf(final))).transcript).toBeNull();
    expect((await counts(plain)).transcripts).toBe(0);
  });

  it('an ffmpeg failure fails the job with its last error line and deletes every file the run stored', async () => {
    await writeFile(failMarker, '');
    const before = await counts(plain);
    const listFiles = () => filesOnDisk(plain);
    const filesBefore = await listFiles();
    const done = await processed(plain, plainAdmin, VIDEO_JOB, sources.video);
    expect(done).toMatchObject({ type: 'failed', message: 'ffmpeg failed: simulated failure' });
    expect(await counts(plain)).toEqual(before);
    expect(await listFiles()).toEqual(filesBefore);
    await rm(failMarker);
  });

  it('a configured ffmpeg that does not run fails the start with a ConfigError', async () => {
    const error = await startTestServer({ env: { FFMPEG_PATH: '/bin/false', FFPROBE_PATH: tools.ffprobePath } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe('FFMPEG_PATH=/bin/false does not run: exit code 1');
  });
});
