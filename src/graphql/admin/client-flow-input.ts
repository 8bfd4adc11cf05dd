// Typed GraphQL inputs → the REST documents (admin-api.md §15.3), then the same strict parser
// REST uses, so both transports accept exactly the same flows.
import { parseFlowFields, parseFlowScreen, type FlowFields, type Parsed, type ShapeIssue } from '../../domain/flow-validation';
import type { FlowScreen } from '../../domain/model';
import type { JsonObject, JsonValue } from '../../domain/json';
import { BadUserInputError } from '../errors';
import type {
  ClientFlowPatchInput, ClientFlowPredicateInput, ClientFlowPreconditionInput, ClientFlowRuleInput, ClientFlowScreenInput,
  ClientFlowScreenVariableInput,
} from './client-flow-write.type';
import { filterItemToWire } from './connection';

/** Only the fields the client gave (null included): absent stays absent. */
function given(entries: [string, unknown][]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of entries) if (value !== undefined) out[key] = value as JsonValue;
  return out;
}

const PREDICATE_FIELDS: [keyof ClientFlowPredicateInput, string][] = [
  ['version', 'version'],
  ['timeInQueue', 'time_in_queue'],
  ['queuedAt', 'queued_at'],
  ['accountAge', 'account_age'],
  ['accountCreatedAt', 'account_created_at'],
  ['randomFloat', 'random_float'],
];

function predicateToWire(p: ClientFlowPredicateInput | null | undefined): JsonValue | undefined {
  if (p === undefined || p === null) return p;
  const out: JsonObject = {};
  for (const [field, wire] of PREDICATE_FIELDS) {
    const item = p[field];
    if (item !== undefined) out[wire] = item === null ? null : filterItemToWire({ ...(item as object) });
  }
  if (p.or !== undefined) out.or_predicate = predicateToWire(p.or) ?? null;
  return out;
}

function variableToWire(v: ClientFlowScreenVariableInput): JsonObject {
  return given([
    ['type', v.kind],
    ['format', v.format ?? undefined],
    ['input_path', v.inputPath ?? undefined],
    ['extracted_path', v.extractedPath ?? undefined],
    ['skip_if_missing', v.skipIfMissing ?? undefined],
    ['output_path', v.outputPath],
  ]);
}

export function flowScreenToWire(s: ClientFlowScreenInput): JsonObject {
  return given([
    ['screen', { slug: s.screen.slug, fixed: s.screen.fixed, variable: s.screen.variable.map(variableToWire) }],
    ['name', s.name],
    ['allowed_triggers', s.allowedTriggers],
    ['flags', s.flags],
    ['rules', s.rules === undefined || s.rules === null ? s.rules : given([['trigger', predicateToWire(s.rules.trigger)], ['peek', predicateToWire(s.rules.peek)]])],
  ]);
}

function ruleToWire(r: ClientFlowRuleInput): JsonObject {
  const e = r.effect;
  const effect = given([
    ['type', e.kind],
    ['slug', e.slug ?? undefined],
    ['client_parameters', e.clientParameters ? { type: e.clientParameters } : undefined],
    ['server_parameters', e.serverParameters ? { type: e.serverParameters } : undefined],
  ]);
  return { condition: predicateToWire(r.condition) ?? null, effect };
}

function fieldsToWire(input: ClientFlowPatchInput | ClientFlowPreconditionInput): JsonObject {
  const pre = input as ClientFlowPreconditionInput;
  return given([
    ['slug', input.slug],
    ['name', input.name],
    ['description', input.description],
    ['client_schema', input.clientSchema],
    ['server_schema', input.serverSchema],
    ['replaces', input.replaces],
    ['screens', input.screens === undefined || input.screens === null ? input.screens : input.screens.map(flowScreenToWire)],
    ['rules', input.rules === undefined || input.rules === null ? input.rules : input.rules.map(ruleToWire)],
    ['flags', input.flags],
    ['created_at', pre.createdAt],
    ['revision', pre.revision],
  ]);
}

/** Shape problems are BAD_USER_INPUT with the REST detail entries as `issues`. */
function orBadInput<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value;
  const issues: ShapeIssue[] = parsed.issues;
  throw new BadUserInputError(issues.map((i) => `${i.loc.join('.')}: ${i.msg}`).join('; '), { reason: 'invalid_input', issues });
}

export function patchFieldsOf(patch: ClientFlowPatchInput): FlowFields {
  return orBadInput(parseFlowFields(fieldsToWire(patch), ['input', 'patch'], 'patch'));
}

export function preconditionFieldsOf(precondition: ClientFlowPreconditionInput | null | undefined, expectedRevision: number | null | undefined): FlowFields {
  const raw = fieldsToWire(precondition ?? {});
  if (expectedRevision !== undefined && expectedRevision !== null) raw.revision = expectedRevision;
  return orBadInput(parseFlowFields(raw, ['input', 'precondition'], 'precondition'));
}

export function flowScreenOf(input: ClientFlowScreenInput): FlowScreen {
  return orBadInput(parseFlowScreen(flowScreenToWire(input), ['input', 'flowScreen']));
}
