import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBreakdownKey } from '../../src/domain/engine';
import { insertImage } from '../media/fixtures';
import { ScreenClient } from '../support/client';
import { putFlow } from '../support/fixtures';
import { captureStats, card, queueRows } from '../support/flows';
import { subscribeQueue } from '../support/processes';
import { startTestServer, type TestServer } from '../support/server';
import { postJson, type RestAnswer } from './admin-rest';

let server: TestServer;
let adminToken: string;
let admin: string;

const EMPTY_SCHEMA = { type: 'object', properties: {}, additionalProperties: false, example: {} };
const NAME_SCHEMA = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', example: 'Ann' }, ms: { type: 'integer', example: 5, default: 5 } },
  example: { name: 'Ann' },
};

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.userToken('tools-admin', { admin: true });
  admin = `bearer ${adminToken}`;
  await putFlow(server, { slug: 'tool-flow', screens: [card('Tool first'), card('Tool second')], clientSchema: NAME_SCHEMA });
});
afterAll(async () => {
  await server?.close();
});

const headers = async (sub: string) => (await queueRows(server, sub)).map((r) => r.header);

const rejected = (answer: RestAnswer, type: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(409);
  expect(answer.body).toEqual({ type, message: expect.any(String), markdown: answer.body.message });
};

describe('test_flow (§10)', () => {
  const testFlow = (body: Record<string, unknown>, path = '/api/1/client_flows/test_flow') =>
    postJson(server, path, { slug: 'tool-flow', client_parameters: { name: 'Bo' }, server_parameters: {}, ...body }, admin);

  it('202 (empty); then peek as that admin shows the flow first screen', async () => {
    const answer = await testFlow({});
    expect(answer).toMatchObject({ status: 202, body: null });
    const peek = await new ScreenClient(server.url, adminToken).peek();
    expect(peek.body.screen.active).toMatchObject({ slug: 'confirmation', parameters: { header: 'Tool first' } });
  });

  it('the alias path behaves the same; dry_run changes nothing', async () => {
    const before = await headers('tools-admin');
    expect((await testFlow({ dry_run: true }, '/api/1/admin/client_flows/test_flow')).status).toBe(202);
    expect(await headers('tools-admin')).toEqual(before);
  });

  it('404 client_flow_not_found, 409 client/server_parameters_mismatch, 404 user_not_found, 422 shape', async () => {
    const missing = await testFlow({ slug: 'no-such-flow' });
    expect(missing).toMatchObject({
      status: 404,
      body: { type: 'client_flow_not_found', message: 'The client flow with the given slug was not found' },
    });
    rejected(await testFlow({ client_parameters: { name: 3 } }), 'client_parameters_mismatch');
    rejected(await testFlow({ server_parameters: { extra: 1 } }), 'server_parameters_mismatch');
    const user = await testFlow({ user_sub: 'nobody-at-all' });
    expect(user).toMatchObject({ status: 404, body: { type: 'user_not_found' } });
    const shape = await postJson(server, '/api/1/client_flows/test_flow', { slug: 'tool-flow', client_parameters: [] }, admin);
    expect(shape.status).toBe(422);
    expect(shape.body.detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(['body.client_parameters', 'body.server_parameters']);
  });

  it('404 user_not_found, with its message, wins over an unknown flow', async () => {
    const answer = await testFlow({ user_sub: 'nobody-either', slug: 'no-such-flow' });
    expect(answer).toMatchObject({ status: 404, contentType: 'application/json; charset=utf-8' });
    expect(answer.body).toEqual({
      type: 'user_not_found',
      message: 'There is no user with the sub nobody-either',
      markdown: 'There is no user with the sub nobody-either',
    });
  });

  it('counts as a peek with platform server: triggered, queued, one peeked for the settled front; dry_run counts nothing', async () => {
    await server.userToken('tools-counted');
    const stats = captureStats(server);
    try {
      expect((await testFlow({ user_sub: 'tools-counted', dry_run: true })).status).toBe(202);
      expect(stats.events).toEqual([]);
      expect((await testFlow({ user_sub: 'tools-counted' })).status).toBe(202);
      expect(stats.events.map((e) => `${e.event} ${renderBreakdownKey(e)}`).sort()).toEqual([
        'peeked server:None:confirmation',
        'queued server:None:confirmation',
        'queued server:None:confirmation',
        'triggered server:None:tool-flow:True',
      ]);
    } finally {
      stats.stop();
    }
  });

  it("user_sub triggers on another user's queue and records an audit entry", async () => {
    await server.userToken('tools-other');
    expect((await testFlow({ user_sub: 'tools-other' })).status).toBe(202);
    expect((await headers('tools-other')).slice(0, 2)).toEqual(['Tool first', 'Tool second']);
    const audit = await server.sql(`SELECT admin_sub, action, client_flow_slug, changes FROM client_flow_audit_log WHERE action = 'test_flow' AND changes->>'user_sub' = 'tools-other'`);
    expect(audit).toEqual([
      { admin_sub: 'tools-admin', action: 'test_flow', client_flow_slug: 'tool-flow', changes: { user_sub: 'tools-other', client_parameters: { name: 'Bo' }, server_parameters: {} } },
    ]);
  });
});

describe('test_screen (§9)', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({
    flow: { client_schema: NAME_SCHEMA, server_schema: EMPTY_SCHEMA },
    flow_screen: card('Tested', { variable: [{ type: 'string_format', format: 'Hi {client[name]}', output_path: ['message'] }], fixed: { message: undefined } }),
    client_parameters: { name: 'Cy' },
    server_parameters: {},
    ...overrides,
  });
  const testScreen = (overrides: Record<string, unknown> = {}, path = '/api/1/client_flows/test_screen') => postJson(server, path, body(overrides), admin);

  it('202 puts the screen in front of the admin queue, realized with the parameters', async () => {
    const answer = await testScreen();
    expect(answer).toMatchObject({ status: 202, body: null });
    const peek = await new ScreenClient(server.url, adminToken).peek();
    expect(peek.body.screen.active).toMatchObject({ slug: 'confirmation', parameters: { header: 'Tested', message: 'Hi Cy' } });
    const [front] = await server.sql(`SELECT client_flow_id, inner_counter FROM user_client_screens ORDER BY outer_counter DESC LIMIT 1`);
    expect(front).toEqual({ client_flow_id: null, inner_counter: 1 });
  });

  it('the alias path; dry_run answers 202 and changes nothing', async () => {
    const before = await headers('tools-admin');
    expect((await testScreen({ dry_run: true }, '/api/1/admin/client_flows/test_screen')).status).toBe(202);
    expect(await headers('tools-admin')).toEqual(before);
  });

  const variable = (v: unknown, fixed: Record<string, unknown> = {}, slug = 'confirmation', more: Record<string, unknown> = {}) =>
    ({ ...card('x', { screen: slug, variable: [v], fixed }), ...more });
  const imageFixed = { top: 't', header: 'h', message: 'm' };
  const cases: [string, Record<string, unknown>][] = [
    ['client_schema_invalid', { flow: { client_schema: { type: 'object' }, server_schema: EMPTY_SCHEMA } }],
    ['server_schema_invalid', { flow: { client_schema: NAME_SCHEMA, server_schema: { type: 'object', properties: {}, example: {}, $ref: '#/x' } } }],
    ['client_parameters_mismatch', { client_parameters: {} }],
    ['server_parameters_mismatch', { server_parameters: { extra: true } }],
    ['screen_not_found', { flow_screen: card('x', { screen: 'no_such_screen' }) }],
    ['screen_input_parameters_wont_match', { flow_screen: card('x', { fixed: { header: 42 } }) }],
    ['screen_input_parameters_redundant', { flow_screen: variable({ type: 'string_format', format: 'x', output_path: ['header'] }) }],
    [
      'screen_is_unsafe',
      { flow_screen: variable({ type: 'string_format', format: '{client[name]}', output_path: ['image'] }, imageFixed, 'image_interstitial') },
    ],
    [
      'screen_input_parameters_didnt_match',
      { flow_screen: variable({ type: 'copy', input_path: ['client', 'ms'], output_path: ['entrance', 'ms'] }, { entrance: { type: 'fade' } }), client_parameters: { name: 'a', ms: -5 } },
    ],
    ['skip', { flow_screen: { ...card('x'), rules: { trigger: {}, peek: null } } }],
  ];
  it.each(cases)('409 %s, and nothing changes', async (type, overrides) => {
    const before = await headers('tools-admin');
    rejected(await testScreen(overrides), type);
    expect(await headers('tools-admin')).toEqual(before);
  });

  it('409 screen_realization_failed: an image of the field\'s list whose exports are gone cannot be realized; nothing changes, nothing counted', async () => {
    // Passes every static check (the image exists in the field's list) but has no export to
    // take a thumbhash from, so realizing the required image field fails (§9.2 step 10).
    const exportless = await insertImage(server, []);
    const processed = await insertImage(server, [{ width: 342, height: 215, format: 'jpeg', thumbhash: 'x=' }]);
    const imageScreen = (image: string) => card('x', { screen: 'image_interstitial', fixed: { ...imageFixed, image } });
    const before = await headers('tools-admin');
    const stats = captureStats(server);
    try {
      for (const dryRun of [true, false]) {
        const answer = await testScreen({ flow_screen: imageScreen(exportless.uid), dry_run: dryRun });
        rejected(answer, 'screen_realization_failed');
        expect(answer.body.message).toContain('image');
      }
      expect(await headers('tools-admin')).toEqual(before);
      expect(await server.sql(`SELECT 1 FROM user_client_screens WHERE screen->'screen'->'fixed'->>'image' = $1`, [exportless.uid])).toEqual([]);
      // The same screen with a processed image is accepted: the failure is the missing exports.
      expect((await testScreen({ flow_screen: imageScreen(processed.uid), dry_run: true })).status).toBe(202);
      expect(stats.events).toEqual([]);
    } finally {
      stats.stop();
    }
  });

  it('test_screen counts no statistics', async () => {
    const stats = captureStats(server);
    try {
      expect((await testScreen()).status).toBe(202);
      expect(stats.events).toEqual([]);
    } finally {
      stats.stop();
    }
  });

  it('422 on shape errors (strict flow screen)', async () => {
    const answer = await testScreen({ flow_screen: { ...card('x'), colour: 1 }, client_parameters: 'no' });
    expect(answer.status).toBe(422);
    expect(answer.body.detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(['body.flow_screen.colour', 'body.client_parameters']);
  });
});

describe("the device learns of an admin tool's change (§9 step 12, §10)", () => {
  it('test_screen and test_flow publish screenQueueChanged after commit; dry runs and refusals publish nothing', async () => {
    const sub = 'tools-watched';
    const token = await server.userToken(sub, { admin: true });
    const watched = `bearer ${token}`;
    const live = subscribeQueue(server.url, watched);
    try {
      const subscribed = await live.next(5000);
      expect(subscribed.reason).toBe('SUBSCRIBED');
      const screenBody = {
        flow: { client_schema: EMPTY_SCHEMA, server_schema: EMPTY_SCHEMA },
        flow_screen: card('Watched'),
        client_parameters: {},
        server_parameters: {},
      };
      expect((await postJson(server, '/api/1/client_flows/test_screen', { ...screenBody, dry_run: true }, watched)).status).toBe(202);
      expect((await postJson(server, '/api/1/client_flows/test_screen', { ...screenBody, flow_screen: card('x', { screen: 'gone' }) }, watched)).status).toBe(409);
      expect((await postJson(server, '/api/1/client_flows/test_flow', { slug: 'tool-flow', client_parameters: { name: 'Bo' }, server_parameters: {}, dry_run: true }, watched)).status).toBe(202);
      expect((await postJson(server, '/api/1/client_flows/test_screen', screenBody, watched)).status).toBe(202);
      expect(await live.next(2000)).toMatchObject({ reason: 'UPDATED', flowSlug: null, queueVersion: subscribed.queueVersion + 1 });
      // test_flow by another admin on this user's queue.
      expect((await postJson(server, '/api/1/client_flows/test_flow', { slug: 'tool-flow', client_parameters: { name: 'Bo' }, server_parameters: {}, user_sub: sub }, admin)).status).toBe(202);
      expect(await live.next(2000)).toMatchObject({ reason: 'FLOW_TRIGGERED', flowSlug: 'tool-flow', queueVersion: subscribed.queueVersion + 2 });
      expect(live.pending()).toEqual([]);
    } finally {
      await live.close();
    }
  });
});
