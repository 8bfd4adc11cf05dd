import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeekScreenDocument, PopScreenDocument, TraceScreenDocument, TriggerClientFlowDocument } from './generated/graphql';
import { ScreenClient } from './support/client';
import { confirmationScreen, putFlow, queueSlugs } from './support/fixtures';
import { graphql } from './support/graphql';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let adminToken: string;
beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.userToken('oseh_u_queue_admin', { admin: true });
  await putFlow(server, { slug: 'abc', screens: ['A', 'B', 'C'].map((h) => confirmationScreen(h, { allowedTriggers: ['de'] })) });
  await putFlow(server, { slug: 'de', screens: ['D', 'E'].map((h) => confirmationScreen(h, { allowedTriggers: ['abc'] })) });
});
afterAll(async () => {
  await server?.close();
});

async function trigger(userSub: string, slug: string) {
  const result = await graphql(server.url, TriggerClientFlowDocument, { userSub, slug }, { authorization: `bearer ${adminToken}` });
  expect(result.errors).toBeUndefined();
  return result.data!.triggerClientFlow;
}

async function newUser(sub: string): Promise<ScreenClient> {
  return new ScreenClient(server.url, await server.userToken(sub));
}

describe('the queue over REST', () => {
  it('prepends a flow in front of the queue: A,B,C then D,E gives D,E,A,B,C', async () => {
    const client = await newUser('oseh_u_seed_example');
    expect(await trigger('oseh_u_seed_example', 'abc')).toEqual({ requestedSlug: 'abc', queuedFlowSlug: 'abc', queueLength: 3 });
    expect(await trigger('oseh_u_seed_example', 'de')).toMatchObject({ queuedFlowSlug: 'de', queueLength: 5 });
    expect(await queueSlugs(server, 'oseh_u_seed_example')).toEqual(['D', 'E', 'A', 'B', 'C']);
    const peeked = await client.peek();
    expect(peeked.status).toBe(200);
    expect(peeked.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(peeked.body.screen.active).toEqual({ slug: 'confirmation', parameters: expect.objectContaining({ header: 'D' }) });
    // Prefetch holds only the same batch.
    expect(peeked.body.screen.prefetch.map((p) => p.parameters.header)).toEqual(['E']);
  });

  it('pops once per JWT: a second pop with the same JWT is a desync that changes nothing', async () => {
    const sub = 'oseh_u_double_pop';
    const client = await newUser(sub);
    await trigger(sub, 'abc');
    const first = await client.peek();
    const popped = await client.pop(first.body.screen.active_jwt);
    expect(popped.body.screen.active.parameters.header).toBe('B');
    const again = await client.pop(first.body.screen.active_jwt);
    expect(again.status).toBe(200);
    expect(again.body.screen.active.parameters.header).toBe('B');
    expect(await queueSlugs(server, sub)).toEqual(['B', 'C']);
  });

  it('applies an allowed trigger, and turns a disallowed one into forbidden (the screen is still popped)', async () => {
    const sub = 'oseh_u_triggers';
    const client = await newUser(sub);
    await trigger(sub, 'abc');
    const a = await client.peek();
    const afterAllowed = await client.pop(a.body.screen.active_jwt, { slug: 'de', parameters: {} });
    expect(await queueSlugs(server, sub)).toEqual(['D', 'E', 'B', 'C']);
    const afterForbidden = await client.pop(afterAllowed.body.screen.active_jwt, { slug: 'not_allowed_here', parameters: null });
    expect(afterForbidden.status).toBe(200);
    expect(await queueSlugs(server, sub)).toEqual(['E', 'B', 'C']);
  });

  it('keeps the front on an invalid screen JWT (error_bad_auth) and answers 200', async () => {
    const sub = 'oseh_u_bad_jwt';
    const client = await newUser(sub);
    await trigger(sub, 'abc');
    const answer = await client.pop('not-a-jwt');
    expect(answer.status).toBe(200);
    expect(answer.body.screen.active.parameters.header).toBe('A');
    expect(await queueSlugs(server, sub)).toEqual(['A', 'B', 'C']);
  });

  it('never answers an empty queue: peeking an empty queue queues the empty flow once', async () => {
    const sub = 'oseh_u_empty_once';
    const client = await newUser(sub);
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.peek()));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => JSON.parse(Buffer.from(a.body.screen.active_jwt.split('.')[1], 'base64url').toString()).sub)).size).toBe(1);
    expect(await queueSlugs(server, sub)).toEqual(['text_interstitial']);
  });

  it('echoes a known visitor and replaces an unknown or malformed one', async () => {
    const client = await newUser('oseh_u_visitor');
    const first = await client.peek();
    expect(first.body.visitor).toMatch(/^oseh_v_[A-Za-z0-9_-]{22}$/);
    expect((await client.peek(first.body.visitor)).body.visitor).toBe(first.body.visitor);
    expect((await client.peek('oseh_v_unknownvisitor')).body.visitor).not.toBe('oseh_v_unknownvisitor');
    expect((await client.peek('garbage')).body.visitor).toMatch(/^oseh_v_/);
  });
});

