/**
 * Strict parsing of the documents an admin writes into a flow (admin-api.md §4, §6.1, §6.4
 * item 4): flow screens and flow rules. Unknown keys are errors here, not silently dropped: a
 * misspelled predicate key would otherwise turn a condition into "always". Every problem is
 * reported, each with its location, in the shape of the REST 422 detail entries.
 */
import { isJsonObject, isStorableJson, type JsonObject, type JsonValue } from '../json';
import type { FlowRule, FlowRuleEffect, FlowScreen, ParameterPassing, PathStep, Predicate, Schema, ScreenVariable } from '../model';
import { parsePredicate } from '../predicate';

export type Loc = (string | number)[];

/** One shape problem; `loc` starts wherever the caller says the document sits (e.g. `['body', 'patch', 'screens']`). */
export interface ShapeIssue {
  loc: Loc;
  msg: string;
  type: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ShapeIssue[] };

/** Flow slugs (queue-engine.md §1.3): 1-255 characters of `[a-z0-9_-]`. */
export const FLOW_SLUG_PATTERN = /^[a-z0-9_-]{1,255}$/;

/** A create/patch slug: trimmed of surrounding whitespace, then the pattern (§5). */
export function parseFlowSlug(raw: unknown, loc: Loc): Parsed<string> {
  if (typeof raw !== 'string') return fail(loc, 'str type expected', 'type_error.str');
  const slug = raw.trim();
  if (!FLOW_SLUG_PATTERN.test(slug)) {
    return fail(loc, 'must be 1-255 characters of lower-case letters, digits, _ and -', 'value_error.str.regex');
  }
  return { ok: true, value: slug };
}

export function parseFlowScreens(raw: unknown, loc: Loc): Parsed<FlowScreen[]> {
  return parseList(raw, loc, (item, at, r) => readFlowScreen(item, at, r));
}

export function parseFlowRules(raw: unknown, loc: Loc): Parsed<FlowRule[]> {
  return parseList(raw, loc, (item, at, r) => readRule(item, at, r));
}

/** One flow screen (test_screen's `flow_screen`). */
export function parseFlowScreen(raw: unknown, loc: Loc): Parsed<FlowScreen> {
  const r = new Reader();
  const value = readFlowScreen(raw, loc, r);
  return r.result(value);
}

function fail<T>(loc: Loc, msg: string, type: string): Parsed<T> {
  return { ok: false, issues: [{ loc, msg, type }] };
}

function parseList<T>(raw: unknown, loc: Loc, read: (item: unknown, at: Loc, r: Reader) => T | null): Parsed<T[]> {
  if (!Array.isArray(raw)) return fail(loc, 'value is not a valid list', 'type_error.list');
  const r = new Reader();
  const values = raw.map((item, i) => read(item, [...loc, i], r));
  return r.result(values as T[]);
}

/** Collects issues while a document is read; a value read with issues is never returned. */
class Reader {
  readonly issues: ShapeIssue[] = [];

  result<T>(value: T | null): Parsed<T> {
    return value !== null && this.issues.length === 0 ? { ok: true, value } : { ok: false, issues: this.issues };
  }

  issue(loc: Loc, msg: string, type: string): null {
    this.issues.push({ loc, msg, type });
    return null;
  }

  /** An object with only the given keys (others reported), or null. */
  object(raw: unknown, loc: Loc, keys: readonly string[]): JsonObject | null {
    if (!isJsonObject(raw)) return this.issue(loc, 'value is not a valid dict', 'type_error.dict');
    for (const key of Object.keys(raw)) {
      if (!keys.includes(key)) this.issue([...loc, key], `extra fields not permitted (expected ${keys.join(', ')})`, 'value_error.extra');
    }
    return raw as JsonObject;
  }

  required(o: JsonObject, key: string, loc: Loc): JsonValue | undefined {
    if (!Object.hasOwn(o, key)) {
      this.issue([...loc, key], 'field required', 'value_error.missing');
      return undefined;
    }
    return o[key];
  }

  string(value: JsonValue | undefined, loc: Loc): string | null {
    if (value === undefined) return null;
    return typeof value === 'string' ? value : this.issue(loc, 'str type expected', 'type_error.str');
  }

  integer(value: JsonValue | undefined, loc: Loc): number | null {
    if (value === undefined) return null;
    return typeof value === 'number' && Number.isInteger(value) ? value : this.issue(loc, 'value is not a valid integer', 'type_error.integer');
  }

