/**
 * What the media shims share (screens-and-media.md §3.6): the presented JWT and `presign`,
 * the denial answers, and streaming stored bytes with single byte ranges.
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StoredFileRef } from '../db/repositories/media-serving.repository';
import { mediaCacheControl, parseByteRange } from '../domain/media';
import { presentedToken } from '../media/tokens';
import type { MediaAnswer, MediaDenied, MediaRequest, MediaText } from '../services/media/serving.service';
import { header, sendAuthFailure, sendJson, sendStandardError, sendValidationError } from './http';
import type { RestRequest } from './router';

const PRESIGN: Readonly<Record<string, boolean>> = { true: true, '1': true, false: false, '0': false };

/** The request's token, link base and `presign`; null after answering 422 for a bad `presign`. */
export function mediaRequest(r: RestRequest): MediaRequest | null {
  const raw = r.url.searchParams.get('presign');
  const presign = raw === null ? null : Object.hasOwn(PRESIGN, raw.toLowerCase()) ? PRESIGN[raw.toLowerCase()] : undefined;
  if (presign === undefined) {
    sendValidationError(r.res, [{ loc: ['query', 'presign'], msg: 'value could not be parsed to a boolean', type: 'type_error.bool' }]);
    return null;
  }
  // Links point back at the host the client used; behind a TLS proxy, X-Forwarded-Proto says https.
  const proto = header(r.req, 'x-forwarded-proto') === 'https' ? 'https' : 'http';
  const host = header(r.req, 'host') ?? 'localhost';
  return { token: presentedToken(header(r.req, 'authorization'), r.url.searchParams.get('jwt')), baseUrl: `${proto}://${host}`, presign };
}

export function sendMediaDenied(r: RestRequest, denied: MediaDenied): void {
  switch (denied.kind) {
    case 'unauthenticated':
      return sendAuthFailure(r.res, denied.reason);
    case 'forbidden':
      return sendAuthFailure(r.res, 'invalid');
    case 'not_found':
      return sendStandardError(r.res, 404, 'not_found', 'There is no such resource');
  }
}

const cacheControl = (r: RestRequest, tokenExp: number) => mediaCacheControl(tokenExp, r.app.now());

export function sendMediaJson(r: RestRequest, answer: MediaAnswer<unknown>): void {
  if (answer.kind !== 'ok') return sendMediaDenied(r, answer);
  sendJson(r.res, 200, answer.value, { 'cache-control': cacheControl(r, answer.tokenExp) });
}

export function sendMediaText(r: RestRequest, answer: MediaAnswer<MediaText>): void {
  if (answer.kind !== 'ok') return sendMediaDenied(r, answer);
  const { contentType, body } = answer.value;
  r.res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': cacheControl(r, answer.tokenExp) });
  r.res.end(body);
}

/**
 * Streams the stored bytes (never buffered whole): 200, or 206 for one satisfiable
 * `Range: bytes=…`, or 416. A file missing from the store is 404 (the row outlived its bytes).
 */
export async function sendStoredFile(r: RestRequest, answer: MediaAnswer<StoredFileRef>): Promise<void> {
  if (answer.kind !== 'ok') return sendMediaDenied(r, answer);
  const file = answer.value;
  const headers: Record<string, string> = {
    'content-type': file.contentType,
    'accept-ranges': 'bytes',
    'cache-control': cacheControl(r, answer.tokenExp),
  };
  const range = parseByteRange(header(r.req, 'range'), file.fileSize);
  if (range.kind === 'unsatisfiable') {
    r.res.writeHead(416, { ...headers, 'content-range': `bytes */${file.fileSize}`, 'content-length': '0' });
    r.res.end();
    return;
  }
  const wanted = range.kind === 'partial' ? { start: range.start, end: range.end } : undefined;
  const head = r.req.method === 'HEAD';
  const stored = head ? await r.app.files.stat(file.key) : await r.app.files.get(file.key, wanted);
  if (stored === null) {
    r.app.log.warn({ key: file.key }, 'stored file row without bytes');
    return sendMediaDenied(r, { kind: 'not_found' });
  }
  if (range.kind === 'partial') {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${file.fileSize}`;
    headers['content-length'] = String(range.end - range.start + 1);
  } else {
    headers['content-length'] = String(file.fileSize);
  }
  r.res.writeHead(range.kind === 'partial' ? 206 : 200, headers);
  if (head || !('body' in stored)) {
    r.res.end();
    return;
  }
  try {
    await pipeline(stored.body as Readable, r.res);
  } catch (error) {
    // The client went away, or the disk failed mid-stream: the status is already sent.
    r.app.log.debug({ err: error, key: file.key }, 'media stream ended early');
    r.res.destroy();
  }
}

/** `{uid}.{ext}` → uid: the extension is informative only (the stored content type is served). */
export const uidOfFileName = (name: string): string => {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
};