describe('racing devices', () => {
  it('applies exactly one of 64 concurrent pops with the same JWT', async () => {
    const sub = 'oseh_u_racing_pops';
    const client = await newUser(sub);
    await trigger(sub, 'abc');
    const jwt = (await client.peek()).body.screen.active_jwt;
    const answers = await Promise.all(Array.from({ length: 64 }, () => client.pop(jwt)));
    expect(answers.map((a) => a.status)).toEqual(Array(64).fill(200));
    expect(new Set(answers.map((a) => a.body.screen.active.parameters.header))).toEqual(new Set(['B']));
    expect(await queueSlugs(server, sub)).toEqual(['B', 'C']);
    const logs = await server.sql<{ n: string }>(
      `SELECT count(*) AS n FROM user_client_screens_log l JOIN users u ON u.id = l.user_id WHERE u.sub = $1`,
      [sub],
    );
    expect(Number(logs[0].n)).toBe(65);
  });

  it('applies every one of 20 concurrent trusted triggers', async () => {
    const sub = 'oseh_u_racing_triggers';
    await newUser(sub);
    await putFlow(server, { slug: 'one', screens: [confirmationScreen('one')] });
    const results = await Promise.all(Array.from({ length: 20 }, () => trigger(sub, 'one')));
    expect(results.every((r) => r.queuedFlowSlug === 'one')).toBe(true);
    const rows = await server.sql<{ outer_counter: number }>(
      `SELECT q.outer_counter FROM user_client_screens q JOIN users u ON u.id = q.user_id WHERE u.sub = $1 ORDER BY 1`,
      [sub],
    );
    expect(rows.map((r) => r.outer_counter)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('REST and GraphQL', () => {
  it('answer the same data for the same peek', async () => {
    const sub = 'oseh_u_both_transports';
    const token = await server.userToken(sub);
    await trigger(sub, 'de');
    const rest = await new ScreenClient(server.url, token).peek();
    const viaGraphQL = await graphql(server.url, PeekScreenDocument, { platform: 'IOS', version: 96 }, { authorization: `bearer ${token}`, visitor: rest.body.visitor });
    expect(viaGraphQL.errors).toBeUndefined();
    const gql = viaGraphQL.data!.peekScreen;
    expect(gql.visitor).toBe(rest.body.visitor);
    expect(gql.screen.active).toEqual(rest.body.screen.active);
    expect(gql.screen.prefetch).toEqual(rest.body.screen.prefetch);
    const sub1 = JSON.parse(Buffer.from(gql.screen.activeJwt.split('.')[1], 'base64url').toString()).sub;
    const sub2 = JSON.parse(Buffer.from(rest.body.screen.active_jwt.split('.')[1], 'base64url').toString()).sub;
    expect(sub1).toBe(sub2);
  });

  it('answer the same data for the same pop with a trigger, and store the same trace', async () => {
    const [restSub, gqlSub] = ['oseh_u_both_pop_rest', 'oseh_u_both_pop_graphql'];
    const rest = new ScreenClient(server.url, await server.userToken(restSub));
    const gqlToken = await server.userToken(gqlSub);
    const auth = { authorization: `bearer ${gqlToken}` };
    for (const sub of [restSub, gqlSub]) await trigger(sub, 'abc');

    const restPopped = await rest.pop((await rest.peek()).body.screen.active_jwt, { slug: 'de', parameters: {} });
    const gqlPeeked = await graphql(server.url, PeekScreenDocument, { platform: 'IOS', version: 96 }, auth);
    const gqlPopped = await graphql(
      server.url,
      PopScreenDocument,
      { platform: 'IOS', version: 96, screenJwt: gqlPeeked.data!.peekScreen.screen.activeJwt, trigger: { slug: 'de', parameters: {} } },
      auth,
    );
    expect(gqlPopped.errors).toBeUndefined();
    const gql = gqlPopped.data!.popScreen.screen;
    expect(restPopped.body.screen.active.parameters.header).toBe('D');
    expect(gql.active).toEqual(restPopped.body.screen.active);
    expect(gql.prefetch).toEqual(restPopped.body.screen.prefetch);
    expect(await queueSlugs(server, gqlSub)).toEqual(await queueSlugs(server, restSub));

    const event = { type: 'cta', step: 2 };
    expect((await rest.trace(restPopped.body.screen.active_jwt, JSON.stringify(event))).status).toBe(204);
    const traced = await graphql(server.url, TraceScreenDocument, { platform: 'IOS', version: 96, screenJwt: gql.activeJwt, event }, auth);
    expect(traced.data?.traceScreen).toBe(true);
    const stored = async (sub: string) =>
      (await server.sql<{ event: string }>(
        `SELECT a.event FROM user_client_screen_actions_log a
           JOIN user_client_screens_log l ON l.id = a.user_client_screen_log_id JOIN users u ON u.id = l.user_id
          WHERE u.sub = $1`,
        [sub],
      )).map((row) => JSON.parse(row.event));
    expect(await stored(gqlSub)).toEqual([event]);
    expect(await stored(restSub)).toEqual([event]);
  });
});

describe('trace', () => {
  it('stores events verbatim and answers each documented status', async () => {
    const sub = 'oseh_u_tracer';
    const client = await newUser(sub);
    const jwt = (await client.peek()).body.screen.active_jwt;
    expect((await client.trace(jwt, '{"type":"cta", "step": 1}')).status).toBe(204);
    expect((await client.trace(jwt, '{}', 'application/json')).status).toBe(415);
    expect((await client.trace(jwt, '{}', 'application/json;charset=utf-8')).status).toBe(415);
    expect((await client.trace(jwt, '{}', null)).status).toBe(415);
    expect((await client.trace('bad', '{}')).status).toBe(403);
    expect((await client.trace(jwt, `"${'x'.repeat(2046)}"`)).status).toBe(204);
    expect((await client.trace(jwt, `"${'x'.repeat(2047)}"`)).status).toBe(413);
    expect((await client.trace(jwt, 'NaN')).status).toBe(400);
    expect((await client.trace(jwt, '')).status).toBe(400);
    expect((await client.trace(jwt, Buffer.from([0x22, 0xff, 0x22]))).status).toBe(400);
    const events = await server.sql<{ event: string }>(
      `SELECT a.event FROM user_client_screen_actions_log a JOIN user_client_screens_log l ON l.id = a.user_client_screen_log_id
       JOIN users u ON u.id = l.user_id WHERE u.sub = $1 ORDER BY a.created_at`,
      [sub],
    );
    expect(events.map((e) => e.event)).toEqual(['{"type":"cta", "step": 1}', `"${'x'.repeat(2046)}"`]);
  });
});
