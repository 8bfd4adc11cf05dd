import { deleteClientFlow } from '../../../../services/admin/client-flows.service';
import { MESSAGES, referencedMessage } from '../../../../services/admin/write-messages';
import { authenticateAdmin } from '../../../admin';
import { sendEmpty, sendStandardError } from '../../../http';
import type { RestRequest } from '../../../router';
import { sendProtected } from './responses';

/** `DELETE /api/1/client_flows/{uid}[?force=true]` (admin-api.md §7): 204, 404, 409 protected or referenced. */
export async function deleteClientFlowRoute(request: RestRequest): Promise<void> {
  const admin = await authenticateAdmin(request);
  if (admin === null) return;
  const force = ['true', '1'].includes((request.url.searchParams.get('force') ?? '').toLowerCase());
  const result = await deleteClientFlow(request.app, admin, { uid: request.params.uid, force });
  switch (result.kind) {
    case 'deleted':
      return sendEmpty(request.res, 204);
    case 'not_found':
      return sendStandardError(request.res, 404, 'client_flow_not_found', MESSAGES.deleteNotFound);
    case 'protected':
      return sendProtected(request.res, result.reason);
    case 'referenced':
      return sendStandardError(
        request.res,
        409,
        'client_flow_referenced',
        referencedMessage(result.references),
        {},
        { references: result.references },
      );
  }
}
