/**
 * Acceptance tests of trace (queue-engine.md §8): every status of the check table, in its order,
 * and what is stored. REST trace is authenticated by the screen JWT alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TraceScreenDocument } from '../generated/graphql';
import { putFlow } from '../support/fixtures';
import { card, craftScreenJwt, jwtClaims, newUser, serverTrigger, type TestUser } from '../support/flows';
import { errorCode, graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

const JSON_UTF8 = 'application/json; charset=utf-8';

let server: TestServer;
let admin: string;
let user: TestUser;
let jwt: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('oseh_u_trace_admin', { admin: true });
  await putFlow(server, { slug: 'two', screens: [card('First'), card('Second')] });
  user = await newUser(server);
  await serverTrigger(server, admin, user.sub, 'two');
  jwt = (await user.client.peek()).body.screen.active_jwt;
});
afterAll(async () => {
  await server?.close();
});

/** A raw trace request: every header and the body exactly as given. */
async function trace(options: { query?: string; contentType?: string | null; authorization?: string | null; body?: string | Buffer } = {}) {
  const headers: Record<string, string> = {};
  const contentType = options.contentType === undefined ? JSON_UTF8 : options.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  const authorization = options.authorization === undefined ? `bearer ${jwt}` : options.authorization;
  if (authorization !== null) headers.authorization = authorization;
  const response = await fetch(`${server.url}/api/1/users/me/screens/trace?${options.query ?? 'platform=ios&version=96'}`, {
    method: 'POST',
    headers,
    body: options.body ?? '{"type":"tap"}',
  });
  const text = await response.text();
  return { status: response.status, text, json: text.length > 0 && text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** Events stored for the log row a JWT names. */
async function events(screenJwt: string): Promise<string[]> {
  const rows = await server.sql<{ event: string }>(
    `SELECT a.event FROM user_client_screen_actions_log a JOIN user_client_screens_log l ON l.id = a.user_client_screen_log_id
     WHERE l.uid = $1 ORDER BY a.id`,
    [jwtClaims(screenJwt)['oseh:log_uid']],
  );
  return rows.map((r) => r.event);
}

describe('trace statuses (§8 table, in order)', () => {
  it('row 0: 422 for a missing or invalid platform or a non-integer version', async () => {
    for (const query of ['', 'platform=windows', 'platform=ios&version=1.5', 'platform=ios&version=abc']) {
      const answer = await trace({ query });
      expect(answer.status, query).toBe(422);
      expect(answer.json?.detail).toBeInstanceOf(Array);
    }
  });

  it('row 1: 415 unless the Content-Type is exactly application/json; charset=utf-8', async () => {
    for (const contentType of [null, 'application/json', 'application/json;charset=utf-8', 'Application/JSON; charset=utf-8', 'application/json; charset=UTF-8']) {
      const answer = await trace({ contentType });
      expect(answer.status, String(contentType)).toBe(415);
      expect(answer.text).toBe('');
    }
  });

  it('row 2: 401 not_set without an authorization header', async () => {
    const answer = await trace({ authorization: null });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ type: 'not_set', message: 'authorization header not set', markdown: 'authorization header not set' });
  });

  it('row 3: 401 bad_format for another scheme; the bearer scheme is case-insensitive', async () => {
    for (const authorization of [`Basic ${jwt}`, jwt, `token ${jwt}`]) {
      const answer = await trace({ authorization });
      expect(answer.status, authorization.slice(0, 8)).toBe(401);
      expect(answer.json).toMatchObject({ type: 'bad_format' });
    }
    expect((await trace({ authorization: `Bearer ${jwt}` })).status).toBe(204);
    expect((await trace({ authorization: `BEARER ${jwt}` })).status).toBe(204);
  });

  it('row 4: 403 invalid for an expired, foreign, wrongly addressed, future or malformed JWT', async () => {
    const sub = String(jwtClaims(jwt).sub);
    const logUid = String(jwtClaims(jwt)['oseh:log_uid']);
    for (const kind of ['expired', 'wrong_secret', 'wrong_audience', 'future_iat'] as const) {
      const answer = await trace({ authorization: `bearer ${await craftScreenJwt(kind, { sub, logUid })}` });
      expect(answer.status, kind).toBe(403);
      expect(answer.json).toEqual({ type: 'invalid', message: 'token is invalid', markdown: 'token is invalid' });
    }
    expect((await trace({ authorization: 'bearer not-a-jwt' })).status).toBe(403);
  });

  it('row 5: 413 above 2048 bytes; exactly 2048 bytes is accepted', async () => {
    const exactly = `"${'é'.repeat(1023)}"`; // 2 + 2046 bytes
    expect(Buffer.byteLength(exactly)).toBe(2048);
    expect((await trace({ body: exactly })).status).toBe(204);
    const above = `"${'x'.repeat(2047)}"`;
    expect((await trace({ body: above })).status).toBe(413);
  });

  it('row 6: 400 for a body that is not UTF-8 or not exactly one JSON text', async () => {
    for (const body of ['', 'NaN', 'Infinity', '{"a":1} {"b":2}', '{"a":', "{'a':1}", Buffer.from([0x22, 0xc3, 0x28, 0x22])]) {
      expect((await trace({ body })).status, String(body)).toBe(400);
    }
  });

  it('checks in order: 422 before 415, 415 before 401, 401 before 403, 403 before 413, 413 before 400', async () => {
    const big = 'x'.repeat(5000);
    expect((await trace({ query: '', contentType: null, authorization: null })).status).toBe(422);
    expect((await trace({ contentType: 'text/plain', authorization: null })).status).toBe(415);
    expect((await trace({ authorization: null, body: big })).status).toBe(401);
    expect((await trace({ authorization: 'bearer nope', body: big })).status).toBe(403);
    expect((await trace({ body: big })).status).toBe(413);
  });

  it('row 7: 204 stores the body verbatim, for any JSON value', async () => {
    const fresh = await newUser(server);
    const screenJwt = (await fresh.client.peek()).body.screen.active_jwt;
    const bodies = ['{"type": "tap",  "x":1}', '[1, 2]', '"text"', '42', 'null'];
    for (const body of bodies) {
      const answer = await trace({ authorization: `bearer ${screenJwt}`, body });
      expect(answer.status).toBe(204);
      expect(answer.text).toBe('');
    }
    expect(await events(screenJwt)).toEqual(bodies);
  });
});

