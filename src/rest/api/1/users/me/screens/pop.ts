import { isJsonObject, type JsonValue } from '../../../../../../domain/json';
import { authenticate } from '../../../../../../services/identity.service';
import { popScreen, type ClientRequest } from '../../../../../../services/screens.service';
import { limitUserRequest } from '../../../../../../services/rate-limit';
import { header, readBody, sendAuthFailure, sendEmpty, sendRateLimited, sendValidationError, type ValidationDetail } from '../../../../../http';
import type { RestRequest } from '../../../../../router';
import { parseClientQuery, sendPeekResponse } from './common';

export interface PopBody {
  screenJwt: string;
  trigger: { slug: string; parameters: JsonValue } | null;
}

/**
 * `{"screen_jwt": string, "trigger"?: null | {"slug": string, "parameters": any}}`. Unknown
 * top-level keys are ignored; `parameters` must be present when `trigger` is given (may be null).
 */
export function parsePopBody(text: string): { ok: true; body: PopBody } | { ok: false; detail: ValidationDetail[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, detail: [{ loc: ['body'], msg: 'invalid JSON body', type: 'value_error.jsondecode' }] };
  }
  if (!isJsonObject(raw)) return { ok: false, detail: [{ loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' }] };
  const detail: ValidationDetail[] = [];
  if (!('screen_jwt' in raw)) detail.push({ loc: ['body', 'screen_jwt'], msg: 'field required', type: 'value_error.missing' });
  else if (typeof raw.screen_jwt !== 'string') detail.push({ loc: ['body', 'screen_jwt'], msg: 'str type expected', type: 'type_error.str' });
  let trigger: PopBody['trigger'] = null;
  const rawTrigger = raw.trigger;
  if (rawTrigger !== undefined && rawTrigger !== null) {
    if (!isJsonObject(rawTrigger)) {
      detail.push({ loc: ['body', 'trigger'], msg: 'value is not a valid dict', type: 'type_error.dict' });
    } else {
      if (!('slug' in rawTrigger)) detail.push({ loc: ['body', 'trigger', 'slug'], msg: 'field required', type: 'value_error.missing' });
      else if (typeof rawTrigger.slug !== 'string') detail.push({ loc: ['body', 'trigger', 'slug'], msg: 'str type expected', type: 'type_error.str' });
      if (!('parameters' in rawTrigger)) detail.push({ loc: ['body', 'trigger', 'parameters'], msg: 'field required', type: 'value_error.missing' });
      if (detail.length === 0) trigger = { slug: rawTrigger.slug as string, parameters: rawTrigger.parameters };
    }
  }
  if (detail.length > 0) return { ok: false, detail };
  return { ok: true, body: { screenJwt: raw.screen_jwt as string, trigger } };
}

/**
 * Everything a pop-shaped request carries, in the wire's order of checks (query 422, user 401/403,
 * rate limit 429, body 413/422), or null after answering the failure. Custom pops share it.
 * `withQueue` also reads the user's queue, unlocked, with the authentication (`snapshot`).
 */
export async function readPopRequest(request: RestRequest, options: { withQueue?: boolean } = {}): Promise<(ClientRequest & PopBody) | null> {
  const query = parseClientQuery(request);
  if (query === null) return null;
  const auth = await authenticate(request.app, header(request.req, 'authorization'), options);
  if (!auth.ok) {
    sendAuthFailure(request.res, auth.reason);
    return null;
  }
  const limited = await limitUserRequest(request.app.rateLimiter, auth.user.id);
  if (!limited.ok) {
    request.req.resume();
    sendRateLimited(request.res, limited.retryAfterSeconds);
    return null;
  }
  const read = await readBody(request.req, request.app.config.requestBodyLimitBytes);
  if (!read.ok) {
    sendEmpty(request.res, 413);
    return null;
  }
  const parsed = parsePopBody(read.body.toString('utf8'));
  if (!parsed.ok) {
    sendValidationError(request.res, parsed.detail);
    return null;
  }
  return { ...query, user: auth.user, snapshot: auth.snapshot, visitorHeader: header(request.req, 'visitor'), ...parsed.body };
}

/** `POST /api/1/users/me/screens/pop?platform=…[&version=…]` (queue-engine.md §7). */
export async function pop(request: RestRequest): Promise<void> {
  // The queue read with the user: the pop's only read when nothing raced it.
  const input = await readPopRequest(request, { withQueue: true });
  if (input === null) return;
  sendPeekResponse(request.res, await popScreen(request.app, input));
}
