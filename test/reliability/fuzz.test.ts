/**
 * issue 8 item 2: a seeded fuzz run of over 10,000 malformed requests — REST bodies, query
 * strings and headers, GraphQL documents and request bodies, graphql-ws messages — against one
 * server. No answer is a 5xx, each is an error documented in docs/errors.md (status and body
 * shape) or docs/live-queues.md (close codes), the server keeps serving, and nothing was written:
 * the queue, log, user and flow tables are exactly as before.
 *
 * Every input is invalid by construction (a valid request could legitimately write). Reproduce
 * a failure with FUZZ_SEED=<seed from the test name>; the failing input is in the message.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../support/model';
import { newUser, type TestUser } from '../support/flows';
import { startTestServer, type TestServer } from '../support/server';

const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20_261_129;
const CONCURRENCY = 16;

let server: TestServer;
let user: TestUser;
let jwt: string;
beforeAll(async () => {
  server = await startTestServer();
  user = await newUser(server, { name: 'fuzz' });
  const peeked = await user.client.peek();
  expect(peeked.status).toBe(200);
  jwt = peeked.body.screen.active_jwt;
});
afterAll(async () => {
  await server?.close();
});

/** Row counts of every table a request could write to. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = ['users', 'user_tokens', 'user_client_screens', 'user_client_screens_log', 'user_client_screen_actions_log', 'client_flows', 'client_flow_audit_log', 'visitors'];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const exists = await server.sql<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [table]);
    if (exists[0].t === null) continue;
    out[table] = Number((await server.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  }
  const versions = await server.sql<{ v: string }>(`SELECT coalesce(sum(queue_version), 0) AS v FROM users`);
  out.queue_versions = Number(versions[0].v);
  return out;
}

// ---------------------------------------------------------------------------------- generators

const PRINTABLE = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const NASTY = ['\u0000', '\ud800', '\u2028', '\uffff', '😀', 'é', '\n', '\t', '%00', '%', '&', '=', '\\u0000', '__proto__', 'constructor'];

function text(rng: Rng, max = 24, alphabet = PRINTABLE): string {
  let out = '';
  const length = rng.int(0, max);
  for (let i = 0; i < length; i++) out += rng.chance(0.08) ? rng.pick(NASTY) : alphabet[rng.int(0, alphabet.length - 1)];
  return out;
}

/** Any JSON value, biased towards the shapes the parsers look at. */
function value(rng: Rng, depth = 0): unknown {
  const roll = rng.int(0, depth > 3 ? 6 : 9);
  switch (roll) {
    case 0: return null;
    case 1: return rng.chance(0.5);
    case 2: return rng.pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 1, 96]);
    case 3: case 4: return text(rng);
    case 5: return rng.pick(['ios', 'IOS', 'skip', 'pair', 'empty', '', 'oseh_ut_x']);
    case 6: return jwtLike(rng);
    case 7: return Array.from({ length: rng.int(0, 3) }, () => value(rng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: rng.int(0, 3) }, () => [rng.pick(['slug', 'parameters', 'screen_jwt', 'trigger', text(rng, 8), '__proto__']), value(rng, depth + 1)]));
  }
}

/** A string that looks like a JWT: segments of base64url junk, or the real one with a byte changed. */
function jwtLike(rng: Rng): string {
  if (rng.chance(0.3)) {
    // Never the last two characters: base64url padding bits there may decode to the same bytes.
    const at = rng.int(0, jwt.length - 3);
    return jwt.slice(0, at) + rng.pick(['A', '.', '_', '-', 'z'].filter((c) => c !== jwt[at])) + jwt.slice(at + 1);
  }
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from({ length: rng.int(1, 4) }, () => text(rng, 40, b64)).join('.');
}

