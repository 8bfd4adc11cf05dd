/**
 * issue 8 item 2: PostgreSQL restarted mid-run. The server runs on an embedded PostgreSQL of
 * this file's own (stopped and started again on the same port); while it is down every request
 * that needs it fails fast with the documented 503 (REST `service_unavailable` + Retry-After,
 * GraphQL SERVICE_UNAVAILABLE), never hangs and never answers 500; once it is back the same
 * server process serves again without a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type DatabaseHandle } from '../../src/infra/embedded-postgres';
import { PeekScreenDocument, ViewerDocument } from '../generated/graphql';
import { newUser, type TestUser } from '../support/flows';
import { errorCode, graphql } from '../support/graphql';
import { freePort } from '../support/processes';
import { startTestServer, TEST_ID_TOKEN_SECRET, type TestServer } from '../support/server';
import { craftIdToken } from '../support/tokens';

let dataDir: string;
let port: number;
let postgres: DatabaseHandle;
let server: TestServer;
let adminToken: string;

const startPostgres = () => startEmbeddedPostgres({ dataDir, port, log: () => {} });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'clientflows-pg-restart-'));
  port = await freePort();
  postgres = await startPostgres();
  server = await startTestServer({ databaseUrl: postgres.url });
  adminToken = await server.userToken('oseh_u_pg_restart_admin', { admin: true });
}, 180_000);
afterAll(async () => {
  await server?.close().catch(() => {});
  await postgres?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A request must be answered within this while the database is down (fail fast, never hang). */
const FAIL_FAST_MS = 5000;

interface Outcome {
  name: string;
  status: number;
  /** `service_unavailable` (REST), the GraphQL code, or `ok`. */
  kind: string;
  retryAfter: string | null;
  ms: number;
}

/** Every request kind that needs the database, each classified by its answer. */
async function everyKind(user: TestUser, jwt: string): Promise<Outcome[]> {
  const post = (path: string, init: { authorization: string; body?: string; contentType?: string }) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: init.authorization, ...(init.body !== undefined ? { 'content-type': init.contentType ?? 'application/json; charset=utf-8' } : {}) },
      body: init.body,
    });
  const freshIdToken = await craftIdToken(TEST_ID_TOKEN_SECRET);
  const kinds: Record<string, () => Promise<Response>> = {
    'REST peek (user token)': () => post('/api/1/users/me/screens/peek?platform=ios&version=96', { authorization: `bearer ${user.token}` }),
    'REST peek (new id token)': () => post('/api/1/users/me/screens/peek?platform=ios', { authorization: `bearer ${freshIdToken}` }),
    'REST pop': () => post('/api/1/users/me/screens/pop?platform=ios&version=96', { authorization: `bearer ${user.token}`, body: JSON.stringify({ screen_jwt: jwt }) }),
    'REST trace': () => post('/api/1/users/me/screens/trace?platform=ios&version=96', { authorization: `bearer ${jwt}`, body: '{"event":"tap"}' }),
    'REST admin search': () => post('/api/1/client_flows/search', { authorization: `bearer ${adminToken}`, body: '{}' }),
    'GraphQL peekScreen': () => post('/graphql', { authorization: `bearer ${user.token}`, contentType: 'application/json', body: JSON.stringify({ query: 'mutation { peekScreen(platform: IOS) { visitor } }' }) }),
    'GraphQL viewer': () => post('/graphql', { authorization: `bearer ${user.token}`, contentType: 'application/json', body: JSON.stringify({ query: '{ viewer { sub } }' }) }),
  };
  return Promise.all(
    Object.entries(kinds).map(async ([name, send]): Promise<Outcome> => {
      const started = Date.now();
      const response = await send();
      const text = await response.text();
      const ms = Date.now() - started;
      const body = text.length > 0 && response.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as Record<string, unknown>) : {};
      let kind = response.status < 300 ? 'ok' : String(body.type ?? text);
      const errors = body.errors as { extensions?: { code?: string } }[] | undefined;
      if (errors !== undefined) kind = errors[0]?.extensions?.code ?? 'no code';
      return { name, status: response.status, kind, retryAfter: response.headers.get('retry-after'), ms };
    }),
  );
}

/** 503 service_unavailable with Retry-After over REST, SERVICE_UNAVAILABLE over GraphQL, quickly. */
function expectUnavailable(outcome: Outcome): void {
  const graphqlKind = outcome.name.startsWith('GraphQL');
  expect({ ...outcome, ms: outcome.ms < FAIL_FAST_MS }).toEqual({
    name: outcome.name,
    status: graphqlKind ? outcome.status : 503,
    kind: graphqlKind ? 'SERVICE_UNAVAILABLE' : 'service_unavailable',
    retryAfter: graphqlKind ? outcome.retryAfter : expect.stringMatching(/^\d+$/),
    ms: true,
  });
}

describe('PostgreSQL restarted mid-run', () => {
  it('requests fail fast with 503 while it is down and the same server recovers', async () => {
    const user = await newUser(server, { name: 'pg_restart' });
    const first = await user.client.peek();
    expect(first.status).toBe(200);
    const jwt = first.body.screen.active_jwt;

    // Requests in flight while the database shuts down: served, or refused with 503, nothing else.
    const [inFlight] = await Promise.all([
      Promise.all([everyKind(user, jwt), everyKind(user, jwt)]),
      postgres.stop(),
    ]);
    for (const outcome of inFlight.flat()) {
      if (outcome.kind !== 'ok') expectUnavailable(outcome);
    }

    // Down: every kind, twice over (the second round finds the pool's connections gone too).
    for (let round = 0; round < 2; round++) for (const outcome of await everyKind(user, jwt)) expectUnavailable(outcome);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { postgres: false } });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);

    postgres = await startPostgres();
    // The same server answers again (the pool reconnects on demand) without being restarted.
    const started = Date.now();
    for (;;) {
      const peeked = await user.client.peek();
      if (peeked.status === 200) break;
      expect(peeked.status).toBe(503);
      if (Date.now() - started > 20_000) throw new Error('not serving 20 s after PostgreSQL came back');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const again = await user.client.peek();
    const popped = await user.client.pop(again.body.screen.active_jwt);
    expect(popped.status).toBe(200);
    const viewer = await graphql(server.url, ViewerDocument, {}, { authorization: `bearer ${user.token}` });
    expect(viewer.data?.viewer.sub).toBe(user.sub);
    const viaGraphql = await graphql(server.url, PeekScreenDocument, { platform: 'IOS', version: 96 }, { authorization: `bearer ${user.token}` });
    expect(errorCode(viaGraphql)).toBeUndefined();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  }, 120_000);
});
