import { describe, expect, it } from 'vitest';
import {
  AUDIO_BITRATES_KBPS, audioLadder, checkVideoSource, displaySize, encodingGroups, evenCeil, groupFilterGraph, hlsBandwidth, ladderExportKey,
  MAX_GROUP_PIXELS, parseHlsMediaPlaylist, qualityParameters, renditionName, storedLadderKey, videoFilter, videoKbpsFor, videoLadder,
  type VideoGeometry, type VideoRendition,
} from './content-ladder';
import { mp4Head, topLevelBoxTypes } from './mp4';
import { isKnownContainer, readProbe } from './probe';
import { checkTranscription } from './transcription';

const square = (width: number, height: number, rotation = 0): VideoGeometry => ({ coded: { width, height }, sampleAspect: { num: 1, den: 1 }, rotation });
const sizes = (renditions: VideoRendition[]) => renditions.map((r) => `${r.width}x${r.height}`);

describe('the ladder (§3.5.4)', () => {
  it('audio: one AAC rendition per bitrate of the spec, 1028 kbps included (sic)', () => {
    expect(AUDIO_BITRATES_KBPS).toEqual([32, 64, 90, 128, 256, 512, 1028, 1411]);
    expect(audioLadder().map(renditionName)).toEqual(AUDIO_BITRATES_KBPS.map((k) => `audio ${k}k`));
  });

  it('video bitrate: 10 486 kbps for 1920×1080 and in proportion to the area otherwise', () => {
    expect(videoKbpsFor({ width: 1920, height: 1080 })).toBe(10_486);
    expect(videoKbpsFor({ width: 1080, height: 1920 })).toBe(10_486);
    expect(videoKbpsFor({ width: 180, height: 320 })).toBe(291);
    expect(videoKbpsFor({ width: 394, height: 852 })).toBe(1698);
  });

  it('rounds dimensions up to even', () => {
    expect([evenCeil(393), evenCeil(394), evenCeil(562.5), evenCeil(1000.5)]).toEqual([394, 394, 564, 1002]);
  });

  it('a 1920×1080 source: fixed sizes with their bitrates, device sizes at 1×, 1.5×, 2× both ways, none larger than the source', () => {
    const ladder = videoLadder({ width: 1920, height: 1080 });
    const names = ladder.map(renditionName);
    expect(names).toContain('video 1920x1080 10486k');
    expect(names).toContain('video 1280x720 3456k'); // the spec's bitrate, not the area rule's 4660
    expect(names).toContain('video 180x320 291k');
    expect(names).toContain('video 394x852 1698k'); // 393×852 at 1×, rounded up to even
    expect(names).toContain('video 852x394 1698k'); // and landscape
    expect(names).toContain('video 1002x564 2858k'); // 667×375 at 1.5×
    expect(names).toContain('video 1704x786 6773k'); // 852×393 at 2×
    expect(sizes(ladder)).not.toContain('1080x1920');
    expect(sizes(ladder)).not.toContain('2732x2048');
    expect(ladder).toHaveLength(36);
    for (const r of ladder) {
      expect(r.width % 2 + (r.height % 2)).toBe(0);
      expect(r.width <= 1920 && r.height <= 1080).toBe(true);
      expect(r.audioKbps).toBe(384);
    }
    expect(new Set(sizes(ladder)).size).toBe(ladder.length);
    const areas = ladder.map((r) => r.width * r.height);
    expect(areas).toEqual([...areas].sort((a, b) => a - b));
  });

  it('a tall portrait source gets the portrait sizes, the landscape ones its width allows', () => {
    const ladder = sizes(videoLadder({ width: 1920, height: 3414 }));
    expect(ladder).toContain('1080x1920');
    expect(ladder).toContain('1920x1080');
    expect(ladder).toContain('1640x2360'); // 820×1180 at 2×
    expect(ladder).not.toContain('2732x2048');
    expect(ladder).toHaveLength(64);
  });

  it('refuses sources under 1920 wide and 1080 high, portrait ones included', () => {
    expect(checkVideoSource({ width: 1920, height: 1080 })).toBeNull();
    expect(checkVideoSource({ width: 1920, height: 3414 })).toBeNull();
    expect(checkVideoSource({ width: 1919, height: 1080 })).toBe('video is too small: 1919x1080, this list needs at least 1920 wide and 1080 high');
    expect(checkVideoSource({ width: 1080, height: 1920 })).toMatch(/^video is too small: 1080x1920/);
  });
});

