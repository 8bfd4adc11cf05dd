import { isJsonObject, type JsonValue } from '../json';
import { parseFilters } from './filters';
import { normalizeSort, parseSortItems } from './sort';
import type { SearchIssue, SearchParse, SearchQuery, SearchResource } from './types';

export interface LimitRange {
  min: number;
  max: number;
  default: number;
}

/** §3.1: `limit` 1..1000, default 100. */
export const SEARCH_LIMIT: LimitRange = { min: 1, max: 1000, default: 100 };

export function parseLimit(raw: JsonValue | undefined, range: LimitRange, loc: (string | number)[]): SearchParse<number> {
  if (raw === undefined || raw === null) return { ok: true, value: range.default };
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) return { ok: false, issues: [{ loc, msg: 'value is not a valid integer', type: 'type_error.integer' }] };
  if (raw < range.min) return { ok: false, issues: [{ loc, msg: `ensure this value is greater than or equal to ${range.min}`, type: 'value_error.number.not_ge' }] };
  if (raw > range.max) return { ok: false, issues: [{ loc, msg: `ensure this value is less than or equal to ${range.max}`, type: 'value_error.number.not_le' }] };
  return { ok: true, value: raw };
}

/**
 * A REST search body `{filters?, sort?, limit?}` (§3.1). Unknown top-level keys are ignored (the
 * web admin sends some); shape issues of every part are reported together, and sort
 * normalization errors only once the shape is valid.
 */
export function parseSearchBody(resource: SearchResource, body: JsonValue, range: LimitRange = SEARCH_LIMIT): SearchParse<SearchQuery> {
  if (!isJsonObject(body)) return { ok: false, issues: [{ loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' }] };
  const filter = parseFilters(resource, body.filters);
  const sortItems = parseSortItems(resource, body.sort);
  const limit = parseLimit(body.limit, range, ['body', 'limit']);
  const issues: SearchIssue[] = [];
  for (const part of [filter, sortItems, limit]) if (!part.ok) issues.push(...part.issues);
  if (!filter.ok || !sortItems.ok || !limit.ok) return { ok: false, issues };
  const sort = normalizeSort(resource, sortItems.value);
  if (!sort.ok) return sort;
  return { ok: true, value: { filter: filter.value, sort: sort.value, limit: limit.value } };
}
