import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRows, type TestRow } from '../../src/domain/search/testing';
import type { SortItem } from '../../src/domain/search/types';
import {
  AdminClientFlowDocument, AdminClientFlowKeysDocument, AdminClientFlowsDocument, AdminClientScreenDocument, AdminClientScreensDocument,
  AdminScreenActionsLogDocument, AdminScreensLogDocument, type AdminClientFlowKeysQuery, type ClientFlowSortKey, type SortDirection,
} from '../generated/graphql';
import { putFlow } from '../support/fixtures';
import { errorCode, graphql, type GraphQLResult } from '../support/graphql';
import { startTestServer, TEST_ID_TOKEN_SECRET, type TestServer } from '../support/server';
import { craftIdToken } from '../support/tokens';
import { BAD_FORMAT, INVALID, NOT_SET, postJson } from './admin-rest';

let server: TestServer;
let admin: string;
let nonAdmin: string;

const FLOWS = '/api/1/client_flows/search';
const SCREENS = '/api/1/client_screens/search';

beforeAll(async () => {
  server = await startTestServer();
  admin = `bearer ${await server.userToken('search-admin', { admin: true })}`;
  nonAdmin = `bearer ${await server.userToken('search-user')}`;
  // 1,000 flows in one statement: NULL and duplicate names (mixed case), shared created_at values.
  await server.sql(`
    INSERT INTO client_flows (uid, slug, name, description, client_schema, server_schema, replaces, screens, rules, flags, created_at, revision)
    SELECT 'oseh_cfl_' || substr(md5(i::text), 1, 22),
           'pg-' || substr(md5('s' || i), 1, 6) || '-' || i,
           CASE WHEN i % 5 = 0 THEN NULL WHEN i % 3 = 0 THEN 'Name ' || (i % 37) ELSE 'name ' || (i % 41) END,
           NULL, '{}'::jsonb, '{}'::jsonb, false, '[]'::jsonb, '[]'::jsonb, CASE WHEN i % 2 = 0 THEN 31 ELSE 30 END,
           1700000000.25 + (i % 97) / 8.0, 1
    FROM generate_series(1, 1000) AS i`);
});
afterAll(async () => {
  await server?.close();
});

const PATHS = [FLOWS, SCREENS, '/api/1/admin/logs/user_client_screens', '/api/1/admin/log/user_client_screens',
  '/api/1/admin/logs/user_client_screen_actions', '/api/1/admin/log/user_client_screen_actions'];

describe('admin authentication on every search path (§1.4)', () => {
  it.each(PATHS)('%s: 401 not_set, 401 bad_format, 403 invalid, 403 for a non-admin, before any body validation', async (path) => {
    const badBody = { limit: 'lots' };
    expect(await postJson(server, path, badBody)).toMatchObject({ status: 401, body: NOT_SET });
    expect(await postJson(server, path, badBody, 'Basic abc')).toMatchObject({ status: 401, body: BAD_FORMAT });
    expect(await postJson(server, path, badBody, 'bearer oseh_ut_nope')).toMatchObject({ status: 403, body: INVALID });
    expect(await postJson(server, path, badBody, nonAdmin)).toMatchObject({ status: 403, body: INVALID });
    expect(await postJson(server, path, badBody, admin)).toMatchObject({ status: 422, body: { detail: [{ loc: ['body', 'limit'], type: 'type_error.integer' }] } });
    expect((await postJson(server, path, {}, admin)).status).toBe(200);
  });

  it('GraphQL: UNAUTHENTICATED with the REST reason, FORBIDDEN not_admin for non-admins', async () => {
    const anonymous = await graphql(server.url, AdminClientFlowKeysDocument, { first: 1 });
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'not_set' });
    const invalid = await graphql(server.url, AdminClientFlowKeysDocument, { first: 1 }, { authorization: 'bearer oseh_ut_nope' });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid' });
    const forbiddenFlows = await graphql(server.url, AdminClientFlowKeysDocument, { first: 1 }, { authorization: nonAdmin });
    expect(forbiddenFlows.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'not_admin' });
    const forbiddenScreens = await graphql(server.url, AdminClientScreensDocument, { first: 1 }, { authorization: nonAdmin });
    expect(forbiddenScreens.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'not_admin' });
  });
});

