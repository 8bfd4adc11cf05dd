import type { ServerResponse } from 'node:http';
import type { FlowIssue } from '../../../../domain/flow-validation';
import type { PreconditionFailure, ProtectionReason } from '../../../../services/admin/client-flows.service';
import { invalidFlowMessage, MESSAGES, preconditionMessage, protectedMessage } from '../../../../services/admin/write-messages';
import { sendStandardError } from '../../../http';

/** The documented REST bodies of the flow write side (admin-api.md §5-§7) that several routes send. */

export function sendSlugExists(res: ServerResponse): void {
  sendStandardError(res, 409, 'client_flow_slug_exists', MESSAGES.slugExists);
}

export function sendProtected(res: ServerResponse, reason: ProtectionReason): void {
  sendStandardError(res, 409, 'client_flow_protected', protectedMessage(reason), {}, { reason });
}

/** §6.2: the message lists each failing field; the failures also come as data (ours). */
export function sendPreconditionFailed(res: ServerResponse, failures: PreconditionFailure[]): void {
  sendStandardError(res, 412, 'precondition_failed', preconditionMessage(failures), {}, { failures });
}

/** §6.5 (ours): 422 with every issue. */
export function sendInvalidFlow(res: ServerResponse, issues: FlowIssue[]): void {
  sendStandardError(res, 422, 'invalid_client_flow', invalidFlowMessage(issues), {}, { issues });
}
