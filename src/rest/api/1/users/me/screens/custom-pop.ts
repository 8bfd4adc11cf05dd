import { authenticate } from '../../../../../../services/identity.service';
import { customPopScreen } from '../../../../../../services/screens.service';
import { header, readBody, sendAuthFailure, sendEmpty, sendJson, sendValidationError } from '../../../../../http';
import type { RestRequest } from '../../../../../router';
import { parseClientQuery, sendPeekResponse } from './common';
import { parsePopBody } from './pop';

/**
 * `POST /api/1/users/me/screens/{endpoint}` for the custom pop endpoints plugins register
 * (queue-engine.md §7.6): pop's query and body, except that `trigger` is required and its
 * `parameters` are the endpoint's own typed object.
 */
export async function customPop(request: RestRequest): Promise<void> {
  const endpoint = request.app.customPops.get(request.params.endpoint);
  if (endpoint === undefined) return sendJson(request.res, 404, { detail: 'Not Found' });
  const query = parseClientQuery(request);
  if (query === null) return;
  const auth = await authenticate(request.app, header(request.req, 'authorization'));
  if (!auth.ok) return sendAuthFailure(request.res, auth.reason);
  const read = await readBody(request.req, request.app.config.requestBodyLimitBytes);
  if (!read.ok) return sendEmpty(request.res, 413);
  const parsed = parsePopBody(read.body.toString('utf8'));
  if (!parsed.ok) return sendValidationError(request.res, parsed.detail);
  const { trigger } = parsed.body;
  if (trigger === null) {
    return sendValidationError(request.res, [{ loc: ['body', 'trigger'], msg: 'field required', type: 'value_error.missing' }]);
  }
  const parameters = endpoint.parseParameters(trigger.parameters);
  if (!parameters.ok) {
    return sendValidationError(request.res, [{ loc: ['body', 'trigger', 'parameters'], msg: parameters.message, type: 'value_error' }]);
  }
  const response = await customPopScreen(request.app, endpoint, {
    ...query,
    user: auth.user,
    visitorHeader: header(request.req, 'visitor'),
    screenJwt: parsed.body.screenJwt,
    trigger: { slug: trigger.slug },
    parameters: parameters.value,
  });
  sendPeekResponse(request.res, response);
}
