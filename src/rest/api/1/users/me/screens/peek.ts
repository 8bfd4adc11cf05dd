import { authenticate } from '../../../../../../services/identity.service';
import { peekScreen } from '../../../../../../services/screens.service';
import { limitUserRequest } from '../../../../../../services/rate-limit';
import { header, sendAuthFailure, sendRateLimited } from '../../../../../http';
import type { RestRequest } from '../../../../../router';
import { parseClientQuery, sendPeekResponse } from './common';

/** `POST /api/1/users/me/screens/peek?platform=…[&version=…]` (queue-engine.md §6). No body. */
export async function peek(request: RestRequest): Promise<void> {
  const query = parseClientQuery(request);
  if (query === null) return;
  const auth = await authenticate(request.app, header(request.req, 'authorization'), { withQueue: true });
  if (!auth.ok) return sendAuthFailure(request.res, auth.reason);
  const limited = await limitUserRequest(request.app.rateLimiter, auth.user.id);
  if (!limited.ok) return sendRateLimited(request.res, limited.retryAfterSeconds);
  request.req.resume();
  const response = await peekScreen(request.app, { ...query, user: auth.user, snapshot: auth.snapshot, visitorHeader: header(request.req, 'visitor') });
  sendPeekResponse(request.res, response);
}
