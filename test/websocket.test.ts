import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function connect(authorization: string | undefined): { client: Client; closed: Promise<number> } {
  let resolveClosed: (code: number) => void;
  const closed = new Promise<number>((resolve) => (resolveClosed = resolve));
  const client = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: authorization === undefined ? {} : { authorization },
    on: { closed: (event) => resolveClosed((event as { code: number }).code) },
    onNonLazyError: () => {},
  });
  return { client, closed };
}

function viewerOver(client: Client): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let result: unknown;
    client.subscribe(
      { query: '{ viewer { sub } }' },
      { next: (value) => (result = value), error: reject, complete: () => resolve(result) },
    );
  });
}

describe('graphql-ws on the HTTP port and path', () => {
  it('runs operations for a connection authenticated in connectionParams', async () => {
    const token = await server.userToken('oseh_u_websocket');
    const { client } = connect(`bearer ${token}`);
    try {
      expect(await viewerOver(client)).toEqual({ data: { viewer: { sub: 'oseh_u_websocket' } } });
    } finally {
      await client.dispose();
    }
  });

  it('answers syntax and validation errors of an operation, on a connection that stays usable', async () => {
    const token = await server.userToken('oseh_u_websocket_errors');
    const { client } = connect(`bearer ${token}`);
    const errorsOf = (query: string) =>
      new Promise<unknown>((resolve) => {
        client.subscribe({ query }, { next: () => {}, error: resolve, complete: () => resolve(null) });
      });
    try {
      for (let round = 0; round < 2; round++) {
        // The second round is served by the parsed-document cache for the valid text.
        expect(JSON.stringify(await errorsOf('{ viewer {'))).toMatch(/Syntax Error/);
        expect(JSON.stringify(await errorsOf('{ nope }'))).toMatch(/Cannot query field \\"nope\\"/);
        expect(await viewerOver(client)).toEqual({ data: { viewer: { sub: 'oseh_u_websocket_errors' } } });
      }
    } finally {
      await client.dispose();
    }
  });

  it('closes with 4403 when the token is missing or invalid', async () => {
    for (const authorization of [undefined, 'bearer nope', 'Basic x']) {
      const { client, closed } = connect(authorization);
      expect(await closed).toBe(4403);
      await client.dispose();
    }
  });
});
