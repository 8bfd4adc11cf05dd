// Shared read model of a client flow (admin-api.md §4): the search (4a) and the create/patch
// write side (4b) both answer with it, so the wire object is built in exactly one place.
import { FILTER_FIELDS } from '../../domain/predicate';
import type { JsonObject } from '../../domain/json';
import { CLIENT_FLOW_COLUMNS, type ClientFlowRow } from '../../db/repositories/client-flow-rows';
import type { FilterItem, FlowRule, FlowRuleEffect, FlowScreen, Predicate, ScreenVariable } from '../../domain/model';

/** A `client_flows` row as the admin API sees it (camelCase, documents as stored). */
export interface ClientFlowRecord {
  uid: string;
  slug: string;
  name: string | null;
  description: string | null;
  clientSchema: JsonObject;
  serverSchema: JsonObject;
  replaces: boolean;
  screens: FlowScreen[];
  rules: FlowRule[];
  flags: number;
  /** Seconds since the epoch, fractional. */
  createdAt: number;
  revision: number;
}

export { CLIENT_FLOW_COLUMNS, type ClientFlowRow };

export function clientFlowFromRow(row: ClientFlowRow): ClientFlowRecord {
  return {
    uid: row.uid,
    slug: row.slug,
    name: row.name,
    description: row.description,
    clientSchema: row.client_schema,
    serverSchema: row.server_schema,
    replaces: row.replaces,
    screens: row.screens,
    rules: row.rules,
    flags: row.flags,
    // pg returns double precision as a number; be tolerant of drivers that stringify it.
    createdAt: Number(row.created_at),
    revision: row.revision,
  };
}

// ---- REST wire form: every optional model key present, null when unset (§4 "Serialization") ----

export type WireFilterItem = { operator: FilterItem['operator']; value: FilterItem['value'] };
export type WirePredicate = { [field: string]: WireFilterItem | WirePredicate | null };

/** A predicate with every field listed (unset ones null) and each filter item as `{operator, value}`. */
export function wirePredicate(predicate: Predicate): WirePredicate {
  const out: WirePredicate = {};
  for (const field of FILTER_FIELDS) {
    const item = predicate[field];
    out[field] = item === undefined || item === null ? null : { operator: item.operator, value: item.value };
  }
  const nested = predicate.or_predicate;
  out.or_predicate = nested === undefined || nested === null ? null : wirePredicate(nested);
  return out;
}

function wireVariable(variable: ScreenVariable): ScreenVariable {
  switch (variable.type) {
    case 'string_format':
      return { type: 'string_format', format: variable.format, output_path: variable.output_path };
    case 'copy':
      return { type: 'copy', input_path: variable.input_path, output_path: variable.output_path };
    case 'extract':
      return {
        type: 'extract',
        input_path: variable.input_path,
        extracted_path: variable.extracted_path,
        output_path: variable.output_path,
        skip_if_missing: variable.skip_if_missing ?? false,
      };
  }
}

const orNullPredicate = (p: Predicate | null | undefined): WirePredicate | null => (p === undefined || p === null ? null : wirePredicate(p));

export function wireFlowScreen(screen: FlowScreen) {
  return {
    screen: { slug: screen.screen.slug, fixed: screen.screen.fixed, variable: screen.screen.variable.map(wireVariable) },
    name: screen.name ?? null,
    allowed_triggers: screen.allowed_triggers,
    flags: screen.flags,
    rules: { trigger: orNullPredicate(screen.rules?.trigger), peek: orNullPredicate(screen.rules?.peek) },
  };
}

function wireEffect(effect: FlowRuleEffect): FlowRuleEffect {
  if (effect.type === 'skip') return { type: 'skip' };
  return {
    type: 'replace',
    slug: effect.slug,
    client_parameters: { type: effect.client_parameters.type },
    server_parameters: { type: effect.server_parameters.type },
  };
}

export function wireFlowRule(rule: FlowRule) {
  return { condition: wirePredicate(rule.condition), effect: wireEffect(rule.effect) };
}

/** The §4 response object of flow search, create and patch (plus our `revision`). */
export function clientFlowWire(flow: ClientFlowRecord) {
  return {
    uid: flow.uid,
    slug: flow.slug,
    name: flow.name,
    description: flow.description,
    client_schema: flow.clientSchema,
    server_schema: flow.serverSchema,
    replaces: flow.replaces,
    screens: flow.screens.map(wireFlowScreen),
    rules: flow.rules.map(wireFlowRule),
    flags: flow.flags,
    created_at: flow.createdAt,
    revision: flow.revision,
  };
}

export type ClientFlowWire = ReturnType<typeof clientFlowWire>;