/** A string that is not one JSON text. */
function notJson(rng: Rng): string {
  const valid = JSON.stringify({ screen_jwt: jwt, trigger: { slug: 'skip', parameters: {} } });
  return rng.pick([
    () => valid.slice(0, rng.int(0, valid.length - 1)),
    () => `${valid}${rng.pick([' {}', ',', ']', 'x'])}`,
    () => `#${text(rng, 40)}`,
    () => valid.replace(/"/g, "'"),
    () => '['.repeat(rng.int(1, 3000)),
    () => `{"screen_jwt":"${jwt}",}`,
    () => rng.pick(['NaN', 'Infinity', 'undefined', '', ' ', '\u0000', '{"a":1}{"b":2}']),
  ])();
}

/** A pop body that is invalid by construction (so answering it must write nothing). */
function badPopBody(rng: Rng): string {
  const roll = rng.int(0, 5);
  if (roll === 0) return notJson(rng);
  if (roll === 1) return JSON.stringify(rng.pick([null, 1, 'x', true, [jwt], [] as unknown]));
  const body: Record<string, unknown> = {};
  if (rng.chance(0.7)) body.screen_jwt = jwt;
  const trigger = value(rng);
  if (rng.chance(0.6)) body.trigger = trigger;
  for (let i = rng.int(0, 2); i > 0; i--) body[text(rng, 6)] = value(rng);
  // Break it for sure: screen_jwt is never a string here, or the trigger is never a valid object.
  const breakJwt = !('screen_jwt' in body) || roll === 2;
  if (breakJwt) {
    if (rng.chance(0.8)) body.screen_jwt = rng.pick([null, 5, [], {}, true, { jwt }]);
    else delete body.screen_jwt;
  } else {
    body.trigger = rng.pick([
      'skip',
      5,
      [value(rng)],
      true,
      { parameters: value(rng) },
      { slug: rng.pick([null, 1, {}, []]), parameters: {} },
      { slug: 'skip' },
      { slug: text(rng, 8) },
    ]);
  }
  return JSON.stringify(body);
}

/** Percent-encoding of any string (lone surrogates cannot be encoded: they become U+FFFD). */
const uri = (value: string) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));

/** A query string for peek/pop/trace with a bad platform or version (or both). */
function badQuery(rng: Rng): string {
  const platform = rng.pick([null, '', 'IOS', 'Browser', 'server', 'windows', text(rng, 10), 'ios ', 'ios%00', 'android,ios']);
  const version = rng.pick([null, '96', '', '1.5', 'abc', '1e3', '-', text(rng, 6), '99999999999999999999', '0x10']);
  const parts: string[] = [];
  // Keep at least one of the two bad: an absent platform is bad, an absent version is fine.
  if (platform !== null) parts.push(`platform=${uri(platform)}`);
  if (version !== null && (platform === null || rng.chance(0.5) || !['ios', 'android', 'browser'].includes(platform))) parts.push(`version=${uri(version)}`);
  if (rng.chance(0.3)) parts.push(`${uri(text(rng, 6))}=${uri(text(rng, 6))}`);
  if (rng.chance(0.2)) parts.push(rng.pick(['platform', '&&', '%', '%zz']));
  const shuffled = rng.sample(parts, parts.length).join('&');
  return shuffled;
}

/** An Authorization header that is not valid for anyone. */
function badAuthorization(rng: Rng): string | undefined {
  return rng.pick([
    () => undefined,
    () => '',
    () => text(rng, 30),
    () => `${rng.pick(['bearer', 'Bearer', 'BEARER', 'Basic', 'token', 'bearer\t'])} ${rng.pick([jwtLike(rng), `oseh_ut_${text(rng, 30)}`, text(rng, 30), ''])}`,
    () => `bearer  ${user.token}`,
    () => `bearer ${user.token.slice(0, -1)}${user.token.endsWith('A') ? 'B' : 'A'}`,
    () => `bearer${user.token}`,
  ])();
}

/** Header values must be latin-1 without control characters; what the generators made is coerced. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e\x80-\xff]/g, '?').trim();
}

// ---------------------------------------------------------------------------------- requests

interface Sent {
  what: string;
  input: unknown;
  status: number;
  contentType: string | null;
  body: string;
}

async function send(what: string, path: string, init: { method?: string; headers?: Record<string, string | undefined>; body?: string }, input: unknown): Promise<Sent> {
  const headers: Record<string, string> = {};
  for (const [name, v] of Object.entries(init.headers ?? {})) if (v !== undefined) headers[name] = headerSafe(v);
  const response = await fetch(`${server.url}${path}`, { method: init.method ?? 'POST', headers, body: init.body });
  return { what, input, status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

const STANDARD_TYPES = ['not_set', 'bad_format', 'invalid'];

/** The documented REST error bodies (docs/errors.md). */
function expectDocumentedRest(sent: Sent, allowed: number[]): void {
  const context = JSON.stringify({ what: sent.what, input: sent.input, status: sent.status, body: sent.body.slice(0, 300) });
  expect(allowed, context).toContain(sent.status);
  if ([413, 415, 400].includes(sent.status) && sent.what.startsWith('trace')) {
    expect(sent.body, context).toBe('');
    return;
  }
  if (sent.status === 413) {
    expect(sent.body, context).toBe('');
    return;
  }
  const body = JSON.parse(sent.body) as Record<string, unknown>;
  expect(sent.contentType, context).toBe('application/json; charset=utf-8');
  if (sent.status === 422) {
    expect(Array.isArray(body.detail) && body.detail.length > 0, context).toBe(true);
    for (const entry of body.detail as Record<string, unknown>[]) {
      expect(entry, context).toEqual({ loc: expect.any(Array), msg: expect.any(String), type: expect.any(String) });
    }
  } else if (sent.status === 401 || sent.status === 403) {
    expect(STANDARD_TYPES, context).toContain(body.type);
    expect(body.markdown, context).toBe(body.message);
  } else {
    expect(body.detail ?? body.type, context).toBeDefined();
  }
}

