import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminScreenActionsLogDocument, AdminScreensLogDocument } from '../generated/graphql';
import { newUser, type TestUser } from '../support/flows';
import { errorCode, graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';
import { postJson } from './admin-rest';

let server: TestServer;
let admin: string;
let alice: TestUser;
let bob: TestUser;
let aliceLogUid: string;

const SCREENS_LOG = ['/api/1/admin/logs/user_client_screens', '/api/1/admin/log/user_client_screens'];
const ACTIONS_LOG = ['/api/1/admin/logs/user_client_screen_actions', '/api/1/admin/log/user_client_screen_actions'];

beforeAll(async () => {
  server = await startTestServer();
  admin = `bearer ${await server.userToken('logs-admin', { admin: true })}`;
  alice = await newUser(server, { name: 'alice', givenName: 'Alice', familyName: 'A', createdAt: 1700000000.5 });
  bob = await newUser(server, { name: 'bob', createdAt: 1700000100 });
  const peeked = await alice.client.peek();
  expect(peeked.status).toBe(200);
  const jwt = peeked.body.screen.active_jwt;
  expect((await alice.client.trace(jwt, '{"type": "cta", "step": 1}')).status).toBe(204);
  expect((await alice.client.trace(jwt, '{"type": "close", "nested": {"<b>": [1, 2.5]}}')).status).toBe(204);
  await bob.client.peek();
  await bob.client.peek(); // a second realization: another log row
  [{ uid: aliceLogUid }] = await server.sql<{ uid: string }>(
    `SELECT l.uid FROM user_client_screens_log l JOIN users u ON u.id = l.user_id WHERE u.sub = $1`,
    [alice.sub],
  );
  // Rows without a visitor (the column is nullable), with shared timestamps: NULL handling in sorts.
  await server.sql(`
    INSERT INTO user_client_screens_log (uid, user_id, platform, visitor_id, screen, created_at)
    SELECT 'oseh_ucsl_novisitor' || i, u.id, 'browser', NULL, '{"slug": "confirmation", "parameters": {}}'::jsonb, 1700000000
    FROM generate_series(1, 5) AS i, users u WHERE u.sub = $1`, [bob.sub]);
});
afterAll(async () => {
  await server?.close();
});

describe('user_client_screens log (§13)', () => {
  it('items join the user and the visitor; the alias answers the same', async () => {
    const body = { filters: { user_sub: { operator: 'eq', value: alice.sub } }, sort: [{ key: 'created_at', dir: 'desc' }], limit: 16 };
    const [canonical, alias] = await Promise.all(SCREENS_LOG.map((path) => postJson(server, path, body, admin)));
    expect(canonical.status).toBe(200);
    expect(alias.body).toEqual(canonical.body);
    const [row] = await server.sql<{ visitor: string; screen: { slug: string; parameters: unknown }; created_at: number }>(
      `SELECT v.uid AS visitor, l.screen, l.created_at FROM user_client_screens_log l JOIN visitors v ON v.id = l.visitor_id WHERE l.uid = $1`,
      [aliceLogUid],
    );
    expect(canonical.body).toEqual({
      items: [
        {
          uid: aliceLogUid,
          user: { sub: alice.sub, given_name: 'Alice', family_name: 'A', created_at: 1700000000.5 },
          platform: 'ios',
          visitor: row.visitor,
          screen: row.screen,
          created_at: row.created_at,
        },
      ],
      next_page_sort: null,
    });
    expect(row.screen.slug).toEqual(expect.any(String));
  });

  it('screen_slug filters on the slug inside the logged screen', async () => {
    const [{ slug }] = await server.sql<{ slug: string }>(`SELECT screen->>'slug' AS slug FROM user_client_screens_log WHERE uid = $1`, [aliceLogUid]);
    const expected = await server.sql<{ n: string }>(`SELECT count(*) AS n FROM user_client_screens_log WHERE screen->>'slug' = $1`, [slug]);
    const answer = await postJson(server, SCREENS_LOG[0], { filters: { screen_slug: { operator: 'eq', value: slug } } }, admin);
    expect(answer.body.items).toHaveLength(Number(expected[0].n));
    expect(answer.body.items.every((i: { screen: { slug: string } }) => i.screen.slug === slug)).toBe(true);
  });

  it('visitor desc pages return the NULL-visitor rows too (reference defect (a)), each row once', async () => {
    const all = await server.sql<{ uid: string }>(`SELECT uid FROM user_client_screens_log`);
    const seen: string[] = [];
    let sort: unknown = [{ key: 'visitor', dir: 'desc' }];
    for (let i = 0; i < 50; i++) {
      const answer = await postJson(server, SCREENS_LOG[1], { sort, limit: 2 }, admin);
      expect(answer.status).toBe(200);
      seen.push(...answer.body.items.map((item: { uid: string }) => item.uid));
      const next = answer.body.next_page_sort;
      if (next === null || !next.some((s: { after: unknown }) => s.after !== null)) break;
      sort = next;
    }
    expect([...seen].sort()).toEqual(all.map((r) => r.uid).sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(-5).every((uid) => uid.startsWith('oseh_ucsl_novisitor'))).toBe(true);
  });

  it('422 for unknown filters and sort keys; GraphQL answers the same rows with users through the loader', async () => {
    for (const path of [...SCREENS_LOG, ...ACTIONS_LOG]) {
      const filter = await postJson(server, path, { filters: { platform: { operator: 'eq', value: 'ios' } } }, admin);
      expect(filter).toMatchObject({ status: 422, contentType: 'application/json; charset=utf-8' });
      expect(filter.body).toEqual({ detail: [{ loc: ['body', 'filters', 'platform'], msg: 'extra fields not permitted', type: 'value_error.extra' }] });
      const sort = await postJson(server, path, { sort: [{ key: 'platform', dir: 'asc' }] }, admin);
      expect(sort).toMatchObject({ status: 422, body: { detail: [{ loc: ['body', 'sort', 0, 'key'] }] } });
    }
    const rest = await postJson(server, SCREENS_LOG[0], { sort: [{ key: 'user_sub', dir: 'asc' }], limit: 1000 }, admin);
    const result = await graphql(server.url, AdminScreensLogDocument, { sort: [{ key: 'USER_SUB', dir: 'ASC' }], first: 1000 }, { authorization: admin });
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.userClientScreensLog.edges.map((e) => e.node);
    expect(nodes.map((n) => ({ uid: n.uid, sub: n.user.sub, givenName: n.user.givenName, visitor: n.visitor, platform: n.platform.toLowerCase() }))).toEqual(
      rest.body.items.map((i: { uid: string; user: { sub: string; given_name: string | null }; visitor: string | null; platform: string }) => ({
        uid: i.uid, sub: i.user.sub, givenName: i.user.given_name, visitor: i.visitor, platform: i.platform,
      })),
    );
    const bad = await graphql(server.url, AdminScreensLogDocument, { filter: { createdAt: { op: 'OUT' } } }, { authorization: admin });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'invalid_filter' });
  });
});

