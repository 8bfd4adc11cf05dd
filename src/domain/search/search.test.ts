import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';
import { NUMBER_OPERATORS, parseFilters, TEXT_OPERATORS } from './filters';
import { parseSearchBody } from './request';
import { CLIENT_FLOWS_SEARCH, CLIENT_SCREENS_SEARCH } from './resources';
import { cursorCondition, nextPageSort, normalizeSort, parseSortItems, reverseItems } from './sort';
import { compareRows, holds, type TestRow } from './testing';
import type { Condition, SortItem } from './types';

const flows = CLIENT_FLOWS_SEARCH;

function filter(filters: unknown): Condition {
  const parsed = parseFilters(flows, filters as never);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

function issues(filters: unknown) {
  const parsed = parseFilters(flows, filters as never);
  if (parsed.ok) throw new Error('expected issues');
  return parsed.issues;
}

const matching = (condition: Condition, rows: TestRow[], field: string) => rows.filter((r) => holds(condition, r)).map((r) => r[field]);

describe('text filters (§3.2)', () => {
  const rows: TestRow[] = [{ name: null }, { name: 'Alpha' }, { name: 'alpha' }, { name: 'beta' }, { name: 'a%b' }, { name: 'axb' }];
  const cases: [string, string | null, (string | null)[]][] = [
    ['eq', 'alpha', ['alpha']],
    ['neq', 'alpha', ['Alpha', 'beta', 'a%b', 'axb']],
    ['ieq', 'ALPHA', ['Alpha', 'alpha']],
    ['ineq', 'ALPHA', ['beta', 'a%b', 'axb']],
    ['gt', 'alpha', ['beta', 'axb']],
    ['gte', 'alpha', ['alpha', 'beta', 'axb']],
    ['lt', 'alpha', ['Alpha', 'a%b']],
    ['lte', 'Alpha', ['Alpha']],
    ['ilike', '%LPH%', ['Alpha', 'alpha']],
    ['ilike', 'a\\%b', ['a%b']],
    ['ilike', 'a_b', ['a%b', 'axb']],
    ['eq', null, [null]],
    ['ieq', null, [null]],
    ['neq', null, ['Alpha', 'alpha', 'beta', 'a%b', 'axb']],
    ['ineq', null, ['Alpha', 'alpha', 'beta', 'a%b', 'axb']],
    ['gt', null, []],
    ['gte', null, []],
    ['lt', null, []],
    ['lte', null, []],
    ['ilike', null, []],
  ];
  it.each(cases)('%s %j', (operator, value, expected) => {
    expect(matching(filter({ name: { operator, value } }), rows, 'name')).toEqual(expected);
  });

  it('covers every text operator', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(TEXT_OPERATORS));
  });

  it('value defaults to null', () => {
    expect(matching(filter({ name: { operator: 'eq' } }), rows, 'name')).toEqual([null]);
  });

  it('rejects bad operators, non-string values and unknown keys with 422 issues', () => {
    expect(issues({ name: { operator: 'like', value: 'x' } })[0]).toMatchObject({ loc: ['body', 'filters', 'name', 'operator'], type: 'type_error.enum' });
    expect(issues({ name: { operator: 'eq', value: 3 } })[0]).toMatchObject({ loc: ['body', 'filters', 'name', 'value'], type: 'type_error.str' });
    expect(issues({ name: { operator: 'eq', value: 'x', mode: 'i' } })[0]).toMatchObject({ loc: ['body', 'filters', 'name', 'mode'], type: 'value_error.extra' });
    expect(issues({ name: { value: 'x' } })[0]).toMatchObject({ loc: ['body', 'filters', 'name', 'operator'], type: 'value_error.missing' });
    expect(issues({ name: { operator: 'eq', value: 'a\u0000b' } })[0]).toMatchObject({ loc: ['body', 'filters', 'name', 'value'], type: 'value_error.str.unstorable' });
    expect(issues({ name: { operator: 'ilike', value: '\ud800' } })[0]).toMatchObject({ type: 'value_error.str.unstorable' });
    expect(issues({ name: 'x' })[0]).toMatchObject({ loc: ['body', 'filters', 'name'], type: 'type_error.dict' });
    expect(issues({ description: { operator: 'eq', value: 'x' } })[0]).toMatchObject({ loc: ['body', 'filters', 'description'], type: 'value_error.extra' });
  });
});

