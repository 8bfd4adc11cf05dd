import { isJsonObject, type JsonValue } from '../../../../../../domain/json';
import { authenticate } from '../../../../../../services/identity.service';
import { popScreen } from '../../../../../../services/screens.service';
import { header, readBody, sendAuthFailure, sendEmpty, sendValidationError, type ValidationDetail } from '../../../../../http';
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

/** `POST /api/1/users/me/screens/pop?platform=…[&version=…]` (queue-engine.md §7). */
export async function pop(request: RestRequest): Promise<void> {
  const query = parseClientQuery(request);
  if (query === null) return;
  const auth = await authenticate(request.app, header(request.req, 'authorization'));
  if (!auth.ok) return sendAuthFailure(request.res, auth.reason);
  const read = await readBody(request.req, request.app.config.requestBodyLimitBytes);
  if (!read.ok) return sendEmpty(request.res, 413);
  const parsed = parsePopBody(read.body.toString('utf8'));
  if (!parsed.ok) return sendValidationError(request.res, parsed.detail);
  const response = await popScreen(request.app, {
    ...query,
    user: auth.user,
    visitorHeader: header(request.req, 'visitor'),
    screenJwt: parsed.body.screenJwt,
    trigger: parsed.body.trigger,
  });
  sendPeekResponse(request.res, response);
}