/** GraphQL error codes clients may see (docs/errors.md): ours and Apollo's for malformed operations. */
const GRAPHQL_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
];

function expectDocumentedGraphQL(sent: Sent, mayAnswer = false): void {
  const context = JSON.stringify({ what: sent.what, input: sent.input, status: sent.status, body: sent.body.slice(0, 300) });
  expect(sent.status, context).toBeLessThan(500);
  // Apollo answers a few transport refusals in plain text (e.g. a GET without a query, a wrong method).
  if (!sent.contentType?.includes('json')) {
    expect(sent.status, context).toBeGreaterThanOrEqual(400);
    return;
  }
  const body = JSON.parse(sent.body) as { errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown };
  if (mayAnswer && body.errors === undefined) return;
  expect(body.errors?.length ?? 0, context).toBeGreaterThan(0);
  for (const error of body.errors!) {
    expect(GRAPHQL_CODES, context).toContain(error.extensions?.code);
    expect(error.message, context).not.toMatch(/\bat .*\.(ts|js):\d+/);
  }
}

const ROUTE_QUERY = 'platform=ios&version=96';

type Case = (rng: Rng) => Promise<void>;

const REST_CASES: Case[] = [
  // Pop bodies (authenticated): 422, or 413 for the very large ones.
  async (rng) => {
    const body = badPopBody(rng);
    expectDocumentedRest(await send('pop body', `/api/1/users/me/screens/pop?${ROUTE_QUERY}`, { headers: { authorization: `bearer ${user.token}`, 'content-type': 'application/json; charset=utf-8' }, body }, body), [422, 413]);
  },
  // Query strings on the three user routes, authenticated or not: 422 (validated before authentication).
  async (rng) => {
    const query = badQuery(rng);
    const route = rng.pick(['peek', 'pop', 'trace']);
    const authorization = rng.pick([`bearer ${route === 'trace' ? jwt : user.token}`, undefined]);
    expectDocumentedRest(await send(`${route} query`, `/api/1/users/me/screens/${route}?${query}`, { headers: { authorization, 'content-type': 'application/json; charset=utf-8' }, body: route === 'peek' ? undefined : JSON.stringify({ screen_jwt: jwt }) }, query), [422]);
  },
  // Authorization headers on peek, pop, trace and the admin routes: 401 or 403.
  async (rng) => {
    const authorization = badAuthorization(rng);
    const path = rng.pick([
      `/api/1/users/me/screens/peek?${ROUTE_QUERY}`,
      `/api/1/users/me/screens/pop?${ROUTE_QUERY}`,
      `/api/1/client_flows/search`,
      `/api/1/client_flows/test_flow`,
      `/api/1/admin/logs/user_client_screens`,
    ]);
    const sent = await send('authorization', path, { headers: { authorization, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ screen_jwt: jwt }) }, { path, authorization });
    expectDocumentedRest(sent, [401, 403]);
  },
  // Trace: bad bodies (400), content types (415), sizes (413), screen JWTs (403).
  async (rng) => {
    const roll = rng.int(0, 3);
    const headers: Record<string, string | undefined> = { authorization: `bearer ${jwt}`, 'content-type': 'application/json; charset=utf-8' };
    let body = JSON.stringify(value(rng));
    let allowed = [204];
    if (roll === 0) {
      body = notJson(rng);
      allowed = [400, 413];
    } else if (roll === 1) {
      headers['content-type'] = rng.pick([undefined, 'application/json', 'text/plain', 'application/json; charset=UTF-8', text(rng, 20), 'application/json;charset=utf-8']);
      allowed = [415];
    } else if (roll === 2) {
      body = JSON.stringify('x'.repeat(rng.int(2048, 5000)));
      allowed = [413];
    } else {
      headers.authorization = badAuthorization(rng) ?? `bearer ${jwtLike(rng)}`;
      allowed = [401, 403];
    }
    expectDocumentedRest(await send('trace', `/api/1/users/me/screens/trace?${ROUTE_QUERY}`, { headers, body }, { headers, body: body.slice(0, 200) }), allowed);
  },
  // Unknown paths and methods: 404 and 405.
  async (rng) => {
    const known = rng.chance(0.5);
    const path = known ? rng.pick(['/api/1/users/me/screens/peek', '/api/1/users/me/screens/trace', '/api/1/misc/now']) : `/api/1/${uri(text(rng, 12))}x`;
    const method = known ? rng.pick(['PUT', 'DELETE', 'PATCH']) : rng.pick(['GET', 'POST', 'PUT']);
    expectDocumentedRest(await send('path', path, { method, headers: { authorization: `bearer ${user.token}` } }, { path, method }), known ? [405] : [404]);
  },
];

