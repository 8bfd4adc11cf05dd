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
  let offset = start;
  while (offset + 8 <= end) {
    let size = view.getUint32(offset);
    const type = String.fromCharCode(view.getUint8(offset + 4), view.getUint8(offset + 5), view.getUint8(offset + 6), view.getUint8(offset + 7));
    let header = 8;
    if (size === 1) {
      if (offset + 16 > end) return null;
      size = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) size = end - offset;
    if (size < header || offset + size > end) return null;
    if (type === 'mvhd') return readMvhd(view, offset + header, offset + size);
    if (CONTAINERS.has(type)) {
      const found = scan(view, offset + header, offset + size);
      if (found !== null) return found;
    }
    offset += size;
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