describe('admin tokens of every kind (§1.2-§1.4)', () => {
  const gqlReason = async (authorization: string) => {
    const result = await graphql(server.url, AdminClientFlowKeysDocument, { first: 1 }, { authorization });
    return result.errors === undefined ? 'ok' : `${String(result.errors[0].extensions?.code)} ${String(result.errors[0].extensions?.reason)}`;
  };

  it("an admin's id token is accepted (any case of bearer); every bad id token is 403 invalid / UNAUTHENTICATED invalid", async () => {
    const sub = 'search-id-admin';
    await server.userToken(sub, { admin: true });
    const good = await craftIdToken(TEST_ID_TOKEN_SECRET, { sub });
    for (const scheme of ['bearer', 'Bearer']) expect((await postJson(server, FLOWS, { limit: 1 }, `${scheme} ${good}`)).status).toBe(200);
    expect(await gqlReason(`bearer ${good}`)).toBe('ok');
    const now = Math.floor(Date.now() / 1000);
    const bad = {
      'bad signature': await craftIdToken('another-secret-0123456789abcdef01', { sub }),
      expired: await craftIdToken(TEST_ID_TOKEN_SECRET, { sub, iat: now - 7200, exp: now - 1 }),
      'wrong aud': await craftIdToken(TEST_ID_TOKEN_SECRET, { sub, aud: 'oseh-client-screen' }),
      'wrong iss': await craftIdToken(TEST_ID_TOKEN_SECRET, { sub, iss: 'elsewhere' }),
      'missing jti': await craftIdToken(TEST_ID_TOKEN_SECRET, { sub, jti: null }),
    };
    for (const [name, token] of Object.entries(bad)) {
      const answer = await postJson(server, FLOWS, { limit: 'lots' }, `bearer ${token}`);
      expect({ name, status: answer.status, body: answer.body }).toEqual({ name, status: 403, body: INVALID });
      expect({ name, graphql: await gqlReason(`bearer ${token}`) }).toEqual({ name, graphql: 'UNAUTHENTICATED invalid' });
    }
    expect(await gqlReason('Basic abc')).toBe('UNAUTHENTICATED bad_format');
  });

  it('a valid id token of a new user, or of a non-admin, is 403; granting admin applies at once; an expired admin user token is 403', async () => {
    const stranger = await craftIdToken(TEST_ID_TOKEN_SECRET, { sub: 'search-never-seen' });
    expect(await postJson(server, FLOWS, {}, `bearer ${stranger}`)).toMatchObject({ status: 403, body: INVALID });
    expect(await gqlReason(`bearer ${stranger}`)).toBe('FORBIDDEN not_admin');
    const token = await server.userToken('search-promoted');
    expect(await postJson(server, FLOWS, {}, `bearer ${token}`)).toMatchObject({ status: 403, body: INVALID });
    await server.sql(`UPDATE users SET admin = true WHERE sub = 'search-promoted'`);
    expect((await postJson(server, FLOWS, {}, `bearer ${token}`)).status).toBe(200); // no negative cache
    await server.sql(`UPDATE user_tokens SET expires_at = $1 WHERE token = $2`, [Date.now() / 1000 - 1, token]);
    expect(await postJson(server, FLOWS, {}, `bearer ${token}`)).toMatchObject({ status: 403, body: INVALID });
    expect(await gqlReason(`bearer ${token}`)).toBe('UNAUTHENTICATED invalid');
  });

  it('the GraphQL log readers: UNAUTHENTICATED not_set, FORBIDDEN not_admin', async () => {
    for (const document of [AdminScreensLogDocument, AdminScreenActionsLogDocument] as const) {
      const anonymous = await graphql(server.url, document as typeof AdminScreensLogDocument, { first: 1 });
      expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'not_set' });
      const user = await graphql(server.url, document as typeof AdminScreensLogDocument, { first: 1 }, { authorization: nonAdmin });
      expect(user.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'not_admin' });
      expect((await graphql(server.url, document as typeof AdminScreensLogDocument, { first: 1 }, { authorization: admin })).errors).toBeUndefined();
    }
  });
});

