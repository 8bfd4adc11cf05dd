import type { IncomingMessage, ServerResponse } from 'node:http';
import { AUTH_FAILURE_MESSAGES, ServiceUnavailableError, type AuthFailureReason } from '../services/errors';

/** Every JSON answer of the REST shims carries exactly this content type. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': JSON_CONTENT_TYPE, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** 202, 204 and the bodiless 4xx answers (400/413/415 on trace). */
export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-length': '0', ...headers });
  res.end();
}

/** StandardError body: `{type, message, markdown}` with markdown = message. */
export function sendStandardError(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): void {
  sendJson(res, status, { type, message, markdown: message, ...extra }, headers);
}

export function sendAuthFailure(res: ServerResponse, reason: AuthFailureReason): void {
  sendStandardError(res, reason === 'invalid' ? 403 : 401, reason, AUTH_FAILURE_MESSAGES[reason]);
}

export interface ValidationDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** 422 in the reference framework's shape: `{"detail": [{loc, msg, type}]}`. */
export function sendValidationError(res: ServerResponse, detail: ValidationDetail[]): void {
  sendJson(res, 422, { detail });
}

export function sendInternalError(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = 'internal server error';
  res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** 429 on peek, pop and trace over the per-user limit (rest-wire-contract.md §1.3); nothing was done. */
export function sendRateLimited(res: ServerResponse, retryAfterSeconds: number): void {
  sendStandardError(res, 429, 'ratelimited', 'too many requests; try again in a few seconds', { 'retry-after': String(retryAfterSeconds) });
}

export function sendServiceUnavailable(res: ServerResponse, error: ServiceUnavailableError): void {
  sendStandardError(res, 503, 'service_unavailable', error.message, { 'retry-after': String(error.retryAfterSeconds) });
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' };

/**
 * Reads a request body, refusing (without buffering the rest) once it exceeds `limit` bytes.
 * A Content-Length above the limit is refused before reading anything.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return { ok: false, reason: 'too_large' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(chunk as Buffer);
  }
  return { ok: true, body: Buffer.concat(chunks) };
}

/** Single-valued header (arrays are joined by Node only for some headers; take the first). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether `Accept-Encoding` allows gzip: `gzip` (or `x-gzip`) with a non-zero q, or `*` with a
 * non-zero q when gzip is not refused by name.
 */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (acceptEncoding === undefined) return false;
  let named: boolean | null = null;
  let wildcard = false;
  for (const item of acceptEncoding.split(',')) {
    const [rawCoding, ...params] = item.toLowerCase().split(';');
    const coding = rawCoding.trim();
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (coding === 'gzip' || coding === 'x-gzip') named = (named ?? false) || allowed;
    else if (coding === '*') wildcard = allowed;
  }
  return named ?? wildcard;
}
