import type { JsonObject, JsonValue } from '../../domain/json';
import { decodeCursor, encodeCursor } from '../../domain/search/cursor';
import { parseFilters } from '../../domain/search/filters';
import { parseLimit, SEARCH_LIMIT, type LimitRange } from '../../domain/search/request';
import { normalizeSort, reverseItems } from '../../domain/search/sort';
import type { SearchIssue, SearchQuery, SearchResource } from '../../domain/search/types';
import type { SearchResult } from '../../services/admin/search.service';
import { BadUserInputError } from '../errors';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { PageInfoType } from './filters.type';

/**
 * Relay connections over the shared search (admin-api.md §15.1): GraphQL arguments become the
 * same normalized query the REST shims run, and results become edges with opaque cursors.
 */

/** Relay paging arguments (admin-api.md §15.1), declared once for every connection field. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
  @Field(() => Int, { nullable: true }) last?: number | null;
  @Field(() => String, { nullable: true }) before?: string | null;
}

type FilterInput = Record<string, unknown> | null | undefined;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** One typed filter input in the REST form (`{op, lower, upper}` ⇄ `{operator, value: [lower, upper]}`). */
export function filterItemToWire(input: Record<string, unknown>): JsonObject {
  const out: JsonObject = {};
  if ('op' in input) out.operator = input.op as string;
  const hasBounds = (input.lower ?? null) !== null || (input.upper ?? null) !== null;
  if (hasBounds) out.value = [(input.lower ?? null) as JsonValue, (input.upper ?? null) as JsonValue];
  else if ('value' in input || 'op' in input) out.value = (input.value ?? null) as JsonValue;
  if (input.mutation !== undefined && input.mutation !== null) out.mutation = filterItemToWire(input.mutation as Record<string, unknown>);
  if (input.comparison !== undefined && input.comparison !== null) out.comparison = filterItemToWire(input.comparison as Record<string, unknown>);
  return out;
}

/** A typed `…Filter` input as the REST `filters` object (field names snake_cased). */
export function filtersToWire(filter: FilterInput): JsonObject {
  const out: JsonObject = {};
  for (const [field, item] of Object.entries(filter ?? {})) {
    if (item !== undefined && item !== null) out[snake(field)] = filterItemToWire(item as Record<string, unknown>);
  }
  return out;
}

function invalid(issues: SearchIssue[]): never {
  const sortIssue = issues.some((i) => i.type.startsWith('invalid_sort_error'));
  const reason = sortIssue ? 'invalid_sort' : 'invalid_filter';
  throw new BadUserInputError(issues.map((i) => `${i.loc.slice(1).join('.')}: ${i.msg}`).join('; '), { reason, issues });
}

export interface ConnectionQuery {
  query: SearchQuery;
  /** `last`/`before`: the query runs in reverse order and the page is flipped back. */
  backward: boolean;
}

export function connectionQuery(
  resource: SearchResource,
  filter: FilterInput,
  sort: readonly { key: string; dir: 'asc' | 'desc' }[] | null | undefined,
  args: ConnectionArgs,
  range: LimitRange = SEARCH_LIMIT,
): ConnectionQuery {
  const first = args.first ?? null;
  const last = args.last ?? null;
  const after = args.after ?? null;
  const before = args.before ?? null;
  if (first !== null && last !== null) throw new BadUserInputError('give first or last, not both', { reason: 'invalid_pagination' });
  if (after !== null && before !== null) throw new BadUserInputError('give after or before, not both', { reason: 'invalid_pagination' });
  const backward = last !== null || before !== null;
  const limit = parseLimit(backward ? last : first, range, [backward ? 'last' : 'first']);
  if (!limit.ok) throw new BadUserInputError(`${limit.issues[0].loc[0]}: ${limit.issues[0].msg}`, { reason: 'invalid_limit' });
  const parsedFilter = parseFilters(resource, filtersToWire(filter), ['filter']);
  if (!parsedFilter.ok) invalid(parsedFilter.issues);
  const normalized = normalizeSort(resource, (sort ?? []).map((item) => ({ key: item.key, dir: item.dir, after: null })));
  if (!normalized.ok) invalid(normalized.issues);
  const items = normalized.value.items;
  const cursorText = backward ? before : after;
  let cursor = null;
  if (cursorText !== null) {
    const decoded = decodeCursor(resource, items, cursorText);
    if (!decoded.ok) {
      throw new BadUserInputError(decoded.reason === 'cursor_sort_mismatch' ? 'the cursor was made for another sort' : 'malformed cursor', { reason: decoded.reason });
    }
    cursor = decoded.values;
  }
  return {
    query: { filter: parsedFilter.value, sort: { items: backward ? reverseItems(items) : items, cursor, inclusive: false }, limit: limit.value },
    backward,
  };
}

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  nodes: Node[];
  pageInfo: PageInfoType;
}

export function toConnection<Item, Node>(
  resource: SearchResource,
  { query, backward }: ConnectionQuery,
  result: SearchResult<Item>,
  toNode: (item: Item) => Node,
): Connection<Node> {
  // Cursors always carry the requested order, also for pages fetched backwards.
  const items = backward ? reverseItems(query.sort.items) : query.sort.items;
  let edges = result.items.map((item, i) => ({ cursor: encodeCursor(resource, items, result.keys[i]), node: toNode(item) }));
  if (backward) edges = edges.reverse();
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: backward ? result.hasEarlier : result.hasLater,
      hasPreviousPage: backward ? result.hasLater : result.hasEarlier,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** `XEdge` and `XConnection` object types for a node type (Relay shape of §15.2). */
export function connectionTypes<Node>(name: string, node: new () => Node) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: Node;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node]) nodes!: Node[];
    @Field(() => PageInfoType) pageInfo!: PageInfoType;
  }
  return ConnectionType;
}