describe('what a trace is attached to', () => {
  it('works after the screen was popped, for as long as the JWT is valid', async () => {
    const fresh = await newUser(server);
    await serverTrigger(server, admin, fresh.sub, 'two');
    const first = (await fresh.client.peek()).body.screen.active_jwt;
    await fresh.client.pop(first);
    expect((await trace({ authorization: `bearer ${first}`, body: '{"late":true}' })).status).toBe(204);
    expect(await events(first)).toEqual(['{"late":true}']);
  });

  it('answers 204 and stores nothing when the log row does not exist', async () => {
    const orphan = await craftScreenJwt('valid', { sub: 'oseh_ucs_0000000000000000000000', logUid: 'oseh_ucsl_doesnotexist0000000000' });
    expect((await trace({ authorization: `bearer ${orphan}` })).status).toBe(204);
    expect(await events(orphan)).toEqual([]);
  });

  it("REST accepts another user's screen JWT (it cannot tell); GraphQL refuses it with FORBIDDEN", async () => {
    const other = await newUser(server);
    const theirs = (await other.client.peek()).body.screen.active_jwt;
    expect((await trace({ authorization: `bearer ${theirs}`, body: '{"rest":1}' })).status).toBe(204);
    const viaGraphQL = await graphql(
      server.url,
      TraceScreenDocument,
      { platform: 'IOS', version: 96, screenJwt: theirs, event: { graphql: 1 } },
      { authorization: `bearer ${user.token}` },
    );
    expect(errorCode(viaGraphQL)).toBe('FORBIDDEN');
    const own = await graphql(
      server.url,
      TraceScreenDocument,
      { platform: 'IOS', version: 96, screenJwt: theirs, event: { graphql: 2 } },
      { authorization: `bearer ${other.token}` },
    );
    expect(own.errors).toBeUndefined();
    expect(await events(theirs)).toEqual(['{"rest":1}', '{"graphql":2}']);
  });
});