describe('search errors (§3.6)', () => {
  const detailOf = async (body: unknown) => {
    const answer = await postJson(server, FLOWS, body, admin);
    expect(answer.status).toBe(422);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    return answer.body.detail;
  };

  it('422 for shape: unknown filter keys, arity, operators, types, limit, invalid JSON', async () => {
    expect(await detailOf({ filters: { description: { operator: 'eq', value: 'x' } } })).toEqual([
      { loc: ['body', 'filters', 'description'], msg: 'extra fields not permitted', type: 'value_error.extra' },
    ]);
    expect(await detailOf({ filters: { created_at: { operator: 'bt', value: 3 } } })).toMatchObject([{ loc: ['body', 'filters', 'created_at', 'value'], type: 'value_error.filter_arity' }]);
    expect(await detailOf({ filters: { created_at: { operator: 'btn' } } })).toMatchObject([{ type: 'value_error.filter_arity' }]);
    expect(await detailOf({ filters: { created_at: { operator: 'eq', value: [1, 2] } } })).toMatchObject([{ type: 'value_error.filter_arity' }]);
    expect(await detailOf({ filters: { slug: { operator: 'contains', value: 'x' } } })).toMatchObject([{ loc: ['body', 'filters', 'slug', 'operator'], type: 'type_error.enum' }]);
    expect(await detailOf({ filters: { slug: { operator: 'eq', value: 'x', typo: 1 } } })).toMatchObject([{ loc: ['body', 'filters', 'slug', 'typo'], type: 'value_error.extra' }]);
    expect(await detailOf({ filters: { flags: { mutation: { operator: 'and', value: 1 } } } })).toMatchObject([{ loc: ['body', 'filters', 'flags', 'comparison'], type: 'value_error.missing' }]);
    expect(await detailOf({ sort: [{ key: 'description', dir: 'asc' }] })).toMatchObject([{ loc: ['body', 'sort', 0, 'key'] }]);
    expect(await detailOf({ sort: [{ key: 'created_at', dir: 'asc', after: 'x' }, { key: 'uid', dir: 'asc', after: 'u' }] })).toMatchObject([{ loc: ['body', 'sort', 0, 'after'], type: 'type_error.float' }]);
    expect(await detailOf({ filters: { slug: { operator: 'eq', value: 'a\u0000' } } })).toMatchObject([{ loc: ['body', 'filters', 'slug', 'value'], type: 'value_error.str.unstorable' }]);
    expect(await detailOf({ limit: 0 })).toMatchObject([{ loc: ['body', 'limit'], type: 'value_error.number.not_ge' }]);
    expect(await detailOf({ limit: 1001 })).toMatchObject([{ loc: ['body', 'limit'], type: 'value_error.number.not_le' }]);
    const notJson = await postJson(server, FLOWS, undefined, admin, '{"limit": ');
    expect(notJson).toMatchObject({ status: 422, body: { detail: [{ loc: ['body'], type: 'value_error.jsondecode' }] } });
  });

  it('vector 3: sort normalization errors are 422 with the documented types (the reference answers 500)', async () => {
    expect(await detailOf({ sort: [{ key: 'created_at', dir: 'desc', after: 1700000000.5 }] })).toEqual([
      { loc: ['body', 'sort'], msg: expect.any(String), type: 'invalid_sort_error.InconsistentPaginationError' },
    ]);
    expect(await detailOf({ sort: [{ key: 'uid', dir: 'asc' }, { key: 'uid', dir: 'desc' }] })).toEqual([
      { loc: ['body', 'sort'], msg: expect.any(String), type: 'invalid_sort_error.DuplicateSortItemsError' },
    ]);
  });

  it('no match is 200 with no items and no next page, never 404', async () => {
    const answer = await postJson(server, FLOWS, { filters: { slug: { operator: 'eq', value: 'no-such-flow' } } }, admin);
    expect(answer).toMatchObject({ status: 200, contentType: 'application/json; charset=utf-8', body: { items: [], next_page_sort: null } });
  });

  it('unknown top-level keys are ignored (the web admin sends include_messages)', async () => {
    expect((await postJson(server, FLOWS, { include_messages: true, limit: 1 }, admin)).status).toBe(200);
  });

  it('GraphQL: BAD_USER_INPUT with a reason for filters, sorts, cursors, limits and argument combinations', async () => {
    const run = (variables: Parameters<typeof graphql<unknown, Record<string, unknown>>>[2]) =>
      graphql(server.url, AdminClientFlowKeysDocument, variables as never, { authorization: admin });
    const reason = async (variables: Record<string, unknown>) => {
      const result = await run(variables);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      return result.errors?.[0]?.extensions?.reason;
    };
    expect(await reason({ filter: { createdAt: { op: 'BT', value: 3 } } })).toBe('invalid_filter');
    expect(await reason({ filter: { createdAt: { op: 'EQ', lower: 1, upper: 2 } } })).toBe('invalid_filter');
    expect(await reason({ sort: [{ key: 'UID', dir: 'ASC' }, { key: 'UID', dir: 'DESC' }] })).toBe('invalid_sort');
    expect(await reason({ first: 0 })).toBe('invalid_limit');
    expect(await reason({ first: 1001 })).toBe('invalid_limit');
    expect(await reason({ first: 1, last: 1 })).toBe('invalid_pagination');
    expect(await reason({ after: 'x', before: 'y' })).toBe('invalid_pagination');
    expect(await reason({ after: '!!!' })).toBe('invalid_cursor');
    const page = await run({ first: 1, sort: [{ key: 'NAME', dir: 'DESC' }] });
    const cursor = (page.data as { clientFlows: { pageInfo: { endCursor: string } } }).clientFlows.pageInfo.endCursor;
    expect(await reason({ after: cursor, sort: [{ key: 'NAME', dir: 'ASC' }] })).toBe('cursor_sort_mismatch');
    expect(await reason({ after: cursor })).toBe('cursor_sort_mismatch');
  });
});

