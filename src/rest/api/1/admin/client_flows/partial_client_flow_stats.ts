import type { RestRequest } from '../../../../router';
import { sendPartialStats } from './stats-common';

/** `GET /api/1/admin/client_flows/partial_client_flow_stats`, admins only: today's and yesterday's flow counters (stats-cache-jobs.md §4.2). */
export function partialClientFlowStats(request: RestRequest): Promise<void> {
  return sendPartialStats(request, 'client_flows');
}
