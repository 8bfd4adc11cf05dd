import type { RestRequest } from '../../../../router';
import { sendHistoricalStats } from './stats-common';

/** `GET /api/1/admin/client_flows/client_screen_stats`, admins only: the historical screen chart (stats-cache-jobs.md §4.1); also served at `…/daily_client_screen_stats`. */
export function clientScreenStats(request: RestRequest): Promise<void> {
  return sendHistoricalStats(request, 'client_screens');
}
