import type { RestRequest } from '../../../../router';
import { sendPartialStats } from './stats-common';

/** `GET /api/1/admin/client_flows/partial_client_screen_stats`, admins only: today's and yesterday's screen counters (stats-cache-jobs.md §4.2). */
export function partialClientScreenStats(request: RestRequest): Promise<void> {
  return sendPartialStats(request, 'client_screens');
}
