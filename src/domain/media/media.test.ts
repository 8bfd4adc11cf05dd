import { describe, expect, it } from 'vitest';
import type { Schema } from '../model';
import { parseByteRange } from './range';
import { contentWebPlaylist, hlsMasterPlaylist, hlsMediaPlaylist, imagePlaylist, selectHlsRenditions, transcriptBody, type ContentExportRow } from './serving';
import { bestExport, chooseThumbhash, thumbhashKey, thumbhashTarget, type ThumbhashCandidate } from './thumbhash';
import { MEDIA_TOKEN_CLAIMS, MEDIA_TOKENS, mediaCacheControl } from './tokens';

const exp = (uid: string, width: number, height: number, format = 'jpeg'): ThumbhashCandidate => ({
  uid,
  width,
  height,
  format,
  thumbhash: `th-${uid}`,
});

describe('thumbhash ranking (§2.5)', () => {
  const target = { width: 342, height: 215 };

  it('an exact size match wins over everything', () => {
    // 684x430 has the same aspect but a larger area distance; the exact one must win even when listed last.
    expect(bestExport([exp('a', 684, 430, 'webp'), exp('b', 342, 215)], target)?.uid).toBe('b');
  });

  it('divides as floats: 684x430 beats 200x200 for 342x215 (integer division picks 200x200)', () => {
    expect(chooseThumbhash([exp('sq', 200, 200), exp('big', 684, 430)], target)).toBe('th-big');
    expect(chooseThumbhash([exp('big', 684, 430), exp('sq', 200, 200)], target)).toBe('th-big');
  });

  it('aspect distance before area distance', () => {
    // 1026x645 has the exact aspect; 340x220 is close in area but not in shape.
    expect(bestExport([exp('near', 340, 220), exp('far', 1026, 645)], target)?.uid).toBe('far');
  });

  it('area distance when the aspect ties', () => {
    expect(bestExport([exp('x3', 1026, 645), exp('x2', 684, 430)], target)?.uid).toBe('x2');
  });

  it('aspect and area tie: format by bytes, webp before svg before png before jpeg', () => {
    const all = [exp('1', 684, 430, 'jpeg'), exp('2', 684, 430, 'png'), exp('3', 684, 430, 'svg'), exp('4', 684, 430, 'webp')];
    expect(bestExport(all, target)?.format).toBe('webp');
    expect(bestExport(all.slice(0, 3), target)?.format).toBe('svg');
    expect(bestExport(all.slice(0, 2), target)?.format).toBe('png');
  });

  it('final tie: the smaller uid (after format, unlike the reference playlist cache)', () => {
    expect(bestExport([exp('ife_b', 684, 430), exp('ife_a', 684, 430)], target)?.uid).toBe('ife_a');
    // A smaller uid does not beat a better format.
    expect(bestExport([exp('ife_a', 684, 430, 'jpeg'), exp('ife_b', 684, 430, 'webp')], target)?.uid).toBe('ife_b');
  });

  it('ignores non-positive sizes; nothing → null', () => {
    expect(chooseThumbhash([exp('z', 0, 215), exp('n', 342, -1)], target)).toBeNull();
    expect(chooseThumbhash([], target)).toBeNull();
  });

  it('mirror aspect counts: a tall target prefers the tall export', () => {
    expect(bestExport([exp('wide', 400, 200), exp('tall', 200, 400)], { width: 100, height: 200 })?.uid).toBe('tall');
  });

  it('cache key is the contract key', () => {
    expect(thumbhashKey('oseh_if_x', { width: 342, height: 215 })).toBe('thumbhashes:oseh_if_x:342x215');
  });
});

