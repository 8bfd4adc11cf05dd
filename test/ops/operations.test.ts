import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScreenClient } from '../support/client';
import { startTestServer, type TestServer } from '../support/server';

const METRICS_TOKEN = 'scrape-token-0123456789';

/** The value of the first sample of `name` carrying every given label, or null. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return null;
}

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line));
    done();
  },
});

let server: TestServer;
let production: TestServer;
beforeAll(async () => {
  [server, production] = await Promise.all([
    startTestServer({ env: { METRICS_TOKEN }, log: pino({ level: 'info', base: undefined }, sink) }),
    startTestServer({ env: { NODE_ENV: 'production', JOB_SCHEDULER: 'off' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.close(), production?.close()]);
});

async function scrape(target: TestServer, token?: string): Promise<Response> {
  return fetch(`${target.url}/metrics`, { headers: token === undefined ? {} : { authorization: `bearer ${token}` } });
}

describe('request ids and structured logs', () => {
  it('echoes a sane x-request-id, logs one JSON line per request with it, and makes one up otherwise', async () => {
    const token = await server.userToken('logged');
    const given = await fetch(`${server.url}/api/1/users/me/screens/peek?platform=ios`, {
      method: 'POST',
      headers: { authorization: `bearer ${token}`, 'x-request-id': 'client-req-42' },
    });
    expect(given.headers.get('x-request-id')).toBe('client-req-42');
    await given.text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', reqId: 'client-req-42', operation: 'POST /api/1/users/me/screens/peek', status: 200, level: 30 }),
    );
    const made = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'has spaces\tand tabs' },
      body: '{"query":"{ __typename }"}',
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /metrics', () => {
  it('needs the METRICS_TOKEN bearer when one is set, and is absent in production without one', async () => {
    expect((await scrape(server)).status).toBe(401);
    expect((await scrape(server, 'wrong')).status).toBe(403);
    expect((await scrape(server, METRICS_TOKEN)).status).toBe(200);
    expect((await scrape(production)).status).toBe(404);
  });

  it('counts requests and latency per operation, queue operations by outcome, cache events, counters and subscriptions', async () => {
    const token = await server.userToken('measured');
    const client = new ScreenClient(server.url, token);
    const jwt = (await client.peek()).body.screen.active_jwt;
    expect((await client.pop(jwt)).status).toBe(200);
    expect((await client.pop(jwt)).status).toBe(200); // stale JWT: desync
    await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { peekScreen(platform: IOS) { visitor } }' }),
    });
    const { createClient } = await import('graphql-ws');
    const { default: WebSocket } = await import('ws');
    const ws = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `bearer ${token}` }, retryAttempts: 0 });
    try {
      await new Promise<void>((resolve, reject) => {
        ws.subscribe({ query: 'subscription { screenQueueChanged { queueVersion } }' }, { next: () => resolve(), error: reject, complete: () => undefined });
      });
      const response = await scrape(server, METRICS_TOKEN);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(sample(text, 'clientflows_queue_operations_total', { operation: 'pop', outcome: 'popped' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'clientflows_queue_operations_total', { operation: 'pop', outcome: 'desync' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'clientflows_queue_operations_total', { operation: 'peek', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
      const route = { transport: 'rest', operation: 'POST /api/1/users/me/screens/pop', status: '200' };
      expect(sample(text, 'clientflows_request_duration_seconds_count', route)).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'clientflows_request_duration_seconds_bucket', { ...route, le: '+Inf' })).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'clientflows_request_duration_seconds_count', { transport: 'graphql', operation: 'mutation peekScreen' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'clientflows_definition_cache_events_total', { event: 'hits' })).toBeGreaterThan(0);
      expect(sample(text, 'clientflows_definition_cache_events_total', { event: 'misses' })).not.toBeNull();
      expect(sample(text, 'clientflows_events_total', { name: 'stats_writes' })).toBeGreaterThan(0);
      expect(sample(text, 'clientflows_subscriptions', {})).toBe(1);
      expect(sample(text, 'clientflows_process_cpu_seconds_total', {})).not.toBeNull();
    } finally {
      await ws.dispose();
    }
  });
});