describe('the client flow object (§4)', () => {
  it('lists every optional model key (null when unset), revision included, over REST and GraphQL', async () => {
    const screens = [
      {
        screen: {
          slug: 'confirmation',
          fixed: { header: 'Hi', message: null },
          variable: [
            { type: 'string_format', format: 'Hi {standard[user][name]}', output_path: ['header'] },
            { type: 'copy', input_path: ['client', 'x'], output_path: ['message'] },
            { type: 'extract', input_path: ['server', 'img'], extracted_path: ['uid'], output_path: ['image'], skip_if_missing: true },
          ],
        },
        allowed_triggers: ['skip'],
        flags: 31,
        rules: { trigger: { version: { operator: 'gte', value: 90 } } },
      },
    ];
    const rules = [
      { condition: { account_age: { operator: 'bt', value: [0, 60] }, or_predicate: { version: { operator: 'eq', value: null } } }, effect: { type: 'skip' } },
      { condition: {}, effect: { type: 'replace', slug: 'empty', client_parameters: { type: 'omit' }, server_parameters: { type: 'copy' } } },
    ];
    await putFlow(server, { slug: 'object-shape', screens, rules, flags: 7 });
    const [row] = await server.sql<{ uid: string; created_at: number }>(`SELECT uid, created_at FROM client_flows WHERE slug = 'object-shape'`);
    const answer = await postJson(server, FLOWS, { filters: { slug: { operator: 'eq', value: 'object-shape' } } }, admin);
    const nullPredicate = { version: null, time_in_queue: null, queued_at: null, account_age: null, account_created_at: null, random_float: null, or_predicate: null };
    expect(answer.body).toEqual({
      items: [
        {
          uid: row.uid,
          slug: 'object-shape',
          name: null,
          description: null,
          client_schema: { type: 'object', properties: {}, additionalProperties: false, example: {} },
          server_schema: { type: 'object', properties: {}, additionalProperties: false, example: {} },
          replaces: false,
          screens: [
            {
              screen: screens[0].screen,
              name: null,
              allowed_triggers: ['skip'],
              flags: 31,
              rules: { trigger: { ...nullPredicate, version: { operator: 'gte', value: 90 } }, peek: null },
            },
          ],
          rules: [
            {
              condition: { ...nullPredicate, account_age: { operator: 'bt', value: [0, 60] }, or_predicate: { ...nullPredicate, version: { operator: 'eq', value: null } } },
              effect: { type: 'skip' },
            },
            { condition: nullPredicate, effect: rules[1].effect },
          ],
          flags: 7,
          created_at: row.created_at,
          revision: 1,
        },
      ],
      next_page_sort: null,
    });

    const viaGraphQL = await graphql(server.url, AdminClientFlowDocument, { slug: 'object-shape' }, { authorization: admin });
    const flow = viaGraphQL.data?.clientFlow;
    expect(flow).toMatchObject({
      uid: row.uid,
      flags: 7,
      flagSet: { showsInAdmin: true, isCustom: true, iosTriggerable: true, androidTriggerable: false, browserTriggerable: false },
      revision: 1,
      createdAt: row.created_at,
    });
    expect(flow?.screens[0].screen.variable).toEqual([
      { __typename: 'StringFormatVariable', format: 'Hi {standard[user][name]}', outputPath: ['header'] },
      { __typename: 'CopyVariable', inputPath: ['client', 'x'], outputPath: ['message'] },
      { __typename: 'ExtractVariable', inputPath: ['server', 'img'], extractedPath: ['uid'], outputPath: ['image'], skipIfMissing: true },
    ]);
    expect(flow?.screens[0].rules.trigger?.version).toEqual({ op: 'GTE', value: 90, lower: null, upper: null });
    expect(flow?.rules[0].condition.accountAge).toEqual({ op: 'BT', value: null, lower: 0, upper: 60 });
    expect(flow?.rules[0].condition.or?.version).toEqual({ op: 'EQ', value: null, lower: null, upper: null });
    expect(flow?.rules[0].effect).toEqual({ __typename: 'SkipFlowEffect', skip: true });
    expect(flow?.rules[1].effect).toEqual({ __typename: 'ReplaceFlowEffect', slug: 'empty', clientParameters: 'OMIT', serverParameters: 'COPY' });
    expect((await graphql(server.url, AdminClientFlowDocument, { uid: row.uid }, { authorization: admin })).data?.clientFlow?.slug).toBe('object-shape');
    expect((await graphql(server.url, AdminClientFlowDocument, { slug: 'nope' }, { authorization: admin })).data?.clientFlow).toBeNull();
    const both = await graphql(server.url, AdminClientFlowDocument, { slug: 'x', uid: 'y' }, { authorization: admin });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'uid_or_slug' });
  });
});

