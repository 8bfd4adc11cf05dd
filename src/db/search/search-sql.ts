import { cursorCondition, reverseItems } from '../../domain/search/sort';
import type { Condition, KeyValue, Operand, SearchQuery, SearchResource, SortItem } from '../../domain/search/types';
import type { Sql } from '../sql';

/**
 * SQL for the search convention (admin-api.md §3): conditions rendered with bound parameters,
 * text keys compared and ordered with `COLLATE "C"` (byte order, as the reference's SQLite
 * BINARY), and every ORDER BY spelling out NULLS FIRST (asc) / NULLS LAST (desc).
 */

export interface SearchColumn {
  /** SQL expression over the FROM clause. */
  expr: string;
  /** Text columns compare byte-wise (`COLLATE "C"`). */
  text: boolean;
}

/** How one searchable resource maps onto tables. */
export interface SqlSearchResource {
  search: SearchResource;
  /** `FROM …` with its joins. */
  from: string;
  /** The item columns (selected next to the sort keys). */
  select: string;
  /** One column per filter field and sort key (they share names). */
  columns: Readonly<Record<string, SearchColumn>>;
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return '?';
  }
}

function column(columns: Readonly<Record<string, SearchColumn>>, field: string): SearchColumn {
  const col = columns[field];
  if (col === undefined) throw new Error(`search column ${field} is not mapped`); // a resource definition bug
  return col;
}

function operandSql(columns: Readonly<Record<string, SearchColumn>>, operand: Operand, params: Params): { sql: string; text: boolean } {
  const col = column(columns, operand.field);
  if (operand.mutation === undefined) return { sql: col.expr, text: col.text };
  const op = { and: '&', or: '|', xor: '#' }[operand.mutation.operator];
  return { sql: `(${col.expr}::bigint ${op} ${params.add(operand.mutation.value)}::bigint)`, text: false };
}

export function renderCondition(condition: Condition, columns: Readonly<Record<string, SearchColumn>>, params: Params): string {
  switch (condition.kind) {
    case 'true':
      return 'TRUE';
    case 'false':
      return 'FALSE';
    case 'null':
      return `${operandSql(columns, condition.operand, params).sql} IS ${condition.negated ? 'NOT ' : ''}NULL`;
    case 'compare': {
      const operand = operandSql(columns, condition.operand, params);
      if (condition.caseInsensitive) return `lower(${operand.sql}) ${condition.op} lower(${params.add(condition.value)})`;
      const collate = operand.text ? ' COLLATE "C"' : '';
      return `${operand.sql}${collate} ${condition.op} ${params.add(condition.value)}`;
    }
    case 'ilike':
      return `${operandSql(columns, condition.operand, params).sql} ILIKE ${params.add(condition.pattern)} ESCAPE '\\'`;
    case 'and':
    case 'or': {
      if (condition.items.length === 0) return condition.kind === 'and' ? 'TRUE' : 'FALSE';
      const joiner = condition.kind === 'and' ? ' AND ' : ' OR ';
      return `(${condition.items.map((item) => renderCondition(item, columns, params)).join(joiner)})`;
    }
  }
}

function orderBySql(columns: Readonly<Record<string, SearchColumn>>, items: readonly SortItem[]): string {
  return items
    .map((item) => {
      const col = column(columns, item.key);
      const collate = col.text ? ' COLLATE "C"' : '';
      return `${col.expr}${collate} ${item.dir === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST'}`;
    })
    .join(', ');
}

/** One statement: the rows matching `filter` after the cursor (if any), in order, at most `limit`. */
export function buildPageSql(
  resource: SqlSearchResource,
  filter: Condition,
  items: readonly SortItem[],
  cursor: readonly (KeyValue | null)[] | null,
  inclusive: boolean,
  limit: number,
  selectItems = true,
): { sql: string; params: unknown[] } {
  const params = new Params();
  const keys = items.map((item, i) => `${column(resource.columns, item.key).expr} AS sort_key_${i}`).join(', ');
  const where = [renderCondition(filter, resource.columns, params)];
  if (cursor !== null) where.push(renderCondition(cursorCondition(items, cursor, inclusive), resource.columns, params));
  const select = selectItems ? `${resource.select}, ${keys}` : keys;
  const sql = `SELECT ${select} ${resource.from} WHERE ${where.join(' AND ')} ORDER BY ${orderBySql(resource.columns, items)} LIMIT ${params.add(limit)}`;
  return { sql, params: params.values };
}

export interface SearchPage<Row> {
  /** Raw rows (the item columns plus `sort_key_<i>` helpers). */
  rows: Row[];
  /** Sort-key values of each returned row, in the normalized sort's order. */
  keys: (KeyValue | null)[][];
  hasEarlier: boolean;
  hasLater: boolean;
}

function keysOf(row: Record<string, unknown>, count: number): (KeyValue | null)[] {
  return Array.from({ length: count }, (_, i) => row[`sort_key_${i}`] as KeyValue | null);
}

/**
 * §3.5: `limit + 1` rows tell whether a later page exists; an earlier page exists iff some
 * matching row precedes the first returned row (checked only when paging from a cursor).
 */
export async function searchPage<Row extends object>(sql: Sql, resource: SqlSearchResource, query: SearchQuery): Promise<SearchPage<Row>> {
  const { items: sortItems, cursor, inclusive } = query.sort;
  const page = buildPageSql(resource, query.filter, sortItems, cursor, inclusive, query.limit + 1);
  const rows = await sql<Row>(page.sql, page.params);
  const hasLater = rows.length > query.limit;
  const kept = rows.slice(0, query.limit);
  const keys = kept.map((row) => keysOf(row as Record<string, unknown>, sortItems.length));
  let hasEarlier = false;
  if (cursor !== null && kept.length > 0) {
    const before = buildPageSql(resource, query.filter, reverseItems(sortItems), keys[0], false, 1, false);
    hasEarlier = (await sql(before.sql, before.params)).length > 0;
  }
  return { rows: kept, keys, hasEarlier, hasLater };
}
