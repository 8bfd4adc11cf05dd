/**
 * Schema-driven lookups around references: the `x-dynamic-size` of an image field
 * (screens-and-media.md §2.4.1) and the media uids a value carries (save-time existence and
 * list-membership checks, §1.5 rule 9 and §1.6.2).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { Schema } from '../model';
import { formatPath, indexPath, keyPath } from './json-path';
import { isUnionNode, kindOf, ownValue, selectUnionBranch } from './nodes';

export interface Size {
  width: number;
  height: number;
}

/** `size: null` means the node has no `x-dynamic-size`, or the path passed a nullable null ("irrelevant"). */
export type DynamicSizeResult = { ok: true; size: Size | null } | { ok: false; error: string };

/**
 * Resolves an image node's `x-dynamic-size` against the root screen input, taking schema
 * defaults where a value is absent.
 */
export function resolveDynamicSize(root: { schema: Schema; input: JsonObject }, node: Schema): DynamicSizeResult {
  const spec = node['x-dynamic-size'];
  if (spec === undefined) return { ok: true, size: null };
  if (!isJsonObject(spec)) return { ok: false, error: 'x-dynamic-size must be an object' };
  const size: Partial<Size> = {};
  for (const dimension of ['width', 'height'] as const) {
    const path = spec[dimension];
    if (!Array.isArray(path) || !path.every((s): s is string => typeof s === 'string')) {
      return { ok: false, error: `x-dynamic-size.${dimension} must be a list of property names` };
    }
    const found = readWithDefaults(root.schema, root.input, path);
    if (found.kind === 'error') return { ok: false, error: `x-dynamic-size.${dimension}: ${found.error}` };
    if (found.kind === 'irrelevant') return { ok: true, size: null };
    size[dimension] = found.value;
  }
  return { ok: true, size: size as Size };
}

type Lookup = { kind: 'value'; value: number } | { kind: 'irrelevant' } | { kind: 'error'; error: string };

function readWithDefaults(schema: Schema, input: JsonValue, path: readonly string[]): Lookup {
  let node = schema;
  let value: JsonValue = input;
  for (const [i, step] of path.entries()) {
    const at = formatPath(path.slice(0, i));
    if (value === null && node.nullable === true) return { kind: 'irrelevant' };
    if (isUnionNode(node)) {
      const selected = selectUnionBranch(node, value);
      if (!selected.ok) return { kind: 'error', error: `${at}: ${selected.error}` };
      node = selected.branch;
    }
    const child = isJsonObject(node.properties) ? ownValue(node.properties, step) : undefined;
    if (!isJsonObject(child)) return { kind: 'error', error: `${at} declares no property '${step}'` };
    if (!isJsonObject(value)) return { kind: 'error', error: `${at} is ${kindOf(value)}, not an object` };
    const given = ownValue(value, step);
    const taken = given !== undefined ? given : ownValue(child, 'default');
    if (taken === undefined) return { kind: 'error', error: `${keyPath(at, step)} is absent and has no default` };
    node = child;
    value = taken;
  }
  if (value === null && node.nullable === true) return { kind: 'irrelevant' };
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    return { kind: 'error', error: `${formatPath(path)} must be a positive integer, not ${kindOf(value)}` };
  }
  return { kind: 'value', value };
}

export const MEDIA_FORMATS: readonly string[] = ['image_uid', 'content_uid'];

export interface MediaReference {
  /** Where the uid sits in the value, `$.a[0].b` style. */
  path: string;
  format: string;
  uid: string;
  /**
   * The list the asset must belong to: `x-processor.list`, or for an `x-dynamic-size` field
   * `{list}@{w}x{h}` with the size resolved against `root`; null when it cannot be known.
   */
  list: string | null;
}

/**
 * The `image_uid` / `content_uid` strings present in a (possibly partial) value, e.g. a flow
 * screen's `fixed` or a schema default. Absent members are skipped (their defaults are values
 * of their own, collected from the schema); a union whose branch cannot be chosen is skipped.
 */
export function collectMediaReferences(
  schema: Schema,
  value: JsonValue,
  root: { schema: Schema; input: JsonObject } = { schema, input: isJsonObject(value) ? value : {} },
  path = '$',
): MediaReference[] {
  if (value === null) return [];
  let node = schema;
  if (isUnionNode(node)) {
    const selected = selectUnionBranch(node, value);
    if (!selected.ok) return [];
    node = selected.branch;
  }
  if (typeof value === 'string' && typeof node.format === 'string' && MEDIA_FORMATS.includes(node.format)) {
    return [{ path, format: node.format, uid: value, list: mediaListOf(node, root) }];
  }
  if (isJsonObject(value) && isJsonObject(node.properties)) {
    return Object.entries(node.properties).flatMap(([key, child]) => {
      const member = ownValue(value, key);
      return isJsonObject(child) && member !== undefined ? collectMediaReferences(child, member, root, keyPath(path, key)) : [];
    });
  }
  if (Array.isArray(value) && isJsonObject(node.items)) {
    const items = node.items;
    return value.flatMap((item, i) => collectMediaReferences(items, item, root, indexPath(path, i)));
  }
  return [];
}

/**
 * The list a media field's asset must be in: `x-processor.list`, or `{list}@{w}x{h}` with an
 * `x-dynamic-size` resolved against `root`; null when the node names no list or the size is unknown.
 */
export function mediaListOf(node: Schema, root: { schema: Schema; input: JsonObject }): string | null {
  const processor = node['x-processor'];
  const list = isJsonObject(processor) && typeof processor.list === 'string' ? processor.list : null;
  if (list === null || node['x-dynamic-size'] === undefined) return list;
  const dynamic = resolveDynamicSize(root, node);
  return dynamic.ok && dynamic.size ? `${list}@${dynamic.size.width}x${dynamic.size.height}` : null;
}