describe('number filters (§3.2)', () => {
  const values = [null, 1, 2, 3, 4, 5];
  const rows: TestRow[] = values.map((created_at) => ({ created_at }));
  const cases: [string, unknown, (number | null)[]][] = [
    ['eq', 3, [3]],
    ['neq', 3, [1, 2, 4, 5]],
    ['gt', 3, [4, 5]],
    ['gtn', 3, [null, 4, 5]],
    ['gte', 3, [3, 4, 5]],
    ['gten', 3, [null, 3, 4, 5]],
    ['lt', 3, [1, 2]],
    ['ltn', 3, [null, 1, 2]],
    ['lte', 3, [1, 2, 3]],
    ['lten', 3, [null, 1, 2, 3]],
    ['bt', [2, 4], [2, 3, 4]],
    ['btn', [2, 4], [null, 2, 3, 4]],
    ['bte', [2, 4], [2, 3]],
    ['bten', [2, 4], [null, 2, 3]],
    ['out', [2, 4], [1, 5]],
    ['outn', [2, 4], [null, 1, 5]],
    ['oute', [2, 4], [1, 4, 5]],
    ['outen', [2, 4], [null, 1, 4, 5]],
  ];
  it.each(cases)('%s %j', (operator, value, expected) => {
    expect(matching(filter({ created_at: { operator, value } }), rows, 'created_at')).toEqual(expected);
  });

  it('covers every number operator', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(NUMBER_OPERATORS));
  });

  it('bt with a > b matches nothing', () => {
    expect(matching(filter({ created_at: { operator: 'bt', value: [4, 2] } }), rows, 'created_at')).toEqual([]);
  });

  it.each([
    ['eq', [null]],
    ['neq', [1, 2, 3, 4, 5]],
    ['gtn', [null]],
    ['gten', [null]],
    ['ltn', [null]],
    ['lten', [null]],
    ['gt', []],
    ['gte', []],
    ['lt', []],
    ['lte', []],
  ])('null operand: %s', (operator, expected) => {
    expect(matching(filter({ created_at: { operator, value: null } }), rows, 'created_at')).toEqual(expected);
  });

  it('enforces arity: range operators need exactly two numbers, others a scalar', () => {
    for (const value of [3, null, [1], [1, 2, 3], undefined]) {
      expect(issues({ created_at: { operator: 'bt', value } })[0]).toMatchObject({ loc: ['body', 'filters', 'created_at', 'value'], type: 'value_error.filter_arity' });
    }
    expect(issues({ created_at: { operator: 'eq', value: [1, 2] } })[0]).toMatchObject({ type: 'value_error.filter_arity' });
    expect(issues({ created_at: { operator: 'bt', value: [1, 'x'] } })[0]).toMatchObject({ loc: ['body', 'filters', 'created_at', 'value', 1], type: 'type_error.float' });
    expect(issues({ created_at: { operator: 'eq', value: '3' } })[0]).toMatchObject({ type: 'type_error.float' });
  });

  it('accepts fractions on float fields', () => {
    expect(holds(filter({ created_at: { operator: 'eq', value: 1700000000.5 } }), { created_at: 1700000000.5 })).toBe(true);
  });
});

describe('bit-field filters (§3.2)', () => {
  const rows: TestRow[] = [0, 1, 2, 3, 30, 31].map((flags) => ({ flags }));
  it('"shows in admin": flags & 1 <> 0', () => {
    const c = filter({ flags: { mutation: { operator: 'and', value: 1 }, comparison: { operator: 'neq', value: 0 } } });
    expect(matching(c, rows, 'flags')).toEqual([1, 3, 31]);
  });
  it('or and xor mutate before comparing', () => {
    expect(matching(filter({ flags: { mutation: { operator: 'or', value: 2 }, comparison: { operator: 'eq', value: 3 } } }), rows, 'flags')).toEqual([1, 3]);
    expect(matching(filter({ flags: { mutation: { operator: 'xor', value: 1 }, comparison: { operator: 'eq', value: 0 } } }), rows, 'flags')).toEqual([1]);
  });
  it('without a mutation compares the column', () => {
    expect(matching(filter({ flags: { mutation: null, comparison: { operator: 'gte', value: 30 } } }), rows, 'flags')).toEqual([30, 31]);
  });
  it('requires comparison, integer values and known mutators', () => {
    expect(issues({ flags: { mutation: { operator: 'and', value: 1 } } })[0]).toMatchObject({ loc: ['body', 'filters', 'flags', 'comparison'], type: 'value_error.missing' });
    expect(issues({ flags: { comparison: { operator: 'eq', value: 1.5 } } })[0]).toMatchObject({ type: 'type_error.integer' });
    expect(issues({ flags: { mutation: { operator: 'nand', value: 1 }, comparison: { operator: 'eq', value: 1 } } })[0]).toMatchObject({ type: 'type_error.enum' });
  });
});

