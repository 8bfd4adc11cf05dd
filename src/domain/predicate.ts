import { isJsonObject, type JsonValue } from './json';
import type { FilterItem, FilterOperator, Predicate } from './model';
import { keyPath } from './schema/json-path';

/**
 * Predicates (queue-engine.md §2): conditions of flow rules and of flow-screen
 * `rules.trigger` / `rules.peek`.
 */

/** What a predicate is evaluated against. Times are whole seconds since the epoch. */
export interface PredicateContext {
  /** The request's `version` query parameter; `null` when absent. */
  version: number | null;
  now: number;
  queuedAt: number;
  accountCreatedAt: number;
  /** Uniform in [0, 1); called once per evaluation of a `random_float` field, never otherwise. */
  random: () => number;
}

/** The predicate fields holding a filter item. */
export type FilterField = Exclude<keyof Predicate, 'or_predicate'>;

/** Actual value of each field; evaluated only when the field is present (so `random` is not drawn needlessly). */
const ACTUAL_VALUE: Record<FilterField, (ctx: PredicateContext) => number | null> = {
  version: (ctx) => ctx.version,
  time_in_queue: (ctx) => ctx.now - ctx.queuedAt,
  queued_at: (ctx) => ctx.queuedAt,
  account_age: (ctx) => ctx.now - ctx.accountCreatedAt,
  account_created_at: (ctx) => ctx.accountCreatedAt,
  random_float: (ctx) => ctx.random(),
};

/** Filter fields in evaluation order. */
export const FILTER_FIELDS: readonly FilterField[] = Object.keys(ACTUAL_VALUE) as FilterField[];

/** Every key a predicate object may have. */
export const PREDICATE_FIELDS: readonly string[] = [...FILTER_FIELDS, 'or_predicate'];

type Comparison = (x: number, v: JsonValue) => boolean;

const compareTo =
  (cmp: (x: number, v: number) => boolean): Comparison =>
  (x, v) =>
    typeof v === 'number' && cmp(x, v);

/** `within` tests a ≤ x ≤ b (closed end) or a ≤ x < b; the `out` family is its negation. */
const range =
  (closedEnd: boolean, inside: boolean): Comparison =>
  (x, v) => {
    if (!isRange(v)) return false;
    const [a, b] = v;
    const within = a <= x && (closedEnd ? x <= b : x < b);
    return within === inside;
  };

/**
 * Every operator except `eq`/`neq` (whose null rules differ): `orNull` is what it answers when
 * the actual value is null (the `…n` "or null" variants hold), `holds` compares otherwise.
 * A null or ill-shaped configured value never holds.
 */
const ORDERED: Record<Exclude<FilterOperator, 'eq' | 'neq'>, { orNull: boolean; holds: Comparison }> = {
  gt: { orNull: false, holds: compareTo((x, v) => x > v) },
  gtn: { orNull: true, holds: compareTo((x, v) => x > v) },
  gte: { orNull: false, holds: compareTo((x, v) => x >= v) },
  gten: { orNull: true, holds: compareTo((x, v) => x >= v) },
  lt: { orNull: false, holds: compareTo((x, v) => x < v) },
  ltn: { orNull: true, holds: compareTo((x, v) => x < v) },
  lte: { orNull: false, holds: compareTo((x, v) => x <= v) },
  lten: { orNull: true, holds: compareTo((x, v) => x <= v) },
  bt: { orNull: false, holds: range(true, true) },
  btn: { orNull: true, holds: range(true, true) },
  bte: { orNull: false, holds: range(false, true) },
  bten: { orNull: true, holds: range(false, true) },
  out: { orNull: false, holds: range(true, false) },
  outn: { orNull: true, holds: range(true, false) },
  oute: { orNull: false, holds: range(false, false) },
  outen: { orNull: true, holds: range(false, false) },
};

export const FILTER_OPERATORS: readonly FilterOperator[] = ['eq', 'neq', ...(Object.keys(ORDERED) as FilterOperator[])];

const RANGE_OPERATORS: ReadonlySet<FilterOperator> = new Set(['bt', 'btn', 'bte', 'bten', 'out', 'outn', 'oute', 'outen']);

/** The between-like operators take `[a, b]`; all others a scalar. */
export const isRangeOperator = (op: FilterOperator): boolean => RANGE_OPERATORS.has(op);

function isRange(v: JsonValue): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
}

/**
 * `x == v` with the rules of §2.2: null equals only null; a boolean `v` compares by
 * truthiness; a boolean `x` against a number compares as 0/1.
 */
