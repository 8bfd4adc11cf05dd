/**
 * Node-level helpers shared by every walker of this module (checker, validator, defaults,
 * paths, realizer), so that "what is a union" and "which branch applies" have one answer.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { Schema } from '../model';
import { indexPath, keyPath } from './json-path';

export const hasOwn = (o: object, key: string): boolean => Object.hasOwn(o, key);

/** An own member or `undefined`: inherited names such as `__proto__` never count as present. */
export function ownValue(o: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Sets an own member even for keys like `__proto__`, which plain assignment would treat as the prototype. */
export function setOwn(o: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

/** `oneOf` on an object node: the only union form (screens-and-media.md §1.4.5). */
export function isUnionNode(node: Schema): boolean {
  return node.type === 'object' && Array.isArray(node.oneOf);
}

export type BranchSelection = { ok: true; branch: Schema } | { ok: false; error: string };

/**
 * Picks the `oneOf` branch whose discriminator enum contains the value's discriminator.
 * A value without a string discriminator never falls back to the union's default: the chosen
 * branch would fail on its required discriminator anyway (§1.4.5), so it fails here directly.
 */
export function selectUnionBranch(node: Schema, value: JsonValue | undefined): BranchSelection {
  const d = node['x-enum-discriminator'];
  if (typeof d !== 'string' || d === '' || !Array.isArray(node.oneOf)) {
    return { ok: false, error: 'the union has no x-enum-discriminator' };
  }
  if (value === undefined) return { ok: false, error: `no value to read the union discriminator '${d}' from` };
  if (!isJsonObject(value)) return { ok: false, error: `a union value must be an object, not ${kindOf(value)}` };
  const tag = ownValue(value, d);
  if (typeof tag !== 'string') return { ok: false, error: `the union discriminator '${d}' must be a string, not ${kindOf(tag)}` };
  const branch = node.oneOf.find((b): b is JsonObject => {
    const prop = isJsonObject(b) && isJsonObject(b.properties) ? ownValue(b.properties, d) : undefined;
    return isJsonObject(prop) && Array.isArray(prop.enum) && prop.enum.includes(tag);
  });
  return branch ? { ok: true, branch } : { ok: false, error: `no union branch has ${d} = ${JSON.stringify(tag)}` };
}

export type NodeRole = 'root' | 'required-property' | 'optional-property' | 'items' | 'branch' | 'additional';

export interface ChildNode {
  node: unknown;
  path: string;
  role: NodeRole;
}

/**
 * The schema nodes directly below `node`: properties, `items`, `oneOf` branches and an
 * `additionalProperties` schema. Children are returned as found (possibly not objects) so
 * the checker can report malformed ones.
 */
export function childrenOf(node: Schema, path: string): ChildNode[] {
  const children: ChildNode[] = [];
  if (isJsonObject(node.properties)) {
    const required = Array.isArray(node.required) ? node.required : [];
    for (const [key, child] of Object.entries(node.properties)) {
      children.push({ node: child, path: keyPath(path, key), role: required.includes(key) ? 'required-property' : 'optional-property' });
    }
  }
  if (node.items !== undefined) children.push({ node: node.items, path: indexPath(path, '*'), role: 'items' });
  if (Array.isArray(node.oneOf)) {
    node.oneOf.forEach((branch, i) => children.push({ node: branch, path: indexPath(`${path}.oneOf`, i), role: 'branch' }));
  }
  if (isJsonObject(node.additionalProperties)) {
    children.push({ node: node.additionalProperties, path: `${path}.additionalProperties`, role: 'additional' });
  }
  return children;
}

/** A short description of a value's JSON kind for error messages. */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}