describe('thumbhash target size (§2.4.1 step 1)', () => {
  const image = (extra: Schema): Schema => ({ type: 'string', format: 'image_uid', ...extra });
  const root = (node: Schema, input = {}) => ({
    schema: {
      type: 'object',
      properties: {
        image: node,
        width: { type: 'integer', default: 120 },
        height: { type: 'integer', default: 80 },
        box: { type: 'object', nullable: true, default: null, properties: { w: { type: 'integer' } } },
      },
    } as Schema,
    input,
  });

  it('x-thumbhash wins over x-dynamic-size', () => {
    const node = image({ 'x-thumbhash': { width: 342, height: 215 }, 'x-dynamic-size': { width: ['width'], height: ['height'] } });
    expect(thumbhashTarget(node, root(node, { width: 10, height: 10 }))).toEqual({ ok: true, size: { width: 342, height: 215 }, warning: null });
  });

  it('x-dynamic-size from the input, then from defaults', () => {
    const node = image({ 'x-dynamic-size': { width: ['width'], height: ['height'] } });
    expect(thumbhashTarget(node, root(node, { width: 300 }))).toEqual({ ok: true, size: { width: 300, height: 80 }, warning: null });
    expect(thumbhashTarget(node, root(node, {}))).toEqual({ ok: true, size: { width: 120, height: 80 }, warning: null });
  });

  it('1x1 without either, through a nullable null, and (with a warning) when a path does not resolve', () => {
    const plain = image({});
    expect(thumbhashTarget(plain, root(plain))).toEqual({ ok: true, size: { width: 1, height: 1 }, warning: null });
    const viaNull = image({ 'x-dynamic-size': { width: ['box', 'w'], height: ['height'] } });
    expect(thumbhashTarget(viaNull, root(viaNull))).toEqual({ ok: true, size: { width: 1, height: 1 }, warning: null });
    const broken = image({ 'x-dynamic-size': { width: ['nope'], height: ['height'] } });
    const r = thumbhashTarget(broken, root(broken));
    expect(r.ok && r.size).toEqual({ width: 1, height: 1 });
    expect(r.ok && r.warning).toMatch(/nope/);
  });

  it('a malformed x-thumbhash is an error', () => {
    const node = image({ 'x-thumbhash': { width: 0, height: 2 } });
    expect(thumbhashTarget(node, root(node)).ok).toBe(false);
  });
});

