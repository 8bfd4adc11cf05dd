/**
 * The search convention of admin-api.md §3, as data: what a resource lets clients filter and sort
 * by, the parsed request, and the conditions the filters and cursors become. Pure; the SQL
 * rendering lives in src/db/search/.
 */

/** One detail entry of a 422 (the reference framework's shape). */
export interface SearchIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export type SearchParse<T> = { ok: true; value: T } | { ok: false; issues: SearchIssue[] };

export type FilterKind = 'text' | 'float' | 'int' | 'bit_field';
export type SortKeyType = 'string' | 'float';

/** What one searchable resource offers (§3.7). */
export interface SearchResource {
  /** Stable name, also carried in GraphQL cursors. */
  name: string;
  filters: Readonly<Record<string, FilterKind>>;
  sortKeys: Readonly<Record<string, { type: SortKeyType; nullable: boolean }>>;
  /** Keys whose values identify a row; the first is appended when a sort has none. */
  uniqueKeys: readonly string[];
}

export type TextOperator = 'eq' | 'neq' | 'ieq' | 'ineq' | 'gt' | 'gte' | 'lt' | 'lte' | 'ilike';
export type NumberOperator =
  | 'eq' | 'neq' | 'gt' | 'gtn' | 'gte' | 'gten' | 'lt' | 'ltn' | 'lte' | 'lten'
  | 'bt' | 'btn' | 'bte' | 'bten' | 'out' | 'outn' | 'oute' | 'outen';
export type BitMutator = 'and' | 'or' | 'xor';

/** A column, possibly combined bitwise with a constant first (bit-field filters). */
export interface Operand {
  field: string;
  mutation?: { operator: BitMutator; value: number };
}

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type KeyValue = string | number;

/**
 * A boolean condition over a row. Comparisons with NULL follow SQL (never hold), which is the
 * "one rule" of §3.2: only the explicit `null` nodes match NULL.
 */
export type Condition =
  | { kind: 'true' }
  | { kind: 'false' }
  | { kind: 'null'; operand: Operand; negated: boolean }
  | { kind: 'compare'; operand: Operand; op: CompareOp; value: KeyValue; caseInsensitive?: boolean }
  | { kind: 'ilike'; operand: Operand; pattern: string }
  | { kind: 'and'; items: Condition[] }
  | { kind: 'or'; items: Condition[] };

export type Direction = 'asc' | 'desc';

/** One item of a normalized sort; `after` is this key's cursor value (null: NULL or no cursor). */
export interface SortItem {
  key: string;
  dir: Direction;
}

/** A normalized sort plus the cursor position, if any (§3.3-§3.4). */
export interface SortPlan {
  items: SortItem[];
  /** One value per item when paging from a cursor; null on a first page. */
  cursor: (KeyValue | null)[] | null;
  /** True when any requested item used an `_eq` direction: the cursor row itself is included. */
  inclusive: boolean;
}

/** What the search service runs. */
export interface SearchQuery {
  filter: Condition;
  sort: SortPlan;
  limit: number;
}

/** One entry of a REST `next_page_sort`. */
export interface NextPageSortItem {
  key: string;
  dir: Direction;
  before: KeyValue | null;
  after: KeyValue | null;
}