describe('filters reach the database as specified (§3.2)', () => {
  const slugsOf = async (filters: unknown) => {
    const answer = await postJson(server, FLOWS, { filters, limit: 1000 }, admin);
    expect(answer.status).toBe(200);
    return answer.body.items.length as number;
  };
  const count = async (where: string) => Number((await server.sql<{ n: string }>(`SELECT count(*) AS n FROM client_flows WHERE ${where}`))[0].n);

  it('text operators with and without null, ilike escapes, byte-order comparisons', async () => {
    expect(await slugsOf({ name: { operator: 'eq', value: null } })).toBe(await count('name IS NULL'));
    expect(await slugsOf({ name: { operator: 'neq', value: null } })).toBe(await count('name IS NOT NULL'));
    expect(await slugsOf({ name: { operator: 'ieq', value: 'NAME 3' } })).toBe(await count(`lower(name) = 'name 3'`));
    expect(await slugsOf({ name: { operator: 'ineq', value: 'NAME 3' } })).toBe(await count(`name IS NOT NULL AND lower(name) <> 'name 3'`));
    expect(await slugsOf({ name: { operator: 'gt', value: null } })).toBe(0);
    expect(await slugsOf({ name: { operator: 'lte', value: null } })).toBe(0);
    expect(await slugsOf({ name: { operator: 'lt', value: 'name' } })).toBe(await count(`name COLLATE "C" < 'name'`));
    expect(await slugsOf({ name: { operator: 'lt', value: 'name' } })).toBeGreaterThan(0); // the upper-case "Name …" rows
    expect(await slugsOf({ slug: { operator: 'ilike', value: 'PG-%-1_' } })).toBe(10);
    expect(await slugsOf({ slug: { operator: 'ilike', value: 'pg\\-%' } })).toBe(1000);
    expect(await slugsOf({ slug: { operator: 'ilike', value: 'pg\\_%' } })).toBe(0);
  });

  it('number, range and bit-field operators', async () => {
    expect(await slugsOf({ created_at: { operator: 'bt', value: [1700000000.25, 1700000000.5] } })).toBe(await count('created_at BETWEEN 1700000000.25 AND 1700000000.5'));
    expect(await slugsOf({ created_at: { operator: 'bte', value: [1700000000.25, 1700000000.5] } })).toBe(await count('created_at >= 1700000000.25 AND created_at < 1700000000.5'));
    expect(await slugsOf({ created_at: { operator: 'oute', value: [1700000001, 1700000010] } })).toBe(await count('created_at < 1700000001 OR created_at >= 1700000010'));
    const odd = { mutation: { operator: 'and', value: 1 }, comparison: { operator: 'eq', value: 0 } };
    expect(await slugsOf({ flags: odd, slug: { operator: 'ilike', value: 'pg-%' } })).toBe(500);
    expect(await slugsOf({ flags: { mutation: { operator: 'xor', value: 31 }, comparison: { operator: 'eq', value: 1 } }, slug: { operator: 'ilike', value: 'pg-%' } })).toBe(500);
  });
});

