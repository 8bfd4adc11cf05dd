/**
 * Bad input on every user endpoint (REST peek, pop, trace; GraphQL peekScreen, popScreen,
 * traceScreen, triggerClientFlow): each request gets the documented status and body
 * (rest-wire-contract.md §1–§4, queue-engine.md §6–§8, docs/errors.md), never a 5xx, and changes
 * nothing: the queues, log rows, action rows and visitors of the users involved stay as they were.
 * Bad screen JWTs on pop are not errors (200, nothing popped); those answers add exactly the one
 * log row every peek-family answer writes, and nothing else.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signScreenJwt } from '../src/services/screen-jwt';
import {
  PeekScreenDocument,
  PopScreenDocument,
  TraceScreenDocument,
  TriggerClientFlowDocument,
} from './generated/graphql';
import { confirmationScreen, putFlow } from './support/fixtures';
import { jwtClaims } from './support/flows';
import { errorCode, graphql, type GraphQLResult } from './support/graphql';
import { startTestServer, TEST_SCREEN_JWT_SECRET, type TestServer } from './support/server';
import { craftIdToken, unsignedToken } from './support/tokens';

const VICTIM = 'oseh_u_bad_input_victim';
const OTHER = 'oseh_u_bad_input_other';
const JSON_UTF8 = 'application/json; charset=utf-8';
const QUERY = 'platform=ios&version=96';
const BODY_LIMIT = 1_048_576;
const TRACE_LIMIT = 2048;
const INVALID_TOKEN = { type: 'invalid', message: 'token is invalid', markdown: 'token is invalid' };

let server: TestServer;
let adminToken: string;
let victimToken: string;
let victimVisitor: string;
/** The victim's front (A of A, B, C): a pop with it would change the queue. */
let frontJwt: string;
/** The front of another user's queue. */
let otherJwt: string;

async function adminTrigger(userSub: string, slug: string, clientParameters?: Record<string, unknown>) {
  return graphql(server.url, TriggerClientFlowDocument, { userSub, slug, clientParameters }, { authorization: `bearer ${adminToken}` });
}

/** A user with the queue A, B, C; returns its token and the JWT of A. */
async function queuedUser(sub: string): Promise<{ token: string; jwt: string; visitor: string }> {
  const token = await server.userToken(sub);
  expect((await adminTrigger(sub, 'abc')).errors).toBeUndefined();
  const peeked = await fetch(`${server.url}/api/1/users/me/screens/peek?${QUERY}`, { method: 'POST', headers: { authorization: `bearer ${token}` } });
  const body = (await peeked.json()) as { visitor: string; screen: { active_jwt: string } };
  return { token, jwt: body.screen.active_jwt, visitor: body.visitor };
}

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.userToken('oseh_u_bad_input_admin', { admin: true });
  await putFlow(server, { slug: 'abc', screens: ['A', 'B', 'C'].map((h) => confirmationScreen(h, { allowedTriggers: ['de', 'open'] })) });
  await putFlow(server, { slug: 'de', screens: ['D', 'E'].map((h) => confirmationScreen(h)) });
  // A flow whose client schema takes any object: client parameters reach the database unchecked.
  await putFlow(server, { slug: 'open', clientSchema: { type: 'object' }, screens: [confirmationScreen('O')] });
  const victim = await queuedUser(VICTIM);
  victimToken = victim.token;
  frontJwt = victim.jwt;
  victimVisitor = victim.visitor;
  otherJwt = (await queuedUser(OTHER)).jwt;
});
afterAll(async () => {
  await server?.close();
});

// ------------------------------------------------------------------------------------------------
// Requests

type Endpoint = 'peek' | 'pop' | 'trace';
const ENDPOINTS: Endpoint[] = ['peek', 'pop', 'trace'];

interface Reply {
  status: number;
  contentType: string | null;
  text: string;
}

/**
 * A REST request of the victim that would succeed (and, for pop and trace, change something)
 * but for what `options` override.
 */
