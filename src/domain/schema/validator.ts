/**
 * The OpenAPI 3.0 validator (queue-engine.md §4.6): Ajv in draft-04 mode, `nullable`,
 * formats as annotations, `x-…`/`example`/`deprecated` ignored, every error collected.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import { canonicalJson, isJsonObject, type JsonObject } from '../json';
import type { Schema } from '../model';
import { formatPath } from './json-path';
import { isUnionNode, kindOf, setOwn } from './nodes';

export interface ValidationIssue {
  path: string;
  message: string;
}
export type ValidationResult = { ok: true } | { ok: false; issues: ValidationIssue[] };

const ajv = new Ajv({
  allErrors: true,
  // Unknown keywords (x-…, example, …) are annotations; the checker decides which are allowed.
  strict: false,
  validateFormats: false,
  // `number` means a finite number: NaN and ±Infinity are not JSON.
  strictNumbers: true,
  // Our unions (oneOf + x-enum-discriminator) are compiled as Ajv discriminators, see `forAjv`.
  discriminator: true,
  logger: false,
});

type Compiled = { ok: true; validate: ValidateFunction } | { ok: false; error: string };

// Flows and screens are reloaded from the database as new objects, so identity alone would
// recompile on every load; the content-keyed map catches those, bounded to stay small.
const byIdentity = new WeakMap<Schema, Compiled>();
const byContent = new Map<string, Compiled>();
const MAX_BY_CONTENT = 500;

/** The compiled form of a schema, cached. Schemas are treated as immutable once validated. */
export function compiledValidator(schema: Schema): Compiled {
  const known = byIdentity.get(schema);
  if (known) return known;
  const key = canonicalJson(schema);
  let compiled = byContent.get(key);
  if (compiled) {
    byContent.delete(key); // re-insert: the map's order is least recently used first
  } else {
    compiled = compile(schema);
    if (byContent.size >= MAX_BY_CONTENT) byContent.delete(byContent.keys().next().value as string);
  }
  byContent.set(key, compiled);
  byIdentity.set(schema, compiled);
  return compiled;
}

function compile(schema: Schema): Compiled {
  const prepared = forAjv(schema);
  try {
    const validate = ajv.compile(prepared);
    return { ok: true, validate };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    // Ajv keeps every compiled schema object; our caches own the lifetime instead.
    ajv.removeSchema(prepared);
  }
}

export function validateValue(schema: Schema, value: unknown): ValidationResult {
  const compiled = compiledValidator(schema);
  if (!compiled.ok) return { ok: false, issues: [{ path: '$', message: `the schema cannot be used for validation: ${compiled.error}` }] };
  if (compiled.validate(value)) return { ok: true };
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of compiled.validate.errors ?? []) {
    const issue = describe(error, value);
    const id = `${issue.path}\u0000${issue.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      issues.push(issue);
    }
  }
  return { ok: false, issues };
}

/**
 * A copy of the schema in the form Ajv needs for our dialect:
 * - unions get an Ajv `discriminator`, so only the branch the value names is checked (and
 *   reported); an OAS `discriminator` (forbidden by the checker) is dropped;
 * - `nullable: true` accepts null at that node even with `enum` (OAS 3.0.3 would reject it),
 *   matching the realizer, which returns null before looking at anything else;
 * - `nullable` without `type` has no effect in OAS 3.0.3 and would make Ajv throw.
 */
function forAjv(node: Schema): Schema {
  const copy: Schema = { ...node };
  if (isJsonObject(node.properties)) {
    const properties: JsonObject = {};
    for (const [key, child] of Object.entries(node.properties)) setOwn(properties, key, isJsonObject(child) ? forAjv(child) : child);
    copy.properties = properties;
  }
  for (const key of ['items', 'additionalProperties', 'not'] as const) {
    const child = node[key];
    if (isJsonObject(child)) copy[key] = forAjv(child);
  }
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const members = node[key];
    if (Array.isArray(members)) copy[key] = members.map((m) => (isJsonObject(m) ? forAjv(m) : m));
  }
  delete copy.discriminator;
  if (isUnionNode(node) && typeof node['x-enum-discriminator'] === 'string') {
    copy.discriminator = { propertyName: node['x-enum-discriminator'] };
  }
  if (copy.nullable === true) {
    if (copy.type === undefined) delete copy.nullable;
    else if (Array.isArray(copy.enum) && !copy.enum.includes(null)) copy.enum = [...copy.enum, null];
  }
  return copy;
}

function describe(error: ErrorObject, value: unknown): ValidationIssue {
  const at = pointerSteps(error.instancePath, value);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: formatPath([...at, String(p.missingProperty)]), message: 'is required' };
    case 'additionalProperties':
      return { path: formatPath([...at, String(p.additionalProperty)]), message: 'is not an allowed property' };
    case 'type':
      return { path: formatPath(at), message: `must be ${String(p.type)}, not ${kindOf(valueAt(value, at))}` };
    case 'enum':
      return { path: formatPath(at), message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'discriminator': {
      const tag = String(p.tag);
      const message =
        p.error === 'tag'
          ? `the union discriminator '${tag}' must be a string`
          : `no union branch has ${tag} = ${JSON.stringify(p.tagValue)}`;
      return { path: formatPath(at), message };
    }
    default:
      return { path: formatPath(at), message: error.message ?? `fails ${error.keyword}` };
  }
}

/** Turns a JSON pointer into path steps, using the data to tell array indices from keys. */
function pointerSteps(pointer: string, root: unknown): (string | number)[] {
  if (pointer === '') return [];
  const steps: (string | number)[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(current) ? Number(key) : key;
    steps.push(step);
    current = current !== null && typeof current === 'object' ? (current as Record<string | number, unknown>)[step] : undefined;
  }
  return steps;
}

function valueAt(root: unknown, steps: (string | number)[]): unknown {
  return steps.reduce<unknown>((v, s) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined), root);
}
