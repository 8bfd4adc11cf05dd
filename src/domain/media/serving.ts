/**
 * Answer bodies of the media endpoints (screens-and-media.md §3.6), built from loaded rows.
 * Pure: URLs are formed from a base the caller chooses.
 */
import type { JsonObject, JsonValue } from '../json';

export interface ImageExportRow {
  uid: string;
  format: string;
  width: number;
  height: number;
  sizeBytes: number;
  thumbhash: string;
}

/** Appends `?jwt=` so the URL works without a header (presigned). */
export function withJwt(url: string, jwt: string | null): string {
  return jwt === null ? url : `${url}${url.includes('?') ? '&' : '?'}jwt=${encodeURIComponent(jwt)}`;
}

export const imageExportPath = (e: { uid: string; format: string }) => `/api/1/image_files/image/${e.uid}.${e.format}`;

/** `{"items": {format: [...]}}`, each list by `size_bytes` ascending (then uid, for a stable order). */
export function imagePlaylist(rows: readonly ImageExportRow[], baseUrl: string, presignJwt: string | null): JsonObject {
  const items: Record<string, JsonObject[]> = {};
  const sorted = [...rows].sort((a, b) => a.sizeBytes - b.sizeBytes || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  for (const e of sorted) {
    (items[e.format] ??= []).push({
      url: withJwt(baseUrl + imageExportPath(e), presignJwt),
      uid: e.uid,
      format: e.format,
      width: e.width,
      height: e.height,
      size_bytes: e.sizeBytes,
      thumbhash: e.thumbhash,
    });
  }
  return { items };
}

export interface ContentExportRow {
  uid: string;
  format: string;
  bandwidth: number;
  /** Comma separated, sorted (as stored). */
  codecs: string;
  targetDuration: number;
  formatParameters: JsonObject;
  qualityParameters: JsonObject;
  /** Byte size of the export's parts together. */
  fileSize: number;
  parts: { uid: string; position: number; durationSeconds: number }[];
}

export const contentPartPath = (partUid: string, ext: string) => `/api/1/content_files/exports/parts/${partUid}.${ext}`;

/** web.json: the mp4 exports, each pointing at its part 0 (§3.6). Null when there is none. */
export function contentWebPlaylist(
  rows: readonly ContentExportRow[],
  durationSeconds: number,
  baseUrl: string,
  presignJwt: string | null,
): JsonObject | null {
  const mp4 = rows.filter((e) => e.format === 'mp4' && e.parts.some((p) => p.position === 0));
  if (mp4.length === 0) return null;
  const items: JsonValue[] = [...mp4]
    .sort((a, b) => a.bandwidth - b.bandwidth || (a.uid < b.uid ? -1 : 1))
    .map((e) => ({
      url: withJwt(baseUrl + contentPartPath(e.parts.find((p) => p.position === 0)!.uid, 'mp4'), presignJwt),
      format: 'mp4',
      bandwidth: e.bandwidth,
      codecs: e.codecs === '' ? [] : e.codecs.split(','),
      file_size: e.fileSize,
      format_parameters: e.formatParameters,
      quality_parameters: e.qualityParameters,
    }));
  return { exports: items, duration_seconds: durationSeconds };
}

/**
 * Optional filters of a master playlist (screens-and-media.md §3.5.4): the viewer's size, whose
 * shape picks among the video ladder's crops, and a bandwidth ceiling.
 */
export interface HlsRenditionFilter {
  /** The display the video fills (any unit: only the aspect ratio counts). */
  size?: { width: number; height: number };
  /** Bits per second; renditions above it are left out (the lowest one always stays). */
  maxBandwidth?: number;
}

/** Aspect ratios closer than this (relative) are one shape: even rounding moves them slightly. */
const SAME_SHAPE = 0.015;

/**
 * The renditions a client should switch between. The video ladder mixes portrait and landscape
 * crops; a player switching bandwidths must stay on one shape, so with `size` only the shape
 * closest to it is kept. Renditions without a size (audio) are never filtered by shape.
 */
export function selectHlsRenditions<T extends { bandwidth: number; formatParameters: JsonObject }>(renditions: readonly T[], filter: HlsRenditionFilter): T[] {
  let kept = [...renditions];
  const wanted = filter.size;
  if (wanted !== undefined) {
    const distance = (e: T) => {
      const { width, height } = e.formatParameters;
      return typeof width === 'number' && typeof height === 'number' && width > 0 && height > 0
        ? Math.abs(Math.log((width / height) / (wanted.width / wanted.height)))
        : null;
    };
    const best = Math.min(...kept.map(distance).filter((d): d is number => d !== null));
    if (Number.isFinite(best)) kept = kept.filter((e) => distance(e) === null || distance(e)! <= best + SAME_SHAPE);
  }
  if (filter.maxBandwidth !== undefined) {
    const within = kept.filter((e) => e.bandwidth <= filter.maxBandwidth!);
    const lowest = [...kept].sort((a, b) => a.bandwidth - b.bandwidth).slice(0, 1);
    kept = within.length > 0 ? within : lowest;
  }
  return kept;
}

/** HLS master playlist of the `m3u8` exports (filtered), best bandwidth first. Null when there is none. */
export function hlsMasterPlaylist(rows: readonly ContentExportRow[], baseUrl: string, presignJwt: string | null, filter: HlsRenditionFilter = {}): string | null {
  const hls = selectHlsRenditions(rows.filter((e) => e.format === 'm3u8'), filter).sort((a, b) => b.bandwidth - a.bandwidth || (a.uid < b.uid ? -1 : 1));
  if (hls.length === 0) return null;
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const e of hls) {
    const attrs = [`BANDWIDTH=${e.bandwidth}`];
    const average = e.formatParameters.average_bandwidth;
    if (typeof average === 'number') attrs.push(`AVERAGE-BANDWIDTH=${average}`);
    if (e.codecs !== '') attrs.push(`CODECS="${e.codecs}"`);
    const { width, height } = e.formatParameters;
    if (typeof width === 'number' && typeof height === 'number') attrs.push(`RESOLUTION=${width}x${height}`);
    lines.push(`#EXT-X-STREAM-INF:${attrs.join(',')}`, withJwt(`${baseUrl}/api/1/content_files/exports/${e.uid}.m3u8`, presignJwt));
  }
  return lines.join('\n') + '\n';
}

/** HLS media playlist of one export: its parts in position order (VOD). */
export function hlsMediaPlaylist(e: ContentExportRow, baseUrl: string, presignJwt: string | null, partExt = 'ts'): string {
  const parts = [...e.parts].sort((a, b) => a.position - b.position);
  // RFC 8216 §4.3.3.1: every EXTINF duration, rounded to the nearest integer, is at most the target.
  const target = Math.max(e.targetDuration, ...parts.map((p) => Math.round(p.durationSeconds)));
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${target}`, '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD'];
  for (const p of parts) lines.push(`#EXTINF:${p.durationSeconds.toFixed(3)},`, withJwt(baseUrl + contentPartPath(p.uid, partExt), presignJwt));
  lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

export interface TranscriptPhraseRow {
  startsAt: number;
  endsAt: number;
  phrase: string;
}

export function transcriptBody(uid: string, phrases: readonly TranscriptPhraseRow[]): JsonObject {
  return {
    uid,
    phrases: [...phrases]
      .sort((a, b) => a.startsAt - b.startsAt)
      .map((p) => ({ starts_at: p.startsAt, ends_at: p.endsAt, phrase: p.phrase })),
  };
}
