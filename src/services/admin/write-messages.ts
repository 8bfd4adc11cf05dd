import type { FlowIssue } from '../../domain/flow-validation';
import { canonicalJson } from '../../domain/json';
import type { PreconditionFailure, ProtectionReason } from './client-flows.service';

/** Human-readable texts of the write side's outcomes (admin-api.md §5-§7, §10), shared by REST and GraphQL. */
export const MESSAGES = {
  slugExists: 'A client flow with the given slug already exists',
  flowNotFoundByUid: 'there is no client_flow with that UID',
  deleteNotFound: 'No client flow with the given UID exists',
  flowNotFoundBySlug: 'The client flow with the given slug was not found',
  userNotFound: (sub: string) => `There is no user with the sub ${sub}`,
};

export function protectedMessage(reason: ProtectionReason): string {
  const why = reason === 'special_flow' ? 'the server triggers this flow by name' : 'it is not a custom flow (flags lack bit 2)';
  return `This client flow cannot be renamed or deleted: ${why}`;
}

/** §6.2: one line per failing field. */
export function preconditionMessage(failures: PreconditionFailure[]): string {
  const lines = failures.map((f) => `- ${f.field}: expected ${canonicalJson(f.expected)}, but was ${canonicalJson(f.actual)}`);
  return ['the precondition was not met:', ...lines].join('\n');
}

export function invalidFlowMessage(issues: FlowIssue[]): string {
  return ['the client flow is invalid:', ...issues.map((i) => `- ${i.path}: ${i.message} (${i.code})`)].join('\n');
}

export function referencedMessage(references: { slug: string; location: string }[]): string {
  return `Other flows name this flow (${references.map((r) => `${r.slug} ${r.location}`).join(', ')}); delete with force=true to delete it anyway`;
}