describe('sort normalization (§3.3)', () => {
  const normalize = (sort: unknown) => {
    const parsed = parseSortItems(flows, sort as never);
    if (!parsed.ok) return parsed;
    return normalizeSort(flows, parsed.value);
  };

  it('absent, null or empty sort becomes [first unique key asc]', () => {
    for (const sort of [undefined, null, []]) {
      expect(normalize(sort)).toEqual({ ok: true, value: { items: [{ key: 'uid', dir: 'asc' }], cursor: null, inclusive: false } });
    }
  });

  it('appends uid asc when no unique key is given; drops items after the first unique key', () => {
    expect(normalize([{ key: 'created_at', dir: 'desc' }])).toMatchObject({ ok: true, value: { items: [{ key: 'created_at', dir: 'desc' }, { key: 'uid', dir: 'asc' }] } });
    expect(normalize([{ key: 'slug', dir: 'desc' }, { key: 'name', dir: 'asc' }])).toMatchObject({ ok: true, value: { items: [{ key: 'slug', dir: 'desc' }] } });
  });

  it('an _eq direction makes the sort inclusive', () => {
    expect(normalize([{ key: 'uid', dir: 'asc_eq', after: 'u1' }])).toEqual({ ok: true, value: { items: [{ key: 'uid', dir: 'asc' }], cursor: ['u1'], inclusive: true } });
  });

  it('vector 3: cursor without a unique key, and duplicates, are 422 sort errors', () => {
    const inconsistent = normalize([{ key: 'created_at', dir: 'desc', after: 1700000000.5 }]);
    expect(inconsistent).toEqual({ ok: false, issues: [expect.objectContaining({ loc: ['body', 'sort'], type: 'invalid_sort_error.InconsistentPaginationError' })] });
    const duplicate = normalize([{ key: 'uid', dir: 'asc' }, { key: 'uid', dir: 'desc' }]);
    expect(duplicate).toEqual({ ok: false, issues: [expect.objectContaining({ loc: ['body', 'sort'], type: 'invalid_sort_error.DuplicateSortItemsError' })] });
  });

  it('a cursor must give every unique key (step 1) and every non-nullable key a value', () => {
    expect(normalize([{ key: 'name', dir: 'asc', after: 'x' }, { key: 'uid', dir: 'asc', after: null }])).toMatchObject({ ok: false, issues: [{ type: 'invalid_sort_error.InconsistentPaginationError' }] });
    expect(normalize([{ key: 'created_at', dir: 'asc', after: null }, { key: 'uid', dir: 'asc', after: 'u' }])).toMatchObject({ ok: false, issues: [{ type: 'invalid_sort_error.InconsistentPaginationError' }] });
    // A nullable key may carry a NULL cursor value.
    expect(normalize([{ key: 'name', dir: 'asc', after: null }, { key: 'uid', dir: 'asc', after: 'u3' }])).toMatchObject({ ok: true, value: { cursor: [null, 'u3'] } });
  });

  it('unknown keys, bad directions and wrongly typed after are request validation errors', () => {
    expect(normalize([{ key: 'description', dir: 'asc' }])).toMatchObject({ ok: false, issues: [{ loc: ['body', 'sort', 0, 'key'] }] });
    expect(normalize([{ key: 'uid', dir: 'up' }])).toMatchObject({ ok: false, issues: [{ loc: ['body', 'sort', 0, 'dir'] }] });
    expect(normalize([{ key: 'created_at', dir: 'asc', after: 'yesterday' }, { key: 'uid', dir: 'asc', after: 'x' }])).toMatchObject({
      ok: false,
      issues: [{ loc: ['body', 'sort', 0, 'after'], type: 'type_error.float' }],
    });
    expect(normalize([{ key: 'uid', dir: 'asc', after: 'u\u0000' }])).toMatchObject({ ok: false, issues: [{ loc: ['body', 'sort', 0, 'after'], type: 'value_error.str.unstorable' }] });
    expect(normalize({ key: 'uid' })).toMatchObject({ ok: false, issues: [{ type: 'type_error.list' }] });
  });
});