/** Documents: valid ones broken by a cut, a splice of junk, an unknown field, nesting or aliases. */
const BASE_DOCUMENTS = [
  { writes: false, document: '{ viewer { sub admin } }' },
  { writes: false, document: 'query V { viewer { sub } }' },
  { writes: true, document: 'mutation { peekScreen(platform: IOS, version: 96) { visitor screen { activeJwt } } }' },
  { writes: true, document: 'mutation { popScreen(platform: IOS, screenJwt: "J", trigger: {slug: "skip", parameters: {}}) { visitor } }' },
  { writes: false, document: 'subscription { screenQueueChanged { reason queueVersion } }' },
  { writes: false, document: 'query { clientFlows(limit: 5) { __typename } }' },
];

/** A broken document, and whether its base could write (then it never goes with a valid token). */
function badDocument(rng: Rng): { document: string; writes: boolean } {
  const { document: base, writes } = rng.pick(BASE_DOCUMENTS);
  const document = rng.pick([
    () => base.slice(0, rng.int(1, base.length - 2)),
    () => {
      const at = rng.int(0, base.length);
      return base.slice(0, at) + text(rng, 6, '{}()[]:$!@#"\\ ,.') + base.slice(at);
    },
    () => base.replace(/\{ (\w+)/, `{ ${text(rng, 8, 'abcdefghij_')}x `),
    () => `{ viewer ${'{ sub '.repeat(rng.int(2, 400))}${'}'.repeat(rng.int(0, 400))} }`,
    () => `{ ${Array.from({ length: rng.int(2, 200) }, (_, i) => `a${i}: viewer { sub }`).join(' ')} ${rng.pick(['', '}'])}`,
    () => `${base} ${base}`,
    () => text(rng, 60),
    () => base.replace('IOS', rng.pick(['ios', '"IOS"', '1', 'null', 'WINDOWS'])),
    () => base.replace('96', rng.pick(['"96"', '1.5', '99999999999', 'true'])),
  ])();
  return { document, writes };
}

/** Bodies that are not a GraphQL request: wrong JSON shapes and variable types. */
function badGraphqlBody(rng: Rng): string {
  return rng.pick([
    () => notJson(rng),
    () => JSON.stringify(value(rng)),
    () => JSON.stringify({ query: value(rng) }),
    () => JSON.stringify({ query: 'mutation P($p: ClientPlatform!) { peekScreen(platform: $p) { visitor } }', variables: { p: rng.pick(['ios', 'WINDOWS', 1, null, [], {}, text(rng, 6)]) } }),
    () => JSON.stringify({ query: 'mutation P($v: Int) { peekScreen(platform: IOS, version: $v) { visitor } }', variables: { v: rng.pick(['96', 1.5, 2 ** 40, [], {}]) } }),
    () => JSON.stringify({ query: '{ viewer { sub } }', operationName: text(rng, 8) + 'x' }),
    () => JSON.stringify({ query: '{ viewer { sub } }', variables: rng.pick(['x', 5, [], true]) }),
    () => JSON.stringify([{ query: '{ viewer { sub } }' }]),
    () => JSON.stringify({ query: '{ viewer { sub } }', extensions: { persistedQuery: { version: 1, sha256Hash: text(rng, 64) } } }),
  ])();
}

const GRAPHQL_CASES: Case[] = [
  // Broken documents, with no, invalid or (for documents that cannot write) a valid token.
  async (rng) => {
    const { document, writes } = badDocument(rng);
    const authorization = rng.pick([undefined, `bearer ${jwtLike(rng)}`, ...(writes ? [] : [`bearer ${user.token}`])]);
    const sent = await send('graphql document', '/graphql', { headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ query: document }) }, { document, authorization });
    // Junk that happens to leave a read-only document valid (say, extra commas) is answered.
    expectDocumentedGraphQL(sent, !writes && authorization === `bearer ${user.token}`);
  },
  async (rng) => {
    const body = badGraphqlBody(rng);
    const authorization = rng.pick([undefined, `bearer ${user.token}`]);
    const contentType = rng.pick(['application/json', 'application/json', 'text/plain', 'application/graphql-response+json', undefined]);
    expectDocumentedGraphQL(await send('graphql body', '/graphql', { headers: { authorization, 'content-type': contentType }, body }, { body, contentType }));
  },
  // Operations over GET: a mutation is refused, broken queries fail.
  async (rng) => {
    // Over GET a mutation is never executed, so even a still-valid one may carry the user's token.
    const { document, writes } = rng.chance(0.5) ? badDocument(rng) : BASE_DOCUMENTS[2];
    const sent = await send('graphql GET', `/graphql?query=${uri(document)}`, { method: 'GET', headers: { authorization: `bearer ${user.token}`, 'apollo-require-preflight': 'true' } }, document);
    expectDocumentedGraphQL(sent, !writes);
  },
];