describe('media tokens (§2.6)', () => {
  it('audiences and lifetimes', () => {
    expect(MEDIA_TOKENS).toEqual({
      image: { audience: 'oseh-image', lifetimeSeconds: 1800 },
      content: { audience: 'oseh-content', lifetimeSeconds: 1800 },
      transcript: { audience: 'oseh-transcript', lifetimeSeconds: 1800 },
    });
    expect([...MEDIA_TOKEN_CLAIMS].sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sub']);
  });

  it('cache lifetime never outlives the token', () => {
    expect(mediaCacheControl(1000, 900)).toBe('private, max-age=100');
    expect(mediaCacheControl(1000, 1200)).toBe('private, max-age=0');
    expect(mediaCacheControl(100_000, 0)).toBe('private, max-age=1800');
  });
});

describe('byte ranges', () => {
  it.each([
    [undefined, 100, { kind: 'full' }],
    ['bytes=0-9', 100, { kind: 'partial', start: 0, end: 9 }],
    ['bytes=90-', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=90-200', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-1000', 100, { kind: 'partial', start: 0, end: 99 }],
    ['BYTES=1-1', 100, { kind: 'partial', start: 1, end: 1 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=5-1', 100, { kind: 'full' }],
    ['bytes=0-1,5-6', 100, { kind: 'full' }],
    ['items=0-1', 100, { kind: 'full' }],
    ['bytes=-', 100, { kind: 'full' }],
  ])('%s of %i bytes', (header, size, expected) => {
    expect(parseByteRange(header, size)).toEqual(expected);
  });
});

describe('serving bodies (§3.6)', () => {
  it('image playlist: grouped by format, size ascending, presigned on request', () => {
    const rows = [
      { uid: 'ife_b', format: 'jpeg', width: 684, height: 430, sizeBytes: 300, thumbhash: 't' },
      { uid: 'ife_a', format: 'jpeg', width: 342, height: 215, sizeBytes: 100, thumbhash: 't' },
      { uid: 'ife_c', format: 'webp', width: 342, height: 215, sizeBytes: 80, thumbhash: 't' },
    ];
    const body = imagePlaylist(rows, 'http://h', 'j w') as { items: Record<string, { uid: string; url: string }[]> };
    expect(Object.keys(body.items).sort()).toEqual(['jpeg', 'webp']);
    expect(body.items.jpeg.map((i) => i.uid)).toEqual(['ife_a', 'ife_b']);
    expect(body.items.jpeg[0].url).toBe('http://h/api/1/image_files/image/ife_a.jpeg?jwt=j%20w');
    const bare = imagePlaylist(rows, 'http://h', null) as { items: Record<string, { url: string }[]> };
    expect(bare.items.webp[0].url).toBe('http://h/api/1/image_files/image/ife_c.webp');
  });

  const mp4: ContentExportRow = {
    uid: 'cfe_1',
    format: 'mp4',
    bandwidth: 128000,
    codecs: 'mp4a.40.2',
    targetDuration: 4,
    formatParameters: {},
    qualityParameters: { passthrough: true },
    fileSize: 1234,
    parts: [{ uid: 'cfep_1', position: 0, durationSeconds: 3.5 }],
  };
  const hls: ContentExportRow = {
    ...mp4,
    uid: 'cfe_2',
    format: 'm3u8',
    targetDuration: 2,
    formatParameters: { width: 640, height: 360 },
    codecs: 'avc1.64001f,mp4a.40.2',
    parts: [
      { uid: 'cfep_3', position: 1, durationSeconds: 1.5 },
      { uid: 'cfep_2', position: 0, durationSeconds: 2 },
    ],
  };

  it('web.json lists the mp4 exports with part 0', () => {
    expect(contentWebPlaylist([mp4, hls], 3.5, 'http://h', null)).toEqual({
      exports: [
        {
          url: 'http://h/api/1/content_files/exports/parts/cfep_1.mp4',
          format: 'mp4',
          bandwidth: 128000,
          codecs: ['mp4a.40.2'],
          file_size: 1234,
          format_parameters: {},
          quality_parameters: { passthrough: true },
        },
      ],
      duration_seconds: 3.5,
    });
    expect(contentWebPlaylist([hls], 3.5, 'http://h', null)).toBeNull();
  });

  it('HLS playlists only from m3u8 exports, parts in position order', () => {
    expect(hlsMasterPlaylist([mp4], 'http://h', null)).toBeNull();
    const master = hlsMasterPlaylist([mp4, hls], 'http://h', 'k')!;
    expect(master).toContain('#EXT-X-STREAM-INF:BANDWIDTH=128000,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=640x360');
    expect(master).toContain('http://h/api/1/content_files/exports/cfe_2.m3u8?jwt=k');
    const media = hlsMediaPlaylist(hls, 'http://h', null);
    expect(media.indexOf('cfep_2.ts')).toBeLessThan(media.indexOf('cfep_3.ts'));
    expect(media).toContain('#EXT-X-TARGETDURATION:2');
    expect(media.trim().endsWith('#EXT-X-ENDLIST')).toBe(true);
  });

  it('media playlist target duration: at least every EXTINF rounded to the nearest integer (RFC 8216)', () => {
    const long: ContentExportRow = { ...hls, targetDuration: 10, parts: [{ uid: 'a', position: 0, durationSeconds: 10.0078 }, { uid: 'b', position: 1, durationSeconds: 11.6 }] };
    expect(hlsMediaPlaylist(long, 'http://h', null)).toContain('#EXT-X-TARGETDURATION:12');
    expect(hlsMediaPlaylist({ ...long, parts: long.parts.slice(0, 1) }, 'http://h', null)).toContain('#EXT-X-TARGETDURATION:10');
  });

  it('master playlist filters: the shape closest to the display, a bandwidth ceiling keeping the lowest', () => {
    const video = (uid: string, width: number, height: number, bandwidth: number): ContentExportRow => ({ ...hls, uid, bandwidth, formatParameters: { width, height } });
    const ladder = [video('p1', 394, 852, 1_700_000), video('p2', 430, 932, 2_000_000), video('p3', 1080, 1920, 10_000_000), video('l1', 1920, 1080, 10_000_000), video('l2', 852, 394, 1_700_000)];
    const uids = (filter: Parameters<typeof selectHlsRenditions>[1]) => selectHlsRenditions(ladder, filter).map((e) => e.uid);
    expect(uids({})).toEqual(['p1', 'p2', 'p3', 'l1', 'l2']);
    expect(uids({ size: { width: 393, height: 852 } })).toEqual(['p1', 'p2']);
    expect(uids({ size: { width: 1170, height: 2532 } })).toEqual(['p1', 'p2']);
    expect(uids({ size: { width: 9, height: 16 } })).toEqual(['p3']);
    expect(uids({ size: { width: 1366, height: 768 } })).toEqual(['l1']);
    expect(uids({ size: { width: 393, height: 852 }, maxBandwidth: 1_800_000 })).toEqual(['p1']);
    expect(uids({ maxBandwidth: 1000 })).toEqual(['p1']);
    // Audio renditions have no shape: a size filters nothing.
    expect(selectHlsRenditions([{ ...hls, formatParameters: { average_bandwidth: 1 } }], { size: { width: 1, height: 2 } })).toHaveLength(1);
    const master = hlsMasterPlaylist(ladder, 'http://h', null, { size: { width: 1366, height: 768 } })!;
    expect(master.match(/#EXT-X-STREAM-INF/g)).toHaveLength(1);
    expect(master).toContain('RESOLUTION=1920x1080');
  });

  it('transcript phrases by start time', () => {
    const body = transcriptBody('oseh_t_1', [
      { startsAt: 2, endsAt: 3, phrase: 'b' },
      { startsAt: 0, endsAt: 1, phrase: 'a' },
    ]);
    expect(body).toEqual({ uid: 'oseh_t_1', phrases: [{ starts_at: 0, ends_at: 1, phrase: 'a' }, { starts_at: 2, ends_at: 3, phrase: 'b' }] });
  });
});
