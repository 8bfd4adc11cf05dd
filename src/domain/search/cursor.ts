import { isStorableText } from '../json';
import type { Direction, KeyValue, SearchResource, SortItem } from './types';

/**
 * Opaque GraphQL cursors (admin-api.md §15.1): base64url of
 * `{"v": 1, "r": <resource>, "s": [[key, dir], …], "k": [values…]}`. Carrying the sort lets the
 * server refuse a cursor reused with another sort instead of silently mis-paging.
 */

export function encodeCursor(resource: SearchResource, items: readonly SortItem[], values: readonly (KeyValue | null)[]): string {
  const doc = { v: 1, r: resource.name, s: items.map((item) => [item.key, item.dir]), k: values };
  return Buffer.from(JSON.stringify(doc), 'utf8').toString('base64url');
}

export type DecodedCursor = { ok: true; values: (KeyValue | null)[] } | { ok: false; reason: 'invalid_cursor' | 'cursor_sort_mismatch' };

/** The key values of a cursor made for exactly this resource and normalized sort. */
export function decodeCursor(resource: SearchResource, items: readonly SortItem[], cursor: string): DecodedCursor {
  let doc: unknown;
  try {
    if (!/^[A-Za-z0-9_-]*$/.test(cursor)) return { ok: false, reason: 'invalid_cursor' };
    doc = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid_cursor' };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, reason: 'invalid_cursor' };
  const { v, r, s, k } = doc as Record<string, unknown>;
  if (v !== 1 || typeof r !== 'string' || !Array.isArray(s) || !Array.isArray(k)) return { ok: false, reason: 'invalid_cursor' };
  const sameSort =
    r === resource.name &&
    s.length === items.length &&
    s.every((pair, i) => Array.isArray(pair) && pair.length === 2 && pair[0] === items[i].key && pair[1] === (items[i].dir as Direction));
  if (!sameSort) return { ok: false, reason: 'cursor_sort_mismatch' };
  if (k.length !== items.length) return { ok: false, reason: 'invalid_cursor' };
  for (const [i, value] of k.entries()) {
    const spec = resource.sortKeys[items[i].key];
    const fits =
      value === null
        ? spec.nullable && !resource.uniqueKeys.includes(items[i].key)
        : spec.type === 'string'
          ? typeof value === 'string' && isStorableText(value)
          : typeof value === 'number' && Number.isFinite(value);
    if (!fits) return { ok: false, reason: 'invalid_cursor' };
  }
  return { ok: true, values: k as (KeyValue | null)[] };
}