async function send(
  endpoint: Endpoint,
  options: { query?: string; authorization?: string; contentType?: string | null; body?: string | Buffer | ReadableStream<Uint8Array> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {
    authorization: options.authorization ?? `bearer ${endpoint === 'trace' ? frontJwt : victimToken}`,
  };
  if (endpoint !== 'trace') headers.visitor = victimVisitor;
  const contentType = options.contentType === undefined ? (endpoint === 'peek' ? null : JSON_UTF8) : options.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  const defaultBody = endpoint === 'pop' ? JSON.stringify({ screen_jwt: frontJwt }) : endpoint === 'trace' ? '{"type":"cta"}' : undefined;
  const response = await fetch(`${server.url}/api/1/users/me/screens/${endpoint}?${options.query ?? QUERY}`, {
    method: 'POST',
    headers,
    body: 'body' in options ? options.body : defaultBody,
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** A raw POST to /graphql (bodies the typed client cannot send). */
async function postGraphQL(body: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `bearer ${victimToken}`, ...headers },
    body,
  });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** GraphQL options of the victim, with its visitor so no answer creates one. */
const victimAuth = () => ({ authorization: `bearer ${victimToken}`, visitor: victimVisitor });

// ------------------------------------------------------------------------------------------------
// State

interface UserState {
  queue: string[];
  logs: string[];
  actions: string[];
  visitors: number;
}

async function userState(sub: string): Promise<UserState> {
  const queue = await server.sql<{ row: string }>(
    `SELECT q.uid || '@' || q.outer_counter || '.' || q.inner_counter AS row FROM user_client_screens q JOIN users u ON u.id = q.user_id
     WHERE u.sub = $1 ORDER BY q.outer_counter DESC, q.inner_counter ASC`,
    [sub],
  );
  const logs = await server.sql<{ uid: string }>(
    `SELECT l.uid FROM user_client_screens_log l JOIN users u ON u.id = l.user_id WHERE u.sub = $1 ORDER BY l.id`,
    [sub],
  );
  const actions = await server.sql<{ uid: string }>(
    `SELECT a.uid FROM user_client_screen_actions_log a JOIN user_client_screens_log l ON l.id = a.user_client_screen_log_id
     JOIN users u ON u.id = l.user_id WHERE u.sub = $1 ORDER BY a.id`,
    [sub],
  );
  const [{ n }] = await server.sql<{ n: string }>(
    `SELECT count(*) AS n FROM visitor_users v JOIN users u ON u.id = v.user_id WHERE u.sub = $1`,
    [sub],
  );
  return { queue: queue.map((r) => r.row), logs: logs.map((r) => r.uid), actions: actions.map((r) => r.uid), visitors: Number(n) };
}

async function world() {
  const [{ n }] = await server.sql<{ n: string }>(`SELECT count(*) AS n FROM users`);
  return { victim: await userState(VICTIM), other: await userState(OTHER), users: Number(n) };
}

/** Runs a request that must change nothing at all. */
async function unchanged<T>(request: () => Promise<T>): Promise<T> {
  const before = await world();
  const result = await request();
  expect(await world()).toEqual(before);
  return result;
}

/** Runs a peek-family request that must only log what it showed: one new log row of the victim. */
async function onlyLogged<T>(request: () => Promise<T>): Promise<T> {
  const before = await world();
  const result = await request();
  const after = await world();
  expect(after.victim.logs.slice(0, -1)).toEqual(before.victim.logs);
  expect(after.victim.logs).toHaveLength(before.victim.logs.length + 1);
  expect({ ...after, victim: { ...after.victim, logs: before.victim.logs } }).toEqual(before);
  return result;
}

// ------------------------------------------------------------------------------------------------
// Expectations

function expectValidationError(reply: Reply, ...locs: (string | number)[][]): void {
  expect(reply.status).toBe(422);
  expect(reply.contentType).toBe(JSON_UTF8);
  const body = JSON.parse(reply.text) as { detail: unknown[] };
  expect(body).toEqual({
    detail: locs.map((loc) => expect.objectContaining({ loc, msg: expect.any(String), type: expect.any(String) })),
  });
}

function expectEmpty(reply: Reply, status: number): void {
  expect(reply.status).toBe(status);
  expect(reply.text).toBe('');
}

/** A peek-family 200 over REST showing `header` in front. */
function expectFront(reply: Reply, header: string): void {
  expect(reply.status).toBe(200);
  expect((JSON.parse(reply.text) as { screen: { active: { parameters: { header?: string } } } }).screen.active.parameters.header).toBe(header);
}

/** A GraphQL answer that is one error with this code (and reason, when given) and no data. */
function expectGraphQLError(result: GraphQLResult<unknown>, code: string, reason?: string): void {
  expect(result.status).toBeLessThan(500);
  expect(result.errors).toHaveLength(1);
  expect(errorCode(result)).toBe(code);
  if (reason !== undefined) expect(result.errors?.[0].extensions?.reason).toBe(reason);
  expect(result.data ?? null).toBeNull();
}


// ------------------------------------------------------------------------------------------------

describe('REST query string (§1.4): 422 before authentication, nothing changes', () => {
  const BAD_QUERIES = [
    { what: 'platform missing', query: 'version=96', param: 'platform' },
    { what: 'platform empty', query: 'platform=&version=96', param: 'platform' },
    { what: 'platform in upper case', query: 'platform=IOS&version=96', param: 'platform' },
    { what: 'platform capitalized', query: 'platform=Browser&version=96', param: 'platform' },
    { what: 'platform unknown', query: 'platform=windows&version=96', param: 'platform' },
    { what: 'platform server (not a client platform)', query: 'platform=server&version=96', param: 'platform' },
    { what: 'version 1.5', query: 'platform=ios&version=1.5', param: 'version' },
    { what: 'version abc', query: 'platform=ios&version=abc', param: 'version' },
    { what: 'version empty', query: 'platform=ios&version=', param: 'version' },
    { what: 'version 1e3', query: 'platform=ios&version=1e3', param: 'version' },
  ];
  const cases = ENDPOINTS.flatMap((endpoint) => BAD_QUERIES.map((c) => ({ endpoint, ...c })));

  it.each(cases)('$endpoint with $what → 422 at query.$param', async ({ endpoint, query, param }) => {
    const reply = await unchanged(() => send(endpoint, { query }));
    expectValidationError(reply, ['query', param]);
  });

  it.each(ENDPOINTS)('%s reports a bad platform and a bad version together', async (endpoint) => {
    const reply = await unchanged(() => send(endpoint, { query: 'platform=Android&version=x' }));
    expectValidationError(reply, ['query', 'platform'], ['query', 'version']);
  });
});

describe('REST pop body (§4.2): 422, nothing popped', () => {
  const BAD_BODIES: { what: string; body: () => unknown; loc: (string | number)[] }[] = [
    { what: 'screen_jwt is a number', body: () => ({ screen_jwt: 5 }), loc: ['body', 'screen_jwt'] },
    { what: 'screen_jwt is null', body: () => ({ screen_jwt: null }), loc: ['body', 'screen_jwt'] },
    { what: 'screen_jwt is an object', body: () => ({ screen_jwt: { jwt: frontJwt } }), loc: ['body', 'screen_jwt'] },
    { what: 'screen_jwt is missing', body: () => ({ trigger: null }), loc: ['body', 'screen_jwt'] },
    { what: 'the body is {}', body: () => ({}), loc: ['body', 'screen_jwt'] },
    { what: 'trigger is a string', body: () => ({ screen_jwt: frontJwt, trigger: 'de' }), loc: ['body', 'trigger'] },
    { what: 'trigger is an array', body: () => ({ screen_jwt: frontJwt, trigger: ['de', {}] }), loc: ['body', 'trigger'] },
    { what: 'trigger is a number', body: () => ({ screen_jwt: frontJwt, trigger: 1 }), loc: ['body', 'trigger'] },
    { what: 'trigger without slug', body: () => ({ screen_jwt: frontJwt, trigger: { parameters: {} } }), loc: ['body', 'trigger', 'slug'] },
    { what: 'slug is a number', body: () => ({ screen_jwt: frontJwt, trigger: { slug: 5, parameters: {} } }), loc: ['body', 'trigger', 'slug'] },
    { what: 'slug is null', body: () => ({ screen_jwt: frontJwt, trigger: { slug: null, parameters: {} } }), loc: ['body', 'trigger', 'slug'] },
    { what: 'trigger without the parameters key', body: () => ({ screen_jwt: frontJwt, trigger: { slug: 'de' } }), loc: ['body', 'trigger', 'parameters'] },
    { what: 'the body is an array', body: () => [frontJwt], loc: ['body'] },
    { what: 'the body is a string', body: () => frontJwt, loc: ['body'] },
    { what: 'the body is null', body: () => null, loc: ['body'] },
  ];

  it.each(BAD_BODIES)('$what → 422 at $loc', async ({ body, loc }) => {
    const reply = await unchanged(() => send('pop', { body: JSON.stringify(body()) }));
    expectValidationError(reply, loc);
  });

  it('reports every problem of the body at once', async () => {
    const reply = await unchanged(() => send('pop', { body: JSON.stringify({ screen_jwt: 1, trigger: 'de' }) }));
    expectValidationError(reply, ['body', 'screen_jwt'], ['body', 'trigger']);
  });

  const NOT_JSON: { what: string; body: () => string }[] = [
    { what: 'plain text', body: () => 'pop please' },
    { what: 'an empty body', body: () => '' },
    { what: 'truncated JSON', body: () => `{"screen_jwt":"${frontJwt}"` },
    { what: 'a trailing comma', body: () => `{"screen_jwt":"${frontJwt}",}` },
    { what: 'single quotes', body: () => `{'screen_jwt':'${frontJwt}'}` },
    { what: 'two JSON texts', body: () => `{"screen_jwt":"${frontJwt}"} {}` },
    { what: 'NaN', body: () => 'NaN' },
  ];

  it.each(NOT_JSON)('$what → 422 at body', async ({ body }) => {
    expectValidationError(await unchanged(() => send('pop', { body: body() })), ['body']);
  });
});

describe('body limits (§1.2, §4.3): 413 with an empty body, nothing changes', () => {
  /** A pop of the victim's front padded with whitespace to `size` bytes: valid, were it not too big. */
  const popOf = (jwt: string, size: number) => {
    const json = JSON.stringify({ screen_jwt: jwt });
    return json + ' '.repeat(size - Buffer.byteLength(json));
  };
  const chunked = (text: string) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = Buffer.from(text);
        for (let i = 0; i < bytes.length; i += 65_536) controller.enqueue(bytes.subarray(i, i + 65_536));
        controller.close();
      },
    });

  it.each([
    { what: 'pop 1 byte above the limit (Content-Length)', run: () => send('pop', { body: popOf(frontJwt, BODY_LIMIT + 1) }) },
    { what: 'pop 1 byte above the limit (chunked, no Content-Length)', run: () => send('pop', { body: chunked(popOf(frontJwt, BODY_LIMIT + 1)) }) },
    { what: 'pop of 5 MiB', run: () => send('pop', { body: popOf(frontJwt, 5 * BODY_LIMIT) }) },
    { what: 'trace 1 byte above 2048', run: () => send('trace', { body: `"${'x'.repeat(TRACE_LIMIT - 1)}"` }) },
    { what: 'trace above the general limit', run: () => send('trace', { body: `"${'x'.repeat(BODY_LIMIT)}"` }) },
    {
      what: 'GraphQL 1 byte above the limit',
      run: () => {
        const query = 'mutation { peekScreen(platform: IOS) { visitor } }';
        const json = JSON.stringify({ query });
        return postGraphQL(json + ' '.repeat(BODY_LIMIT + 1 - json.length));
      },
    },
  ])('$what', async ({ run }) => {
    expectEmpty(await unchanged(run), 413);
  });

  it('pop accepts a body of exactly the limit (here a desync: only the log row is written)', async () => {
    const reply = await onlyLogged(() => send('pop', { body: popOf(otherJwt, BODY_LIMIT) }));
    expectFront(reply, 'A');
  });
});

