/**
 * Facts about a media file from ffprobe's JSON (`-print_format json -show_format -show_streams`):
 * container, duration, the first real video stream and the first audio stream. Pure; the
 * ffprobe run lives in src/media/ffmpeg.ts. Durations and sizes are read, never guessed.
 */
import type { VideoGeometry } from './content-ladder';

export interface VideoStreamFacts extends VideoGeometry {
  /** The stream's index in the file (`-map 0:{index}`). */
  index: number;
  codec: string;
  profile: string | null;
  level: number | null;
}

export interface AudioStreamFacts {
  index: number;
  codec: string;
  profile: string | null;
  channels: number;
  sampleRate: number;
}

export interface MediaFacts {
  /** ffprobe's `format_name`, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  container: string;
  durationSeconds: number;
  video: VideoStreamFacts | null;
  audio: AudioStreamFacts | null;
}

export type ProbeReading = { ok: true; facts: MediaFacts } | { ok: false; reason: string };

/**
 * Demuxers accepted as sources: the mp4 family first, then the other common audio/video
 * containers ffmpeg reads reliably. Anything else (images, text, playlists ffprobe also "reads")
 * is refused before any encoding.
 */
const KNOWN_CONTAINERS = new Set(['mov', 'mp4', 'm4a', 'matroska', 'webm', 'avi', 'mpegts', 'wav', 'mp3', 'flac', 'ogg', 'aac', 'aiff', 'caf']);

export const UNKNOWN_CONTAINER = 'not an mp4/m4a or another known audio/video container';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** ffprobe prints most numbers as strings ("44100", "3.018911"); null when absent or not finite. */
function numeric(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

function ratio(v: unknown): { num: number; den: number } {
  const match = typeof v === 'string' ? /^(\d+):(\d+)$/.exec(v) : null;
  const num = match ? Number(match[1]) : 0;
  const den = match ? Number(match[2]) : 0;
  // "0:1" (unknown) and absent both mean square pixels.
  return num > 0 && den > 0 ? { num, den } : { num: 1, den: 1 };
}

/** Clockwise degrees in 0..359 from the display matrix side data or the older `rotate` tag. */
function rotationOf(stream: Json): number {
  const sideData = Array.isArray(stream.side_data_list) ? stream.side_data_list : [];
  const fromMatrix = sideData.map((d) => (isObject(d) ? numeric(d.rotation) : null)).find((r) => r !== null);
  const fromTag = isObject(stream.tags) ? numeric(stream.tags.rotate) : null;
  const degrees = Math.round(fromMatrix ?? fromTag ?? 0);
  return ((degrees % 360) + 360) % 360;
}

export function isKnownContainer(formatName: string): boolean {
  return formatName.split(',').some((name) => KNOWN_CONTAINERS.has(name.trim()));
}

/** Reads ffprobe's JSON: the container must be known and the duration positive. */
export function readProbe(json: unknown): ProbeReading {
  if (!isObject(json) || !isObject(json.format)) return { ok: false, reason: UNKNOWN_CONTAINER };
  const container = text(json.format.format_name) ?? '';
  if (!isKnownContainer(container)) return { ok: false, reason: `${UNKNOWN_CONTAINER} (found ${container || 'nothing'})` };
  const streams = (Array.isArray(json.streams) ? json.streams : []).filter(isObject);

  let video: VideoStreamFacts | null = null;
  let audio: AudioStreamFacts | null = null;
  for (const s of streams) {
    const index = numeric(s.index);
    if (index === null) continue;
    // Cover art of an audio file is a "video" stream with one picture: not a video.
    const attachedPicture = isObject(s.disposition) && numeric(s.disposition.attached_pic) === 1;
    if (s.codec_type === 'video' && video === null && !attachedPicture) {
      const width = numeric(s.width);
      const height = numeric(s.height);
      if (width === null || height === null || width <= 0 || height <= 0) continue;
      video = {
        index,
        codec: text(s.codec_name) ?? 'unknown',
        profile: text(s.profile),
        level: numeric(s.level),
        coded: { width, height },
        sampleAspect: ratio(s.sample_aspect_ratio),
        rotation: rotationOf(s),
      };
    } else if (s.codec_type === 'audio' && audio === null) {
      audio = {
        index,
        codec: text(s.codec_name) ?? 'unknown',
        profile: text(s.profile),
        channels: numeric(s.channels) ?? 0,
        sampleRate: numeric(s.sample_rate) ?? 0,
      };
    }
  }

  const streamDurations = streams.map((s) => numeric(s.duration)).filter((d): d is number => d !== null);
  const duration = numeric(json.format.duration) ?? (streamDurations.length > 0 ? Math.max(...streamDurations) : null);
  if (duration === null || !(duration > 0)) return { ok: false, reason: 'the file has no readable duration' };
  return { ok: true, facts: { container, durationSeconds: duration, video, audio } };
}