describe('keyset predicate and next_page_sort (§3.4, §3.5 vectors)', () => {
  const A = { name: null, uid: 'u1' };
  const B = { name: null, uid: 'u3' };
  const C = { name: 'Alpha', uid: 'u2' };
  const D = { name: 'alpha', uid: 'u0' };
  const rows: TestRow[] = [A, B, C, D];

  function page(items: SortItem[], cursor: (string | null)[] | null, limit: number) {
    const ordered = [...rows].sort((a, b) => compareRows(items, a, b));
    const after = cursor === null ? ordered : ordered.filter((r) => holds(cursorCondition(items, cursor, false), r));
    return after.slice(0, limit);
  }

  it('vector 1: name asc pages A, B then C, D', () => {
    const items: SortItem[] = [{ key: 'name', dir: 'asc' }, { key: 'uid', dir: 'asc' }];
    expect(page(items, null, 2)).toEqual([A, B]);
    expect(nextPageSort(items, { first: [null, 'u1'], last: [null, 'u3'] }, false, true)).toEqual([
      { key: 'name', dir: 'asc', before: null, after: null },
      { key: 'uid', dir: 'asc', before: null, after: 'u3' },
    ]);
    expect(page(items, [null, 'u3'], 2)).toEqual([C, D]);
    expect(nextPageSort(items, { first: ['Alpha', 'u2'], last: ['alpha', 'u0'] }, true, false)).toEqual([
      { key: 'name', dir: 'asc', before: 'Alpha', after: null },
      { key: 'uid', dir: 'asc', before: 'u2', after: null },
    ]);
  });

  it('vector 2: name desc keeps the NULL rows after a non-null cursor (reference defect (a))', () => {
    const items: SortItem[] = [{ key: 'name', dir: 'desc' }, { key: 'uid', dir: 'desc' }];
    expect(page(items, null, 2)).toEqual([D, C]);
    expect(page(items, ['Alpha', 'u2'], 2)).toEqual([B, A]);
  });

  it('next_page_sort is null without earlier and later pages', () => {
    expect(nextPageSort([{ key: 'uid', dir: 'asc' }], { first: ['u0'], last: ['u3'] }, false, false)).toBeNull();
    expect(nextPageSort([{ key: 'uid', dir: 'asc' }], null, true, true)).toBeNull();
  });

  it('inclusive predicate admits the cursor row and nothing before it on later keys (reference defect (b))', () => {
    const items: SortItem[] = [{ key: 'name', dir: 'asc' }, { key: 'uid', dir: 'asc' }];
    const c = cursorCondition(items, [null, 'u3'], true);
    expect(rows.filter((r) => holds(c, r))).toEqual([B, C, D]);
  });

  // Property: for random rows with NULLs and ties, every sort and every cursor row, the
  // predicate selects exactly the rows after the cursor in the total order.
  it('selects exactly the rows after the cursor, for every sort shape and cursor', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const names = [null, 'a', 'B', 'b', 'ä', 'a b'];
    const data: TestRow[] = Array.from({ length: 40 }, (_, i) => ({
      uid: `u${String(i).padStart(2, '0')}`,
      name: names[Math.floor(random() * names.length)],
      created_at: Math.floor(random() * 4) + 0.5,
    }));
    const shapes: SortItem[][] = [];
    for (const d1 of ['asc', 'desc'] as const) {
      for (const d2 of ['asc', 'desc'] as const) {
        for (const d3 of ['asc', 'desc'] as const) {
          shapes.push([{ key: 'name', dir: d1 }, { key: 'created_at', dir: d2 }, { key: 'uid', dir: d3 }]);
        }
        shapes.push([{ key: 'created_at', dir: d1 }, { key: 'uid', dir: d2 }]);
      }
    }
    for (const items of shapes) {
      const ordered = [...data].sort((a, b) => compareRows(items, a, b));
      ordered.forEach((cursorRow, index) => {
        const cursor = items.map((item) => cursorRow[item.key]);
        expect(ordered.filter((r) => holds(cursorCondition(items, cursor, false), r))).toEqual(ordered.slice(index + 1));
        expect(ordered.filter((r) => holds(cursorCondition(items, cursor, true), r))).toEqual(ordered.slice(index));
        const reversed = reverseItems(items);
        expect(ordered.filter((r) => holds(cursorCondition(reversed, cursor, false), r))).toEqual(ordered.slice(0, index));
      });
    }
  });
});

