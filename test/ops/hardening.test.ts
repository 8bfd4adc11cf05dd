import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScreenClient } from '../support/client';
import { queueRows } from '../support/flows';
import { startTestServer, type TestServer } from '../support/server';

interface RawResult {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

async function gql(url: string, query: string, options: { token?: string; variables?: unknown } = {}): Promise<RawResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token !== undefined) headers.authorization = `bearer ${options.token}`;
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text.length > 0 ? JSON.parse(text) : null };
}

const firstError = (result: RawResult) => result.body?.errors?.[0]?.extensions;

/** A loopback port nothing listens on. */
function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let limited: TestServer;
let production: TestServer;
let development: TestServer;
beforeAll(async () => {
  [limited, production, development] = await Promise.all([
    startTestServer({
      env: {
        GRAPHQL_MAX_DEPTH: '4',
        GRAPHQL_MAX_ALIASES: '2',
        GRAPHQL_MAX_COST: '50',
        REQUEST_BODY_LIMIT_BYTES: '4096',
        RATE_LIMIT_PER_SECOND: '1',
        RATE_LIMIT_BURST: '3',
      },
    }),
    startTestServer({ env: { NODE_ENV: 'production', JOB_SCHEDULER: 'off' } }),
    startTestServer({ env: { NODE_ENV: 'development', JOB_SCHEDULER: 'off' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([limited?.close(), production?.close(), development?.close()]);
});

describe('GraphQL operation limits', () => {
  it('refuses an operation nested deeper than GRAPHQL_MAX_DEPTH before running it', async () => {
    const result = await gql(limited.url, '{ clientFlows(first: 1) { edges { node { flagSet { isCustom } } } } }');
    expect(result.status).toBe(400);
    expect(firstError(result)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'too_deep', limit: 4, actual: 5 });
    expect(firstError(result)).not.toHaveProperty('http');
  });

  it('counts depth through fragments', async () => {
    const result = await gql(limited.url, '{ clientFlows(first: 1) { ...E } } fragment E on ClientFlowConnection { edges { node { flagSet { isCustom } } } }');
    expect(firstError(result)).toMatchObject({ reason: 'too_deep' });
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES', async () => {
    const result = await gql(limited.url, '{ a: __typename b: __typename c: __typename }');
    expect(result.status).toBe(400);
    expect(firstError(result)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'too_many_aliases', actual: 3 });
    expect((await gql(limited.url, '{ a: __typename b: __typename }')).body).toEqual({ data: { a: 'Query', b: 'Query' } });
  });

  it('refuses an operation whose estimated cost (page sizes included, variables too) is above GRAPHQL_MAX_COST', async () => {
    const costly = await gql(limited.url, 'query($n: Int) { clientFlows(first: $n) { nodes { slug name } } }', { variables: { n: 100 } });
    expect(costly.status).toBe(400);
    expect(firstError(costly)).toMatchObject({ reason: 'too_costly', limit: 50, actual: 301 });
    // Within the limits the operation runs (and meets the admin guard).
    const cheap = await gql(limited.url, 'query($n: Int) { clientFlows(first: $n) { nodes { slug name } } }', { variables: { n: 10 } });
    expect(firstError(cheap)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('applies the same limits to operations over graphql-ws', async () => {
    const { createClient } = await import('graphql-ws');
    const { default: WebSocket } = await import('ws');
    const token = await limited.userToken('ws-limits');
    const client = createClient({ url: `${limited.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `bearer ${token}` }, retryAttempts: 0 });
    try {
      const errors = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: '{ a: __typename b: __typename c: __typename }' }, { next: (value) => resolve(value.errors), error: resolve, complete: () => undefined });
      });
      expect(JSON.stringify(errors)).toContain('too_many_aliases');
    } finally {
      await client.dispose();
    }
  });
});

describe('request body limits', () => {
  it('answers 413 to a GraphQL body above REQUEST_BODY_LIMIT_BYTES and 400 to one nested too deeply', async () => {
    const big = await fetch(`${limited.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(5000) } }),
    });
    expect(big.status).toBe(413);
    const deep = await gql(development.url, '{ __typename }', { variables: { v: JSON.parse('['.repeat(200) + ']'.repeat(200)) } });
    expect(deep.status).toBe(400);
    expect(firstError(deep)).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('answers 413 to a pop body above the limit, popping nothing', async () => {
    const client = new ScreenClient(limited.url, await limited.userToken('big-pop'));
    const peeked = await client.peek();
    const before = await queueRows(limited, 'big-pop');
    const popped = await client.pop(peeked.body.screen.active_jwt, { slug: 'skip', parameters: { pad: 'x'.repeat(5000) } });
    expect(popped.status).toBe(413);
    expect(await queueRows(limited, 'big-pop')).toEqual(before);
  });
});

describe('per-user rate limits on peek, pop and trace', () => {
  it('answers 429 ratelimited with Retry-After past the burst, changes nothing, and refills', async () => {
    const client = new ScreenClient(limited.url, await limited.userToken('hasty'));
    const peeked = await client.peek();
    expect(peeked.status).toBe(200);
    await client.peek();
    await client.peek();
    const before = await queueRows(limited, 'hasty');
    const [logsBefore] = await limited.sql<{ n: number }>('SELECT count(*)::int AS n FROM user_client_screens_log');
    const refused = await client.pop(peeked.body.screen.active_jwt);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      type: 'ratelimited',
      message: 'too many requests; try again in a few seconds',
      markdown: 'too many requests; try again in a few seconds',
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await client.peek()).status).toBe(429);
    expect(await queueRows(limited, 'hasty')).toEqual(before);
    expect(await limited.sql('SELECT count(*)::int AS n FROM user_client_screens_log')).toEqual([logsBefore]);
    expect(limited.app.metrics.get('requests_rate_limited')).toBeGreaterThanOrEqual(2);
    // One token per second comes back.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await client.pop(peeked.body.screen.active_jwt)).status).toBe(200);
  });

  it('GraphQL answers RATE_LIMITED with retryAfter from the same bucket', async () => {
    const token = await limited.userToken('hasty-gql');
    const peek = 'mutation { peekScreen(platform: IOS) { screen { active { slug } } } }';
    for (let i = 0; i < 3; i++) expect(firstError(await gql(limited.url, peek, { token }))).toBeUndefined();
    const refused = await gql(limited.url, peek, { token });
    expect(firstError(refused)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(firstError(refused)?.retryAfter).toBeGreaterThanOrEqual(1);
    // REST shares the bucket.
    expect((await new ScreenClient(limited.url, token).peek()).status).toBe(429);
  });

  it('limits traces per screen log row', async () => {
    const client = new ScreenClient(limited.url, await limited.userToken('chatty'));
    const jwt = (await client.peek()).body.screen.active_jwt;
    for (let i = 0; i < 3; i++) expect((await client.trace(jwt, JSON.stringify({ i }))).status).toBe(204);
    const refused = await client.trace(jwt, '{}');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ type: 'ratelimited' });
  });

  it('lets requests through when Redis is unreachable (the limit never takes the service down)', async () => {
    const server = await startTestServer({ redisUrl: `redis://127.0.0.1:${await deadPort()}`, env: { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '1' } });
    try {
      const client = new ScreenClient(server.url, await server.userToken('no-redis'));
      for (let i = 0; i < 3; i++) expect((await client.peek()).status).toBe(200);
      expect(server.app.metrics.get('rate_limit_checks_skipped')).toBeGreaterThanOrEqual(3);
    } finally {
      await server.close();
    }
  });

  it('is off under NODE_ENV=test by default and on in production', () => {
    expect(development.app.config.rateLimit.perSecond).toBeGreaterThan(0);
    expect(production.app.config.rateLimit.perSecond).toBeGreaterThan(0);
  });
});

describe('production defaults', () => {
  it('turns introspection off', async () => {
    const closed = await gql(production.url, '{ __schema { queryType { name } } }');
    expect(closed.status).toBe(400);
    expect(firstError(closed)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const open = await gql(development.url, '{ __schema { queryType { name } } }');
    expect(open.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('serves no landing page', async () => {
    const landing = (server: TestServer) => fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    const shown = await landing(development);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toContain('text/html');
    const hidden = await landing(production);
    expect(hidden.headers.get('content-type') ?? '').not.toContain('text/html');
  });
});