type Row = TestRow & { uid: string };

async function allFlows(): Promise<Row[]> {
  return server.sql<Row>(`SELECT uid, slug, name, created_at FROM client_flows`);
}

function expectedOrder(rows: Row[], sort: readonly SortItem[]): string[] {
  const items: SortItem[] = [...sort];
  if (!items.some((i) => i.key === 'uid' || i.key === 'slug')) items.push({ key: 'uid', dir: 'asc' });
  return [...rows].sort((a, b) => compareRows(items, a, b)).map((r) => r.uid);
}

type Dir = 'asc' | 'desc';
const SORTS: [string, { key: string; dir: Dir }[]][] = [
  ...(['uid', 'slug', 'name', 'created_at'] as const).flatMap((key) => (['asc', 'desc'] as const).map((dir) => [`${key} ${dir}`, [{ key, dir }]] as [string, { key: string; dir: Dir }[]])),
  // The web admin's "Name (A-Z)" / "Name (Z-A)": a nullable key, then a unique one.
  ['name asc, slug asc', [{ key: 'name', dir: 'asc' }, { key: 'slug', dir: 'asc' }]],
  ['name desc, slug desc', [{ key: 'name', dir: 'desc' }, { key: 'slug', dir: 'desc' }]],
];
const LIMIT = 37;

