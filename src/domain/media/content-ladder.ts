/**
 * Pure decisions of the ffmpeg content ladder (screens-and-media.md §3.5.4): which renditions a
 * source gets, their bitrates, sizes, crops and filter graphs, how they are grouped into ffmpeg
 * runs, how exports are named for dedupe, bandwidths, and the segment layout read back from an
 * HLS media playlist. Codecs are read from the encoded files (mp4.ts). src/media/content-ladder.ts
 * runs ffmpeg/ffprobe with them.
 */
import { coverCrop, sortedKeys, type Crop } from './image-plan';
import type { Size } from './processors';

/** §3.5.4: AAC audio-only renditions, kbps ("1028" is the reference's, sic). */
export const AUDIO_BITRATES_KBPS: readonly number[] = Object.freeze([32, 64, 90, 128, 256, 512, 1028, 1411]);
/** The audio track of every video rendition. */
export const VIDEO_AUDIO_KBPS = 384;
export const AUDIO_HLS_SEGMENT_SECONDS = 10;
export const VIDEO_HLS_SEGMENT_SECONDS = 5;
/** A video source must be at least this wide and this high (either orientation, §3.5.4). */
export const MIN_VIDEO_SOURCE: Readonly<Size> = Object.freeze({ width: 1920, height: 1080 });
/** The bitrate rule's anchor: 1920×1080 at 10 486 kbps, other sizes in proportion to their area. */
const REFERENCE_AREA = 1920 * 1080;
const REFERENCE_KBPS = 10_486;

/**
 * Logical (point) screen sizes of current phones and tablets, portrait. They come from Apple's
 * published device screen sizes (Human Interface Guidelines, "Layout" → device screen sizes):
 * each line names the devices sharing that size. The ladder adds each at 1×, 1.5× and 2×, in
 * portrait and landscape, so a client can pick the export matching its screen.
 */
export const DEVICE_SCREEN_SIZES: readonly Readonly<Size>[] = Object.freeze([
  { width: 375, height: 667 }, // iPhone SE (2nd, 3rd gen), iPhone 8
  { width: 375, height: 812 }, // iPhone X, XS, 11 Pro, 12 mini, 13 mini
  { width: 390, height: 844 }, // iPhone 12, 13, 14
  { width: 393, height: 852 }, // iPhone 14 Pro, 15, 15 Pro, 16
  { width: 414, height: 896 }, // iPhone XR, XS Max, 11, 11 Pro Max
  { width: 428, height: 926 }, // iPhone 12 Pro Max, 13 Pro Max, 14 Plus
  { width: 430, height: 932 }, // iPhone 14 Pro Max, 15 Plus, 15 Pro Max, 16 Plus
  { width: 744, height: 1133 }, // iPad mini (6th gen)
  { width: 820, height: 1180 }, // iPad Air (4th, 5th gen), iPad (10th gen)
  { width: 834, height: 1194 }, // iPad Pro 11"
  { width: 1024, height: 1366 }, // iPad Pro 12.9"
]);
export const DEVICE_SCALES: readonly number[] = Object.freeze([1, 1.5, 2]);

/** The fixed part of the video ladder; a null bitrate follows the area rule. */
const FIXED_VIDEO_SIZES: readonly { width: number; height: number; kbps: number | null }[] = Object.freeze([
  { width: 1080, height: 1920, kbps: null },
  { width: 1920, height: 1080, kbps: 10_486 },
  { width: 1280, height: 720, kbps: 3456 },
  { width: 180, height: 320, kbps: null },
]);

export interface AudioRendition {
  kind: 'audio';
  audioKbps: number;
}

export interface VideoRendition extends Size {
  kind: 'video';
  videoKbps: number;
  audioKbps: number;
}

export type Rendition = AudioRendition | VideoRendition;

/** H.264 with 4:2:0 chroma needs even dimensions: rounds up to the next even integer. */
export function evenCeil(value: number): number {
  return 2 * Math.ceil(value / 2);
}

