import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminClientFlowAuditLogDocument, AdminCreateClientFlowDocument, AdminDeleteClientFlowDocument, AdminPatchClientFlowDocument,
  AdminTestClientFlowDocument, AdminTestClientScreenDocument, type ClientFlowScreenInput,
} from '../generated/graphql';
import { insertImage } from '../media/fixtures';
import { ScreenClient } from '../support/client';
import { errorCode, graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let adminToken: string;
let admin: { authorization: string };
let nonAdmin: { authorization: string };

const EMPTY_SCHEMA = { type: 'object', properties: {}, additionalProperties: false, example: {} };

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.userToken('gql-admin', { admin: true });
  admin = { authorization: `bearer ${adminToken}` };
  nonAdmin = { authorization: `bearer ${await server.userToken('gql-user')}` };
});
afterAll(async () => {
  await server?.close();
});

const screenInput = (header: string, more: Partial<ClientFlowScreenInput> = {}): ClientFlowScreenInput => ({
  screen: { slug: 'confirmation', fixed: { header, message: `${header} message` }, variable: [] },
  allowedTriggers: [],
  flags: 31,
  ...more,
});

async function create(slug: string) {
  const result = await graphql(server.url, AdminCreateClientFlowDocument, { input: { slug } }, admin);
  const flow = result.data?.createClientFlow;
  if (flow?.__typename !== 'ClientFlow') throw new Error(JSON.stringify(result));
  return flow;
}

// Loosely typed on purpose: some calls send what the typed input forbids (nulls, missing fields).
const patch = (input: Record<string, unknown>) => graphql(server.url, AdminPatchClientFlowDocument, { input } as never, admin);

