/**
 * issue 8 item 2: JWT attacks on every token kind the server accepts — id tokens (Authorization
 * of the user routes and GraphQL), opaque `oseh_ut_` user tokens, and screen JWTs (pop bodies,
 * trace's Authorization, GraphQL pop/trace). Media, upload and progress tokens: media-jwt-attacks.test.ts.
 * Each attack is built from a genuine token of that kind: `alg: none`, HS/RS confusion (an RS256
 * or ES256 header over an HMAC of the real secret, a real RS256 signature, an embedded `jwk`),
 * other HMAC sizes, wrong key, audience (including the other kind's), issuer, expired, not yet
 * valid, a tampered payload or header, a stripped signature, another user's screen JWT. All are
 * refused with the documented answer (docs/errors.md) and none changes anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TraceScreenDocument, ViewerDocument, PopScreenDocument } from '../generated/graphql';
import { newUser, queueRows, type TestUser } from '../support/flows';
import { graphql } from '../support/graphql';
import { startTestServer, TEST_ID_TOKEN_SECRET, TEST_SCREEN_JWT_SECRET, type TestServer } from '../support/server';
import { attacksOn } from '../support/jwt-attacks';
import { craftIdToken } from '../support/tokens';

const INVALID = { type: 'invalid', message: 'token is invalid', markdown: 'token is invalid' };

let server: TestServer;
let victim: TestUser;
let other: TestUser;
let victimJwt: string;
let victimFront: unknown;
let otherJwt: string;
beforeAll(async () => {
  server = await startTestServer();
  [victim, other] = await Promise.all([newUser(server, { name: 'jwt_victim' }), newUser(server, { name: 'jwt_other' })]);
  const peeked = await victim.client.peek();
  victimJwt = peeked.body.screen.active_jwt;
  victimFront = peeked.body.screen.active;
  otherJwt = (await other.client.peek()).body.screen.active_jwt;
});
afterAll(async () => {
  await server?.close();
});

/** REST peek with this Authorization: the documented 403 `invalid`. */
async function restPeek(token: string) {
  const response = await fetch(`${server.url}/api/1/users/me/screens/peek?platform=ios&version=96`, { method: 'POST', headers: { authorization: `bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

async function restTrace(token: string) {
  const response = await fetch(`${server.url}/api/1/users/me/screens/trace?platform=ios&version=96`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
    body: '{"event":"attack"}',
  });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? JSON.parse(text) : null };
}

async function counts() {
  const [row] = await server.sql<Record<string, string>>(
    `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM user_client_screen_actions_log) AS actions,
            (SELECT count(*) FROM user_client_screens) AS queued, (SELECT coalesce(sum(queue_version), 0) FROM users) AS versions`,
  );
  return row;
}

describe('JWT attacks', () => {
  it('id tokens: every attack answers 403 invalid over REST and UNAUTHENTICATED over GraphQL; no user is created', async () => {
    const genuine = await craftIdToken(TEST_ID_TOKEN_SECRET, { sub: 'oseh_u_jwt_attack_id' });
    const attacks = await attacksOn(genuine, TEST_ID_TOKEN_SECRET, 'oseh-client-screen');
    const before = await counts();
    for (const [name, token] of Object.entries(attacks)) {
      expect({ name, ...(await restPeek(token)) }).toEqual({ name, status: 403, body: INVALID });
      const viaGraphql = await graphql(server.url, ViewerDocument, {}, { authorization: `bearer ${token}` });
      expect({ name, code: viaGraphql.errors?.[0]?.extensions?.code, reason: viaGraphql.errors?.[0]?.extensions?.reason, data: viaGraphql.data ?? null }).toEqual({
        name,
        code: 'UNAUTHENTICATED',
        reason: 'invalid',
        data: null,
      });
    }
    // A screen JWT is not an id token either.
    expect(await restPeek(victimJwt)).toEqual({ status: 403, body: INVALID });
    expect(await counts()).toEqual(before);
    // The genuine one is accepted (the attacks were refused for what they changed).
    expect((await restPeek(genuine)).status).toBe(200);
  });

  it('oseh_ut_ user tokens: unknown, altered, re-cased, JWT-shaped or expired tokens answer 403 invalid', async () => {
    const token = victim.token;
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const forged = {
      unknown: `oseh_ut_${'A'.repeat(token.length - 8)}`,
      'last character changed': `${token.slice(0, -1)}${last}`,
      truncated: token.slice(0, -1),
      extended: `${token}A`,
      'prefix in upper case': `OSEH_UT_${token.slice(8)}`,
      'prefix only': 'oseh_ut_',
      'an id token behind the prefix': `oseh_ut_${await craftIdToken(TEST_ID_TOKEN_SECRET, { sub: victim.sub })}`,
      "SQL in the token": `oseh_ut_' OR '1'='1`,
    };
    for (const [name, forgedToken] of Object.entries(forged)) {
      expect({ name, ...(await restPeek(forgedToken)) }).toEqual({ name, status: 403, body: INVALID });
    }
    await server.sql(`UPDATE user_tokens SET expires_at = $1 WHERE token = $2`, [Date.now() / 1000 - 1, token]);
    try {
      expect(await restPeek(token)).toEqual({ status: 403, body: INVALID });
      const viaGraphql = await graphql(server.url, ViewerDocument, {}, { authorization: `bearer ${token}` });
      expect(viaGraphql.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid' });
    } finally {
      await server.sql(`UPDATE user_tokens SET expires_at = NULL WHERE token = $1`, [token]);
    }
  });

  it("screen JWTs: trace answers 403 invalid, GraphQL trace FORBIDDEN, pops desync; nothing is popped or traced", async () => {
    const attacks = {
      ...(await attacksOn(victimJwt, TEST_SCREEN_JWT_SECRET, 'oseh-id')),
      'an id token of the same user': await craftIdToken(TEST_ID_TOKEN_SECRET, { sub: victim.sub }),
    };
    const queueBefore = await queueRows(server, victim.sub);
    const before = await counts();
    for (const [name, token] of Object.entries(attacks)) {
      expect({ name, ...(await restTrace(token)) }).toEqual({ name, status: 403, body: INVALID });
      const traced = await graphql(server.url, TraceScreenDocument, { platform: 'IOS', version: 96, screenJwt: token, event: { attack: name } }, { authorization: `bearer ${victim.token}` });
      expect({ name, extensions: traced.errors?.[0]?.extensions }).toEqual({ name, extensions: { code: 'FORBIDDEN', reason: 'invalid_screen_jwt' } });
    }
    // Pops with a refused screen JWT are the `desync` outcome: 200, the same front, nothing popped.
    for (const [name, token] of Object.entries({ ...attacks, "another user's screen JWT": otherJwt })) {
      const popped = await victim.client.pop(token, { slug: 'skip', parameters: {} });
      expect({ name, status: popped.status, front: popped.body.screen.active }).toEqual({ name, status: 200, front: victimFront });
      const viaGraphql = await graphql(server.url, PopScreenDocument, { platform: 'IOS', version: 96, screenJwt: token, trigger: null }, { authorization: `bearer ${victim.token}` });
      expect({ name, errors: viaGraphql.errors }).toEqual({ name, errors: undefined });
    }
    expect((await queueRows(server, victim.sub)).map((r) => r.uid)).toEqual(queueBefore.map((r) => r.uid));
    expect(await queueRows(server, other.sub)).toHaveLength(1);
    const after = await counts();
    expect({ ...after, versions: undefined }).toEqual({ ...before, versions: undefined });
    expect(after.versions).toBe(before.versions);
    // The genuine JWT still names the front: it traces (204) and pops.
    expect((await restTrace(victimJwt)).status).toBe(204);
    const popped = await victim.client.pop(victimJwt);
    expect(popped.status).toBe(200);
    expect((await queueRows(server, victim.sub)).map((r) => r.uid)).not.toEqual(queueBefore.map((r) => r.uid));
  });
});