describe('geometry and filters', () => {
  it('the displayed size stretches non-square pixels and swaps for a quarter turn', () => {
    expect(displaySize(square(1920, 1080))).toEqual({ width: 1920, height: 1080 });
    expect(displaySize(square(1920, 1080, 90))).toEqual({ width: 1080, height: 1920 });
    expect(displaySize(square(1920, 1080, 180))).toEqual({ width: 1920, height: 1080 });
    expect(displaySize({ coded: { width: 1440, height: 1080 }, sampleAspect: { num: 4, den: 3 }, rotation: 0 })).toEqual({ width: 1920, height: 1080 });
  });

  it('same aspect: Lanczos scale to the target and square pixels, no crop', () => {
    expect(videoFilter(square(1920, 1080), { width: 1280, height: 720 })).toEqual({
      filter: 'scale=1280:720:flags=lanczos,setsar=1',
      crop: { left: 0, right: 0, top: 0, bottom: 0 },
    });
  });

  it('another aspect: the centre cover crop first, floor on the left/top', () => {
    expect(videoFilter(square(1920, 1080), { width: 180, height: 320 })).toEqual({
      filter: 'crop=608:1080:656:0,scale=180:320:flags=lanczos,setsar=1',
      crop: { left: 656, right: 656, top: 0, bottom: 0 },
    });
    expect(videoFilter(square(1921, 1080), { width: 1920, height: 1080 }).crop).toEqual({ left: 0, right: 1, top: 0, bottom: 0 });
  });

  it('non-square pixels are resampled to square before the crop', () => {
    const anamorphic = { coded: { width: 1440, height: 1080 }, sampleAspect: { num: 4, den: 3 }, rotation: 0 };
    expect(videoFilter(anamorphic, { width: 1280, height: 720 }).filter).toBe('scale=1920:1080:flags=lanczos,setsar=1,scale=1280:720:flags=lanczos,setsar=1');
  });

  it('one run splits the video once per target, each branch labelled for -map', () => {
    const { graph, labels, crops } = groupFilterGraph(square(1920, 1080), 1, [{ width: 1280, height: 720 }, { width: 180, height: 320 }]);
    expect(graph).toBe('[0:1]split=2[in0][in1];[in0]scale=1280:720:flags=lanczos,setsar=1[v0];[in1]crop=608:1080:656:0,scale=180:320:flags=lanczos,setsar=1[v1]');
    expect(labels).toEqual(['[v0]', '[v1]']);
    expect(crops[1]).toEqual({ left: 656, right: 656, top: 0, bottom: 0 });
  });

  it('groups renditions into runs of at most 8 outputs and the pixel budget, in order', () => {
    const ladder = videoLadder({ width: 1920, height: 1080 });
    const groups = encodingGroups(ladder);
    expect(groups.flat()).toEqual(ladder);
    for (const group of groups) {
      expect(group.length).toBeLessThanOrEqual(8);
      expect(group.reduce((sum, r) => sum + r.width * r.height, 0)).toBeLessThanOrEqual(MAX_GROUP_PIXELS);
    }
    expect(groups.map((g) => g.length)).toEqual([8, 8, 8, 7, 5]);
    expect(encodingGroups(audioLadder())).toHaveLength(1);
    // A single rendition over the budget still gets its own run.
    const huge = { kind: 'video' as const, width: 8000, height: 8000, videoKbps: 1, audioKbps: 1 };
    expect(encodingGroups([huge, huge]).map((g) => g.length)).toEqual([1, 1]);
  });
});

