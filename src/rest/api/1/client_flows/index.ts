import { parseFlowFields, parseFlowSlug, type ShapeIssue } from '../../../../domain/flow-validation';
import { clientFlowWire } from '../../../../services/admin/client-flow-object';
import { createClientFlow, patchClientFlow } from '../../../../services/admin/client-flows.service';
import { MESSAGES } from '../../../../services/admin/write-messages';
import { readAdminJsonObject } from '../../../admin';
import { sendJson, sendStandardError, sendValidationError } from '../../../http';
import type { RestRequest } from '../../../router';
import { sendInvalidFlow, sendPreconditionFailed, sendProtected, sendSlugExists } from './responses';

/** `POST /api/1/client_flows/` (admin-api.md §5): `{"slug"}` → 201 flow | 409 slug exists. */
export async function createClientFlowRoute(request: RestRequest): Promise<void> {
  const read = await readAdminJsonObject(request);
  if (read === null) return;
  const { admin, body } = read;
  if (!Object.hasOwn(body, 'slug')) {
    return sendValidationError(request.res, [{ loc: ['body', 'slug'], msg: 'field required', type: 'value_error.missing' }]);
  }
  const slug = parseFlowSlug(body.slug, ['body', 'slug']);
  if (!slug.ok) return sendValidationError(request.res, slug.issues);
  const result = await createClientFlow(request.app, admin, slug.value);
  if (result.kind === 'slug_exists') return sendSlugExists(request.res);
  sendJson(request.res, 201, clientFlowWire(result.flow));
}

/** `PATCH /api/1/client_flows/` (admin-api.md §6): `{uid, precondition?, patch?}`. */
export async function patchClientFlowRoute(request: RestRequest): Promise<void> {
  const read = await readAdminJsonObject(request);
  if (read === null) return;
  const { admin, body: raw } = read;
  const issues: ShapeIssue[] = [];
  if (!Object.hasOwn(raw, 'uid')) issues.push({ loc: ['body', 'uid'], msg: 'field required', type: 'value_error.missing' });
  else if (typeof raw.uid !== 'string') issues.push({ loc: ['body', 'uid'], msg: 'str type expected', type: 'type_error.str' });
  const precondition = parseFlowFields(raw.precondition ?? undefined, ['body', 'precondition'], 'precondition');
  const patch = parseFlowFields(raw.patch ?? undefined, ['body', 'patch'], 'patch');
  if (!precondition.ok) issues.push(...precondition.issues);
  if (!patch.ok) issues.push(...patch.issues);
  if (issues.length > 0 || !precondition.ok || !patch.ok) return sendValidationError(request.res, issues);

  const result = await patchClientFlow(request.app, admin, { uid: raw.uid as string, precondition: precondition.value, patch: patch.value });
  switch (result.kind) {
    case 'patched':
      return sendJson(request.res, 200, clientFlowWire(result.flow));
    case 'not_found':
      return sendStandardError(request.res, 404, 'client_flow_not_found', MESSAGES.flowNotFoundByUid);
    case 'precondition_failed':
      return sendPreconditionFailed(request.res, result.failures);
    case 'slug_exists':
      return sendSlugExists(request.res);
    case 'protected':
      return sendProtected(request.res, result.reason);
    case 'invalid':
      return sendInvalidFlow(request.res, result.issues);
  }
}
