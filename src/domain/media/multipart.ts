/**
 * The one multipart/form-data field an upload part carries (screens-and-media.md §3.4 step 2).
 * Parts are at most one MiB, so the body is parsed whole.
 */

export type MultipartField = { ok: true; data: Buffer } | { ok: false; reason: string };

/** The boundary of a `multipart/form-data; boundary=…` content type, or null. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (contentType === undefined || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

/** The bytes of the field named `name`. */
export function multipartField(body: Buffer, boundary: string, name: string): MultipartField {
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const headerStart = at + delimiter.length;
    if (body.subarray(headerStart, headerStart + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) return { ok: false, reason: 'malformed multipart body' };
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next === -1) return { ok: false, reason: 'malformed multipart body' };
    const headers = body.subarray(headerStart, headerEnd).toString('latin1');
    const disposition = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers);
    if (disposition?.[1] === name) return { ok: true, data: body.subarray(headerEnd + 4, next) };
    at = next + 2;
  }
  return { ok: false, reason: `no "${name}" field` };
}