describe('opaque cursors (§15.1)', () => {
  const items: SortItem[] = [{ key: 'name', dir: 'desc' }, { key: 'uid', dir: 'asc' }];
  it('round-trips key values, NULL and fractions included', () => {
    const cursor = encodeCursor(flows, items, [null, 'u1']);
    expect(decodeCursor(flows, items, cursor)).toEqual({ ok: true, values: [null, 'u1'] });
    const timed: SortItem[] = [{ key: 'created_at', dir: 'asc' }, { key: 'uid', dir: 'asc' }];
    expect(decodeCursor(flows, timed, encodeCursor(flows, timed, [1700000000.123456, 'u']))).toEqual({ ok: true, values: [1700000000.123456, 'u'] });
  });
  it('refuses a cursor of another sort or resource', () => {
    const cursor = encodeCursor(flows, items, ['x', 'u1']);
    expect(decodeCursor(flows, [{ key: 'name', dir: 'asc' }, { key: 'uid', dir: 'asc' }], cursor)).toEqual({ ok: false, reason: 'cursor_sort_mismatch' });
    expect(decodeCursor(CLIENT_SCREENS_SEARCH, items, cursor)).toEqual({ ok: false, reason: 'cursor_sort_mismatch' });
  });
  it('refuses garbage and ill-typed values', () => {
    expect(decodeCursor(flows, items, 'not a cursor!')).toEqual({ ok: false, reason: 'invalid_cursor' });
    expect(decodeCursor(flows, items, Buffer.from('[1]').toString('base64url'))).toEqual({ ok: false, reason: 'invalid_cursor' });
    expect(decodeCursor(flows, items, encodeCursor(flows, items, ['x', null]))).toEqual({ ok: false, reason: 'invalid_cursor' });
    expect(decodeCursor(flows, items, encodeCursor(flows, items, [3, 'u']))).toEqual({ ok: false, reason: 'invalid_cursor' });
  });
});

describe('search body (§3.1)', () => {
  it('defaults: no filter, uid asc, limit 100; unknown top-level keys are ignored', () => {
    expect(parseSearchBody(flows, { include_messages: true })).toEqual({
      ok: true,
      value: { filter: { kind: 'true' }, sort: { items: [{ key: 'uid', dir: 'asc' }], cursor: null, inclusive: false }, limit: 100 },
    });
  });
  it('limit is an integer in 1..1000', () => {
    expect(parseSearchBody(flows, { limit: 0 })).toMatchObject({ ok: false, issues: [{ loc: ['body', 'limit'], type: 'value_error.number.not_ge' }] });
    expect(parseSearchBody(flows, { limit: 1001 })).toMatchObject({ ok: false, issues: [{ loc: ['body', 'limit'], type: 'value_error.number.not_le' }] });
    expect(parseSearchBody(flows, { limit: 2.5 })).toMatchObject({ ok: false, issues: [{ loc: ['body', 'limit'], type: 'type_error.integer' }] });
    expect(parseSearchBody(flows, { limit: 1000 })).toMatchObject({ ok: true, value: { limit: 1000 } });
  });
  it('reports shape issues of every part together', () => {
    const parsed = parseSearchBody(flows, { filters: { bogus: {} }, sort: [{ key: 'nope', dir: 'asc' }], limit: 'x' });
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.loc.join('.'))).toEqual(['body.filters.bogus', 'body.sort.0.key', 'body.limit']);
  });
  it('a body that is not an object is a 422 issue', () => {
    expect(parseSearchBody(flows, [])).toMatchObject({ ok: false, issues: [{ loc: ['body'], type: 'type_error.dict' }] });
  });
});