  strings(value: JsonValue | undefined, loc: Loc): string[] | null {
    if (value === undefined) return null;
    if (!Array.isArray(value)) return this.issue(loc, 'value is not a valid list', 'type_error.list');
    const ok = value.every((v, i) => typeof v === 'string' || this.issue([...loc, i], 'str type expected', 'type_error.str') !== null);
    return ok ? (value as string[]) : null;
  }

  /** A path of property names and array indices, at least `min` long; `lastIsKey` for output paths. */
  path(value: JsonValue | undefined, loc: Loc, min: number, lastIsKey = false): PathStep[] | null {
    if (value === undefined) return null;
    if (!Array.isArray(value)) return this.issue(loc, 'value is not a valid list', 'type_error.list');
    if (value.length < min) return this.issue(loc, `ensure this value has at least ${min} items`, 'value_error.list.min_items');
    let ok = true;
    value.forEach((step, i) => {
      if (typeof step !== 'string' && !(typeof step === 'number' && Number.isInteger(step) && step >= 0)) {
        ok = this.issue([...loc, i], 'each step must be a property name or a non-negative integer index', 'type_error.path') !== null;
      }
    });
    if (ok && lastIsKey && typeof value[value.length - 1] !== 'string') {
      return this.issue([...loc, value.length - 1], 'an output path must end with a property name', 'value_error.path');
    }
    return ok ? (value as PathStep[]) : null;
  }

  predicate(value: JsonValue | undefined, loc: Loc): Predicate | null {
    if (value === undefined || value === null) return null;
    const parsed = parsePredicate(value);
    if (parsed.ok) return parsed.value;
    for (const issue of parsed.issues) this.issue([...loc, ...locOfPath(issue.path)], issue.message, 'value_error.predicate');
    return null;
  }
}

/** `$.a.b` (the predicate parser's path notation, keys only) as loc steps. */
function locOfPath(path: string): string[] {
  return path === '$' ? [] : path.slice(2).split('.');
}

const FLOW_SCREEN_KEYS = ['screen', 'name', 'allowed_triggers', 'flags', 'rules'];

function readFlowScreen(raw: unknown, loc: Loc, r: Reader): FlowScreen | null {
  const o = r.object(raw, loc, FLOW_SCREEN_KEYS);
  if (o === null) return null;
  const before = r.issues.length;
  const screen = readTarget(r.required(o, 'screen', loc), [...loc, 'screen'], r);
  const name = o.name === undefined || o.name === null ? null : r.string(o.name, [...loc, 'name']);
  const allowed = r.strings(r.required(o, 'allowed_triggers', loc), [...loc, 'allowed_triggers']);
  const flags = r.integer(r.required(o, 'flags', loc), [...loc, 'flags']);
  let rules: FlowScreen['rules'] = { trigger: null, peek: null };
  if (o.rules !== undefined && o.rules !== null) {
    const ro = r.object(o.rules, [...loc, 'rules'], ['trigger', 'peek']);
    if (ro !== null) {
      rules = { trigger: r.predicate(ro.trigger, [...loc, 'rules', 'trigger']), peek: r.predicate(ro.peek, [...loc, 'rules', 'peek']) };
    }
  }
  if (r.issues.length > before || screen === null || allowed === null || flags === null) return null;
  return { screen, name, allowed_triggers: allowed, flags: flags as FlowScreen['flags'], rules };
}

function readTarget(raw: JsonValue | undefined, loc: Loc, r: Reader): FlowScreen['screen'] | null {
  if (raw === undefined) return null;
  const o = r.object(raw, loc, ['slug', 'fixed', 'variable']);
  if (o === null) return null;
  const slug = r.string(r.required(o, 'slug', loc), [...loc, 'slug']);
  const fixedRaw = r.required(o, 'fixed', loc);
  const fixed = fixedRaw === undefined ? null : isJsonObject(fixedRaw) ? fixedRaw : r.issue([...loc, 'fixed'], 'value is not a valid dict', 'type_error.dict');
  const variableRaw = r.required(o, 'variable', loc);
  let variable: ScreenVariable[] | null = null;
  if (variableRaw !== undefined) {
    if (!Array.isArray(variableRaw)) r.issue([...loc, 'variable'], 'value is not a valid list', 'type_error.list');
    else {
      const read = variableRaw.map((v, i) => readVariable(v, [...loc, 'variable', i], r));
      variable = read.every((v) => v !== null) ? (read as ScreenVariable[]) : null;
    }
  }
  return slug === null || fixed === null || variable === null ? null : { slug, fixed, variable };
}

