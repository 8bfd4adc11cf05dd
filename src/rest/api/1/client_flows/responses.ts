import type { ServerResponse } from 'node:http';
import type { FlowIssue } from '../../../../domain/flow-validation';
import { canonicalJson } from '../../../../domain/json';
import type { PreconditionFailure, ProtectionReason } from '../../../../services/admin/client-flows.service';
import { sendStandardError } from '../../../http';

/** The documented REST bodies of the flow write side (admin-api.md §5-§7), in one place. */

export function sendSlugExists(res: ServerResponse): void {
  sendStandardError(res, 409, 'client_flow_slug_exists', 'A client flow with the given slug already exists');
}

export function sendProtected(res: ServerResponse, reason: ProtectionReason): void {
  const why = reason === 'special_flow' ? 'the server triggers this flow by name' : 'it is not a custom flow (flags lack bit 2)';
  sendStandardError(res, 409, 'client_flow_protected', `This client flow cannot be renamed or deleted: ${why}`, {}, { reason });
}

/** §6.2: one line per failing field, plus the failures as data (ours). */
export function sendPreconditionFailed(res: ServerResponse, failures: PreconditionFailure[]): void {
  const lines = failures.map((f) => `- ${f.field}: expected ${canonicalJson(f.expected)}, but was ${canonicalJson(f.actual)}`);
  sendStandardError(res, 412, 'precondition_failed', ['the precondition was not met:', ...lines].join('\n'), {}, { failures });
}

/** §6.5 (ours): 422 with every issue. */
export function sendInvalidFlow(res: ServerResponse, issues: FlowIssue[]): void {
  const lines = issues.map((i) => `- ${i.path}: ${i.message} (${i.code})`);
  sendStandardError(res, 422, 'invalid_client_flow', ['the client flow is invalid:', ...lines].join('\n'), {}, { issues });
}