describe('admin mutations over GraphQL (§15.2)', () => {
  it('every mutation: UNAUTHENTICATED without credentials, FORBIDDEN not_admin for a user', async () => {
    const calls = [
      (o: { authorization?: string }) => graphql(server.url, AdminCreateClientFlowDocument, { input: { slug: 'x' } }, o),
      (o: { authorization?: string }) => graphql(server.url, AdminPatchClientFlowDocument, { input: { uid: 'x', patch: {} } }, o),
      (o: { authorization?: string }) => graphql(server.url, AdminDeleteClientFlowDocument, { input: { uid: 'x' } }, o),
      (o: { authorization?: string }) =>
        graphql(server.url, AdminTestClientScreenDocument, {
          input: { flow: { clientSchema: EMPTY_SCHEMA, serverSchema: EMPTY_SCHEMA }, flowScreen: screenInput('x'), clientParameters: {}, serverParameters: {} },
        }, o),
      (o: { authorization?: string }) => graphql(server.url, AdminTestClientFlowDocument, { input: { slug: 'x', clientParameters: {}, serverParameters: {} } }, o),
      (o: { authorization?: string }) => graphql(server.url, AdminClientFlowAuditLogDocument, {}, o),
    ];
    for (const call of calls) {
      const anonymous = await call({});
      expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
      expect(anonymous.errors?.[0].extensions?.reason).toBe('not_set');
      const user = await call(nonAdmin);
      expect(errorCode(user)).toBe('FORBIDDEN');
      expect(user.errors?.[0].extensions?.reason).toBe('not_admin');
    }
  });

  it('createClientFlow: the flow with its defaults, or ClientFlowSlugExistsError; bad slug is BAD_USER_INPUT', async () => {
    const flow = await create('gql-created');
    expect(flow).toMatchObject({ slug: 'gql-created', name: null, replaces: false, screens: [], rules: [], flags: 31, revision: 1 });
    const again = await graphql(server.url, AdminCreateClientFlowDocument, { input: { slug: 'gql-created' } }, admin);
    expect(again.data?.createClientFlow).toEqual({
      __typename: 'ClientFlowSlugExistsError',
      errorCode: 'CLIENT_FLOW_SLUG_EXISTS',
      message: 'A client flow with the given slug already exists',
      slug: 'gql-created',
    });
    expect(errorCode(await graphql(server.url, AdminCreateClientFlowDocument, { input: { slug: 'Bad Slug' } }, admin))).toBe('BAD_USER_INPUT');
  });

  it('patchClientFlow: typed screens and rules, absent vs null, expectedRevision, every error result', async () => {
    const flow = await create('gql-patched');
    const saved = await patch({
      uid: flow.uid,
      expectedRevision: 1,
      patch: {
        name: 'Named',
        screens: [screenInput('First', { rules: { peek: { version: { op: 'GTE', value: 2 }, or: { randomFloat: { op: 'BT', lower: 0, upper: 0.5 } } } } })],
        rules: [{ condition: {}, effect: { kind: 'SKIP' } }],
      },
    });
    const node = saved.data?.patchClientFlow;
    expect(node?.__typename, JSON.stringify(saved)).toBe('ClientFlow');
    if (node?.__typename !== 'ClientFlow') return;
    expect(node).toMatchObject({ name: 'Named', revision: 2 });
    const [row] = await server.sql<{ screens: unknown[]; rules: unknown[] }>(`SELECT screens, rules FROM client_flows WHERE uid = $1`, [flow.uid]);
    expect(row.screens[0]).toMatchObject({
      rules: { peek: { version: { operator: 'gte', value: 2 }, or_predicate: { random_float: { operator: 'bt', value: [0, 0.5] } } } },
    });
    expect(row.rules).toEqual([{ condition: {}, effect: { type: 'skip' } }]);

    // description null clears, name absent stays.
    const cleared = await patch({ uid: flow.uid, precondition: { name: 'Named' }, patch: { description: null } });
    expect(cleared.data?.patchClientFlow).toMatchObject({ __typename: 'ClientFlow', name: 'Named', description: null, revision: 3 });

    const stale = await patch({ uid: flow.uid, expectedRevision: 1, patch: { name: 'late' } });
    expect(stale.data?.patchClientFlow).toMatchObject({
      __typename: 'PreconditionFailedError',
      errorCode: 'PRECONDITION_FAILED',
      failures: [{ field: 'revision', expected: 1, actual: 3 }],
    });
    expect((await patch({ uid: 'oseh_cfl_none', patch: { name: 'x' } })).data?.patchClientFlow).toMatchObject({
      __typename: 'ClientFlowNotFoundError',
      errorCode: 'CLIENT_FLOW_NOT_FOUND',
      notFoundUid: 'oseh_cfl_none',
    });
    await create('gql-occupied');
    expect((await patch({ uid: flow.uid, patch: { slug: 'gql-occupied' } })).data?.patchClientFlow).toMatchObject({
      __typename: 'ClientFlowSlugExistsError',
      takenSlug: 'gql-occupied',
    });
    const [skip] = await server.sql<{ uid: string }>(`SELECT uid FROM client_flows WHERE slug = 'skip'`);
    expect((await patch({ uid: skip.uid, patch: { slug: 'renamed-skip' } })).data?.patchClientFlow).toMatchObject({
      __typename: 'ClientFlowProtectedError',
      errorCode: 'CLIENT_FLOW_PROTECTED',
      reason: 'SPECIAL_FLOW',
    });
    const invalid = await patch({ uid: flow.uid, patch: { screens: [screenInput('x', { allowedTriggers: ['nowhere'] }), screenInput('y', { screen: { slug: 'gone', fixed: {}, variable: [] } })] } });
    expect(invalid.data?.patchClientFlow).toMatchObject({
      __typename: 'InvalidClientFlowError',
      errorCode: 'INVALID_CLIENT_FLOW',
      issues: [
        { path: 'screens[0].allowed_triggers[0]', code: 'unknown_trigger_flow' },
        { path: 'screens[1].screen.slug', code: 'screen_not_found' },
      ],
    });
    // Shape errors go through the REST parser: BAD_USER_INPUT with the detail entries.
    const shape = await patch({ uid: flow.uid, patch: { replaces: null, screens: [screenInput('x', { screen: { slug: 'confirmation', fixed: {}, variable: [{ kind: 'COPY', outputPath: ['header'] }] } })] } });
    expect(errorCode(shape)).toBe('BAD_USER_INPUT');
    expect((shape.errors?.[0].extensions?.issues as { loc: unknown[] }[]).map((i) => i.loc.join('.'))).toEqual([
      'input.patch.replaces',
      'input.patch.screens.0.screen.variable.0.input_path',
    ]);
  });

  it('deleteClientFlow: DeletedClientFlow, not found, protected, referenced unless force', async () => {
    const target = await create('gql-target');
    const source = await create('gql-source');
    await patch({ uid: source.uid, patch: { screens: [screenInput('x', { allowedTriggers: ['gql-target'] })] } });
    const del = (uid: string, force?: boolean) => graphql(server.url, AdminDeleteClientFlowDocument, { input: { uid, force } }, admin);
    expect((await del(target.uid)).data?.deleteClientFlow).toEqual({
      __typename: 'ClientFlowReferencedError',
      errorCode: 'CLIENT_FLOW_REFERENCED',
      message: expect.any(String),
      references: [{ uid: source.uid, slug: 'gql-source', location: 'screens[0].allowed_triggers[0]' }],
    });
    expect((await del(target.uid, true)).data?.deleteClientFlow).toEqual({ __typename: 'DeletedClientFlow', deletedUid: target.uid, deletedSlug: 'gql-target' });
    expect((await del(target.uid)).data?.deleteClientFlow).toMatchObject({ __typename: 'ClientFlowNotFoundError', errorCode: 'CLIENT_FLOW_NOT_FOUND' });
    const [empty] = await server.sql<{ uid: string }>(`SELECT uid FROM client_flows WHERE slug = 'empty'`);
    expect((await del(empty.uid, true)).data?.deleteClientFlow).toMatchObject({ __typename: 'ClientFlowProtectedError', reason: 'SPECIAL_FLOW' });
  });

  it('testClientFlow and testClientScreen: typed accepted and rejected results', async () => {
    const flow = await create('gql-tool');
    await patch({ uid: flow.uid, patch: { screens: [screenInput('Gql first')] } });
    const run = (input: Record<string, unknown>) =>
      graphql(server.url, AdminTestClientFlowDocument, { input: { slug: 'gql-tool', clientParameters: {}, serverParameters: {}, ...input } } as never, admin);
    expect((await run({})).data?.testClientFlow).toEqual({ __typename: 'TestClientFlowAccepted', triggered: true, userSub: 'gql-admin' });
    const peek = await new ScreenClient(server.url, adminToken).peek();
    expect(peek.body.screen.active.parameters.header).toBe('Gql first');
    expect((await run({ dryRun: true })).data?.testClientFlow).toMatchObject({ triggered: false });
    expect((await run({ slug: 'gql-none' })).data?.testClientFlow).toMatchObject({ __typename: 'ClientFlowNotFoundError', notFoundSlug: 'gql-none' });
    expect((await run({ clientParameters: { x: 1 } })).data?.testClientFlow).toMatchObject({ __typename: 'FlowParametersMismatchError', which: 'CLIENT' });
    expect((await run({ serverParameters: { x: 1 } })).data?.testClientFlow).toMatchObject({ __typename: 'FlowParametersMismatchError', which: 'SERVER' });
    expect((await run({ userSub: 'gql-nobody' })).data?.testClientFlow).toMatchObject({ __typename: 'UserNotFoundError', errorCode: 'USER_NOT_FOUND', sub: 'gql-nobody' });

    const screen = (flowScreen: ClientFlowScreenInput, dryRun = false) =>
      graphql(server.url, AdminTestClientScreenDocument, {
        input: { flow: { clientSchema: EMPTY_SCHEMA, serverSchema: EMPTY_SCHEMA }, flowScreen, clientParameters: {}, serverParameters: {}, dryRun },
      }, admin);
    const accepted = await screen(screenInput('Gql screen'));
    expect(accepted.data?.testClientScreen).toMatchObject({ __typename: 'TestClientScreenAccepted', queued: true, userClientScreenUid: expect.stringMatching(/^oseh_ucs_/) });
    expect((await screen(screenInput('dry'), true)).data?.testClientScreen).toEqual({ __typename: 'TestClientScreenAccepted', queued: false, userClientScreenUid: null });
    const rejected = await screen(screenInput('x', { screen: { slug: 'confirmation', fixed: { header: 1 }, variable: [] } }));
    expect(rejected.data?.testClientScreen).toMatchObject({
      __typename: 'TestClientScreenRejectedError',
      errorCode: 'TEST_SCREEN_REJECTED',
      reason: 'SCREEN_INPUT_PARAMETERS_WONT_MATCH',
    });
  });

  describe('testClientScreen: every rejection reason of §9.2 as a typed TestClientScreenRejectedError, the queue unchanged', () => {
    const NAME_SCHEMA = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', example: 'Ann' }, ms: { type: 'integer', example: 5, default: 5 } },
      example: { name: 'Ann' },
    };
    const imageFixed = { top: 't', header: 'h', message: 'm' };
    type Json = Record<string, unknown>;
    type Case = { flowScreen?: ClientFlowScreenInput; clientSchema?: Json; serverSchema?: Json; clientParameters?: Json; serverParameters?: Json };
    const cases: [string, () => Promise<Case>][] = [
      ['CLIENT_SCHEMA_INVALID', async () => ({ clientSchema: { type: 'object' } })],
      ['SERVER_SCHEMA_INVALID', async () => ({ serverSchema: { ...EMPTY_SCHEMA, $ref: '#/x' } })],
      ['CLIENT_PARAMETERS_MISMATCH', async () => ({ clientSchema: NAME_SCHEMA })],
      ['SERVER_PARAMETERS_MISMATCH', async () => ({ serverParameters: { extra: true } })],
      ['SCREEN_NOT_FOUND', async () => ({ flowScreen: screenInput('x', { screen: { slug: 'no_such_screen', fixed: {}, variable: [] } }) })],
      ['SCREEN_INPUT_PARAMETERS_WONT_MATCH', async () => ({ flowScreen: screenInput('x', { screen: { slug: 'confirmation', fixed: { header: 42 }, variable: [] } }) })],
      [
        'SCREEN_INPUT_PARAMETERS_REDUNDANT',
        async () => ({ flowScreen: screenInput('x', { screen: { slug: 'confirmation', fixed: { header: 'h', message: 'm' }, variable: [{ kind: 'STRING_FORMAT', format: 'x', outputPath: ['header'] }] } }) }),
      ],
      [
        'SCREEN_IS_UNSAFE',
        async () => ({
          clientSchema: NAME_SCHEMA,
          clientParameters: { name: 'Cy' },
          flowScreen: screenInput('x', { screen: { slug: 'image_interstitial', fixed: imageFixed, variable: [{ kind: 'STRING_FORMAT', format: '{client[name]}', outputPath: ['image'] }] } }),
        }),
      ],
      [
        'SCREEN_INPUT_PARAMETERS_DIDNT_MATCH',
        async () => ({
          clientSchema: NAME_SCHEMA,
          clientParameters: { name: 'a', ms: -5 },
          flowScreen: screenInput('x', {
            screen: { slug: 'confirmation', fixed: { header: 'h', message: 'm', entrance: { type: 'fade' } }, variable: [{ kind: 'COPY', inputPath: ['client', 'ms'], outputPath: ['entrance', 'ms'] }] },
          }),
        }),
      ],
      ['SKIP', async () => ({ flowScreen: screenInput('x', { rules: { trigger: {} } }) })],
      [
        'SCREEN_REALIZATION_FAILED',
        async () => ({ flowScreen: screenInput('x', { screen: { slug: 'image_interstitial', fixed: { ...imageFixed, image: (await insertImage(server, [])).uid }, variable: [] } }) }),
      ],
    ];
    it.each(cases)('%s', async (reason, make) => {
      const c = await make();
      const before = await server.sql(`SELECT uid FROM user_client_screens ORDER BY uid`);
      const result = await graphql(server.url, AdminTestClientScreenDocument, {
        input: {
          flow: { clientSchema: c.clientSchema ?? EMPTY_SCHEMA, serverSchema: c.serverSchema ?? EMPTY_SCHEMA },
          flowScreen: c.flowScreen ?? screenInput('fine'),
          clientParameters: c.clientParameters ?? {},
          serverParameters: c.serverParameters ?? {},
        },
      }, admin);
      expect(result.data?.testClientScreen, JSON.stringify(result)).toEqual({
        __typename: 'TestClientScreenRejectedError',
        errorCode: 'TEST_SCREEN_REJECTED',
        message: expect.stringMatching(/./),
        reason,
      });
      expect(await server.sql(`SELECT uid FROM user_client_screens ORDER BY uid`)).toEqual(before);
    });
  });

  it('ClientFlowProtectedError NOT_CUSTOM for renaming or deleting a flow without the custom bit; UserNotFoundError has the REST message', async () => {
    const flow = await create('gql-built-in');
    expect((await patch({ uid: flow.uid, patch: { flags: 29 } })).data?.patchClientFlow).toMatchObject({ __typename: 'ClientFlow', flags: 29 });
    const protectedResult = {
      __typename: 'ClientFlowProtectedError',
      errorCode: 'CLIENT_FLOW_PROTECTED',
      message: 'This client flow cannot be renamed or deleted: it is not a custom flow (flags lack bit 2)',
      reason: 'NOT_CUSTOM',
    };
    expect((await patch({ uid: flow.uid, patch: { slug: 'gql-moved' } })).data?.patchClientFlow).toEqual(protectedResult);
    const deleted = await graphql(server.url, AdminDeleteClientFlowDocument, { input: { uid: flow.uid, force: true } }, admin);
    expect(deleted.data?.deleteClientFlow).toEqual(protectedResult);
    const [row] = await server.sql(`SELECT slug FROM client_flows WHERE uid = $1`, [flow.uid]);
    expect(row).toEqual({ slug: 'gql-built-in' });
    const missingUser = await graphql(server.url, AdminTestClientFlowDocument, { input: { slug: 'gql-built-in', clientParameters: {}, serverParameters: {}, userSub: 'gql-ghost' } }, admin);
    expect(missingUser.data?.testClientFlow).toEqual({
      __typename: 'UserNotFoundError',
      errorCode: 'USER_NOT_FOUND',
      message: 'There is no user with the sub gql-ghost',
      sub: 'gql-ghost',
    });
  });

  it('clientFlowAuditLog: who changed which flow, before and after, newest first', async () => {
    const flow = await create('gql-audited');
    await patch({ uid: flow.uid, patch: { name: 'Audited' } });
    const log = await graphql(server.url, AdminClientFlowAuditLogDocument, { clientFlowUid: flow.uid }, admin);
    expect(log.data?.clientFlowAuditLog.map((e) => [e.action, e.adminSub, e.clientFlowSlug])).toEqual([
      ['patch', 'gql-admin', 'gql-audited'],
      ['create', 'gql-admin', 'gql-audited'],
    ]);
    expect(log.data?.clientFlowAuditLog[0].changes).toEqual({ name: { before: null, after: 'Audited' } });
    expect(errorCode(await graphql(server.url, AdminClientFlowAuditLogDocument, { limit: 0 }, admin))).toBe('BAD_USER_INPUT');
  });
});