const VARIABLE_KEYS: Record<ScreenVariable['type'], string[]> = {
  string_format: ['type', 'format', 'output_path'],
  copy: ['type', 'input_path', 'output_path'],
  extract: ['type', 'input_path', 'extracted_path', 'output_path', 'skip_if_missing'],
};

function readVariable(raw: unknown, loc: Loc, r: Reader): ScreenVariable | null {
  if (!isJsonObject(raw)) return r.issue(loc, 'value is not a valid dict', 'type_error.dict');
  const type = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(VARIABLE_KEYS, type)) {
    return r.issue([...loc, 'type'], `must be one of ${Object.keys(VARIABLE_KEYS).join(', ')}`, 'value_error.const');
  }
  const kind = type as ScreenVariable['type'];
  const o = r.object(raw, loc, VARIABLE_KEYS[kind]);
  if (o === null) return null;
  const before = r.issues.length;
  const output = r.path(r.required(o, 'output_path', loc), [...loc, 'output_path'], 1, true);
  let out: ScreenVariable | null = null;
  if (kind === 'string_format') {
    const format = r.string(r.required(o, 'format', loc), [...loc, 'format']);
    if (format !== null && output !== null) out = { type: kind, format, output_path: output };
  } else if (kind === 'copy') {
    const input = r.path(r.required(o, 'input_path', loc), [...loc, 'input_path'], 1);
    if (input !== null && output !== null) out = { type: kind, input_path: input, output_path: output };
  } else {
    const input = r.path(r.required(o, 'input_path', loc), [...loc, 'input_path'], 2);
    const extracted = r.path(r.required(o, 'extracted_path', loc), [...loc, 'extracted_path'], 1);
    const skip = o.skip_if_missing ?? false;
    if (typeof skip !== 'boolean') r.issue([...loc, 'skip_if_missing'], 'value could not be parsed to a boolean', 'type_error.bool');
    if (input !== null && extracted !== null && output !== null && typeof skip === 'boolean') {
      out = { type: kind, input_path: input, extracted_path: extracted, output_path: output, skip_if_missing: skip };
    }
  }
  return r.issues.length > before ? null : out;
}

function readRule(raw: unknown, loc: Loc, r: Reader): FlowRule | null {
  const o = r.object(raw, loc, ['condition', 'effect']);
  if (o === null) return null;
  const conditionRaw = r.required(o, 'condition', loc);
  if (conditionRaw === null) r.issue([...loc, 'condition'], 'none is not an allowed value', 'type_error.none.not_allowed');
  const condition = conditionRaw == null ? null : r.predicate(conditionRaw, [...loc, 'condition']);
  const effect = readEffect(r.required(o, 'effect', loc), [...loc, 'effect'], r);
  return condition === null || effect === null ? null : { condition, effect };
}

function readEffect(raw: JsonValue | undefined, loc: Loc, r: Reader): FlowRuleEffect | null {
  if (raw === undefined) return null;
  if (!isJsonObject(raw)) return r.issue(loc, 'value is not a valid dict', 'type_error.dict');
  if (raw.type === 'skip') return r.object(raw, loc, ['type']) === null || Object.keys(raw).length > 1 ? null : { type: 'skip' };
  if (raw.type !== 'replace') return r.issue([...loc, 'type'], 'must be one of replace, skip', 'value_error.const');
  const o = r.object(raw, loc, ['type', 'slug', 'client_parameters', 'server_parameters']);
  if (o === null) return null;
  const before = r.issues.length;
  const slug = r.string(r.required(o, 'slug', loc), [...loc, 'slug']);
  const passing = (key: 'client_parameters' | 'server_parameters') => {
    const v = r.required(o, key, loc);
    if (v === undefined) return null;
    const p = r.object(v, [...loc, key], ['type']);
    if (p === null) return null;
    if (p.type !== 'copy' && p.type !== 'omit') return r.issue([...loc, key, 'type'], 'must be one of copy, omit', 'value_error.const');
    return { type: p.type } as ParameterPassing;
  };
  const client = passing('client_parameters');
  const server = passing('server_parameters');
  if (r.issues.length > before || slug === null || client === null || server === null) return null;
  return { type: 'replace', slug, client_parameters: client, server_parameters: server };
}

