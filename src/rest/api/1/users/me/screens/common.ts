import type { ClientPlatform } from '../../../../../../domain/model';
import type { PeekScreenResponse } from '../../../../../../services/screens.service';
import { sendJson, sendValidationError, type ValidationDetail } from '../../../../../http';
import type { RestRequest } from '../../../../../router';

const PLATFORMS: readonly string[] = ['ios', 'android', 'browser'];
const INTEGER = /^[+-]?\d{1,15}$/;

export type ClientQuery = { platform: ClientPlatform; version: number | null };

/**
 * `platform` (required: exactly ios, android or browser) and `version` (optional integer; absent
 * is null, never a default) from the query string. Answers 422 itself and returns null on error.
 */
export function parseClientQuery({ url, res }: RestRequest): ClientQuery | null {
  const detail: ValidationDetail[] = [];
  const platform = url.searchParams.get('platform');
  if (platform === null) {
    detail.push({ loc: ['query', 'platform'], msg: 'field required', type: 'value_error.missing' });
  } else if (!PLATFORMS.includes(platform)) {
    detail.push({
      loc: ['query', 'platform'],
      msg: "value is not a valid enumeration member; permitted: 'ios', 'android', 'browser'",
      type: 'type_error.enum',
    });
  }
  const rawVersion = url.searchParams.get('version');
  let version: number | null = null;
  if (rawVersion !== null) {
    if (INTEGER.test(rawVersion)) version = Number(rawVersion);
    else detail.push({ loc: ['query', 'version'], msg: 'value is not a valid integer', type: 'type_error.integer' });
  }
  if (detail.length > 0) {
    sendValidationError(res, detail);
    return null;
  }
  return { platform: platform as ClientPlatform, version };
}

/** The peek-family 200 body, in the wire's snake_case. */
export function sendPeekResponse(res: RestRequest['res'], response: PeekScreenResponse): void {
  sendJson(res, 200, {
    visitor: response.visitor,
    screen: {
      active: response.screen.active,
      active_jwt: response.screen.activeJwt,
      prefetch: response.screen.prefetch,
    },
  });
}
