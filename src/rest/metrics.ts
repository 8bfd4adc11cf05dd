import { timingSafeEqual } from 'node:crypto';
import { parseAuthorization } from '../services/identity.service';
import { header, sendAuthFailure, sendJson } from './http';
import type { RestRequest } from './router';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics`: Prometheus text exposition (docs/operations.md). With `METRICS_TOKEN` set it
 * needs `Authorization: bearer <token>`; without one it is open outside production and absent
 * (404) in production, so a deployment never publishes its internals by accident.
 */
export async function metrics({ req, res, app }: RestRequest): Promise<void> {
  const token = app.config.metricsToken;
  if (token === null && app.config.nodeEnv === 'production') return sendJson(res, 404, { detail: 'Not Found' });
  if (token !== null) {
    const auth = parseAuthorization(header(req, 'authorization'));
    if (!auth.ok) return sendAuthFailure(res, auth.reason);
    if (!sameSecret(auth.token, token)) return sendAuthFailure(res, 'invalid');
  }
  const { contentType, body } = await app.prometheus.render();
  res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