/** §3.5.4's automatic bitrate: `round(w·h·10486 / (1920·1080))` kbps. */
export function videoKbpsFor(size: Size): number {
  return Math.round((size.width * size.height * REFERENCE_KBPS) / REFERENCE_AREA);
}

export function audioLadder(): AudioRendition[] {
  return AUDIO_BITRATES_KBPS.map((audioKbps) => ({ kind: 'audio', audioKbps }));
}

/** Null when a video of this (displayed) size may enter the ladder, else the readable reason. */
export function checkVideoSource(display: Size): string | null {
  if (display.width >= MIN_VIDEO_SOURCE.width && display.height >= MIN_VIDEO_SOURCE.height) return null;
  return `video is too small: ${display.width}x${display.height}, this list needs at least ${MIN_VIDEO_SOURCE.width} wide and ${MIN_VIDEO_SOURCE.height} high`;
}

/**
 * Every video rendition for a source of `display` size: the fixed sizes, then each device size
 * at each scale in both orientations, dimensions rounded up to even, the first of equal sizes
 * kept (so the fixed bitrates win), renditions larger than the source in either dimension
 * dropped. Ordered by area, then width.
 */
export function videoLadder(display: Size): VideoRendition[] {
  const bySize = new Map<string, VideoRendition>();
  const add = (width: number, height: number, kbps: number | null) => {
    const size = { width: evenCeil(width), height: evenCeil(height) };
    const key = `${size.width}x${size.height}`;
    if (bySize.has(key)) return;
    bySize.set(key, { kind: 'video', ...size, videoKbps: kbps ?? videoKbpsFor(size), audioKbps: VIDEO_AUDIO_KBPS });
  };
  for (const fixed of FIXED_VIDEO_SIZES) add(fixed.width, fixed.height, fixed.kbps);
  for (const device of DEVICE_SCREEN_SIZES) {
    for (const scale of DEVICE_SCALES) {
      add(device.width * scale, device.height * scale, null);
      add(device.height * scale, device.width * scale, null);
    }
  }
  return [...bySize.values()]
    .filter((r) => r.width <= display.width && r.height <= display.height)
    .sort((a, b) => a.width * a.height - b.width * b.height || a.width - b.width);
}

/** Names a rendition in `quality_parameters.rendition`: with the format, an export's dedupe key. */
export function renditionName(r: Rendition): string {
  return r.kind === 'audio' ? `audio ${r.audioKbps}k` : `video ${r.width}x${r.height} ${r.videoKbps}k`;
}

export type LadderFormat = 'mp4' | 'm3u8';

/** The dedupe key of a ladder export (`{format} {rendition}`). */
export const ladderExportKey = (format: string, rendition: string) => `${format} ${rendition}`;

/**
 * The dedupe key of a stored export, or null for exports the ladder did not make (say, a
 * passthrough export): a known content file only gets the ladder exports it lacks.
 */
export function storedLadderKey(e: { format: string; qualityParameters: unknown }): string | null {
  const rendition = (e.qualityParameters as { rendition?: unknown } | null)?.rendition;
  return typeof rendition === 'string' ? ladderExportKey(e.format, rendition) : null;
}

/** A video stream's geometry as probed. */
export interface VideoGeometry {
  /** Frame size as decoded, before rotation. */
  coded: Size;
  /** Sample (pixel) aspect ratio; 1:1 for square pixels. */
  sampleAspect: { num: number; den: number };
  /** Clockwise display rotation in degrees (0, 90, 180, 270). */
  rotation: number;
}

/** What a viewer sees: width stretched by the pixel aspect, swapped for a quarter turn. */
export function displaySize(g: VideoGeometry): Size {
  const width = squarePixels(g) ? g.coded.width : Math.round((g.coded.width * g.sampleAspect.num) / g.sampleAspect.den);
  const upright = { width, height: g.coded.height };
  return g.rotation % 180 === 0 ? upright : { width: upright.height, height: upright.width };
}

const squarePixels = (g: VideoGeometry) => g.sampleAspect.num === g.sampleAspect.den;