describe('export identity and settings', () => {
  it('dedupes by format and rendition name; exports not made by the ladder have no key', () => {
    const r = videoLadder({ width: 1920, height: 1080 }).at(-1)!;
    expect(ladderExportKey('m3u8', renditionName(r))).toBe('m3u8 video 1920x1080 10486k');
    expect(storedLadderKey({ format: 'mp4', qualityParameters: qualityParameters(r, 'mp4', { preset: 'slow', crop: { left: 0, right: 0, top: 0, bottom: 0 } }) })).toBe('mp4 video 1920x1080 10486k');
    expect(storedLadderKey({ format: 'mp4', qualityParameters: { passthrough: true } })).toBeNull();
    expect(storedLadderKey({ format: 'mp4', qualityParameters: null })).toBeNull();
  });

  it('quality parameters: sorted keys, the encoder settings, HLS segmentation for m3u8', () => {
    const video = qualityParameters(videoLadder({ width: 1920, height: 1080 })[0], 'm3u8', { preset: 'slow', crop: { top: 0, left: 656, right: 656, bottom: 0 } });
    expect(Object.keys(video)).toEqual([...Object.keys(video)].sort());
    expect(video).toEqual({
      audio_bitrate_kbps: 384, audio_codec: 'aac', copied_from_mp4: true, crop: { bottom: 0, left: 656, right: 656, top: 0 }, faststart: false,
      pixel_format: 'yuv420p', preset: 'slow', profile: 'high', rendition: 'video 180x320 291k', scaler: 'lanczos', segment_container: 'mpegts',
      segment_seconds: 5, video_bitrate_kbps: 291, video_codec: 'libx264',
    });
    expect(qualityParameters(audioLadder()[0], 'mp4', null)).toEqual({ audio_bitrate_kbps: 32, audio_codec: 'aac', faststart: true, rendition: 'audio 32k' });
  });

  it('HLS bandwidth: the peak segment bit rate and the average over the rendition', () => {
    expect(hlsBandwidth([{ bytes: 1000, durationSeconds: 10 }, { bytes: 500, durationSeconds: 2 }])).toEqual({ peak: 2000, average: 1000 });
  });
});

describe('HLS media playlists written by ffmpeg', () => {
  const FFMPEG = '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n'
    + '#EXTINF:10.007800,\nsegment-00000.ts\n#EXTINF:3.018911,\nsegment-00001.ts\n#EXT-X-ENDLIST\n';

  it('segments in playlist order with their durations, and the target duration', () => {
    expect(parseHlsMediaPlaylist(FFMPEG)).toEqual({
      ok: true,
      targetDuration: 10,
      segments: [{ uri: 'segment-00000.ts', durationSeconds: 10.0078 }, { uri: 'segment-00001.ts', durationSeconds: 3.018911 }],
    });
    expect(parseHlsMediaPlaylist(FFMPEG.replace(/\n/g, '\r\n')).ok).toBe(true);
  });

  it.each([
    ['not a playlist', 'segment.ts\n', 'not an HLS playlist (no #EXTM3U)'],
    ['live', FFMPEG.replace('#EXT-X-ENDLIST\n', ''), 'playlist has no #EXT-X-ENDLIST (not VOD)'],
    ['byte ranges', FFMPEG.replace('#EXTINF:3', '#EXT-X-BYTERANGE:100@0\n#EXTINF:3'), 'unsupported playlist tag #EXT-X-BYTERANGE'],
    ['a path', FFMPEG.replace('segment-00001.ts', '../escape.ts'), 'unexpected segment name ../escape.ts'],
    ['a bare uri', FFMPEG.replace('#EXTINF:3.018911,\n', ''), 'segment segment-00001.ts has no #EXTINF'],
    ['no segments', '#EXTM3U\n#EXT-X-TARGETDURATION:5\n#EXT-X-ENDLIST\n', 'playlist has no segments'],
    ['a zero duration', FFMPEG.replace('#EXTINF:3.018911', '#EXTINF:0'), 'bad segment duration in "#EXTINF:0,"'],
  ])('refuses %s', (_name, text, reason) => {
    expect(parseHlsMediaPlaylist(text)).toEqual({ ok: false, reason });
  });
});

