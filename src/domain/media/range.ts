/** Byte ranges of part downloads (RFC 9110 §14): one range, or the whole file. */

export type RangeAnswer =
  /** No usable Range header (absent, not `bytes=`, several ranges, malformed): send everything with 200. */
  | { kind: 'full' }
  /** 206 with `Content-Range: bytes start-end/size`; `end` inclusive. */
  | { kind: 'partial'; start: number; end: number }
  /** 416 with `Content-Range: bytes * /size`. */
  | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/i;

/** Several ranges are answered in full rather than as multipart/byteranges, which clients of media never need. */
export function parseByteRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: 'full' };
  const match = SINGLE.exec(header.trim());
  if (!match) return { kind: 'full' };
  const [, first, last] = match;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    // Suffix form: the last N bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  if (!Number.isSafeInteger(start) || start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(end) || end < start) return last === '' ? { kind: 'unsatisfiable' } : { kind: 'full' };
  return { kind: 'partial', start, end };
}
