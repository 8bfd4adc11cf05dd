import { describe, expect, it, vi } from 'vitest';
import type { JsonValue } from './json';
import type { FilterOperator, Predicate } from './model';
import {
  FILTER_OPERATORS,
  PREDICATE_FIELDS,
  filterHolds,
  parsePredicate,
  predicateHolds,
  type PredicateContext,
} from './predicate';

const holds = (operator: FilterOperator, value: JsonValue, x: number | boolean | null) => filterHolds({ operator, value }, x);

describe('filterHolds: eq / neq (queue-engine.md §2.2)', () => {
  // eq compares values and holds for null only against null; neq never holds for a null x,
  // and holds for any non-null x against null.
  it.each<[v: JsonValue, x: number | null, eq: boolean, neq: boolean]>([
    [5, 5, true, false],
    [5, 6, false, true],
    [5, null, false, false],
    [null, null, true, false],
    [null, 0, false, true],
  ])('v = %j, x = %j: eq %s, neq %s', (v, x, eq, neq) => {
    expect(holds('eq', v, x)).toBe(eq);
    expect(holds('neq', v, x)).toBe(neq);
  });

  it('a boolean v compares by truthiness', () => {
    expect(holds('eq', true, 3)).toBe(true);
    expect(holds('eq', true, 0)).toBe(false);
    expect(holds('eq', false, 0)).toBe(true);
    expect(holds('eq', true, true)).toBe(true);
    expect(holds('eq', false, true)).toBe(false);
    expect(holds('neq', true, 0)).toBe(true);
    expect(holds('neq', false, 7)).toBe(true);
    expect(holds('neq', false, 0)).toBe(false);
    expect(holds('eq', false, null)).toBe(false);
  });
});

// Each row: expected result for x = null, v = null, x < v, x = v, x > v (v = 10).
const ORDERED: [FilterOperator, boolean[]][] = [
  ['gt', [false, false, false, false, true]],
  ['gtn', [true, false, false, false, true]],
  ['gte', [false, false, false, true, true]],
  ['gten', [true, false, false, true, true]],
  ['lt', [false, false, true, false, false]],
  ['ltn', [true, false, true, false, false]],
  ['lte', [false, false, true, true, false]],
  ['lten', [true, false, true, true, false]],
];

describe.each(ORDERED)('filterHolds: %s', (op, [xNull, vNull, below, equal, above]) => {
  it('follows the null rules', () => {
    expect(holds(op, 10, null)).toBe(xNull);
    expect(holds(op, null, 10)).toBe(vNull);
    // x and v both null: only the "or null" variants hold.
    expect(holds(op, null, null)).toBe(op.endsWith('n'));
  });

  it('compares below, at and above the boundary', () => {
    expect(holds(op, 10, 9)).toBe(below);
    expect(holds(op, 10, 10)).toBe(equal);
    expect(holds(op, 10, 11)).toBe(above);
    expect(holds(op, 0.5, 0.4999)).toBe(below);
  });
});

// Each row: expected result for x = null, v = null, then x = 9, 10, 15, 20, 21 with [10, 20].
const RANGES: [FilterOperator, boolean[]][] = [
  ['bt', [false, false, false, true, true, true, false]],
  ['btn', [true, false, false, true, true, true, false]],
  ['bte', [false, false, false, true, true, false, false]],
  ['bten', [true, false, false, true, true, false, false]],
  ['out', [false, false, true, false, false, false, true]],
  ['outn', [true, false, true, false, false, false, true]],
  ['oute', [false, false, true, false, false, true, true]],
  ['outen', [true, false, true, false, false, true, true]],
];

describe.each(RANGES)('filterHolds: %s', (op, [xNull, vNull, ...inRange]) => {
  it('follows the null rules', () => {
    expect(holds(op, [10, 20], null)).toBe(xNull);
    expect(holds(op, null, 15)).toBe(vNull);
  });

  it('treats both ends as the table says', () => {
    expect([9, 10, 15, 20, 21].map((x) => holds(op, [10, 20], x))).toEqual(inRange);
  });

  it('never holds for an ill-shaped value', () => {
    expect(holds(op, 15, 15)).toBe(false);
    expect(holds(op, [10], 15)).toBe(false);
  });
});

describe('filterHolds: bt with a > b', () => {
  it('matches nothing', () => {
    expect([5, 10, 15, 20, 25].some((x) => holds('bt', [20, 10], x))).toBe(false);
  });
});

function context(overrides: Partial<PredicateContext> = {}): PredicateContext {
  return { version: null, now: 1_000_000, queuedAt: 999_000, accountCreatedAt: 900_000, random: () => 0.5, ...overrides };
}