describe('ffprobe facts', () => {
  const probe = (format: object, streams: object[]) => readProbe({ format, streams });
  const MP4 = { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '12.011000' };

  it('reads duration, the first video and audio streams, their indexes and geometry', () => {
    const read = probe(MP4, [
      { index: 0, codec_type: 'data', codec_name: 'bin_data' },
      { index: 1, codec_type: 'video', codec_name: 'h264', profile: 'High', level: 40, width: 1920, height: 1080, sample_aspect_ratio: '1:1', side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] },
      { index: 2, codec_type: 'audio', codec_name: 'aac', profile: 'LC', channels: 6, sample_rate: '48000' },
      { index: 3, codec_type: 'audio', codec_name: 'mp3', channels: 2, sample_rate: '44100' },
    ]);
    expect(read).toEqual({
      ok: true,
      facts: {
        container: 'mov,mp4,m4a,3gp,3g2,mj2',
        durationSeconds: 12.011,
        video: { index: 1, codec: 'h264', profile: 'High', level: 40, coded: { width: 1920, height: 1080 }, sampleAspect: { num: 1, den: 1 }, rotation: 270 },
        audio: { index: 2, codec: 'aac', profile: 'LC', channels: 6, sampleRate: 48000 },
      },
    });
  });

  it('cover art is not a video; unknown pixel aspect is square; the old rotate tag counts', () => {
    const art = probe({ format_name: 'mp3', duration: '3' }, [{ index: 0, codec_type: 'video', width: 600, height: 600, disposition: { attached_pic: 1 } }, { index: 1, codec_type: 'audio', codec_name: 'mp3', channels: 2, sample_rate: '44100' }]);
    expect(art.ok && art.facts.video).toBeNull();
    const tagged = probe(MP4, [{ index: 0, codec_type: 'video', width: 1080, height: 1920, sample_aspect_ratio: '0:1', tags: { rotate: '90' } }]);
    expect(tagged.ok && tagged.facts.video).toMatchObject({ sampleAspect: { num: 1, den: 1 }, rotation: 90 });
  });

  it('takes the longest stream when the container has no duration, and refuses none at all', () => {
    const read = probe({ format_name: 'matroska,webm' }, [{ index: 0, codec_type: 'audio', duration: '2.5' }, { index: 1, codec_type: 'video', width: 2, height: 2, duration: '3.25' }]);
    expect(read.ok && read.facts.durationSeconds).toBe(3.25);
    expect(probe({ format_name: 'wav', duration: 'N/A' }, [{ index: 0, codec_type: 'audio' }])).toEqual({ ok: false, reason: 'the file has no readable duration' });
  });

  it('refuses containers that are not audio/video (images, text)', () => {
    expect(isKnownContainer('mov,mp4,m4a,3gp,3g2,mj2')).toBe(true);
    expect(isKnownContainer('matroska,webm')).toBe(true);
    expect(isKnownContainer('png_pipe')).toBe(false);
    expect(probe({ format_name: 'png_pipe', duration: '1' }, [])).toEqual({ ok: false, reason: 'not an mp4/m4a or another known audio/video container (found png_pipe)' });
    expect(readProbe('nonsense')).toEqual({ ok: false, reason: 'not an mp4/m4a or another known audio/video container' });
  });
});