describe('REST trace (§4.3): 415 and 400 are empty and store nothing', () => {
  it.each([
    { what: 'application/json', contentType: 'application/json' },
    { what: 'no space before charset', contentType: 'application/json;charset=utf-8' },
    { what: 'UTF-8 in upper case', contentType: 'application/json; charset=UTF-8' },
    { what: 'text/plain', contentType: 'text/plain; charset=utf-8' },
    { what: 'no Content-Type', contentType: null },
  ])('Content-Type $what → 415', async ({ contentType }) => {
    expectEmpty(await unchanged(() => send('trace', { contentType })), 415);
  });

  it.each([
    { what: 'plain text', body: 'clicked' },
    { what: 'an empty body', body: '' },
    { what: 'NaN', body: 'NaN' },
    { what: 'Infinity', body: 'Infinity' },
    { what: 'two JSON texts', body: '{} {}' },
    { what: 'truncated JSON', body: '{"type":' },
    { what: 'invalid UTF-8', body: Buffer.from([0x22, 0xc3, 0x28, 0x22]) },
  ])('$what → 400', async ({ body }) => {
    expectEmpty(await unchanged(() => send('trace', { body })), 400);
  });
});

describe('screen JWTs that do not name the front (§4.2, §4.3, §6.2)', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const frontClaims = () => {
    const claims = jwtClaims(frontJwt);
    return { sub: claims.sub as string, logUid: claims['oseh:log_uid'] as string, screenSlug: claims['oseh:screen_slug'] as string };
  };
  const screenClaims = () => ({ 'oseh:log_uid': frontClaims().logUid, 'oseh:screen_slug': frontClaims().screenSlug });
  /** Each would pop the victim's front A (or trace on its log row) if it were accepted. */
  const BAD_JWTS: { what: string; jwt: () => Promise<string> | string }[] = [
    {
      what: 'a payload character flipped',
      jwt: () => {
        const [header, payload, signature] = frontJwt.split('.');
        const i = Math.floor(payload.length / 2);
        return `${header}.${payload.slice(0, i)}${payload[i] === 'A' ? 'B' : 'A'}${payload.slice(i + 1)}.${signature}`;
      },
    },
    { what: 'signed with another secret', jwt: () => signScreenJwt('another-client-screen-secret-0123456789', frontClaims(), now()) },
    { what: 'expired one second ago', jwt: () => signScreenJwt(TEST_SCREEN_JWT_SECRET, frontClaims(), now() - 604_801) },
    { what: 'issued a minute in the future', jwt: () => signScreenJwt(TEST_SCREEN_JWT_SECRET, frontClaims(), now() + 60) },
    {
      what: 'with the id-token audience',
      jwt: () => craftIdToken(TEST_SCREEN_JWT_SECRET, { sub: frontClaims().sub, aud: 'oseh-id', extra: screenClaims() }),
    },
    {
      what: 'with another issuer',
      jwt: () => craftIdToken(TEST_SCREEN_JWT_SECRET, { sub: frontClaims().sub, aud: 'oseh-client-screen', iss: 'not-oseh', extra: screenClaims() }),
    },
    {
      what: 'without oseh:log_uid',
      jwt: () => craftIdToken(TEST_SCREEN_JWT_SECRET, { sub: frontClaims().sub, aud: 'oseh-client-screen', extra: { 'oseh:screen_slug': 'confirmation' } }),
    },
    {
      what: 'signed with HS512',
      jwt: () => craftIdToken(TEST_SCREEN_JWT_SECRET, { sub: frontClaims().sub, aud: 'oseh-client-screen', alg: 'HS512', extra: screenClaims() }),
    },
    { what: 'unsigned (alg none)', jwt: () => unsignedToken(jwtClaims(frontJwt)) },
    { what: "the user's id token", jwt: () => server.idToken(VICTIM) },
    { what: "the user's oseh_ut_ token", jwt: () => victimToken },
    { what: 'not a JWT', jwt: () => 'not-a-jwt' },
    { what: 'an empty string', jwt: () => '' },
  ];

  it.each(BAD_JWTS)('REST pop with a screen JWT $what: 200, nothing popped (error_bad_auth)', async ({ jwt }) => {
    const token = await jwt();
    const reply = await onlyLogged(() => send('pop', { body: JSON.stringify({ screen_jwt: token, trigger: { slug: 'de', parameters: {} } }) }));
    expectFront(reply, 'A');
  });

  it.each(BAD_JWTS)('GraphQL popScreen with a screen JWT $what: nothing popped (error_bad_auth)', async ({ jwt }) => {
    const screenJwt = await jwt();
    const result = await onlyLogged(() =>
      graphql(server.url, PopScreenDocument, { platform: 'IOS', version: 96, screenJwt, trigger: { slug: 'de', parameters: {} } }, victimAuth()),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.popScreen.screen.active.parameters.header).toBe('A');
  });

  // An empty token cannot be sent as `bearer ` over HTTP: header values are trimmed (→ 401 bad_format).
  it.each(BAD_JWTS.filter((c) => c.what !== 'an empty string'))('REST trace with a screen JWT $what: 403 invalid', async ({ jwt }) => {
    const token = await jwt();
    const reply = await unchanged(() => send('trace', { authorization: `bearer ${token}` }));
    expect(reply.status).toBe(403);
    expect(reply.contentType).toBe(JSON_UTF8);
    expect(JSON.parse(reply.text)).toEqual(INVALID_TOKEN);
  });

  it.each(BAD_JWTS)('GraphQL traceScreen with a screen JWT $what: FORBIDDEN', async ({ jwt }) => {
    const screenJwt = await jwt();
    const result = await unchanged(() =>
      graphql(server.url, TraceScreenDocument, { platform: 'IOS', version: 96, screenJwt, event: { type: 'cta' } }, victimAuth()),
    );
    expectGraphQLError(result, 'FORBIDDEN', 'invalid_screen_jwt');
  });

  it("REST pop with another user's screen JWT: desync, neither queue changes", async () => {
    const body = JSON.stringify({ screen_jwt: otherJwt, trigger: { slug: 'de', parameters: {} } });
    expectFront(await onlyLogged(() => send('pop', { body })), 'A');
  });

  it("GraphQL popScreen with another user's screen JWT: desync, neither queue changes", async () => {
    const result = await onlyLogged(() =>
      graphql(server.url, PopScreenDocument, { platform: 'IOS', version: 96, screenJwt: otherJwt, trigger: { slug: 'de', parameters: {} } }, victimAuth()),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.popScreen.screen.active.parameters.header).toBe('A');
  });

  it("GraphQL traceScreen with another user's screen JWT: FORBIDDEN, nothing stored for either user", async () => {
    const result = await unchanged(() =>
      graphql(server.url, TraceScreenDocument, { platform: 'IOS', version: 96, screenJwt: otherJwt, event: { type: 'cta' } }, victimAuth()),
    );
    expectGraphQLError(result, 'FORBIDDEN', 'invalid_screen_jwt');
  });
});