// ---- create / patch bodies (§5, §6.1) ----

/**
 * The flow fields of a patch or a precondition. A key that is absent (undefined) means "no
 * change" / "no constraint"; `null` is only meaningful for `name` and `description`.
 */
export interface FlowFields {
  slug?: string;
  name?: string | null;
  description?: string | null;
  clientSchema?: Schema;
  serverSchema?: Schema;
  replaces?: boolean;
  screens?: FlowScreen[];
  rules?: FlowRule[];
  flags?: number;
  /** Precondition only. */
  createdAt?: number;
  /** Precondition only (ours): a cheap whole-row precondition. */
  revision?: number;
}

/**
 * `precondition` or `patch` of a PATCH body. Unknown keys are ignored (the web admin sends the
 * whole flow object, `uid` included); the documents inside are parsed strictly.
 */
export function parseFlowFields(raw: unknown, loc: Loc, kind: 'patch' | 'precondition'): Parsed<FlowFields> {
  if (raw === undefined) return { ok: true, value: {} };
  if (!isJsonObject(raw)) return fail(loc, 'value is not a valid dict', 'type_error.dict');
  const r = new Reader();
  const out: FlowFields = {};
  const has = (key: string) => Object.hasOwn(raw, key);
  const at = (key: string): Loc => [...loc, key];
  const notNull = (key: string): boolean => {
    if (raw[key] !== null) return true;
    r.issue(at(key), 'none is not an allowed value', 'type_error.none.not_allowed');
    return false;
  };
  if (has('slug') && notNull('slug')) {
    if (kind === 'patch') {
      const slug = parseFlowSlug(raw.slug, at('slug'));
      if (slug.ok) out.slug = slug.value;
      else r.issues.push(...slug.issues);
    } else {
      const slug = r.string(raw.slug, at('slug'));
      if (slug !== null) out.slug = slug;
    }
  }
  for (const key of ['name', 'description'] as const) {
    if (!has(key)) continue;
    if (raw[key] === null) out[key] = null;
    else {
      const text = r.string(raw[key], at(key));
      if (text !== null) out[key] = text;
    }
  }
  for (const [key, field] of [['client_schema', 'clientSchema'], ['server_schema', 'serverSchema']] as const) {
    if (!has(key) || !notNull(key)) continue;
    const schema = raw[key];
    if (!isJsonObject(schema)) r.issue(at(key), 'value is not a valid dict', 'type_error.dict');
    else if (!isStorableJson(schema)) r.issue(at(key), 'cannot be stored (U+0000, an unpaired surrogate or nesting too deep)', 'value_error.json');
    else out[field] = schema;
  }
  if (has('replaces') && notNull('replaces')) {
    if (typeof raw.replaces === 'boolean') out.replaces = raw.replaces;
    else r.issue(at('replaces'), 'value could not be parsed to a boolean', 'type_error.bool');
  }
  for (const key of ['screens', 'rules'] as const) {
    if (!has(key) || !notNull(key)) continue;
    if (!isStorableJson(raw[key])) {
      r.issue(at(key), 'cannot be stored (U+0000, an unpaired surrogate or nesting too deep)', 'value_error.json');
      continue;
    }
    const parsed = key === 'screens' ? parseFlowScreens(raw[key], at(key)) : parseFlowRules(raw[key], at(key));
    if (parsed.ok) (out as Record<string, unknown>)[key] = parsed.value;
    else r.issues.push(...parsed.issues);
  }
  if (has('flags') && notNull('flags')) {
    const flags = r.integer(raw.flags, at('flags'));
    if (flags !== null) out.flags = flags;
  }
  if (kind === 'precondition') {
    if (has('created_at') && notNull('created_at')) {
      if (typeof raw.created_at === 'number') out.createdAt = raw.created_at;
      else r.issue(at('created_at'), 'value is not a valid float', 'type_error.float');
    }
    if (has('revision') && notNull('revision')) {
      const revision = r.integer(raw.revision, at('revision'));
      if (revision !== null) out.revision = revision;
    }
  }
  return r.result(out);
}