/** ISO BMFF boxes built by hand: a fast-start head with one H.264 and one AAC track. */
function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}
const bytes = (...values: number[]) => Buffer.from(values);
function mvhd(seconds: number): Buffer {
  const payload = Buffer.alloc(100);
  payload.writeUInt32BE(1000, 12);
  payload.writeUInt32BE(seconds * 1000, 16);
  return box('mvhd', payload);
}
const track = (entry: Buffer) => box('trak', box('mdia', box('minf', box('stbl', box('stsd', bytes(0, 0, 0, 0, 0, 0, 0, 1), entry)))));
const avc1 = (profile: number, flags: number, level: number) => box('avc1', Buffer.alloc(78), box('avcC', bytes(1, profile, flags, level, 0xff)));
/** esds: ES descriptor → decoder config (object type 0x40) → AudioSpecificConfig starting with `config`. */
const mp4a = (...config: number[]) => box('mp4a', Buffer.alloc(28), box('esds', bytes(0, 0, 0, 0),
  bytes(0x03, 20 + config.length, 0, 1, 0), bytes(0x04, 15 + config.length, 0x40, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), bytes(0x05, config.length, ...config)));

describe('mp4 head: duration and codecs from the file itself', () => {
  it('reads avc1 from the avcC record and mp4a from the AudioSpecificConfig', () => {
    const head = Buffer.concat([box('ftyp', Buffer.from('isom')), box('moov', mvhd(3), track(avc1(0x64, 0x00, 0x28)), track(mp4a(0x12, 0x10)))]);
    expect(mp4Head(head)).toEqual({ durationSeconds: 3, codecs: ['avc1.640028', 'mp4a.40.2'] });
    expect(topLevelBoxTypes(Buffer.concat([head, box('mdat', Buffer.alloc(4))]))).toEqual(['ftyp', 'moov', 'mdat']);
  });

  it('HE-AAC and the escaped object type', () => {
    expect(mp4Head(box('moov', mvhd(1), track(mp4a(0x2a, 0x10))))!.codecs).toEqual(['mp4a.40.5']);
    // 31 escapes to 32 + the next 6 bits: 0b11111_000001 → 33.
    expect(mp4Head(box('moov', mvhd(1), track(mp4a(0xf8, 0x20))))!.codecs).toEqual(['mp4a.40.33']);
  });

  it('null without a moov, or with a codec it does not read', () => {
    expect(mp4Head(box('ftyp', Buffer.from('isom')))).toBeNull();
    expect(mp4Head(box('moov', mvhd(1), track(box('hvc1', Buffer.alloc(78)))))).toBeNull();
  });
});

describe('transcriptions from a plugin', () => {
  it('accepts a JSON source and phrases with sane times, sorted by start', () => {
    expect(checkTranscription({ source: { type: 'x' }, phrases: [{ startsAt: 2, endsAt: 3, phrase: 'b' }, { startsAt: 0, endsAt: 2, phrase: 'a' }] })).toEqual({
      ok: true,
      value: { source: { type: 'x' }, phrases: [{ startsAt: 0, endsAt: 2, phrase: 'a' }, { startsAt: 2, endsAt: 3, phrase: 'b' }] },
    });
  });

  it.each([
    [null, 'the transcriber returned no object'],
    [{ phrases: [] }, '`source` must be a JSON object'],
    [{ source: {}, phrases: 'x' }, '`phrases` must be an array'],
    [{ source: {}, phrases: [{ startsAt: 2, endsAt: 1, phrase: 'a' }] }, 'phrase 0 needs finite times with 0 <= startsAt <= endsAt'],
    [{ source: {}, phrases: [{ startsAt: 0, endsAt: Infinity, phrase: 'a' }] }, 'phrase 0 needs finite times with 0 <= startsAt <= endsAt'],
    [{ source: {}, phrases: [{ startsAt: 0, endsAt: 1, phrase: 'a\u0000' }] }, 'phrase 0 needs text'],
    [{ source: { bad: 'x\u0000' }, phrases: [] }, '`source` holds text PostgreSQL cannot store, or nests too deep'],
  ])('refuses %j', (value, reason) => {
    expect(checkTranscription(value)).toEqual({ ok: false, reason });
  });
});