describe('GraphQL arguments of the wrong type: 400, never a 500, nothing changes', () => {
  const front = () => frontJwt;
  const WRONG_VARIABLES: { what: string; run: () => Promise<GraphQLResult<unknown>> }[] = [
    { what: 'peekScreen platform in lower case', run: () => graphql(server.url, PeekScreenDocument, { platform: 'ios' } as never, victimAuth()) },
    { what: 'peekScreen platform SERVER', run: () => graphql(server.url, PeekScreenDocument, { platform: 'SERVER' } as never, victimAuth()) },
    { what: 'peekScreen platform a number', run: () => graphql(server.url, PeekScreenDocument, { platform: 1 } as never, victimAuth()) },
    { what: 'peekScreen platform missing', run: () => graphql(server.url, PeekScreenDocument, {} as never, victimAuth()) },
    { what: 'peekScreen version 1.5', run: () => graphql(server.url, PeekScreenDocument, { platform: 'IOS', version: 1.5 }, victimAuth()) },
    { what: 'peekScreen version "abc"', run: () => graphql(server.url, PeekScreenDocument, { platform: 'IOS', version: 'abc' } as never, victimAuth()) },
    { what: 'peekScreen version above 32 bits', run: () => graphql(server.url, PeekScreenDocument, { platform: 'IOS', version: 2 ** 31 }, victimAuth()) },
    {
      what: 'popScreen screenJwt a number',
      run: () => graphql(server.url, PopScreenDocument, { platform: 'IOS', screenJwt: 5 } as never, victimAuth()),
    },
    {
      what: 'popScreen screenJwt null',
      run: () => graphql(server.url, PopScreenDocument, { platform: 'IOS', screenJwt: null } as never, victimAuth()),
    },
    {
      what: 'popScreen trigger a string',
      run: () => graphql(server.url, PopScreenDocument, { platform: 'IOS', screenJwt: front(), trigger: 'de' } as never, victimAuth()),
    },
    {
      what: 'popScreen trigger an array',
      run: () => graphql(server.url, PopScreenDocument, { platform: 'IOS', screenJwt: front(), trigger: [{ slug: 'de' }] } as never, victimAuth()),
    },
    {
      what: 'popScreen trigger without slug',
      run: () => graphql(server.url, PopScreenDocument, { platform: 'IOS', screenJwt: front(), trigger: { parameters: {} } } as never, victimAuth()),
    },
    {
      what: 'popScreen trigger slug a number',
      run: () => graphql(server.url, PopScreenDocument, { platform: 'IOS', screenJwt: front(), trigger: { slug: 5, parameters: {} } } as never, victimAuth()),
    },
    {
      what: 'popScreen trigger with an unknown field',
      run: () =>
        graphql(server.url, PopScreenDocument, { platform: 'IOS', screenJwt: front(), trigger: { slug: 'de', parameters: {}, extra: 1 } } as never, victimAuth()),
    },
    {
      what: 'traceScreen event missing',
      run: () => graphql(server.url, TraceScreenDocument, { platform: 'IOS', screenJwt: front() } as never, victimAuth()),
    },
    {
      what: 'traceScreen event null',
      run: () => graphql(server.url, TraceScreenDocument, { platform: 'IOS', screenJwt: front(), event: null }, victimAuth()),
    },
    {
      what: 'traceScreen screenJwt a number',
      run: () => graphql(server.url, TraceScreenDocument, { platform: 'IOS', screenJwt: 5, event: {} } as never, victimAuth()),
    },
    {
      what: 'triggerClientFlow clientParameters an array',
      run: () =>
        graphql(server.url, TriggerClientFlowDocument, { userSub: VICTIM, slug: 'de', clientParameters: [1] } as never, { authorization: `bearer ${adminToken}` }),
    },
    {
      what: 'triggerClientFlow serverParameters a string',
      run: () =>
        graphql(server.url, TriggerClientFlowDocument, { userSub: VICTIM, slug: 'de', serverParameters: 'x' } as never, { authorization: `bearer ${adminToken}` }),
    },
    {
      what: 'triggerClientFlow userSub a number',
      run: () => graphql(server.url, TriggerClientFlowDocument, { userSub: 5, slug: 'de' } as never, { authorization: `bearer ${adminToken}` }),
    },
    {
      what: 'triggerClientFlow platform SERVER',
      run: () => graphql(server.url, TriggerClientFlowDocument, { userSub: VICTIM, slug: 'de', platform: 'SERVER' } as never, { authorization: `bearer ${adminToken}` }),
    },
  ];

  it.each(WRONG_VARIABLES)('variables: $what → 400 BAD_USER_INPUT', async ({ run }) => {
    const result = await unchanged(run);
    expect(result.status).toBe(400);
    expectGraphQLError(result, 'BAD_USER_INPUT');
  });

  it.each([
    { what: 'an enum value that does not exist', query: 'mutation { peekScreen(platform: SERVER) { visitor } }', code: 'GRAPHQL_VALIDATION_FAILED' },
    { what: 'a string for an enum', query: 'mutation { peekScreen(platform: "IOS") { visitor } }', code: 'GRAPHQL_VALIDATION_FAILED' },
    { what: 'a float for an Int', query: 'mutation { peekScreen(platform: IOS, version: 1.5) { visitor } }', code: 'GRAPHQL_VALIDATION_FAILED' },
    { what: 'a required argument missing', query: 'mutation { popScreen(platform: IOS) { visitor } }', code: 'GRAPHQL_VALIDATION_FAILED' },
    { what: 'an unknown argument', query: 'mutation { peekScreen(platform: IOS, user: "x") { visitor } }', code: 'GRAPHQL_VALIDATION_FAILED' },
    { what: 'a variable declared with the wrong type', query: 'mutation ($p: String!) { peekScreen(platform: $p) { visitor } }', code: 'GRAPHQL_VALIDATION_FAILED' },
    { what: 'a syntax error', query: 'mutation { peekScreen(platform: IOS', code: 'GRAPHQL_PARSE_FAILED' },
  ])('literal: $what → 400 $code', async ({ query, code }) => {
    const reply = await unchanged(() => postGraphQL(JSON.stringify({ query, variables: { p: 'IOS' } })));
    expect(reply.status).toBe(400);
    expect((JSON.parse(reply.text) as { errors: { extensions: { code: string } }[] }).errors.map((e) => e.extensions.code)).toEqual([code]);
  });

  it.each([
    { what: 'not JSON', body: 'peek please' },
    { what: 'a query that is not a string', body: '{"query": 5}' },
    { what: 'a batch', body: '[{"query": "mutation { peekScreen(platform: IOS) { visitor } }"}]' },
    { what: 'variables as a JSON string', body: JSON.stringify({ query: 'mutation ($p: ClientPlatform!) { peekScreen(platform: $p) { visitor } }', variables: '{"p":"IOS"}' }) },
  ])('HTTP body: $what → 400 BAD_REQUEST', async ({ body }) => {
    const reply = await unchanged(() => postGraphQL(body));
    expect(reply.status).toBe(400);
    expect((JSON.parse(reply.text) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('a mutation over GET is refused (4xx) and changes nothing', async () => {
    const reply = await unchanged(async () => {
      const query = encodeURIComponent('mutation { peekScreen(platform: IOS) { visitor } }');
      const response = await fetch(`${server.url}/graphql?query=${query}`, {
        headers: { authorization: `bearer ${victimToken}`, 'apollo-require-preflight': 'true' },
      });
      return { status: response.status, text: await response.text() };
    });
    expect(reply.status).toBe(405);
  });
});

describe('GraphQL traceScreen event size (§8 rows 5–7): BAD_USER_INPUT above 2048 bytes serialized', () => {
  it.each([
    { what: 'an object of 2100 characters', event: { note: 'x'.repeat(2100) } },
    { what: 'a string serializing to 2049 bytes', event: 'x'.repeat(TRACE_LIMIT - 1) },
    { what: 'a string of 1100 two-byte characters (2202 bytes, 1102 characters)', event: 'é'.repeat(1100) },
    { what: 'a long array', event: Array.from({ length: 1000 }, (_, i) => i) },
  ])('$what', async ({ event }) => {
    const result = await unchanged(() => graphql(server.url, TraceScreenDocument, { platform: 'IOS', screenJwt: frontJwt, event }, victimAuth()));
    expectGraphQLError(result, 'BAD_USER_INPUT', 'too_large');
  });

  it('accepts an event of exactly 2048 bytes serialized (and stores it verbatim)', async () => {
    const event = 'x'.repeat(TRACE_LIMIT - 2);
    const before = await userState(VICTIM);
    const result = await graphql(server.url, TraceScreenDocument, { platform: 'IOS', screenJwt: frontJwt, event }, victimAuth());
    expect(result.errors).toBeUndefined();
    const after = await userState(VICTIM);
    expect(after.actions).toHaveLength(before.actions.length + 1);
    const [{ stored }] = await server.sql<{ stored: string }>(`SELECT event AS stored FROM user_client_screen_actions_log WHERE uid = $1`, [after.actions.at(-1)]);
    expect(stored).toBe(JSON.stringify(event));
  });
});

describe('GraphQL triggerClientFlow (admin only)', () => {
  it.each([
    { what: 'on another user', userSub: () => OTHER },
    { what: 'on themselves', userSub: () => VICTIM },
  ])('a non-admin triggering $what → FORBIDDEN not_admin', async ({ userSub }) => {
    const result = await unchanged(() => graphql(server.url, TriggerClientFlowDocument, { userSub: userSub(), slug: 'de' }, { authorization: `bearer ${victimToken}` }));
    expectGraphQLError(result, 'FORBIDDEN', 'not_admin');
  });

  it('without credentials → UNAUTHENTICATED', async () => {
    const result = await unchanged(() => graphql(server.url, TriggerClientFlowDocument, { userSub: VICTIM, slug: 'de' }, {}));
    expectGraphQLError(result, 'UNAUTHENTICATED', 'not_set');
  });

  it.each(['oseh_u_nobody_has_this_sub', '', ' '])('for the unknown user %j → BAD_USER_INPUT user_not_found, no user created', async (userSub) => {
    const result = await unchanged(() => adminTrigger(userSub, 'de'));
    expectGraphQLError(result, 'BAD_USER_INPUT', 'user_not_found');
  });
});

/**
 * Defects this file found, now fixed: parameters jsonb cannot store or recursion cannot walk,
 * deep trace events, and text holding U+0000 sent to PostgreSQL.
 */
describe('former defects', () => {
  /** Client parameters PostgreSQL cannot store (jsonb refuses U+0000 and lone surrogates) or V8 cannot clone (deep nesting). */
  const UNSTORABLE: { what: string; parameters: () => unknown }[] = [
    { what: 'U+0000 in a string', parameters: () => ({ name: 'a\u0000b' }) },
    { what: 'U+0000 in a key', parameters: () => ({ 'na\u0000me': 1 }) },
    { what: 'a lone surrogate', parameters: () => ({ name: '\ud800' }) },
    { what: 'nesting 100 deep', parameters: () => ({ deep: JSON.parse('['.repeat(100) + ']'.repeat(100)) as unknown }) },
  ];
  let fresh = 0;

  // Was: 500 (REST) / INTERNAL_SERVER_ERROR (GraphQL). The allowed trigger's flow has an open
  // client schema, so the parameters reach cloneJson (stack overflow) or a jsonb insert
  // (22P05 / 22021), and the whole pop fails. Correct: 200, the front popped, and the trigger
  // either applied or turned into error_flow_schema.
  it.each(UNSTORABLE)('REST pop with an allowed trigger and $what: 200 and the pop applies', async ({ parameters }) => {
    const sub = `oseh_u_unstorable_rest_${fresh++}`;
    const user = await queuedUser(sub);
    const response = await fetch(`${server.url}/api/1/users/me/screens/pop?${QUERY}`, {
      method: 'POST',
      headers: { authorization: `bearer ${user.token}`, 'content-type': JSON_UTF8 },
      body: JSON.stringify({ screen_jwt: user.jwt, trigger: { slug: 'open', parameters: parameters() } }),
    });
    expect(response.status).toBe(200);
    expect(['O', 'B']).toContain(((await response.json()) as { screen: { active: { parameters: { header: string } } } }).screen.active.parameters.header);
  });

  it.each(UNSTORABLE)('GraphQL popScreen with an allowed trigger and $what: the pop applies', async ({ parameters }) => {
    const sub = `oseh_u_unstorable_graphql_${fresh++}`;
    const user = await queuedUser(sub);
    const result = await graphql(
      server.url,
      PopScreenDocument,
      { platform: 'IOS', screenJwt: user.jwt, trigger: { slug: 'open', parameters: parameters() } },
      { authorization: `bearer ${user.token}` },
    );
    expect(result.errors).toBeUndefined();
    expect(['O', 'B']).toContain(result.data!.popScreen.screen.active.parameters.header);
  });

  // Was: INTERNAL_SERVER_ERROR. traceScreen serializes the event with JSON.stringify, which throws
  // a RangeError on deep nesting; anything nested over 1024 deep is over 2048 bytes anyway.
  it('GraphQL traceScreen with an event nested 100000 deep: 400 BAD_REQUEST before any resolver runs', async () => {
    const depth = 100_000;
    const query = 'mutation ($jwt: String!, $event: JSON!) { traceScreen(platform: IOS, screenJwt: $jwt, event: $event) }';
    const reply = await unchanged(() => postGraphQL(`{"query":${JSON.stringify(query)},"variables":{"jwt":"${frontJwt}","event":${'['.repeat(depth)}${']'.repeat(depth)}}}`));
    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.text) as { errors: { extensions: { code: string; reason?: string } }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('REST pop with an allowed trigger whose parameters nest 5000 deep: 200 and the pop applies', async () => {
    const user = await queuedUser(`oseh_u_unstorable_deep_${fresh++}`);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const response = await fetch(`${server.url}/api/1/users/me/screens/pop?${QUERY}`, {
      method: 'POST',
      headers: { authorization: `bearer ${user.token}`, 'content-type': JSON_UTF8 },
      body: `{"screen_jwt":${JSON.stringify(user.jwt)},"trigger":{"slug":"open","parameters":{"deep":${deep}}}}`,
    });
    expect(response.status).toBe(200);
    expect(['O', 'B']).toContain(((await response.json()) as { screen: { active: { parameters: { header: string } } } }).screen.active.parameters.header);
  });

  // Was: INTERNAL_SERVER_ERROR. The sub goes to PostgreSQL as a text parameter, which cannot
  // hold U+0000 (08P01/22021); no user can have such a sub, so it is simply unknown.
  it('triggerClientFlow for a userSub containing U+0000: BAD_USER_INPUT user_not_found', async () => {
    const result = await unchanged(() => adminTrigger('oseh_u_\u0000', 'de'));
    expectGraphQLError(result, 'BAD_USER_INPUT', 'user_not_found');
  });

  // Was: INTERNAL_SERVER_ERROR, for the same reason, from the flow lookup by slug. No flow can
  // have such a slug: the trigger resolves not_found (§3.2 step 1) and queues nothing.
  it('triggerClientFlow of a slug containing U+0000: not_found, nothing queued', async () => {
    const result = await unchanged(() => adminTrigger(VICTIM, 'd\u0000e'));
    expect(result.errors).toBeUndefined();
    expect(result.data!.triggerClientFlow.queuedFlowSlug).toBe('not_found');
  });

  // Was: the connection closed with 4500 (internal error) instead of 4403: the oseh_ut_ lookup
  // sends U+0000 to PostgreSQL, which answers 08P01. HTTP headers cannot carry U+0000, but
  // graphql-ws connectionParams are JSON and can.
  it('graphql-ws connectionParams with an oseh_ut_ token containing U+0000: closed with 4403', async () => {
    const code = await new Promise<number>((resolve) => {
      const client = createClient({
        url: `${server.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        connectionParams: { authorization: 'bearer oseh_ut_\u0000' },
        on: { closed: (event) => resolve((event as { code: number }).code) },
        onNonLazyError: () => {},
      });
      void client;
    });
    expect(code).toBe(4403);
  });
});
