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
  // After the fixed siblings above, which match first: plugin-registered custom pops (§7.6).
  { method: 'POST', path: '/api/1/users/me/screens/{endpoint}', handler: customPop },
];
