/**
 * The one path walker (queue-engine.md §4.2, screens-and-media.md §4 item 1): values along
 * `PathStep[]` paths, and schemas along the same paths (save checks, safety, extraction).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { PathStep, Schema } from '../model';
import type { FormatRegistry } from './formats';
import { formatPath } from './json-path';
import { childrenOf, isUnionNode, kindOf, ownValue, selectUnionBranch, setOwn } from './nodes';

type PathResult<T> = ({ ok: true } & T) | { ok: false; error: string };

const isIndex = (step: PathStep): step is number => typeof step === 'number' && Number.isInteger(step) && step >= 0;

/** A string step indexes an object, an integer step an array; anything else fails. */
export function readPath(root: JsonValue, path: readonly PathStep[]): PathResult<{ value: JsonValue }> {
  let current = root;
  for (const [i, step] of path.entries()) {
    const next = member(current, step);
    if (next === undefined) return { ok: false, error: `${formatPath(path.slice(0, i + 1))}: ${missing(current, step)}` };
    current = next;
  }
  return { ok: true, value: current };
}

/**
 * Sets the member the path names. Intermediate string steps replace a missing or null member
 * with a new empty object; integer steps need an existing index (never appends); the last step
 * must be a string (it sets an object member).
 */
export function writePath(root: JsonObject, path: readonly PathStep[], value: JsonValue): PathResult<object> {
  const last = path.at(-1);
  if (typeof last !== 'string') return { ok: false, error: 'an output path must end with a property name' };
  let current: JsonValue = root;
  for (const [i, step] of path.entries()) {
    const at = formatPath(path.slice(0, i + 1));
    if (typeof step === 'string') {
      if (!isJsonObject(current)) return { ok: false, error: `${at}: cannot set a property on ${kindOf(current)}` };
      if (i === path.length - 1) {
        setOwn(current, step, value);
        break;
      }
      const next = ownValue(current, step);
      if (next === undefined || next === null) setOwn(current, step, {});
      current = current[step];
    } else {
      const next = member(current, step);
      if (next === undefined) return { ok: false, error: `${at}: ${missing(current, step)}` };
      current = next;
    }
  }
  return { ok: true };
}

function member(container: JsonValue, step: PathStep): JsonValue | undefined {
  if (typeof step === 'string') return isJsonObject(container) ? ownValue(container, step) : undefined;
  return Array.isArray(container) && isIndex(step) && step < container.length ? container[step] : undefined;
}

function missing(container: JsonValue, step: PathStep): string {
  if (typeof step === 'string') return isJsonObject(container) ? 'no such property' : `cannot read a property of ${kindOf(container)}`;
  if (!Array.isArray(container)) return `cannot index ${kindOf(container)}`;
  return isIndex(step) ? `index out of range (length ${container.length})` : 'not a valid array index';
}

export interface ResolvedSchemaPath {
  node: Schema;
  /**
   * The walk stepped out of a nullable node at which `concrete` gave no non-null value: a value
   * at the path may not exist at all.
   */
  passesNullable: boolean;
  /**
   * The walk went through an optional property (not the last step) that `concrete` does not
   * provide: writing there creates a partial object.
   */
  passesOptional: boolean;
}

/**
 * Walks a schema along a path: properties for string steps, `items` for integer steps, unions
 * through the branch named by the discriminator in `concrete` (the value at the schema's root,
 * e.g. a flow screen's `fixed`); without it a path into a union fails. A path continuing into
 * an object without `properties` (a free-form bag) resolves to the empty schema `{}`, which
 * accepts anything.
 */
export function resolveSchemaPath(
  schema: Schema,
  path: readonly PathStep[],
  concrete?: JsonValue,
): PathResult<ResolvedSchemaPath> {
  let node = schema;
  let value = concrete;
  let passesNullable = false;
  let passesOptional = false;
  for (const [i, step] of path.entries()) {
    const at = formatPath(path.slice(0, i));
    if (isUnionNode(node)) {
      const selected = selectUnionBranch(node, value);
      if (!selected.ok) return { ok: false, error: `${at}: cannot choose a union branch: ${selected.error}` };
      node = selected.branch;
    }
    if (node.nullable === true && (value === undefined || value === null)) passesNullable = true;
    if (node.type === 'object' && !isJsonObject(node.properties)) {
      return { ok: true, node: {}, passesNullable, passesOptional };
    }
    const child = schemaChild(node, step, at);
    if (!child.ok) return child;
    value = value === undefined || value === null ? undefined : member(value, step);
    const required = Array.isArray(node.required) && node.required.includes(step);
    if (typeof step === 'string' && i < path.length - 1 && !required && value == null) passesOptional = true;
    node = child.node;
  }
  return { ok: true, node, passesNullable, passesOptional };
}

function schemaChild(node: Schema, step: PathStep, at: string): PathResult<{ node: Schema }> {
  if (typeof step === 'string') {
    if (node.type !== 'object') return { ok: false, error: `${at} is ${describeType(node)}, so it has no property '${step}'` };
    const child = isJsonObject(node.properties) ? ownValue(node.properties, step) : undefined;
    return isJsonObject(child) ? { ok: true, node: child } : { ok: false, error: `${at} declares no property '${step}'` };
  }
  if (!isIndex(step)) return { ok: false, error: `${at}: ${String(step)} is not a valid array index` };
  if (node.type !== 'array') return { ok: false, error: `${at} is ${describeType(node)}, so it cannot be indexed` };
  return isJsonObject(node.items) ? { ok: true, node: node.items } : { ok: false, error: `${at} has no items schema` };
}

const describeType = (node: Schema) => (typeof node.type === 'string' ? `of type ${node.type}` : 'untyped');

/** A node that realization converts into a reference: a custom (unsafe) string format. */
export function isUnsafeTarget(node: Schema, registry: FormatRegistry): boolean {
  return typeof node.format === 'string' && registry.isUnsafe(node.format);
}

/** True when the node is an unsafe target or its subtree (properties, items, oneOf branches) contains one (§3.6). */
export function containsUnsafeTarget(node: Schema, registry: FormatRegistry): boolean {
  if (isUnsafeTarget(node, registry)) return true;
  // additionalProperties is not followed: the realizer drops undeclared keys, so nothing there is converted.
  return childrenOf(node, '$').some(
    (c) => c.role !== 'additional' && isJsonObject(c.node) && containsUnsafeTarget(c.node, registry),
  );
}
