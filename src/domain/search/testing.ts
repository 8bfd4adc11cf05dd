import type { Condition, KeyValue, Operand, SortItem } from './types';

/**
 * In-memory meaning of conditions and sorts, for tests: what the SQL of src/db/search must do.
 * NULL compares as SQL does (never holds); strings compare by code point (PostgreSQL `COLLATE "C"`
 * on UTF-8); ASCII-only case folding for `ieq`/`ilike` is enough for test data.
 */

export type TestRow = Record<string, KeyValue | null>;

function operandValue(row: TestRow, operand: Operand): KeyValue | null {
  const v = row[operand.field] ?? null;
  if (v === null || operand.mutation === undefined) return v;
  const n = BigInt(v as number);
  const m = BigInt(operand.mutation.value);
  return Number(operand.mutation.operator === 'and' ? n & m : operand.mutation.operator === 'or' ? n | m : n ^ m);
}

export function compareValues(a: KeyValue, b: KeyValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = [...String(a)].map((c) => c.codePointAt(0)!);
  const y = [...String(b)].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') source += '[\\s\\S]*';
    else if (c === '_') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'iu');
}

export function holds(condition: Condition, row: TestRow): boolean {
  switch (condition.kind) {
    case 'true': return true;
    case 'false': return false;
    case 'null': return (operandValue(row, condition.operand) === null) !== condition.negated;
    case 'compare': {
      let x = operandValue(row, condition.operand);
      let v = condition.value;
      if (x === null) return false;
      if (condition.caseInsensitive) {
        x = String(x).toLowerCase();
        v = String(v).toLowerCase();
      }
      const c = compareValues(x, v);
      return { '=': c === 0, '<>': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[condition.op];
    }
    case 'ilike': {
      const x = operandValue(row, condition.operand);
      return x !== null && likeToRegExp(condition.pattern).test(String(x));
    }
    case 'and': return condition.items.every((c) => holds(c, row));
    case 'or': return condition.items.some((c) => holds(c, row));
  }
}

/** §3.4's total order: NULL smallest, each item ascending or descending. */
export function compareRows(items: readonly SortItem[], a: TestRow, b: TestRow): number {
  for (const item of items) {
    const x = a[item.key] ?? null;
    const y = b[item.key] ?? null;
    let c = 0;
    if (x === null || y === null) c = x === y ? 0 : x === null ? -1 : 1;
    else c = compareValues(x, y);
    if (c !== 0) return item.dir === 'asc' ? c : -c;
  }
  return 0;
}
