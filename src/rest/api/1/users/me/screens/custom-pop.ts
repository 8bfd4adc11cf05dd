import { customPopScreen } from '../../../../../../services/screens.service';
import { sendJson, sendValidationError } from '../../../../../http';
import type { RestRequest } from '../../../../../router';
import { sendPeekResponse } from './common';
import { readPopRequest } from './pop';

/**
 * `POST /api/1/users/me/screens/{endpoint}` for the custom pop endpoints plugins register
 * (queue-engine.md §7.6): pop's query and body, except that `trigger` is required and its
 * `parameters` are the endpoint's own typed object.
 */
export async function customPop(request: RestRequest): Promise<void> {
  const endpoint = request.app.customPops.get(request.params.endpoint);
  if (endpoint === undefined) return sendJson(request.res, 404, { detail: 'Not Found' });
  const input = await readPopRequest(request);
  if (input === null) return;
  if (input.trigger === null) {
    return sendValidationError(request.res, [{ loc: ['body', 'trigger'], msg: 'field required', type: 'value_error.missing' }]);
  }
  const parameters = endpoint.parseParameters(input.trigger.parameters);
  if (!parameters.ok) {
    return sendValidationError(request.res, [{ loc: ['body', 'trigger', 'parameters'], msg: parameters.message, type: 'value_error' }]);
  }
  sendPeekResponse(request.res, await customPopScreen(request.app, endpoint, { ...input, trigger: input.trigger, parameters: parameters.value }));
}
