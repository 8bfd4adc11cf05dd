import { clientFlowStats } from './api/1/admin/client_flows/client_flow_stats';
import { clientScreenStats } from './api/1/admin/client_flows/client_screen_stats';
import { partialClientFlowStats } from './api/1/admin/client_flows/partial_client_flow_stats';
import { partialClientScreenStats } from './api/1/admin/client_flows/partial_client_screen_stats';
import { now } from './api/1/misc/now';
import { customPop } from './api/1/users/me/screens/custom-pop';
import { peek } from './api/1/users/me/screens/peek';
import { pop } from './api/1/users/me/screens/pop';
import { trace } from './api/1/users/me/screens/trace';
import { healthz, readyz } from './health';
import type { RestRoute } from './router';

/** Every REST path served, next to the file that serves it (files mirror the URL). */
export const REST_ROUTES: RestRoute[] = [
  { method: 'GET', path: '/healthz', handler: healthz },
  { method: 'GET', path: '/readyz', handler: readyz },
  { method: 'GET', path: '/api/1/misc/now', handler: now },
  { method: 'POST', path: '/api/1/users/me/screens/peek', handler: peek },
  { method: 'POST', path: '/api/1/users/me/screens/pop', handler: pop },
  { method: 'POST', path: '/api/1/users/me/screens/trace', handler: trace },
  { method: 'GET', path: '/api/1/admin/client_flows/client_flow_stats', handler: clientFlowStats },
  { method: 'GET', path: '/api/1/admin/client_flows/partial_client_flow_stats', handler: partialClientFlowStats },
  { method: 'GET', path: '/api/1/admin/client_flows/client_screen_stats', handler: clientScreenStats },
  { method: 'GET', path: '/api/1/admin/client_flows/partial_client_screen_stats', handler: partialClientScreenStats },
  // The seed document's names for the historical charts (admin-api.md §0): same answers.
  { method: 'GET', path: '/api/1/admin/client_flows/daily_client_flow_stats', handler: clientFlowStats },
  { method: 'GET', path: '/api/1/admin/client_flows/daily_client_screen_stats', handler: clientScreenStats },
  // After the fixed siblings above, which match first: plugin-registered custom pops (§7.6).
  { method: 'POST', path: '/api/1/users/me/screens/{endpoint}', handler: customPop },
];
