import { parseSearchBody, SEARCH_LIMIT, type LimitRange } from '../domain/search/request';
import { nextPageSort } from '../domain/search/sort';
import type { SearchQuery, SearchResource } from '../domain/search/types';
import type { SearchResult } from '../services/admin/search.service';
import { authenticateAdmin, readJsonBody } from './admin';
import { sendJson, sendValidationError } from './http';
import type { RestHandler } from './router';

/**
 * A REST search shim (admin-api.md §3): admin check, body, the shared parser, one service call,
 * then `{items, next_page_sort}`. `toWire` serializes a whole page (so related rows can be loaded
 * in one statement).
 */
export function searchHandler<Item>(
  resource: SearchResource,
  search: (app: Parameters<RestHandler>[0]['app'], query: SearchQuery) => Promise<SearchResult<Item>>,
  toWire: (app: Parameters<RestHandler>[0]['app'], items: Item[]) => unknown[] | Promise<unknown[]>,
  range: LimitRange = SEARCH_LIMIT,
): RestHandler {
  return async (request) => {
    if ((await authenticateAdmin(request)) === null) return;
    const body = await readJsonBody(request);
    if (body === undefined) return;
    const parsed = parseSearchBody(resource, body.value, range);
    if (!parsed.ok) return sendValidationError(request.res, parsed.issues);
    const result = await search(request.app, parsed.value);
    const page = result.items.length === 0 ? null : { first: result.keys[0], last: result.keys[result.keys.length - 1] };
    sendJson(request.res, 200, {
      items: await toWire(request.app, result.items),
      next_page_sort: nextPageSort(result.sort, page, result.hasEarlier, result.hasLater),
    });
  };
}