describe('user_client_screen_actions log (§13)', () => {
  it('lists the traces of a screen in time order with the client JSON as sent; the alias answers the same', async () => {
    const body = { filters: { user_client_screen_log_uid: { operator: 'eq', value: aliceLogUid } }, sort: [{ key: 'created_at', dir: 'asc' }], limit: 16 };
    const [canonical, alias] = await Promise.all(ACTIONS_LOG.map((path) => postJson(server, path, body, admin)));
    expect(canonical.status).toBe(200);
    expect(alias.body).toEqual(canonical.body);
    expect(canonical.body.items.map((i: { event: unknown }) => i.event)).toEqual([
      { type: 'cta', step: 1 },
      { type: 'close', nested: { '<b>': [1, 2.5] } },
    ]);
    for (const item of canonical.body.items) {
      expect(Object.keys(item).sort()).toEqual(['created_at', 'event', 'uid', 'user_client_screen_log_uid']);
      expect(item.user_client_screen_log_uid).toBe(aliceLogUid);
      expect(item.uid).toMatch(/^oseh_ucsal_/);
    }
    expect(canonical.body.next_page_sort).toBeNull();
  });

  it('GraphQL pages the actions and resolves each one\'s screen log row through the loader', async () => {
    const first = await graphql(server.url, AdminScreenActionsLogDocument, { first: 1, sort: [{ key: 'CREATED_AT', dir: 'ASC' }] }, { authorization: admin });
    expect(first.data!.userClientScreenActionsLog.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const node = first.data!.userClientScreenActionsLog.edges[0].node;
    expect(node).toMatchObject({ userClientScreenLogUid: aliceLogUid, event: { type: 'cta', step: 1 }, screenLog: { uid: aliceLogUid, user: { sub: alice.sub } } });
    const second = await graphql(
      server.url,
      AdminScreenActionsLogDocument,
      { first: 1, after: first.data!.userClientScreenActionsLog.pageInfo.endCursor, sort: [{ key: 'CREATED_AT', dir: 'ASC' }] },
      { authorization: admin },
    );
    expect(second.data!.userClientScreenActionsLog.edges[0].node.event).toEqual({ type: 'close', nested: { '<b>': [1, 2.5] } });
    expect(second.data!.userClientScreenActionsLog.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const forbidden = await graphql(server.url, AdminScreenActionsLogDocument, { first: 1 }, { authorization: `bearer ${alice.token}` });
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
  });
});