function looselyEqual(x: number | boolean | null, v: JsonValue): boolean {
  if (x === null || v === null) return x === v;
  if (typeof v === 'boolean') return (x !== 0 && x !== false) === v;
  if (typeof v !== 'number') return false;
  return Number(x) === v;
}

/** Whether one filter item holds for the actual value `actual` (§2.2). */
export function filterHolds(item: FilterItem, actual: number | boolean | null): boolean {
  const { operator, value } = item;
  if (operator === 'eq') return looselyEqual(actual, value);
  if (operator === 'neq') return actual !== null && !looselyEqual(actual, value);
  const op = ORDERED[operator];
  if (op === undefined) return false;
  if (actual === null) return op.orNull;
  return op.holds(Number(actual), value);
}

/**
 * All present fields hold (AND, stopping at the first that fails), or else `or_predicate`
 * holds; the nested predicate is evaluated only when this level fails. `{}` holds.
 */
export function predicateHolds(p: Predicate, ctx: PredicateContext): boolean {
  const ownHold = FILTER_FIELDS.every((field) => {
    const item = p[field];
    return item == null || filterHolds(item, ACTUAL_VALUE[field](ctx));
  });
  if (ownHold) return true;
  return p.or_predicate != null && predicateHolds(p.or_predicate, ctx);
}

// ---- strict parsing ----

export interface PredicateIssue {
  path: string;
  message: string;
}

export type ParsedPredicate = { ok: true; value: Predicate } | { ok: false; issues: PredicateIssue[] };

/**
 * Strict parser, for save time and for data read back from the database (project rule of
 * §2.1: an unknown field would otherwise make the condition match everyone). Reports every
 * issue, not only the first. Fields may be `null` (= absent). `path` is where the predicate
 * sits, in the project's path notation (`$.rules[0].condition`).
 */
export function parsePredicate(raw: unknown, path = '$'): ParsedPredicate {
  const issues: PredicateIssue[] = [];
  const value = readPredicate(raw, path, issues);
  return value !== null && issues.length === 0 ? { ok: true, value } : { ok: false, issues };
}

function readPredicate(raw: unknown, path: string, issues: PredicateIssue[]): Predicate | null {
  if (!isJsonObject(raw)) {
    issues.push({ path, message: 'must be an object' });
    return null;
  }
  const out: Predicate = {};
  for (const [key, fieldValue] of Object.entries(raw)) {
    const fieldPath = keyPath(path, key);
    if (key === 'or_predicate') {
      out.or_predicate = fieldValue === null ? null : readPredicate(fieldValue, fieldPath, issues);
    } else if (Object.hasOwn(ACTUAL_VALUE, key)) {
      out[key as FilterField] = fieldValue === null ? null : readFilterItem(fieldValue, fieldPath, issues);
    } else {
      issues.push({ path: fieldPath, message: `unknown predicate field (expected one of ${PREDICATE_FIELDS.join(', ')})` });
    }
  }
  return out;
}

function readFilterItem(raw: JsonValue, path: string, issues: PredicateIssue[]): FilterItem | null {
  if (!isJsonObject(raw)) {
    issues.push({ path, message: 'must be an object {operator, value} or null' });
    return null;
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'operator' && key !== 'value') issues.push({ path: keyPath(path, key), message: 'unknown filter field' });
  }
  const operator = raw.operator;
  if (typeof operator !== 'string' || !(FILTER_OPERATORS as readonly string[]).includes(operator)) {
    issues.push({ path: keyPath(path, 'operator'), message: `unknown operator ${JSON.stringify(operator ?? null)} (expected one of ${FILTER_OPERATORS.join(', ')})` });
    return null;
  }
  const op = operator as FilterOperator;
  const shapeError = valueShapeError(op, raw.value);
  if (shapeError !== null) {
    issues.push({ path: keyPath(path, 'value'), message: shapeError });
    return null;
  }
  return { operator: op, value: raw.value };
}

/** Arity and type of `value` per operator (admin-api.md §3.2); `undefined` means the key is missing. */
function valueShapeError(op: FilterOperator, value: JsonValue | undefined): string | null {
  if (isRangeOperator(op)) return isRange(value ?? null) ? null : `${op} needs a two-number array [a, b]`;
  if (value === null || typeof value === 'number') return null;
  if (typeof value === 'boolean' && (op === 'eq' || op === 'neq')) return null;
  return value === undefined ? 'is required' : `${op} needs a number${op === 'eq' || op === 'neq' ? ', a boolean' : ''} or null`;
}
