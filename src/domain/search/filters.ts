import { isJsonObject, isStorableText, type JsonObject, type JsonValue } from '../json';
import type {
  BitMutator, CompareOp, Condition, FilterKind, NumberOperator, Operand, SearchIssue, SearchParse, SearchResource, TextOperator,
} from './types';

/**
 * Filter items of admin-api.md §3.2: validation (422 issues) and their meaning as a Condition,
 * with the null rule of ours: comparing with null never holds, except `eq`/`neq`/`ieq`/`ineq`
 * (IS [NOT] NULL) and the `…n` variants (IS NULL).
 */

export const TEXT_OPERATORS: readonly TextOperator[] = ['eq', 'neq', 'ieq', 'ineq', 'gt', 'gte', 'lt', 'lte', 'ilike'];
export const NUMBER_OPERATORS: readonly NumberOperator[] = [
  'eq', 'neq', 'gt', 'gtn', 'gte', 'gten', 'lt', 'ltn', 'lte', 'lten', 'bt', 'btn', 'bte', 'bten', 'out', 'outn', 'oute', 'outen',
];
export const BIT_MUTATORS: readonly BitMutator[] = ['and', 'or', 'xor'];
const RANGE_OPERATORS: ReadonlySet<NumberOperator> = new Set(['bt', 'btn', 'bte', 'bten', 'out', 'outn', 'oute', 'outen']);

export const isRangeNumberOperator = (op: NumberOperator): boolean => RANGE_OPERATORS.has(op);

type Loc = (string | number)[];

const missing = (loc: Loc): SearchIssue => ({ loc, msg: 'field required', type: 'value_error.missing' });
const notDict = (loc: Loc): SearchIssue => ({ loc, msg: 'value is not a valid dict', type: 'type_error.dict' });
const extra = (loc: Loc): SearchIssue => ({ loc, msg: 'extra fields not permitted', type: 'value_error.extra' });
/** U+0000 or an unpaired surrogate: no stored text can equal it, and PostgreSQL refuses the parameter. */
export const unstorable = (loc: Loc): SearchIssue => ({ loc, msg: 'text holds U+0000 or an unpaired surrogate', type: 'value_error.str.unstorable' });
const badEnum = (loc: Loc, permitted: readonly string[]): SearchIssue => ({
  loc,
  msg: `value is not a valid enumeration member; permitted: ${permitted.map((p) => `'${p}'`).join(', ')}`,
  type: 'type_error.enum',
});

/** Rejects keys outside `allowed` (ours: the reference silently drops them). */
function checkKeys(obj: JsonObject, allowed: readonly string[], loc: Loc, issues: SearchIssue[]): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) issues.push(extra([...loc, key]));
}

function isNumber(v: JsonValue, integer: boolean): v is number {
  return typeof v === 'number' && Number.isFinite(v) && (!integer || Number.isSafeInteger(v));
}

const numberIssue = (loc: Loc, integer: boolean): SearchIssue =>
  integer
    ? { loc, msg: 'value is not a valid integer', type: 'type_error.integer' }
    : { loc, msg: 'value is not a valid float', type: 'type_error.float' };

// ---- meaning ----

const cmp = (operand: Operand, op: CompareOp, value: string | number, caseInsensitive = false): Condition =>
  caseInsensitive ? { kind: 'compare', operand, op, value, caseInsensitive } : { kind: 'compare', operand, op, value };
const isNull = (operand: Operand): Condition => ({ kind: 'null', operand, negated: false });
const notNull = (operand: Operand): Condition => ({ kind: 'null', operand, negated: true });
const and = (...items: Condition[]): Condition => ({ kind: 'and', items });
const or = (...items: Condition[]): Condition => ({ kind: 'or', items });
const FALSE: Condition = { kind: 'false' };

