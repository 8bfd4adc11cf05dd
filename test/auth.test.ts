import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewerDocument } from './generated/graphql';
import { errorCode, graphql } from './support/graphql';
import { startTestServer, TEST_ID_TOKEN_SECRET, type TestServer } from './support/server';
import { craftIdToken, unsignedToken } from './support/tokens';

const NOT_SET = { type: 'not_set', message: 'authorization header not set', markdown: 'authorization header not set' };
const BAD_FORMAT = {
  type: 'bad_format',
  message: "authorization header should start with 'bearer '",
  markdown: "authorization header should start with 'bearer '",
};
const INVALID = { type: 'invalid', message: 'token is invalid', markdown: 'token is invalid' };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function peekWith(authorization: string | undefined) {
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  const response = await fetch(`${server.url}/api/1/users/me/screens/peek?platform=browser&version=96`, { method: 'POST', headers });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: text.length > 0 ? JSON.parse(text) : null };
}

describe('REST authentication (rest-wire-contract.md §1.3, §2.1)', () => {
  it('answers 401 not_set without an authorization header', async () => {
    const answer = await peekWith(undefined);
    expect(answer.status).toBe(401);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(answer.body).toEqual(NOT_SET);
  });

  it.each([['Basic dXNlcjpwYXNz'], ['bearer'], ['Token abc'], ['bearerabc'], ['']])('answers 401 bad_format for %j', async (value) => {
    const answer = await peekWith(value);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(BAD_FORMAT);
  });

  it('accepts the bearer scheme in any case', async () => {
    const token = await craftIdToken(TEST_ID_TOKEN_SECRET);
    for (const scheme of ['bearer', 'Bearer', 'BEARER']) {
      expect((await peekWith(`${scheme} ${token}`)).status).toBe(200);
    }
  });

  it('refuses every bad id token with 403 invalid', async () => {
    const now = Math.floor(Date.now() / 1000);
    const bad = {
      'wrong key': await craftIdToken('some-other-secret-0123456789abcdef'),
      expired: await craftIdToken(TEST_ID_TOKEN_SECRET, { iat: now - 7200, exp: now - 1 }),
      'expiring now': await craftIdToken(TEST_ID_TOKEN_SECRET, { exp: now }),
      'wrong audience': await craftIdToken(TEST_ID_TOKEN_SECRET, { aud: 'oseh-client-screen' }),
      'wrong issuer': await craftIdToken(TEST_ID_TOKEN_SECRET, { iss: 'someone-else' }),
      'missing jti': await craftIdToken(TEST_ID_TOKEN_SECRET, { jti: null }),
      'iat in the future': await craftIdToken(TEST_ID_TOKEN_SECRET, { iat: now + 60 }),
      'HS512 instead of HS256': await craftIdToken(TEST_ID_TOKEN_SECRET, { alg: 'HS512' }),
      'alg none': unsignedToken({ sub: 'oseh_u_none', aud: 'oseh-id', iss: 'oseh', iat: now - 1, exp: now + 3600, jti: 'x' }),
      tampered: (await craftIdToken(TEST_ID_TOKEN_SECRET)).replace(/\.([^.]+)\./, (_, p: string) => `.${p.slice(0, -2)}AA.`),
      garbage: 'not-a-jwt',
      'second space': ` ${await craftIdToken(TEST_ID_TOKEN_SECRET)}`,
    };
    for (const [name, token] of Object.entries(bad)) {
      const answer = await peekWith(`bearer ${token}`);
      expect({ name, status: answer.status, body: answer.body }).toEqual({ name, status: 403, body: INVALID });
    }
    // None of the refused tokens created a user.
    const users = await server.sql<{ n: string }>(`SELECT count(*) AS n FROM users WHERE sub = 'oseh_u_none'`);
    expect(Number(users[0].n)).toBe(0);
  });

  it('accepts an id token whose audience is an array containing oseh-id', async () => {
    const token = await craftIdToken(TEST_ID_TOKEN_SECRET, { aud: ['other', 'oseh-id'] });
    expect((await peekWith(`bearer ${token}`)).status).toBe(200);
  });

  it('accepts known user tokens and refuses unknown or expired ones', async () => {
    const token = await server.userToken('oseh_u_token_holder');
    expect((await peekWith(`bearer ${token}`)).status).toBe(200);
    expect((await peekWith(`bearer oseh_ut_${'x'.repeat(32)}`)).body).toEqual(INVALID);
    await server.sql(`UPDATE user_tokens SET expires_at = $1 WHERE token = $2`, [Date.now() / 1000 - 1, token]);
    const expired = await peekWith(`bearer ${token}`);
    expect(expired.status).toBe(403);
    expect(expired.body).toEqual(INVALID);
  });
});

describe('GraphQL authentication (admin-api.md §1.5)', () => {
  it('answers UNAUTHENTICATED with the REST reason', async () => {
    const missing = await graphql(server.url, ViewerDocument, {});
    expect(errorCode(missing)).toBe('UNAUTHENTICATED');
    expect(missing.errors?.[0]?.extensions?.reason).toBe('not_set');
    const badFormat = await graphql(server.url, ViewerDocument, {}, { authorization: 'Basic x' });
    expect(badFormat.errors?.[0]?.extensions?.reason).toBe('bad_format');
    const invalid = await graphql(server.url, ViewerDocument, {}, { authorization: 'bearer nope' });
    expect(errorCode(invalid)).toBe('UNAUTHENTICATED');
    expect(invalid.errors?.[0]?.extensions?.reason).toBe('invalid');
    expect(invalid.data).toBeNull();
  });

  it('creates the user from the id token claims on first use', async () => {
    const sub = 'oseh_u_claims';
    const before = Date.now() / 1000;
    const token = await craftIdToken(TEST_ID_TOKEN_SECRET, { sub, extra: { given_name: 'Ann', family_name: 'Lee' } });
    const result = await graphql(server.url, ViewerDocument, {}, { authorization: `bearer ${token}` });
    expect(result.errors).toBeUndefined();
    expect(result.data?.viewer).toMatchObject({ sub, givenName: 'Ann', familyName: 'Lee', admin: false });
    expect(result.data!.viewer.createdAt).toBeGreaterThanOrEqual(before - 1);
    expect(result.data!.viewer.createdAt).toBeLessThanOrEqual(Date.now() / 1000 + 1);
  });
});