/**
 * The ffmpeg `-vf` chain of one video rendition. ffmpeg rotates frames upright before filters,
 * so the chain works on the displayed size: non-square pixels are first resampled to square, then
 * the centre cover crop of §3.5.1 step 7 (floor on the top/left), a Lanczos scale to the exact
 * target and `setsar=1` (square pixels).
 */
export function videoFilter(g: VideoGeometry, target: Size): { filter: string; crop: Crop } {
  const display = displaySize(g);
  const steps: string[] = [];
  if (!squarePixels(g)) steps.push(`scale=${display.width}:${display.height}:flags=lanczos`, 'setsar=1');
  const crop = coverCrop(display, target);
  if (crop.left + crop.right + crop.top + crop.bottom > 0) {
    steps.push(`crop=${display.width - crop.left - crop.right}:${display.height - crop.top - crop.bottom}:${crop.left}:${crop.top}`);
  }
  steps.push(`scale=${target.width}:${target.height}:flags=lanczos`, 'setsar=1');
  return { filter: steps.join(','), crop };
}

/** At most this many renditions share one ffmpeg run (one decode of the source feeds them all). */
export const MAX_GROUP_OUTPUTS = 8;
/** ...and together at most this many pixels per frame, bounding the encoders' frame buffers. */
export const MAX_GROUP_PIXELS = 4 * 1920 * 1080;

/**
 * Splits the renditions into ffmpeg runs, in order: decoding the source once per run instead of
 * once per rendition, while the encoders running side by side stay within a memory budget.
 */
export function encodingGroups<T extends Rendition>(renditions: readonly T[]): T[][] {
  const groups: T[][] = [];
  let pixels = 0;
  for (const r of renditions) {
    const area = r.kind === 'video' ? r.width * r.height : 0;
    const current = groups.at(-1);
    if (current === undefined || current.length >= MAX_GROUP_OUTPUTS || (current.length > 0 && pixels + area > MAX_GROUP_PIXELS)) {
      groups.push([r]);
      pixels = area;
    } else {
      current.push(r);
      pixels += area;
    }
  }
  return groups;
}

/**
 * The `-filter_complex` of one run: the video stream split once per target, each branch the
 * chain of `videoFilter`, labelled `[v0]`, `[v1]`, … for `-map`.
 */
export function groupFilterGraph(g: VideoGeometry, videoIndex: number, targets: readonly Size[]): { graph: string; labels: string[]; crops: Crop[] } {
  const branches = targets.map((target, i) => ({ i, ...videoFilter(g, target) }));
  const split = `[0:${videoIndex}]split=${targets.length}${branches.map(({ i }) => `[in${i}]`).join('')}`;
  const graph = [split, ...branches.map(({ i, filter }) => `[in${i}]${filter}[v${i}]`)].join(';');
  return { graph, labels: branches.map(({ i }) => `[v${i}]`), crops: branches.map((b) => b.crop) };
}

/**
 * `-force_key_frames` value putting a keyframe at every segment boundary, so the HLS copy (`-c
 * copy` can only cut at keyframes) gets segments of the intended length.
 */
export const keyframesEvery = (seconds: number) => `expr:gte(t,n_forced*${seconds})`;

/** Encoder settings stored as `quality_parameters` (debugging only; `rendition` is the dedupe key). */
export function qualityParameters(r: Rendition, format: LadderFormat, video: { preset: string; crop: Crop } | null): Record<string, unknown> {
  const common = { rendition: renditionName(r), audio_codec: 'aac', audio_bitrate_kbps: r.audioKbps, faststart: format === 'mp4' };
  const hls = format === 'm3u8' ? { segment_seconds: r.kind === 'audio' ? AUDIO_HLS_SEGMENT_SECONDS : VIDEO_HLS_SEGMENT_SECONDS, segment_container: 'mpegts', copied_from_mp4: true } : {};
  const encoded = r.kind === 'video' && video !== null
    ? { video_codec: 'libx264', video_bitrate_kbps: r.videoKbps, preset: video.preset, profile: 'high', pixel_format: 'yuv420p', scaler: 'lanczos', crop: sortedKeys(video.crop) }
    : {};
  return sortedKeys({ ...common, ...hls, ...encoded });
}

