import { describe, expect, it } from 'vitest';
import { checkSourceLimits, coverCrop, coverTargets, exactTargetsFor, qualityFor, svgRasterSize } from './image-plan';
import { looksLikeMp4, mp4DurationSeconds } from './mp4';
import { multipartBoundary, multipartField } from './multipart';
import { checkUploadRequest, exactTargets, findProcessor, PROCESSORS, processorForList, processorMatches, type ImageProcessor } from './processors';
import { PART_SIZE, partLayout, partsToWire } from './upload-parts';

const INTERSTITIAL = 'runners.screens.image_interstitial_process_image';
const EXACT = 'runners.screens.exact_dynamic_process_image';

describe('part layout (§3.4 step 1)', () => {
  it.each([
    [1, [{ number: 1, start_byte: 0, end_byte: 1 }]],
    [1_048_575, [{ number: 1, start_byte: 0, end_byte: 1_048_575 }]],
    [1_048_576, [{ start_number: 1, start_byte: 0, number_of_parts: 1, part_size: PART_SIZE }]],
    [1_048_577, [{ start_number: 1, start_byte: 0, number_of_parts: 1, part_size: PART_SIZE }, { number: 2, start_byte: 1_048_576, end_byte: 1_048_577 }]],
    [3 * 1_048_576 + 5, [
      { start_number: 1, start_byte: 0, number_of_parts: 3, part_size: PART_SIZE },
      { number: 4, start_byte: 3 * 1_048_576, end_byte: 3 * 1_048_576 + 5 },
    ]],
  ])('size %i', (size, wire) => {
    const parts = partLayout(size);
    expect(partsToWire(parts)).toEqual(wire);
    expect(parts.at(-1)!.endByte).toBe(size);
    parts.forEach((p, i) => expect(p.number).toBe(i + 1));
  });
});

describe('processor registry (§3.2): one naming scheme, the spec\'s job names', () => {
  it('lists every processor of the spec table under its reference job name and list', () => {
    expect(PROCESSORS.map((p) => [p.id, p.list])).toEqual([
      ['runners.screens.image_interstitial_process_image', 'image_interstitial'],
      ['runners.screens.large_image_interstitial_process_image', 'large_image_interstitial'],
      ['runners.screens.process_fullscreen_background_image', 'fullscreen_background'],
      ['runners.screens.upgrade_process_image', 'upgrade'],
      ['runners.screens.exact_dynamic_process_image', 'exact_dynamic'],
      ['runners.screens.hold_to_continue_process_image', 'exact_dynamic@200x200'],
      ['runners.screens.audio_interstitial_process_audio', 'audio_interstitial'],
      ['runners.screens.video_interstitial_process_video', 'video_interstitial'],
    ]);
  });
  it('answers the checker\'s x-processor rule: a registered job filling exactly that list', () => {
    expect(processorMatches(INTERSTITIAL, 'image_interstitial')).toBe(true);
    expect(processorMatches(EXACT, 'exact_dynamic')).toBe(true);
    expect(processorMatches('runners.screens.hold_to_continue_process_image', 'exact_dynamic@200x200')).toBe(true);
    expect(processorMatches('process_image_interstitial', 'image_interstitial')).toBe(false);
    expect(processorMatches(INTERSTITIAL, 'large_image_interstitial')).toBe(false);
    expect(processorMatches(EXACT, 'exact_dynamic@200x200')).toBe(false);
  });
  it('finds the processor of a list', () => {
    expect(processorForList('exact_dynamic')?.id).toBe(EXACT);
    expect(processorForList('video_interstitial')?.id).toBe('runners.screens.video_interstitial_process_video');
    expect(processorForList('nope')).toBeUndefined();
  });
  it('refuses uploads to a processor that cannot process yet, naming why', () => {
    const check = checkUploadRequest('image', { job: 'runners.screens.upgrade_process_image', file_size: 10 });
    expect(check.ok ? 'ok' : check.status).toBe(422);
    expect(check.ok ? [] : check.issues.map((i) => i.msg)).toEqual([expect.stringContaining('not implemented yet')]);
  });
});

describe('start-upload validation (§3.3.1, §4 item 8)', () => {
  it('accepts a registered image job and derives its list', () => {
    const check = checkUploadRequest('image', { job: INTERSTITIAL, file_size: 10 });
    expect(check.ok && check.value.processor.id).toBe(INTERSTITIAL);
    expect(check.ok && (check.value.processor as ImageProcessor).listSlug(null)).toBe('image_interstitial');
  });
  it('refuses unknown jobs, jobs of the other kind, and bad sizes with 422', () => {
    for (const body of [
      { job: 'runners.delete_everything', file_size: 10 },
      { job: 'runners.screens.audio_interstitial_process_audio', file_size: 10 },
      { job: INTERSTITIAL, file_size: 0 },
      { job: INTERSTITIAL, file_size: -1 },
      { job: INTERSTITIAL, file_size: 1.5 },
      { job: INTERSTITIAL },
      { job: INTERSTITIAL, file_size: 10, dynamic_size: { width: 200, height: 200 } },
      { job: EXACT, file_size: 10 },
      { job: EXACT, file_size: 10, dynamic_size: { width: 201, height: 200 } },
      { job: EXACT, file_size: 10, dynamic_size: { width: 400, height: 400 } },
      { job: EXACT, file_size: 10, dynamic_size: { width: 0, height: 200 } },
    ]) {
      const check = checkUploadRequest('image', body);
      expect(check.ok ? 'ok' : check.status, JSON.stringify(body)).toBe(422);
    }
  });
  it('refuses more than the processor maximum with 413', () => {
    const check = checkUploadRequest('image', { job: INTERSTITIAL, file_size: 512 * 1024 * 1024 + 1 });
    expect(check.ok ? 'ok' : check.status).toBe(413);
  });
  it('takes dynamic_size for exact-dynamic and names the list by it', () => {
    const check = checkUploadRequest('image', { job: EXACT, file_size: 10, dynamic_size: { width: 300, height: 200 } });
    expect(check.ok && check.value.dynamicSize).toEqual({ width: 300, height: 200 });
    expect((findProcessor(EXACT) as ImageProcessor).listSlug({ width: 300, height: 200 })).toBe('exact_dynamic@300x200');
  });
});

