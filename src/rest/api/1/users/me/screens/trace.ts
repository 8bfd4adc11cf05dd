import { parseAuthorization } from '../../../../../../services/identity.service';
import { traceScreen } from '../../../../../../services/screens.service';
import { verifyScreenJwt } from '../../../../../../services/screen-jwt';
import { limitTrace } from '../../../../../../services/rate-limit';
import { header, readBody, sendAuthFailure, sendEmpty, sendRateLimited } from '../../../../../http';
import type { RestRequest } from '../../../../../router';
import { parseClientQuery } from './common';

/** The only accepted Content-Type, byte for byte (case and spacing included). */
export const TRACE_CONTENT_TYPE = 'application/json; charset=utf-8';
export const TRACE_BODY_LIMIT_BYTES = 2048;

/** One JSON text (RFC 8259) in valid UTF-8; JSON.parse already refuses NaN, Infinity and "". */
export function parseTraceEvent(body: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return null;
  }
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  return text;
}

/**
 * `POST /api/1/users/me/screens/trace` (queue-engine.md §8), checks in this order: query 422,
 * content type 415, screen JWT 401/403, rate limit 429, size 413, JSON 400, then 204 whether or not the log row
 * still exists.
 */
export async function trace(request: RestRequest): Promise<void> {
  const { req, res, app } = request;
  const query = parseClientQuery(request);
  if (query === null) return;
  if (header(req, 'content-type') !== TRACE_CONTENT_TYPE) return sendEmpty(res, 415);
  const auth = parseAuthorization(header(req, 'authorization'));
  if (!auth.ok) return sendAuthFailure(res, auth.reason);
  const claims = await verifyScreenJwt(app.config.secrets.clientScreenJwt, auth.token, app.now());
  if (claims === null) return sendAuthFailure(res, 'invalid');
  const limited = await limitTrace(app.rateLimiter, claims.logUid);
  if (!limited.ok) return sendRateLimited(res, limited.retryAfterSeconds);
  const read = await readBody(req, TRACE_BODY_LIMIT_BYTES);
  if (!read.ok) return sendEmpty(res, 413);
  const event = parseTraceEvent(read.body);
  if (event === null) return sendEmpty(res, 400);
  await traceScreen(app, { logUid: claims.logUid, screenSlug: claims.screenSlug, event, platform: query.platform, version: query.version });
  sendEmpty(res, 204);
}
