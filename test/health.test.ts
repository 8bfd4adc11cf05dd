import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../src/infra/ports';
import { startTestServer, type TestServer } from './support/server';

let healthy: TestServer;
let withoutRedis: TestServer;
beforeAll(async () => {
  healthy = await startTestServer();
  withoutRedis = await startTestServer({ redisUrl: `redis://127.0.0.1:${await freeLoopbackPort()}` });
});
afterAll(async () => {
  await healthy?.close();
  await withoutRedis?.close();
});

describe('health routes', () => {
  it('/healthz answers while the process is up, whatever its dependencies do', async () => {
    for (const server of [healthy, withoutRedis]) {
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    }
  });

  it('/readyz is 200 only when PostgreSQL and Redis both answer, and names what is missing', async () => {
    const ready = await fetch(`${healthy.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { postgres: true, redis: true } });
    const notReady = await fetch(`${withoutRedis.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'unavailable', checks: { postgres: true, redis: false } });
  });

  it('answers 404 and 405 in the reference shape, and serves both slash spellings', async () => {
    const missing = await fetch(`${healthy.url}/api/1/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: 'Not Found' });
    const wrongMethod = await fetch(`${healthy.url}/api/1/users/me/screens/peek?platform=ios`);
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toEqual({ detail: 'Method Not Allowed' });
    expect((await fetch(`${healthy.url}/healthz/`)).status).toBe(200);
    const now = (await (await fetch(`${healthy.url}/api/1/misc/now`)).json()) as { now: number };
    expect(Math.abs(now.now - Date.now() / 1000)).toBeLessThan(5);
  });
});