describe('acceptance 4: walking every page over 1,000+ flows, forward and backward (§3.5)', () => {
  it.each(SORTS)('REST %s: every row exactly once, in order, both ways', async (_label, items) => {
    const expected = expectedOrder(await allFlows(), items);
    expect(expected.length).toBeGreaterThan(1000);
    const forward: string[] = [];
    let sort: unknown = items;
    let last: { items: { uid: string }[]; next_page_sort: { after: unknown; before: unknown; key: string; dir: string }[] | null } | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const answer = await postJson(server, FLOWS, { sort, limit: LIMIT }, admin);
      expect(answer.status).toBe(200);
      last = answer.body;
      forward.push(...last!.items.map((i) => i.uid));
      const next = last!.next_page_sort;
      if (next === null || !next.some((s) => s.after !== null)) break;
      sort = next;
    }
    expect(forward).toEqual(expected);

    // Backward, as the web admin does: flip every dir, copy each before into after, reverse.
    const backward: string[] = [];
    let flipped = last!.next_page_sort!.map((s) => ({ key: s.key, dir: s.dir === 'asc' ? 'desc' : 'asc', after: s.before }));
    backward.unshift(...last!.items.map((i) => i.uid));
    for (let pages = 0; pages < 100; pages++) {
      const answer = await postJson(server, FLOWS, { sort: flipped, limit: LIMIT }, admin);
      expect(answer.status).toBe(200);
      backward.unshift(...[...answer.body.items].reverse().map((i: { uid: string }) => i.uid));
      const next = answer.body.next_page_sort as { after: unknown; key: string; dir: string }[] | null;
      if (next === null || !next.some((s) => s.after !== null)) break;
      flipped = next.map((s) => ({ key: s.key, dir: s.dir, after: s.after as never }));
    }
    expect(backward).toEqual(expected);
  });

  it.each(SORTS)('GraphQL %s: first/after forward, last/before backward', async (_label, items) => {
    const expected = expectedOrder(await allFlows(), items);
    const sort = items.map(({ key, dir }) => ({ key: key.toUpperCase() as ClientFlowSortKey, dir: dir.toUpperCase() as SortDirection }));
    const forward: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const result: GraphQLResult<AdminClientFlowKeysQuery> = await graphql(server.url, AdminClientFlowKeysDocument, { sort, first: LIMIT, after }, { authorization: admin });
      const page = result.data!.clientFlows;
      forward.push(...page.nodes.map((n) => n.uid));
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(forward).toEqual(expected);
    const backward: string[] = [];
    let before: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const result: GraphQLResult<AdminClientFlowKeysQuery> = await graphql(server.url, AdminClientFlowKeysDocument, { sort, last: LIMIT, before }, { authorization: admin });
      const page = result.data!.clientFlows;
      backward.unshift(...page.nodes.map((n) => n.uid));
      expect(page.pageInfo.hasNextPage).toBe(pages > 0);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor!;
    }
    expect(backward).toEqual(expected);
  });

  it('pages across rows sharing one created_at, with a filter, and with limit 1 finds the earlier page', async () => {
    const tied = await server.sql<{ uid: string; created_at: number }>(
      `SELECT uid, created_at FROM client_flows WHERE created_at = 1700000000.25 ORDER BY uid COLLATE "C"`,
    );
    expect(tied.length).toBeGreaterThan(5);
    const filters = { created_at: { operator: 'eq', value: 1700000000.25 } };
    const seen: string[] = [];
    let sort: unknown = [{ key: 'created_at', dir: 'desc' }];
    for (;;) {
      const answer = await postJson(server, FLOWS, { filters, sort, limit: 1 }, admin);
      seen.push(...answer.body.items.map((i: { uid: string }) => i.uid));
      // From the second page on the earlier page is the single row before (missed by the reference).
      if (seen.length > 1) expect(answer.body.next_page_sort.every((s: { before: unknown }) => s.before !== null)).toBe(true);
      const next = answer.body.next_page_sort;
      if (next === null || !next.some((s: { after: unknown }) => s.after !== null)) break;
      expect(next[0]).toMatchObject({ key: 'created_at', dir: 'desc', after: 1700000000.25 });
      sort = next;
    }
    expect(seen).toEqual(tied.map((t) => t.uid));
  });

  it('inclusive directions (REST only) start at the cursor row', async () => {
    const first = await postJson(server, FLOWS, { sort: [{ key: 'slug', dir: 'asc' }], limit: 3 }, admin);
    const second = first.body.items[1];
    const again = await postJson(server, FLOWS, { sort: [{ key: 'slug', dir: 'asc_eq', after: second.slug }], limit: 2 }, admin);
    expect(again.body.items.map((i: { slug: string }) => i.slug)).toEqual(first.body.items.slice(1).map((i: { slug: string }) => i.slug));
    expect(again.body.next_page_sort[0]).toMatchObject({ key: 'slug', dir: 'asc', before: second.slug });
  });
});

