import type { RestRequest } from '../../../../router';
import { sendHistoricalStats } from './stats-common';

/** `GET /api/1/admin/client_flows/client_flow_stats`, admins only: the historical flow chart (stats-cache-jobs.md §4.1); also served at `…/daily_client_flow_stats`. */
export function clientFlowStats(request: RestRequest): Promise<void> {
  return sendHistoricalStats(request, 'client_flows');
}