export function textCondition(operand: Operand, operator: TextOperator, value: string | null): Condition {
  if (value === null) {
    if (operator === 'eq' || operator === 'ieq') return isNull(operand);
    if (operator === 'neq' || operator === 'ineq') return notNull(operand);
    return FALSE; // gt/gte/lt/lte/ilike with null: nothing matches (ours, §3.2)
  }
  switch (operator) {
    case 'eq': return cmp(operand, '=', value);
    case 'neq': return cmp(operand, '<>', value);
    case 'ieq': return cmp(operand, '=', value, true);
    case 'ineq': return cmp(operand, '<>', value, true);
    case 'gt': return cmp(operand, '>', value);
    case 'gte': return cmp(operand, '>=', value);
    case 'lt': return cmp(operand, '<', value);
    case 'lte': return cmp(operand, '<=', value);
    case 'ilike': return { kind: 'ilike', operand, pattern: value };
  }
}

/** `value` must already fit the operator's arity (a pair for range operators, checked by the parser). */
export function numberCondition(operand: Operand, operator: NumberOperator, value: number | [number, number] | null): Condition {
  if (value === null) {
    if (operator === 'eq') return isNull(operand);
    if (operator === 'neq') return notNull(operand);
    if (operator === 'gtn' || operator === 'gten' || operator === 'ltn' || operator === 'lten') return isNull(operand);
    return FALSE;
  }
  const orNull = (c: Condition) => or(isNull(operand), c);
  if (Array.isArray(value)) {
    const [a, b] = value;
    const between = and(cmp(operand, '>=', a), cmp(operand, '<=', b));
    const betweenExclusive = and(cmp(operand, '>=', a), cmp(operand, '<', b));
    const outside = or(cmp(operand, '<', a), cmp(operand, '>', b));
    const outsideExclusive = or(cmp(operand, '<', a), cmp(operand, '>=', b));
    switch (operator) {
      case 'bt': return between;
      case 'btn': return orNull(between);
      case 'bte': return betweenExclusive;
      case 'bten': return orNull(betweenExclusive);
      case 'out': return outside;
      case 'outn': return orNull(outside);
      case 'oute': return outsideExclusive;
      case 'outen': return orNull(outsideExclusive);
      default: return FALSE; // unreachable: the parser enforces arity
    }
  }
  switch (operator) {
    case 'eq': return cmp(operand, '=', value);
    case 'neq': return cmp(operand, '<>', value);
    case 'gt': return cmp(operand, '>', value);
    case 'gtn': return orNull(cmp(operand, '>', value));
    case 'gte': return cmp(operand, '>=', value);
    case 'gten': return orNull(cmp(operand, '>=', value));
    case 'lt': return cmp(operand, '<', value);
    case 'ltn': return orNull(cmp(operand, '<', value));
    case 'lte': return cmp(operand, '<=', value);
    case 'lten': return orNull(cmp(operand, '<=', value));
    default: return FALSE; // unreachable: the parser enforces arity
  }
}

// ---- parsing ----

function parseText(raw: JsonValue, operand: Operand, loc: Loc, issues: SearchIssue[]): Condition | null {
  if (!isJsonObject(raw)) return void issues.push(notDict(loc)), null;
  const before = issues.length;
  checkKeys(raw, ['operator', 'value'], loc, issues);
  const operator = raw.operator;
  if (operator === undefined) issues.push(missing([...loc, 'operator']));
  else if (!TEXT_OPERATORS.includes(operator as TextOperator)) issues.push(badEnum([...loc, 'operator'], TEXT_OPERATORS));
  const value = raw.value ?? null;
  if (value !== null && typeof value !== 'string') issues.push({ loc: [...loc, 'value'], msg: 'str type expected', type: 'type_error.str' });
  else if (typeof value === 'string' && !isStorableText(value)) issues.push(unstorable([...loc, 'value']));
  if (issues.length > before) return null;
  return textCondition(operand, operator as TextOperator, value as string | null);
}

