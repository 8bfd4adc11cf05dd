/**
 * Duration of an ISO base media file (mp4/m4a) from its `moov/mvhd` box, without decoding
 * anything: enough for the passthrough content processor (screens-and-media.md §3.7 item 2).
 */

const CONTAINERS = new Set(['moov']);

/** Seconds, or null when the bytes hold no readable `mvhd` (not an mp4, or truncated). */
export function mp4DurationSeconds(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return scan(view, 0, bytes.byteLength);
}

function scan(view: DataView, start: number, end: number): number | null {
  for (const box of boxes(view, start, end)) {
    if (box.type === 'mvhd') return readMvhd(view, box.start, box.end);
    if (CONTAINERS.has(box.type)) {
      const found = scan(view, box.start, box.end);
      if (found !== null) return found;
    }
  }
  return null;
}

function readMvhd(view: DataView, start: number, end: number): number | null {
  const version = view.getUint8(start);
  // version(1) flags(3), then v1: created(8) modified(8) timescale(4) duration(8); v0: 4,4,4,4.
  const need = version === 1 ? 4 + 8 + 8 + 4 + 8 : 4 + 4 + 4 + 4 + 4;
  if (start + need > end) return null;
  const timescale = view.getUint32(start + (version === 1 ? 20 : 12));
  const duration = version === 1 ? Number(view.getBigUint64(start + 24)) : view.getUint32(start + 16);
  if (timescale === 0) return null;
  return duration / timescale;
}

/** True when the bytes start like an ISO base media file (`ftyp` first). */
export function looksLikeMp4(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 12 && String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp';
}

interface Box {
  type: string;
  /** Payload bounds (after the header). */
  start: number;
  end: number;
}

/** The boxes directly inside `[start, end)`; stops at the first malformed header. */
function boxes(view: DataView, start: number, end: number): Box[] {
  const found: Box[] = [];
  let offset = start;
  while (offset + 8 <= end) {
    let size = view.getUint32(offset);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > end) break;
      size = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) size = end - offset;
    if (size < header || offset + size > end) break;
    const type = String.fromCharCode(view.getUint8(offset + 4), view.getUint8(offset + 5), view.getUint8(offset + 6), view.getUint8(offset + 7));
    found.push({ type, start: offset + header, end: offset + size });
    offset += size;
  }
  return found;
}

const child = (view: DataView, box: Box | undefined, type: string, skip = 0): Box | undefined =>
  box === undefined ? undefined : boxes(view, box.start + skip, box.end).find((b) => b.type === type);

/** Bytes before the child boxes of a sample entry (ISO/IEC 14496-12 VisualSampleEntry, AudioSampleEntry). */
const VISUAL_SAMPLE_ENTRY = 78;
const AUDIO_SAMPLE_ENTRY = 28;

/** `avc1.PPCCLL`: profile, constraint flags and level, as the AVCDecoderConfigurationRecord states them. */
function avcCodec(view: DataView, entry: Box, type: string): string | null {
  const config = child(view, entry, 'avcC', VISUAL_SAMPLE_ENTRY);
  if (config === undefined || config.end - config.start < 4) return null;
  const hex = (at: number) => view.getUint8(config.start + at).toString(16).padStart(2, '0');
  return `${type}.${hex(1)}${hex(2)}${hex(3)}`;
}

/** One MPEG-4 descriptor (tag, then a size of up to four 7-bit bytes) starting at `at`. */
function descriptor(view: DataView, at: number, end: number): { tag: number; start: number; end: number } | null {
  if (at + 2 > end) return null;
  const tag = view.getUint8(at);
  let size = 0;
  let offset = at + 1;
  for (let i = 0; i < 4 && offset < end; i++) {
    const byte = view.getUint8(offset++);
    size = (size << 7) | (byte & 0x7f);
    if ((byte & 0x80) === 0) break;
  }
  return offset + size > end ? null : { tag, start: offset, end: offset + size };
}

/** `mp4a.OO.A`: the object type indication and, for MPEG-4 audio, the AudioSpecificConfig's object type. */
function mp4aCodec(view: DataView, entry: Box): string | null {
  const esds = child(view, entry, 'esds', AUDIO_SAMPLE_ENTRY);
  if (esds === undefined) return null;
  const es = descriptor(view, esds.start + 4, esds.end); // after version and flags
  if (es === null || es.tag !== 0x03 || es.start + 3 > es.end) return null;
  const flags = view.getUint8(es.start + 2);
  let at = es.start + 3;
  if (flags & 0x80) at += 2; // dependsOn_ES_ID
  if (flags & 0x40) at += 1 + (at < es.end ? view.getUint8(at) : 0); // URL
  if (flags & 0x20) at += 2; // OCR_ES_ID
  const config = descriptor(view, at, es.end);
  if (config === null || config.tag !== 0x04 || config.start + 13 > config.end) return null;
  const objectType = view.getUint8(config.start);
  if (objectType !== 0x40) return `mp4a.${objectType.toString(16)}`;
  const specific = descriptor(view, config.start + 13, config.end);
  if (specific === null || specific.tag !== 0x05 || specific.start >= specific.end) return null;
  let audioObjectType = view.getUint8(specific.start) >> 3;
  if (audioObjectType === 31 && specific.start + 2 <= specific.end) audioObjectType = 32 + (((view.getUint16(specific.start) >> 5) & 0x3f));
  return `mp4a.40.${audioObjectType}`;
}

export interface Mp4Head {
  /** The `mvhd` duration. */
  durationSeconds: number;
  /** RFC 6381 codec of each track's sample entry, as the file's own configuration records state it. */
  codecs: string[];
}

/**
 * Duration and codecs of an mp4 from its `moov` box (the bytes of a fast-start file's head are
 * enough). Null when there is no readable `moov`, or a track's codec is not one this reads
 * (H.264 `avc1`/`avc3`, MPEG-4 audio `mp4a`).
 */
export function mp4Head(bytes: Uint8Array): Mp4Head | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const moov = boxes(view, 0, bytes.byteLength).find((b) => b.type === 'moov');
  if (moov === undefined) return null;
  const durationSeconds = scan(view, moov.start, moov.end);
  if (durationSeconds === null) return null;
  const codecs: string[] = [];
  for (const trak of boxes(view, moov.start, moov.end).filter((b) => b.type === 'trak')) {
    const stsd = child(view, child(view, child(view, child(view, trak, 'mdia'), 'minf'), 'stbl'), 'stsd');
    const entry = stsd === undefined ? undefined : boxes(view, stsd.start + 8, stsd.end)[0]; // after version, flags, entry count
    if (entry === undefined) return null;
    const codec = entry.type === 'avc1' || entry.type === 'avc3' ? avcCodec(view, entry, entry.type) : entry.type === 'mp4a' ? mp4aCodec(view, entry) : null;
    if (codec === null) return null;
    codecs.push(codec);
  }
  return codecs.length > 0 ? { durationSeconds, codecs } : null;
}

/** Top-level box types in file order: a fast-start file has `moov` before `mdat`. */
export function topLevelBoxTypes(bytes: Uint8Array): string[] {
  return boxes(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, bytes.byteLength).map((b) => b.type);
}