// ---------------------------------------------------------------------------------- graphql-ws

/** Documented close codes (docs/live-queues.md); 1000 after a `complete` or our own close. */
const WS_CLOSE_CODES = [1000, 4400, 4401, 4403, 4408, 4409, 4429];

function badWsMessages(rng: Rng): string[] {
  const init = JSON.stringify({ type: 'connection_init', payload: { authorization: `bearer ${user.token}` } });
  const junk = () =>
    rng.pick([
      () => notJson(rng),
      () => JSON.stringify(value(rng)),
      () => JSON.stringify({ type: rng.pick(['subscribe', 'next', 'ping', 'pong', 'complete', 'connection_ack', 'error', text(rng, 8)]), id: value(rng), payload: value(rng) }),
      () => JSON.stringify({ type: 'subscribe', id: '1', payload: { query: badDocument(rng).document } }),
      () => JSON.stringify({ type: 'connection_init', payload: rng.pick([value(rng), { authorization: badAuthorization(rng) ?? '' }]) }),
    ])();
  // Half start with a valid init (the junk then meets an acknowledged connection).
  return rng.chance(0.5) ? [init, junk()] : [junk(), junk()];
}

/** Sends the messages; resolves with the close code (or 1000 after closing it ourselves). */
function wsExchange(messages: string[]): Promise<{ code: number; received: string[] }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const received: string[] = [];
    const timer = setTimeout(() => socket.close(1000), 300);
    socket.on('open', () => {
      for (const message of messages) socket.send(message);
    });
    socket.on('message', (data) => received.push(String(data)));
    socket.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, received });
    });
    socket.on('error', reject);
  });
}

const WS_CASE: Case = async (rng) => {
  const messages = badWsMessages(rng);
  const { code, received } = await wsExchange(messages);
  const context = JSON.stringify({ messages, code, received });
  expect(WS_CLOSE_CODES, context).toContain(code);
  for (const message of received) {
    const parsed = JSON.parse(message) as { type: string; payload?: { extensions?: { code?: string } }[] };
    expect(['connection_ack', 'pong', 'ping', 'error', 'next', 'complete'], context).toContain(parsed.type);
    if (parsed.type === 'error') for (const error of parsed.payload ?? []) expect([...GRAPHQL_CODES, undefined], context).toContain(error.extensions?.code);
  }
};

/** Runs `count` cases drawn from `cases`, CONCURRENCY at a time, each with its own seeded Rng. */
async function run(cases: Case[], count: number, seed: number, concurrency = CONCURRENCY): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const rng = new Rng(seed * 1_000_003 + index);
      await rng.pick(cases)(rng);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

describe(`fuzzing, seed ${SEED}`, () => {
  const counts = { rest: 7700, graphql: 2400, ws: 300 };

  it(`${counts.rest + counts.graphql + counts.ws} malformed requests: documented errors only, no 5xx, no crash, nothing written`, async () => {
    const before = await snapshot();
    const started = Date.now();
    await run(REST_CASES, counts.rest, SEED);
    await run(GRAPHQL_CASES, counts.graphql, SEED + 1);
    await run([WS_CASE], counts.ws, SEED + 2, 8);
    console.log(`fuzz: ${counts.rest + counts.graphql + counts.ws} requests in ${Date.now() - started} ms`);
    expect(await snapshot()).toEqual(before);

    // Still serving: the user's front is where it was, and the JWT still pops it.
    const peeked = await user.client.peek();
    expect(peeked.status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 170_000);
});