function parseNumber(raw: JsonValue, operand: Operand, integer: boolean, loc: Loc, issues: SearchIssue[]): Condition | null {
  if (!isJsonObject(raw)) return void issues.push(notDict(loc)), null;
  const before = issues.length;
  checkKeys(raw, ['operator', 'value'], loc, issues);
  const operator = raw.operator as NumberOperator;
  if (raw.operator === undefined) issues.push(missing([...loc, 'operator']));
  else if (!NUMBER_OPERATORS.includes(operator)) issues.push(badEnum([...loc, 'operator'], NUMBER_OPERATORS));
  if (issues.length > before) return null;
  const value = raw.value ?? null;
  const valueLoc = [...loc, 'value'];
  if (isRangeNumberOperator(operator)) {
    if (!Array.isArray(value) || value.length !== 2) {
      issues.push({ loc: valueLoc, msg: `operator ${operator} requires a list of exactly two numbers`, type: 'value_error.filter_arity' });
      return null;
    }
    value.forEach((v, i) => {
      if (!isNumber(v, integer)) issues.push(numberIssue([...valueLoc, i], integer));
    });
    if (issues.length > before) return null;
    return numberCondition(operand, operator, value as [number, number]);
  }
  if (Array.isArray(value)) {
    issues.push({ loc: valueLoc, msg: `operator ${operator} requires a single number, not a list`, type: 'value_error.filter_arity' });
    return null;
  }
  if (value !== null && !isNumber(value, integer)) return void issues.push(numberIssue(valueLoc, integer)), null;
  return numberCondition(operand, operator, value);
}

function parseBitField(raw: JsonValue, field: string, loc: Loc, issues: SearchIssue[]): Condition | null {
  if (!isJsonObject(raw)) return void issues.push(notDict(loc)), null;
  const before = issues.length;
  checkKeys(raw, ['mutation', 'comparison'], loc, issues);
  const operand: Operand = { field };
  const mutation = raw.mutation ?? null;
  const mutationLoc = [...loc, 'mutation'];
  if (mutation !== null) {
    if (!isJsonObject(mutation)) {
      issues.push(notDict(mutationLoc));
    } else {
      checkKeys(mutation, ['operator', 'value'], mutationLoc, issues);
      if (mutation.operator === undefined) issues.push(missing([...mutationLoc, 'operator']));
      else if (!BIT_MUTATORS.includes(mutation.operator as BitMutator)) issues.push(badEnum([...mutationLoc, 'operator'], BIT_MUTATORS));
      if (mutation.value === undefined) issues.push(missing([...mutationLoc, 'value']));
      else if (!isNumber(mutation.value, true)) issues.push(numberIssue([...mutationLoc, 'value'], true));
      if (issues.length === before) operand.mutation = { operator: mutation.operator as BitMutator, value: mutation.value as number };
    }
  }
  // Required (the reference declares it optional and then fails with 500 without it).
  if (raw.comparison === undefined || raw.comparison === null) return void issues.push(missing([...loc, 'comparison'])), null;
  const comparison = parseNumber(raw.comparison, operand, true, [...loc, 'comparison'], issues);
  return issues.length > before ? null : comparison;
}

/** Parses one filter item of a field of kind `kind`; issues are appended to `issues`. */
export function parseFilterItem(kind: FilterKind, field: string, raw: JsonValue, loc: Loc, issues: SearchIssue[]): Condition | null {
  switch (kind) {
    case 'text': return parseText(raw, { field }, loc, issues);
    case 'float': return parseNumber(raw, { field }, false, loc, issues);
    case 'int': return parseNumber(raw, { field }, true, loc, issues);
    case 'bit_field': return parseBitField(raw, field, loc, issues);
  }
}

/** `filters` of a search body (absent or null: no constraint). All filters are ANDed. */
export function parseFilters(resource: SearchResource, raw: JsonValue | undefined, loc: Loc = ['body', 'filters']): SearchParse<Condition> {
  if (raw === undefined || raw === null) return { ok: true, value: { kind: 'true' } };
  if (!isJsonObject(raw)) return { ok: false, issues: [notDict(loc)] };
  const issues: SearchIssue[] = [];
  const items: Condition[] = [];
  for (const [field, item] of Object.entries(raw)) {
    const kind = resource.filters[field];
    if (kind === undefined) {
      issues.push(extra([...loc, field]));
      continue;
    }
    if (item === null) continue; // an explicitly absent filter, as the reference's optional fields
    const condition = parseFilterItem(kind, field, item, [...loc, field], issues);
    if (condition !== null) items.push(condition);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: items.length === 0 ? { kind: 'true' } : items.length === 1 ? items[0] : { kind: 'and', items } };
}
