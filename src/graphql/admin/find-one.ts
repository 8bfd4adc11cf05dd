import { parseSearchBody } from '../../domain/search/request';
import type { SearchQuery, SearchResource } from '../../domain/search/types';
import type { AppContext } from '../../services/app-context';
import type { SearchResult } from '../../services/admin/search.service';
import { BadUserInputError } from '../errors';

/**
 * `clientFlow(uid|slug)` / `clientScreen(uid|slug)` (§15.3): the same search with one `eq`
 * filter and limit 1. Exactly one of the two must be given.
 */
export async function findOneBy<Item>(
  app: AppContext,
  resource: SearchResource,
  search: (app: AppContext, query: SearchQuery) => Promise<SearchResult<Item>>,
  by: { uid: string | null; slug: string | null },
): Promise<Item | null> {
  const given = Object.entries(by).filter(([, v]) => v !== null && v !== undefined);
  if (given.length !== 1) throw new BadUserInputError('give exactly one of uid or slug', { reason: 'uid_or_slug' });
  const [field, value] = given[0];
  const parsed = parseSearchBody(resource, { filters: { [field]: { operator: 'eq', value } }, limit: 1 });
  if (!parsed.ok) throw new Error('findOneBy built an invalid query'); // a bug, not client input
  const result = await search(app, parsed.value);
  return result.items[0] ?? null;
}
