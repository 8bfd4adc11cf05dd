import type { ShapeIssue } from '../../../../domain/flow-validation';
import { testClientFlow } from '../../../../services/admin/test-tools.service';
import { MESSAGES } from '../../../../services/admin/write-messages';
import { readAdminJsonObject } from '../../../admin';
import { sendEmpty, sendStandardError, sendValidationError } from '../../../http';
import type { RestRequest } from '../../../router';
import { dryRunOf, requiredObject } from './body';

/**
 * `POST /api/1/client_flows/test_flow` and the alias `/api/1/admin/client_flows/test_flow`
 * (admin-api.md §10): 202 (empty), 404 flow or user not found, 409 parameters mismatch.
 */
export async function testFlowRoute(request: RestRequest): Promise<void> {
  const read = await readAdminJsonObject(request);
  if (read === null) return;
  const { admin, body: raw } = read;
  const issues: ShapeIssue[] = [];
  if (!Object.hasOwn(raw, 'slug')) issues.push({ loc: ['body', 'slug'], msg: 'field required', type: 'value_error.missing' });
  else if (typeof raw.slug !== 'string') issues.push({ loc: ['body', 'slug'], msg: 'str type expected', type: 'type_error.str' });
  const clientParameters = requiredObject(raw, 'client_parameters', ['body'], issues);
  const serverParameters = requiredObject(raw, 'server_parameters', ['body'], issues);
  const userSub = raw.user_sub ?? null;
  if (userSub !== null && typeof userSub !== 'string') issues.push({ loc: ['body', 'user_sub'], msg: 'str type expected', type: 'type_error.str' });
  const dryRun = dryRunOf(raw, issues);
  if (issues.length > 0 || !clientParameters || !serverParameters) return sendValidationError(request.res, issues);

  const result = await testClientFlow(request.app, admin, {
    slug: raw.slug as string,
    clientParameters,
    serverParameters,
    userSub: userSub as string | null,
    dryRun,
  });
  switch (result.kind) {
    case 'accepted':
      return sendEmpty(request.res, 202);
    case 'flow_not_found':
      return sendStandardError(request.res, 404, 'client_flow_not_found', MESSAGES.flowNotFoundBySlug);
    case 'user_not_found':
      return sendStandardError(request.res, 404, 'user_not_found', MESSAGES.userNotFound(result.sub));
    case 'parameters_mismatch':
      return sendStandardError(request.res, 409, `${result.which}_parameters_mismatch`, result.message);
  }
}