/** Comma separated and sorted, as `content_file_exports.codecs` holds them. */
export function codecsColumn(codecs: readonly string[]): string {
  return [...new Set(codecs)].sort().join(',');
}

/** Bits per second of `bytes` over `seconds`, rounded up. */
export function bitsPerSecond(bytes: number, seconds: number): number {
  return Math.ceil((bytes * 8) / seconds);
}

/**
 * HLS `BANDWIDTH` is the peak segment bit rate and `AVERAGE-BANDWIDTH` the whole rendition's
 * (RFC 8216 §4.3.4.2), from the stored segment sizes.
 */
export function hlsBandwidth(segments: readonly { bytes: number; durationSeconds: number }[]): { peak: number; average: number } {
  const bytes = segments.reduce((sum, s) => sum + s.bytes, 0);
  const seconds = segments.reduce((sum, s) => sum + s.durationSeconds, 0);
  return {
    peak: Math.max(...segments.map((s) => bitsPerSecond(s.bytes, Math.max(s.durationSeconds, 0.001)))),
    average: bitsPerSecond(bytes, Math.max(seconds, 0.001)),
  };
}

export interface HlsSegment {
  /** The segment's file name, relative to the playlist. */
  uri: string;
  durationSeconds: number;
}

export type HlsLayout = { ok: true; targetDuration: number; segments: HlsSegment[] } | { ok: false; reason: string };

/** What ffmpeg's hls muxer may name a segment here: a plain file name in the playlist's directory. */
const SEGMENT_NAME = /^[A-Za-z0-9_-]+\.ts$/;

/**
 * The segments of a VOD media playlist written by ffmpeg's hls muxer, in playlist (= position)
 * order with their durations. Anything this project cannot store as plain parts (byte ranges,
 * init sections, encryption, discontinuities, paths outside the directory, a live playlist) is
 * refused rather than half understood.
 */
export function parseHlsMediaPlaylist(text: string): HlsLayout {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (lines[0] !== '#EXTM3U') return { ok: false, reason: 'not an HLS playlist (no #EXTM3U)' };
  let targetDuration: number | null = null;
  let pending: number | null = null;
  const segments: HlsSegment[] = [];
  let ended = false;
  for (const line of lines.slice(1)) {
    if (line.startsWith('#EXT-X-TARGETDURATION:')) {
      targetDuration = Number(line.slice('#EXT-X-TARGETDURATION:'.length));
    } else if (line.startsWith('#EXTINF:')) {
      const duration = Number(line.slice('#EXTINF:'.length).split(',')[0]);
      if (!Number.isFinite(duration) || duration <= 0) return { ok: false, reason: `bad segment duration in "${line}"` };
      pending = duration;
    } else if (line === '#EXT-X-ENDLIST') {
      ended = true;
    } else if (/^#EXT-X-(BYTERANGE|MAP|KEY|DISCONTINUITY)\b/.test(line)) {
      return { ok: false, reason: `unsupported playlist tag ${line.split(':')[0]}` };
    } else if (line.startsWith('#')) {
      continue; // version, media sequence, playlist type, independent segments: nothing to store
    } else {
      if (pending === null) return { ok: false, reason: `segment ${line} has no #EXTINF` };
      if (!SEGMENT_NAME.test(line)) return { ok: false, reason: `unexpected segment name ${line}` };
      segments.push({ uri: line, durationSeconds: pending });
      pending = null;
    }
  }
  if (!ended) return { ok: false, reason: 'playlist has no #EXT-X-ENDLIST (not VOD)' };
  if (segments.length === 0) return { ok: false, reason: 'playlist has no segments' };
  if (targetDuration === null || !Number.isInteger(targetDuration) || targetDuration <= 0) return { ok: false, reason: 'playlist has no valid #EXT-X-TARGETDURATION' };
  return { ok: true, targetDuration, segments };
}
