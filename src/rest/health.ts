import type { AppContext } from '../services/app-context';
import { sendJson } from './http';
import type { RestRequest } from './router';

/** `GET /healthz`: the process is up and serving. */
export async function healthz({ res }: RestRequest): Promise<void> {
  sendJson(res, 200, { status: 'ok' });
}

const READINESS_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

export async function checkReadiness(app: AppContext): Promise<{ postgres: boolean; redis: boolean }> {
  const [postgres, redis] = await Promise.all([
    withTimeout(app.db.query('SELECT 1'), READINESS_TIMEOUT_MS).then(() => true, () => false),
    withTimeout(app.redis.ping(), READINESS_TIMEOUT_MS).then((r) => r === 'PONG', () => false),
  ]);
  return { postgres, redis };
}

/** `GET /readyz`: PostgreSQL and Redis both answer. 503 names the one that does not. */
export async function readyz({ res, app }: RestRequest): Promise<void> {
  const checks = await checkReadiness(app);
  const ready = checks.postgres && checks.redis;
  sendJson(res, ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable', checks });
}