describe('image plan (§3.5.1, §3.5.3)', () => {
  it('quality table by area', () => {
    expect(qualityFor('jpeg', { width: 342, height: 215 })).toEqual({ optimize: true, progressive: true, quality: 95 });
    expect(qualityFor('jpeg', { width: 684, height: 430 })).toEqual({ optimize: true, progressive: true, quality: 90 });
    expect(qualityFor('jpeg', { width: 1026, height: 645 })).toEqual({ optimize: true, progressive: true, quality: 85 });
    expect(qualityFor('webp', { width: 499, height: 500 })).toEqual({ lossless: true, method: 6, quality: 90 });
    expect(qualityFor('webp', { width: 500, height: 500 })).toEqual({ lossless: false, method: 4, quality: 95 });
    expect(qualityFor('webp', { width: 750, height: 750 })).toEqual({ lossless: false, method: 4, quality: 90 });
    expect(qualityFor('png', { width: 1, height: 1 })).toEqual({ optimize: true });
  });
  it('cover crop: minimal, centred, floor on the top/left', () => {
    expect(coverCrop({ width: 2052, height: 1290 }, { width: 342, height: 215 })).toEqual({ left: 0, right: 0, top: 0, bottom: 0 });
    expect(coverCrop({ width: 1000, height: 645 }, { width: 342, height: 215 })).toEqual({ left: 0, right: 0, top: 8, bottom: 8 });
    expect(coverCrop({ width: 1101, height: 645 }, { width: 1026, height: 645 })).toEqual({ left: 37, right: 38, top: 0, bottom: 0 });
    expect(coverCrop({ width: 1026, height: 700 }, { width: 1026, height: 645 })).toEqual({ left: 0, right: 0, top: 27, bottom: 28 });
  });
  it('required targets larger than the source fail readably', () => {
    const targets = (findProcessor(INTERSTITIAL) as ImageProcessor).targets(null);
    expect(targets.map((t) => `${t.width}x${t.height}`)).toEqual(['342x215', '513x323', '684x430', '1026x645']);
    expect(coverTargets({ width: 1026, height: 645 }, targets).ok).toBe(true);
    const small = coverTargets({ width: 1025, height: 2000 }, targets);
    expect(small).toEqual({ ok: false, reason: expect.stringMatching(/too small.*1026x645/) });
  });
  it('exact dynamic: 600x600 fits 200x200; 601x600 and 400x400 do not', () => {
    const targets = exactTargets({ width: 200, height: 200 });
    expect(exactTargetsFor({ width: 600, height: 600 }, { width: 200, height: 200 }, targets).ok).toBe(true);
    expect(exactTargetsFor({ width: 601, height: 600 }, { width: 200, height: 200 }, targets)).toEqual({ ok: false, reason: expect.stringMatching(/aspect/) });
    expect(exactTargetsFor({ width: 400, height: 400 }, { width: 200, height: 200 }, targets)).toEqual({ ok: false, reason: expect.stringMatching(/too small/) });
    expect(exactTargets({ width: 300, height: 200 }).at(-1)).toMatchObject({ width: 200, height: 133 });
  });
  it('sanity limits and the SVG raster size', () => {
    expect(checkSourceLimits({ width: 8193, height: 10 }, 10)).toMatch(/too large/);
    expect(checkSourceLimits({ width: 8192, height: 8192 }, 10)).toMatch(/too large/);
    expect(checkSourceLimits({ width: 4096, height: 8192 }, 10)).toBeNull();
    expect(svgRasterSize({ width: 100, height: 50 }, [{ width: 342, height: 215 }, { width: 1026, height: 645 }])).toEqual({ width: 1290, height: 645 });
  });
});

describe('mp4 duration', () => {
  const box = (type: string, payload: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + payload.length);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, payload]);
  };
  it('reads mvhd v0 inside moov, and refuses what is not an mp4', () => {
    const mvhd = Buffer.alloc(100);
    mvhd.writeUInt32BE(1000, 12); // timescale
    mvhd.writeUInt32BE(2500, 16); // duration
    const file = Buffer.concat([box('ftyp', Buffer.from('isom\0\0\0\0')), box('moov', box('mvhd', mvhd))]);
    expect(looksLikeMp4(file)).toBe(true);
    expect(mp4DurationSeconds(file)).toBe(2.5);
    expect(mp4DurationSeconds(file.subarray(0, file.length - 30))).toBeNull();
    expect(mp4DurationSeconds(Buffer.from('not an mp4 at all'))).toBeNull();
  });
});

describe('multipart', () => {
  it('finds the file field', () => {
    const body = Buffer.from('--xyz\r\nContent-Disposition: form-data; name="other"\r\n\r\nzz\r\n--xyz\r\nContent-Disposition: form-data; name="file"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\n\r\nab\r\n--xyz--\r\n');
    expect(multipartBoundary('multipart/form-data; boundary=xyz')).toBe('xyz');
    expect(multipartBoundary('application/json')).toBeNull();
    const field = multipartField(body, 'xyz', 'file');
    expect(field.ok && field.data.toString()).toBe('\r\nab');
    expect(multipartField(body, 'xyz', 'nope').ok).toBe(false);
  });
});