describe('predicateHolds (queue-engine.md §2.1)', () => {
  it('holds for the empty predicate and for all-null fields', () => {
    expect(predicateHolds({}, context())).toBe(true);
    expect(predicateHolds({ version: null, or_predicate: null }, context())).toBe(true);
  });

  it('compares each field with its own actual value', () => {
    const ctx = context({ version: 67 });
    expect(predicateHolds({ version: { operator: 'eq', value: 67 } }, ctx)).toBe(true);
    expect(predicateHolds({ time_in_queue: { operator: 'eq', value: 1000 } }, ctx)).toBe(true);
    expect(predicateHolds({ queued_at: { operator: 'eq', value: 999_000 } }, ctx)).toBe(true);
    expect(predicateHolds({ account_age: { operator: 'eq', value: 100_000 } }, ctx)).toBe(true);
    expect(predicateHolds({ account_created_at: { operator: 'eq', value: 900_000 } }, ctx)).toBe(true);
    expect(predicateHolds({ random_float: { operator: 'lt', value: 0.6 } }, ctx)).toBe(true);
    expect(predicateHolds({ random_float: { operator: 'lt', value: 0.4 } }, ctx)).toBe(false);
  });

  it('treats an absent version as null (ltn holds, lt does not)', () => {
    expect(predicateHolds({ version: { operator: 'ltn', value: 67 } }, context())).toBe(true);
    expect(predicateHolds({ version: { operator: 'lt', value: 67 } }, context())).toBe(false);
  });

  it('requires every present field (AND)', () => {
    const p: Predicate = { version: { operator: 'gte', value: 60 }, account_age: { operator: 'gt', value: 200_000 } };
    expect(predicateHolds(p, context({ version: 67 }))).toBe(false);
    expect(predicateHolds(p, context({ version: 67, accountCreatedAt: 700_000 }))).toBe(true);
  });

  it('falls back to or_predicate when its own fields fail', () => {
    const p: Predicate = { version: { operator: 'eq', value: 1 }, or_predicate: { version: { operator: 'eq', value: 2 } } };
    expect(predicateHolds(p, context({ version: 1 }))).toBe(true);
    expect(predicateHolds(p, context({ version: 2 }))).toBe(true);
    expect(predicateHolds(p, context({ version: 3 }))).toBe(false);
  });

  it('does not evaluate or_predicate when the outer fields hold', () => {
    const random = vi.fn(() => 0.1);
    const p: Predicate = { version: { operator: 'eq', value: 1 }, or_predicate: { random_float: { operator: 'lt', value: 0.5 } } };
    expect(predicateHolds(p, context({ version: 1, random }))).toBe(true);
    expect(random).not.toHaveBeenCalled();
    expect(predicateHolds(p, context({ version: 2, random }))).toBe(true);
    expect(random).toHaveBeenCalledTimes(1);
  });

  it('stops at the first failing field, and draws one random number per random_float evaluation', () => {
    const random = vi.fn(() => 0.9);
    const p: Predicate = {
      random_float: { operator: 'lt', value: 0.5 },
      or_predicate: { random_float: { operator: 'gt', value: 0.5 } },
    };
    expect(predicateHolds(p, context({ random }))).toBe(true);
    expect(random).toHaveBeenCalledTimes(2);

    const skipped = vi.fn(() => 0.1);
    predicateHolds({ version: { operator: 'eq', value: 1 }, random_float: { operator: 'lt', value: 1 } }, context({ random: skipped }));
    expect(skipped).not.toHaveBeenCalled();
  });
});

describe('parsePredicate', () => {
  it('accepts every field and operator shape, with null fields', () => {
    const raw = {
      version: { operator: 'ltn', value: 67 },
      time_in_queue: { operator: 'bte', value: [0, 60] },
      queued_at: null,
      account_age: { operator: 'gt', value: null },
      account_created_at: { operator: 'outen', value: [1, 2] },
      random_float: { operator: 'eq', value: true },
      or_predicate: { version: { operator: 'neq', value: null }, or_predicate: null },
    };
    expect(parsePredicate(raw)).toEqual({ ok: true, value: raw });
    expect(parsePredicate({})).toEqual({ ok: true, value: {} });
  });

  it('exports the field and operator lists', () => {
    expect(PREDICATE_FIELDS).toEqual(['version', 'time_in_queue', 'queued_at', 'account_age', 'account_created_at', 'random_float', 'or_predicate']);
    expect(FILTER_OPERATORS).toHaveLength(18);
    expect(FILTER_OPERATORS).toContain('gte');
    expect(FILTER_OPERATORS).not.toContain('geq');
  });

  it('rejects the documented-but-invalid geq operator', () => {
    expect(parsePredicate({ version: { operator: 'geq', value: 3 } }, '$.rules[0].condition')).toEqual({
      ok: false,
      issues: [{ path: '$.rules[0].condition.version.operator', message: expect.stringContaining('unknown operator "geq"') }],
    });
  });

  it('rejects unknown fields at every level, and reports all issues', () => {
    const r = parsePredicate({ verison: { operator: 'eq', value: 1 }, version: { operator: 'eq', value: 1, extra: 1 }, or_predicate: { foo: null } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['$.verison', '$.version.extra', '$.or_predicate.foo']);
  });

  it('enforces operator arity and value types', () => {
    const bad: [string, JsonValue][] = [
      ['bt', 5],
      ['bt', [1]],
      ['bt', [1, 2, 3]],
      ['oute', null],
      ['bte', [1, '2']],
      ['gt', [1, 2]],
      ['lt', 'x'],
      ['gte', true],
      ['eq', [1, 2]],
      ['neq', {}],
    ];
    for (const [operator, value] of bad) {
      expect(parsePredicate({ version: { operator, value } }).ok, `${operator} ${JSON.stringify(value)}`).toBe(false);
    }
  });

  it('requires operator and value', () => {
    const r = parsePredicate({ version: { operator: 'eq' }, account_age: { value: 1 } });
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: '$.version.value', message: 'is required' },
        { path: '$.account_age.operator', message: expect.stringContaining('unknown operator null') },
      ],
    });
  });

  it('rejects non-object predicates and filter items', () => {
    expect(parsePredicate([])).toEqual({ ok: false, issues: [{ path: '$', message: 'must be an object' }] });
    expect(parsePredicate(null).ok).toBe(false);
    expect(parsePredicate({ version: 3 }).ok).toBe(false);
    expect(parsePredicate({ or_predicate: 'x' }).ok).toBe(false);
  });
});
