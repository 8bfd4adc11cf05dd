import type { PathStep } from '../model';
import { indexPath, keyPath } from '../schema/json-path';

/** Stable issue codes of a refused flow (admin-api.md §6.5); documented in docs/admin.md. */
export type FlowIssueCode =
  | 'schema_invalid'
  | 'schema_missing_example'
  | 'schema_bad_default'
  | 'schema_ref_forbidden'
  | 'schema_bad_discriminator'
  | 'screen_not_found'
  | 'bad_format_string'
  | 'bad_input_path'
  | 'unknown_standard_parameter'
  | 'bad_target_path'
  | 'type_mismatch'
  | 'nullable_mismatch'
  | 'unsafe_target'
  | 'example_mismatch'
  | 'extract_not_server'
  | 'extract_bad_source'
  | 'extract_bad_path'
  | 'fixed_mismatch'
  | 'discriminator_unresolved'
  | 'discriminator_not_allowed'
  | 'discriminator_must_be_fixed'
  | 'resource_not_found'
  | 'resource_wrong_list'
  | 'flow_slug_not_allowed'
  | 'redundant_fixed'
  | 'unknown_trigger_flow'
  | 'unknown_replacement_flow'
  | 'self_replacement'
  | 'replacement_cycle'
  | 'flags_out_of_range'
  | 'too_many_screens';

/** One reason a flow cannot be saved; `path` names the place in the flow, e.g. `screens[2].screen.variable[0]`. */
export interface FlowIssue {
  path: string;
  code: FlowIssueCode;
  message: string;
}

/** `base` extended by value steps: `screens[0]` + `['screen', 'fixed']` → `screens[0].screen.fixed`. */
export function pathOf(base: string, ...steps: readonly PathStep[]): string {
  return steps.reduce<string>((at, step) => (typeof step === 'number' ? indexPath(at, step) : keyPath(at, step)), base);
}

/** Flags of flows and flow screens are stored as PostgreSQL integers and exposed as GraphQL Int. */
export const MAX_FLAGS = 2 ** 31 - 1;
export const flagsInRange = (flags: number) => Number.isInteger(flags) && flags >= 0 && flags <= MAX_FLAGS;

/** queue-engine.md §11: screens per flow. */
export const MAX_FLOW_SCREENS = 64;
