import { cloneJson, isJsonObject, type JsonValue } from '../json';
import type { PathStep, Schema } from '../model';
import { formatPath } from './json-path';
import { isUnionNode, ownValue, selectUnionBranch, setOwn } from './nodes';

export type FillResult = { ok: true; value: JsonValue } | { ok: false; error: string };

/**
 * Fills schema defaults into a copy of a (validated) parameter object (queue-engine.md §4.1
 * item 1): a missing property with a `default` gets it, itself filled recursively; arrays are
 * walked with `items`; unions continue in the branch their discriminator names (a value
 * without a string discriminator is an error); extra keys are kept. The input is not modified.
 */
export function fillDefaults(schema: Schema, value: JsonValue): FillResult {
  const copy = cloneJson(value);
  const error = fillInPlace(schema, copy, []);
  return error === null ? { ok: true, value: copy } : { ok: false, error };
}

function fillInPlace(node: Schema, value: JsonValue, at: PathStep[]): string | null {
  if (value === null && node.nullable === true) return null;
  if (isUnionNode(node)) {
    const selected = selectUnionBranch(node, value);
    return selected.ok ? fillInPlace(selected.branch, value, at) : `${formatPath(at)}: ${selected.error}`;
  }
  if (isJsonObject(node.properties) && isJsonObject(value)) {
    for (const [key, child] of Object.entries(node.properties)) {
      if (!isJsonObject(child)) continue;
      let member = ownValue(value, key);
      if (member === undefined) {
        if (!Object.hasOwn(child, 'default')) continue;
        member = cloneJson(child.default);
        setOwn(value, key, member);
      }
      const error = fillInPlace(child, member, [...at, key]);
      if (error !== null) return error;
    }
  } else if (isJsonObject(node.items) && Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const error = fillInPlace(node.items, item, [...at, i]);
      if (error !== null) return error;
    }
  }
  // Anything else (scalars, type mismatches) is left to schema validation.
  return null;
}