describe('client screens search (§8)', () => {
  it('answers screen_schema items, sorted by name then slug as the web admin asks, filtered by "shows in admin"', async () => {
    const screens = await server.sql<{ uid: string; slug: string; name: string; description: string; schema: unknown; flags: number }>(
      `SELECT uid, slug, name, description, schema, flags FROM client_screens WHERE flags & 1 <> 0`,
    );
    const expected = [...screens].sort((a, b) => compareRows([{ key: 'name', dir: 'asc' }, { key: 'slug', dir: 'asc' }], { name: a.name, slug: a.slug }, { name: b.name, slug: b.slug }));
    const answer = await postJson(server, SCREENS, {
      filters: { flags: { mutation: { operator: 'and', value: 1 }, comparison: { operator: 'neq', value: 0 } } },
      sort: [{ key: 'name', dir: 'asc' }, { key: 'slug', dir: 'asc' }],
      limit: 1000,
    }, admin);
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual(expected.map((s) => ({ uid: s.uid, slug: s.slug, name: s.name, description: s.description, screen_schema: s.schema, flags: s.flags })));
    expect(answer.body.next_page_sort).toBeNull();

    const one = await graphql(server.url, AdminClientScreenDocument, { slug: expected[0].slug }, { authorization: admin });
    expect(one.data?.clientScreen).toEqual({ uid: expected[0].uid, slug: expected[0].slug, name: expected[0].name, description: expected[0].description, screenSchema: expected[0].schema, flags: expected[0].flags });
    const paged = await graphql(server.url, AdminClientScreensDocument, { first: 2, sort: [{ key: 'SLUG', dir: 'DESC' }] }, { authorization: admin });
    expect(paged.data?.clientScreens.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('the default sort is slug asc; 422 for a flow-only key', async () => {
    const answer = await postJson(server, SCREENS, { limit: 3 }, admin);
    const slugs = answer.body.items.map((i: { slug: string }) => i.slug);
    expect(slugs).toEqual([...slugs].sort());
    expect(answer.body.next_page_sort).toEqual([{ key: 'slug', dir: 'asc', before: null, after: slugs[2] }]);
    expect((await postJson(server, SCREENS, { sort: [{ key: 'created_at', dir: 'asc' }] }, admin)).status).toBe(422);
  });
});

describe('limit 1000', () => {
  it('answers 1,000 flows in one request', async () => {
    const answer = await postJson(server, FLOWS, { limit: 1000 }, admin);
    expect(answer.body.items).toHaveLength(1000);
    expect(answer.body.next_page_sort[0].after).not.toBeNull();
    await graphql(server.url, AdminClientFlowsDocument, { first: 1000 }, { authorization: admin }).then((r) => expect(r.data?.clientFlows.edges).toHaveLength(1000));
  });
});
