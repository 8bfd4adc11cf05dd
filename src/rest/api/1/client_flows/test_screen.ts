import { parseFlowScreen, type ShapeIssue } from '../../../../domain/flow-validation';
import { testClientScreen } from '../../../../services/admin/test-tools.service';
import { readAdminJsonObject } from '../../../admin';
import { sendEmpty, sendStandardError, sendValidationError } from '../../../http';
import type { RestRequest } from '../../../router';
import { dryRunOf, requiredObject } from './body';

/**
 * `POST /api/1/client_flows/test_screen` and the alias `/api/1/admin/client_flows/test_screen`
 * (admin-api.md §9): 202 (empty) or 409 with the first failing check's type.
 */
export async function testScreenRoute(request: RestRequest): Promise<void> {
  const read = await readAdminJsonObject(request);
  if (read === null) return;
  const { admin, body: raw } = read;
  const issues: ShapeIssue[] = [];
  const flow = requiredObject(raw, 'flow', ['body'], issues);
  const clientSchema = flow && requiredObject(flow, 'client_schema', ['body', 'flow'], issues);
  const serverSchema = flow && requiredObject(flow, 'server_schema', ['body', 'flow'], issues);
  const flowScreen = Object.hasOwn(raw, 'flow_screen')
    ? parseFlowScreen(raw.flow_screen, ['body', 'flow_screen'])
    : ({ ok: false, issues: [{ loc: ['body', 'flow_screen'], msg: 'field required', type: 'value_error.missing' }] } satisfies { ok: false; issues: ShapeIssue[] });
  if (!flowScreen.ok) issues.push(...flowScreen.issues);
  const clientParameters = requiredObject(raw, 'client_parameters', ['body'], issues);
  const serverParameters = requiredObject(raw, 'server_parameters', ['body'], issues);
  const dryRun = dryRunOf(raw, issues);
  if (issues.length > 0 || !flowScreen.ok || !clientSchema || !serverSchema || !clientParameters || !serverParameters) {
    return sendValidationError(request.res, issues);
  }
  const result = await testClientScreen(request.app, admin, {
    clientSchema,
    serverSchema,
    flowScreen: flowScreen.value,
    clientParameters,
    serverParameters,
    dryRun,
  });
  if (result.kind === 'rejected') return sendStandardError(request.res, 409, result.reason, result.message);
  sendEmpty(request.res, 202);
}
