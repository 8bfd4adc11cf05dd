import { isJsonObject, isStorableText, type JsonValue } from '../json';
import { unstorable } from './filters';
import type { Condition, Direction, KeyValue, NextPageSortItem, SearchIssue, SearchParse, SearchResource, SortItem, SortPlan } from './types';

/**
 * Sorts and cursors of admin-api.md §3.3-§3.5: parsing, the reference's `cleanup_sort`
 * normalization, the keyset predicate (NULL sorts first ascending, last descending), and
 * `next_page_sort`.
 */

export const SORT_DIRECTIONS = ['asc', 'asc_eq', 'desc', 'desc_eq'] as const;
export type RequestDirection = (typeof SORT_DIRECTIONS)[number];

/** A sort item as requested (before normalization). */
export interface RequestedSortItem {
  key: string;
  dir: RequestDirection;
  after: KeyValue | null;
}

const sortError = (name: 'InconsistentPaginationError' | 'DuplicateSortItemsError', msg: string): SearchIssue => ({
  loc: ['body', 'sort'],
  msg,
  type: `invalid_sort_error.${name}`,
});

/** Shape of `sort` (unknown key, bad direction, wrongly typed `after`); `before` is ignored. */
export function parseSortItems(resource: SearchResource, raw: JsonValue | undefined): SearchParse<RequestedSortItem[]> {
  if (raw === undefined || raw === null) return { ok: true, value: [] };
  if (!Array.isArray(raw)) return { ok: false, issues: [{ loc: ['body', 'sort'], msg: 'value is not a valid list', type: 'type_error.list' }] };
  const issues: SearchIssue[] = [];
  const items: RequestedSortItem[] = [];
  raw.forEach((item, i) => {
    const loc = ['body', 'sort', i];
    if (!isJsonObject(item)) return void issues.push({ loc, msg: 'value is not a valid dict', type: 'type_error.dict' });
    const before = issues.length;
    const keys = Object.keys(resource.sortKeys);
    const spec = typeof item.key === 'string' ? resource.sortKeys[item.key] : undefined;
    if (item.key === undefined) issues.push({ loc: [...loc, 'key'], msg: 'field required', type: 'value_error.missing' });
    else if (spec === undefined || !Object.hasOwn(resource.sortKeys, item.key as string)) {
      issues.push({ loc: [...loc, 'key'], msg: `unexpected value; permitted: ${keys.map((k) => `'${k}'`).join(', ')}`, type: 'value_error.const' });
    }
    if (item.dir === undefined) issues.push({ loc: [...loc, 'dir'], msg: 'field required', type: 'value_error.missing' });
    else if (!SORT_DIRECTIONS.includes(item.dir as RequestDirection)) {
      issues.push({ loc: [...loc, 'dir'], msg: `unexpected value; permitted: ${SORT_DIRECTIONS.map((d) => `'${d}'`).join(', ')}`, type: 'value_error.const' });
    }
    const after = item.after ?? null;
    if (spec !== undefined && after !== null) {
      if (spec.type === 'string' && typeof after !== 'string') issues.push({ loc: [...loc, 'after'], msg: 'str type expected', type: 'type_error.str' });
      else if (typeof after === 'string' && !isStorableText(after)) issues.push(unstorable([...loc, 'after']));
      if (spec.type === 'float' && (typeof after !== 'number' || !Number.isFinite(after))) {
        issues.push({ loc: [...loc, 'after'], msg: 'value is not a valid float', type: 'type_error.float' });
      }
    }
    if (issues.length === before) items.push({ key: item.key as string, dir: item.dir as RequestDirection, after: after as KeyValue | null });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: items };
}

/**
 * The reference's `cleanup_sort` (§3.3 steps 1, 2, 4, 5) with 422s instead of its 500s. A cursor
 * is present iff some item has a non-null `after`; every unique and every non-nullable key then
 * needs a value (ours adds the non-nullable rule: NULL there would name no row).
 */
export function normalizeSort(resource: SearchResource, requested: readonly RequestedSortItem[]): SearchParse<SortPlan> {
  const hasCursor = requested.some((item) => item.after !== null);
  if (hasCursor) {
    const lacking = requested.find((item) => item.after === null && (resource.uniqueKeys.includes(item.key) || !resource.sortKeys[item.key].nullable));
    if (lacking !== undefined) {
      return { ok: false, issues: [sortError('InconsistentPaginationError', `sort key ${lacking.key} needs an after value when paginating`)] };
    }
  }
  const seen = new Set<string>();
  for (const item of requested) {
    if (seen.has(item.key)) return { ok: false, issues: [sortError('DuplicateSortItemsError', `sort key ${item.key} appears more than once`)] };
    seen.add(item.key);
  }
  const firstUnique = requested.findIndex((item) => resource.uniqueKeys.includes(item.key));
  let kept: RequestedSortItem[];
  if (firstUnique >= 0) {
    kept = requested.slice(0, firstUnique + 1);
  } else {
    if (hasCursor) {
      return { ok: false, issues: [sortError('InconsistentPaginationError', 'a cursor needs a unique sort key (e.g. uid) with an after value')] };
    }
    kept = [...requested, { key: resource.uniqueKeys[0], dir: 'asc', after: null }];
  }
  return {
    ok: true,
    value: {
      items: kept.map((item) => ({ key: item.key, dir: item.dir.startsWith('asc') ? 'asc' : 'desc' })),
      cursor: hasCursor ? kept.map((item) => item.after) : null,
      inclusive: kept.some((item) => item.dir.endsWith('_eq')),
    },
  };
}

const flip = (dir: Direction): Direction => (dir === 'asc' ? 'desc' : 'asc');

/** The same order backwards. */
export function reverseItems(items: readonly SortItem[]): SortItem[] {
  return items.map((item) => ({ key: item.key, dir: flip(item.dir) }));
}

function equalOn(key: string, a: KeyValue | null): Condition {
  return a === null ? { kind: 'null', operand: { field: key }, negated: false } : { kind: 'compare', operand: { field: key }, op: '=', value: a };
}

function strictlyAfterOn(item: SortItem, a: KeyValue | null): Condition {
  const operand = { field: item.key };
  if (item.dir === 'asc') return a === null ? { kind: 'null', operand, negated: true } : { kind: 'compare', operand, op: '>', value: a };
  // Descending puts NULL last: after a value come smaller values and then the NULLs; nothing follows NULL.
  if (a === null) return { kind: 'false' };
  return { kind: 'or', items: [{ kind: 'compare', operand, op: '<', value: a }, { kind: 'null', operand, negated: false }] };
}

/** §3.4: rows after (inclusive: at or after) the cursor position in the order of `items`. */
export function cursorCondition(items: readonly SortItem[], cursor: readonly (KeyValue | null)[], inclusive: boolean): Condition {
  const alternatives: Condition[] = [];
  for (let i = 0; i < items.length; i++) {
    const s = strictlyAfterOn(items[i], cursor[i]);
    if (s.kind === 'false') continue;
    const prefix = items.slice(0, i).map((item, j) => equalOn(item.key, cursor[j]));
    alternatives.push(prefix.length === 0 ? s : { kind: 'and', items: [...prefix, s] });
  }
  if (inclusive) alternatives.push({ kind: 'and', items: items.map((item, j) => equalOn(item.key, cursor[j])) });
  if (alternatives.length === 0) return { kind: 'false' };
  return alternatives.length === 1 ? alternatives[0] : { kind: 'or', items: alternatives };
}

/**
 * §3.5 step 3: null when there is neither an earlier nor a later page; else one entry per item,
 * `after` from the last row when a later page exists, `before` from the first row when an
 * earlier page exists.
 */
export function nextPageSort(
  items: readonly SortItem[],
  page: { first: readonly (KeyValue | null)[]; last: readonly (KeyValue | null)[] } | null,
  hasEarlier: boolean,
  hasLater: boolean,
): NextPageSortItem[] | null {
  if (page === null || (!hasEarlier && !hasLater)) return null;
  return items.map((item, i) => ({
    key: item.key,
    dir: item.dir,
    before: hasEarlier ? page.first[i] : null,
    after: hasLater ? page.last[i] : null,
  }));
}
