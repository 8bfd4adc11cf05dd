import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionChange } from '../../src/services/definitions';
import { card, replaceRule } from '../support/flows';
import { startTestServer, type TestServer } from '../support/server';
import { BAD_FORMAT, INVALID, NOT_SET, postJson, requestJson, type RestAnswer } from './admin-rest';

let server: TestServer;
let admin: string;
let nonAdmin: string;

const FLOWS = '/api/1/client_flows/';
const EMPTY_SCHEMA = { type: 'object', properties: {}, additionalProperties: false, example: {} };

beforeAll(async () => {
  server = await startTestServer();
  admin = `bearer ${await server.userToken('write-admin', { admin: true })}`;
  nonAdmin = `bearer ${await server.userToken('write-user')}`;
});
afterAll(async () => {
  await server?.close();
});

const create = (slug: unknown, auth = admin) => postJson(server, FLOWS, { slug }, auth);
const patch = (body: unknown, auth = admin) => requestJson(server, 'PATCH', FLOWS, body, auth);
const remove = (uid: string, query = '', auth = admin) => requestJson(server, 'DELETE', `${FLOWS}${uid}${query}`, undefined, auth);

async function created(slug: string): Promise<Record<string, any>> {
  const answer = await create(slug);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

async function stored(uid: string) {
  const [row] = await server.sql<Record<string, unknown>>(`SELECT slug, name, screens, rules, client_schema, revision FROM client_flows WHERE uid = $1`, [uid]);
  return row;
}

const standardError = (answer: RestAnswer, status: number, type: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.contentType).toBe('application/json; charset=utf-8');
  expect(answer.body.type).toBe(type);
  expect(answer.body.markdown).toBe(answer.body.message);
};

describe('admin authorisation on the write routes (§1.4)', () => {
  const calls: [string, (auth?: string) => Promise<RestAnswer>][] = [
    ['create', (auth) => postJson(server, FLOWS, { slug: 'x' }, auth)],
    ['patch', (auth) => requestJson(server, 'PATCH', FLOWS, { uid: 'x' }, auth)],
    ['delete', (auth) => requestJson(server, 'DELETE', `${FLOWS}oseh_cfl_x`, undefined, auth)],
    ['test_screen', (auth) => postJson(server, '/api/1/client_flows/test_screen', {}, auth)],
    ['test_screen alias', (auth) => postJson(server, '/api/1/admin/client_flows/test_screen', {}, auth)],
    ['test_flow', (auth) => postJson(server, '/api/1/client_flows/test_flow', {}, auth)],
    ['test_flow alias', (auth) => postJson(server, '/api/1/admin/client_flows/test_flow', {}, auth)],
  ];
  it.each(calls)('%s: 401 not_set, 401 bad_format, 403 invalid, 403 for a non-admin, before any body check', async (_name, call) => {
    expect(await call(undefined)).toMatchObject({ status: 401, body: NOT_SET });
    expect(await call('token abc')).toMatchObject({ status: 401, body: BAD_FORMAT });
    expect(await call('bearer oseh_ut_nope')).toMatchObject({ status: 403, body: INVALID });
    expect(await call(nonAdmin)).toMatchObject({ status: 403, body: INVALID });
  });
});

describe('create (§5)', () => {
  it('creates with the exact defaults, trimming the slug; both spellings of the path', async () => {
    const before = Date.now() / 1000;
    const answer = await postJson(server, '/api/1/client_flows', { slug: '  fresh-flow_1 ', ignored: true }, admin);
    expect(answer.status).toBe(201);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    const flow = answer.body;
    expect(flow.uid).toMatch(/^oseh_cfl_[A-Za-z0-9_-]{22}$/);
    expect(flow).toEqual({
      uid: flow.uid,
      slug: 'fresh-flow_1',
      name: null,
      description: null,
      client_schema: EMPTY_SCHEMA,
      server_schema: EMPTY_SCHEMA,
      replaces: false,
      screens: [],
      rules: [],
      flags: 31,
      created_at: flow.created_at,
      revision: 1,
    });
    expect(flow.created_at).toBeGreaterThanOrEqual(before - 1);
    expect(Number.isInteger(flow.created_at)).toBe(false);
    const audit = await server.sql(`SELECT admin_sub, action, client_flow_slug FROM client_flow_audit_log WHERE client_flow_uid = $1`, [flow.uid]);
    expect(audit).toEqual([{ admin_sub: 'write-admin', action: 'create', client_flow_slug: 'fresh-flow_1' }]);
  });

  it('409 client_flow_slug_exists on a taken slug; 422 for a bad or missing slug', async () => {
    await created('taken');
    const again = await create('taken');
    standardError(again, 409, 'client_flow_slug_exists');
    expect(again.body.message).toBe('A client flow with the given slug already exists');
    for (const bad of ['Upper', 'has space', '', 'x'.repeat(256), 7]) {
      const answer = await create(bad);
      expect(answer.status, String(bad)).toBe(422);
      expect(answer.body.detail[0].loc).toEqual(['body', 'slug']);
    }
    expect((await postJson(server, FLOWS, {}, admin)).body.detail[0]).toMatchObject({ loc: ['body', 'slug'], type: 'value_error.missing' });
  });

  it('bumps the analysis version after commit', async () => {
    const version = async () => Number((await server.app.redis.get('client_flow_graph_analysis:version')) ?? 0);
    const before = await version();
    await created('versioned');
    expect(await version()).toBeGreaterThan(before);
  });
});

describe('patch (§6)', () => {
  it('404 for an unknown uid; an empty patch is a conditional read', async () => {
    const unknown = await patch({ uid: 'oseh_cfl_unknown', patch: { name: 'x' } });
    standardError(unknown, 404, 'client_flow_not_found');
    expect(unknown.body.message).toBe('there is no client_flow with that UID');
    standardError(await patch({ uid: 'oseh_cfl_unknown', precondition: { name: null } }), 404, 'client_flow_not_found');
    const flow = await created('read-only');
    const answer = await patch({ uid: flow.uid, precondition: { name: null, revision: 1 } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(flow);
    standardError(await patch({ uid: flow.uid, precondition: { name: 'Other' } }), 412, 'precondition_failed');
  });

  it('writes the patched keys, bumps the revision, keeps absent and null distinct, records the audit', async () => {
    const flow = await created('patched');
    const first = await patch({ uid: flow.uid, patch: { name: 'Named', description: 'Text', replaces: true, flags: 29 } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: 'Named', description: 'Text', replaces: true, flags: 29, revision: 2 });
    // name absent: unchanged; description null: cleared.
    const second = await patch({ uid: flow.uid, precondition: { name: 'Named', description: 'Text' }, patch: { description: null } });
    expect(second.body).toMatchObject({ name: 'Named', description: null, revision: 3 });
    const audit = await server.sql<{ action: string; changes: Record<string, unknown> }>(
      `SELECT action, changes FROM client_flow_audit_log WHERE client_flow_uid = $1 ORDER BY created_at, id`,
      [flow.uid],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'patch', 'patch']);
    expect(audit[2].changes).toEqual({ description: { before: 'Text', after: null } });
  });

  it('412 lists every failing field with expected and actual values, and changes nothing', async () => {
    const flow = await created('guarded');
    const answer = await patch({ uid: flow.uid, precondition: { name: 'Wrong', flags: 1, replaces: false, revision: 1 }, patch: { name: 'New' } });
    standardError(answer, 412, 'precondition_failed');
    expect(answer.body.message).toBe('the precondition was not met:\n- name: expected "Wrong", but was null\n- flags: expected 1, but was 31');
    expect(answer.body.failures).toEqual([
      { field: 'name', expected: 'Wrong', actual: null },
      { field: 'flags', expected: 1, actual: 31 },
    ]);
    expect(await stored(flow.uid)).toMatchObject({ name: null, revision: 1 });
  });

  it('compares screens and rules in normalized form (omitted rules equal nulls)', async () => {
    const flow = await created('normalized');
    const screen = card('Normalized');
    const saved = await patch({ uid: flow.uid, patch: { screens: [screen], rules: [{ condition: { version: { operator: 'gte', value: 1 } }, effect: { type: 'skip' } }] } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const { rules: _omitted, ...withoutRules } = screen;
    const answer = await patch({
      uid: flow.uid,
      precondition: { screens: [{ ...withoutRules, name: 'Normalized' }], rules: [{ condition: { version: { operator: 'gte', value: 1 } }, effect: { type: 'skip' } }] },
      patch: { name: 'ok' },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.screens[0].rules).toEqual({ trigger: null, peek: null });
    expect(answer.body.rules[0].condition).toMatchObject({ version: { operator: 'gte', value: 1 }, random_float: null, or_predicate: null });
  });

  it('422 on shape errors: null where not allowed, unknown keys in documents, bad slug', async () => {
    const flow = await created('shapes');
    const answer = await patch({
      uid: flow.uid,
      precondition: { replaces: null },
      patch: { slug: 'Bad Slug', screens: [{ ...card('x'), extra: 1 }], rules: [{ condition: { versoin: { operator: 'eq', value: 1 } }, effect: { type: 'skip' } }] },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.detail.map((d: { loc: unknown[] }) => d.loc.join('.'))).toEqual([
      'body.precondition.replaces',
      'body.patch.slug',
      'body.patch.screens.0.extra',
      'body.patch.rules.0.condition.versoin',
    ]);
    expect((await patch({ patch: {} })).body.detail[0].loc).toEqual(['body', 'uid']);
  });

  it('409 client_flow_slug_exists when renaming onto another flow; rename works otherwise', async () => {
    const flow = await created('rename-me');
    await created('occupied');
    const taken = await patch({ uid: flow.uid, patch: { slug: 'occupied' } });
    standardError(taken, 409, 'client_flow_slug_exists');
    expect(taken.body.message).toBe('A client flow with the given slug already exists');
    const renamed = await patch({ uid: flow.uid, precondition: { slug: 'rename-me' }, patch: { slug: ' renamed ' } });
    expect(renamed.body).toMatchObject({ slug: 'renamed', revision: 2 });
    // The web admin's save renames to the same slug: allowed even for protected flows.
    const [skip] = await server.sql<{ uid: string }>(`SELECT uid FROM client_flows WHERE slug = 'skip'`);
    expect((await patch({ uid: skip.uid, precondition: { slug: 'skip' }, patch: { slug: 'skip', name: 'Skip' } })).status).toBe(200);
  });

  it('409 client_flow_protected when renaming skip or a flow without the custom bit', async () => {
    const [skip] = await server.sql<{ uid: string }>(`SELECT uid FROM client_flows WHERE slug = 'skip'`);
    const special = await patch({ uid: skip.uid, patch: { slug: 'not-skip' } });
    standardError(special, 409, 'client_flow_protected');
    expect(special.body.reason).toBe('special_flow');
    const flow = await created('built-in-like');
    await patch({ uid: flow.uid, patch: { flags: 29 } });
    const notCustom = await patch({ uid: flow.uid, patch: { slug: 'moved' } });
    standardError(notCustom, 409, 'client_flow_protected');
    expect(notCustom.body.reason).toBe('not_custom');
    expect(await stored(skip.uid)).toMatchObject({ slug: 'skip' });
  });

  describe('422 invalid_client_flow (acceptance item 3), the flow unchanged', () => {
    const clientSchema = {
      type: 'object',
      required: ['name', 'image'],
      properties: { name: { type: 'string', example: 'Ann' }, image: { type: 'string', example: 'oseh_if_0000000000000000000000' } },
      example: { name: 'Ann', image: 'oseh_if_0000000000000000000000' },
    };
    const imageScreen = (variable: unknown[]) => ({
      ...card('x', { screen: 'image_interstitial', variable, fixed: { top: 't' } }),
    });
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['fixed + variables cannot satisfy the schema', { screens: [card('x', { fixed: { header: 5 } })] }, ['fixed_mismatch screens[0].screen.fixed.header']],
      ['missing screen', { screens: [card('x', { screen: 'no_such_screen' })] }, ['screen_not_found screens[0].screen.slug']],
      [
        'client parameter into an unsafe format',
        { client_schema: clientSchema, screens: [imageScreen([{ type: 'copy', input_path: ['client', 'image'], output_path: ['image'] }])] },
        ['unsafe_target screens[0].screen.variable[0].output_path'],
      ],
      ['unknown trigger', { screens: [card('x', { allowedTriggers: ['nowhere'] })] }, ['unknown_trigger_flow screens[0].allowed_triggers[0]']],
      ['replace cycle', { rules: [replaceRule({}, 'cycle-b')] }, ['replacement_cycle rules[0].effect.slug']],
    ];
    it.each(cases)('%s', async (_name, body, issues) => {
      const flow = await created(`invalid-${Math.random().toString(36).slice(2, 8)}`);
      const b = await created(`cycle-b-${flow.slug}`);
      // cycle-b replaces this flow; this flow replacing cycle-b would loop.
      await patch({ uid: b.uid, patch: { rules: [replaceRule({}, flow.slug)] } });
      const requested = body.rules ? { rules: [replaceRule({}, b.slug)] } : body;
      const before = await stored(flow.uid);
      const answer = await patch({ uid: flow.uid, patch: requested });
      standardError(answer, 422, 'invalid_client_flow');
      expect(answer.body.issues.map((i: { code: string; path: string }) => `${i.code} ${i.path}`)).toEqual(issues);
      expect(answer.body.issues[0].message).toEqual(expect.any(String));
      expect(await stored(flow.uid)).toEqual(before);
    });

    it('lists every issue of one patch', async () => {
      const flow = await created('many-issues');
      const answer = await patch({ uid: flow.uid, patch: { screens: [card('x', { fixed: { header: 5 }, allowedTriggers: ['nowhere'] }), card('y', { screen: 'gone' })] } });
      expect(answer.body.issues.map((i: { code: string }) => i.code)).toEqual(['unknown_trigger_flow', 'fixed_mismatch', 'screen_not_found']);
    });

    it('saving a name is not blocked by documents that are unchanged', async () => {
      const flow = await created('legacy');
      // Stored directly with an issue the validator would refuse today.
      await server.sql(`UPDATE client_flows SET screens = $2::jsonb WHERE uid = $1`, [flow.uid, JSON.stringify([card('x', { allowedTriggers: ['nowhere'] })])]);
      const answer = await patch({ uid: flow.uid, patch: { name: 'still editable', screens: [card('x', { allowedTriggers: ['nowhere'] })] } });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    });
  });

  it('errors come in the documented order: shape 422, 404, 412, 409 protected, 409 slug exists, 422 invalid; each changes nothing', async () => {
    const flow = await created('ordered');
    await created('ordered-taken');
    await patch({ uid: flow.uid, patch: { flags: 29 } }); // not custom: renaming is protected
    const before = await stored(flow.uid);
    const everything = { slug: 'ordered-taken', screens: [card('x', { screen: 'gone' })] };
    expect((await patch({ uid: 'oseh_cfl_unknown', precondition: { name: 'wrong' }, patch: { ...everything, replaces: null } })).status).toBe(422);
    standardError(await patch({ uid: 'oseh_cfl_unknown', precondition: { name: 'wrong' }, patch: everything }), 404, 'client_flow_not_found');
    standardError(await patch({ uid: flow.uid, precondition: { name: 'wrong' }, patch: everything }), 412, 'precondition_failed');
    standardError(await patch({ uid: flow.uid, patch: everything }), 409, 'client_flow_protected');
    standardError(await patch({ uid: flow.uid, patch: { ...everything, flags: 31 } }), 409, 'client_flow_protected'); // the stored flags count
    expect(await stored(flow.uid)).toEqual(before);
    await patch({ uid: flow.uid, patch: { flags: 31 } });
    const custom = await stored(flow.uid);
    standardError(await patch({ uid: flow.uid, patch: everything }), 409, 'client_flow_slug_exists');
    const invalid = await patch({ uid: flow.uid, patch: { ...everything, slug: 'ordered-free' } });
    standardError(invalid, 422, 'invalid_client_flow');
    expect(invalid.body.issues.map((i: { code: string }) => i.code)).toEqual(['screen_not_found']);
    expect(await stored(flow.uid)).toEqual(custom);
  });

  describe('422 invalid_client_flow for the other issues of §6.4-§6.5', () => {
    const cases: [string, (self: string) => Record<string, unknown>, string[]][] = [
      [
        'malformed string_format (the reference answers 500)',
        () => ({ screens: [card('x', { variable: [{ type: 'string_format', format: 'Hi {name}', output_path: ['message'] }], fixed: { message: undefined } })] }),
        ['bad_format_string screens[0].screen.variable[0].format'],
      ],
      ['replace rule naming no flow', () => ({ rules: [replaceRule({}, 'no-such-flow')] }), ['unknown_replacement_flow rules[0].effect.slug']],
      ['replace rule naming the flow itself', (self) => ({ rules: [replaceRule({}, self)] }), ['self_replacement rules[0].effect.slug']],
      ['more than 64 screens', () => ({ screens: Array.from({ length: 65 }, (_, i) => card(`s${i}`)) }), ['too_many_screens screens']],
    ];
    it.each(cases)('%s', async (_name, body, issues) => {
      const flow = await created(`other-${Math.random().toString(36).slice(2, 8)}`);
      const before = await stored(flow.uid);
      const answer = await patch({ uid: flow.uid, patch: body(flow.slug) });
      standardError(answer, 422, 'invalid_client_flow');
      expect(answer.body.issues.map((i: { code: string; path: string }) => `${i.code} ${i.path}`)).toEqual(issues);
      expect(answer.body.message).toContain(issues[0].split(' ')[0]);
      expect(await stored(flow.uid)).toEqual(before);
    });

    it('flags outside 0…2^31-1, on the flow and on a flow screen', async () => {
      const flow = await created('flag-range');
      for (const [body, issue] of [
        [{ flags: 2 ** 31 }, 'flags_out_of_range flags'],
        [{ flags: -1 }, 'flags_out_of_range flags'],
        [{ screens: [card('x', { flags: 2 ** 31 })] }, 'flags_out_of_range screens[0].flags'],
      ] as const) {
        const answer = await patch({ uid: flow.uid, patch: body });
        standardError(answer, 422, 'invalid_client_flow');
        expect(answer.body.issues.map((i: { code: string; path: string }) => `${i.code} ${i.path}`)).toEqual([issue]);
      }
      expect(await stored(flow.uid)).toMatchObject({ revision: 1 });
    });
  });

  it('concurrent saves as the web admin sends them (field preconditions, no revision): one wins, the other 412, one audit row', async () => {
    for (let round = 0; round < 5; round++) {
      const flow = await created(`web-race-${round}`);
      const answers = await Promise.all(
        ['A', 'B'].map((name) => patch({ uid: flow.uid, precondition: { slug: flow.slug, name: null, screens: [] }, patch: { slug: flow.slug, name, screens: [card(name)] } })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
      const winner = answers.find((a) => a.status === 200)!.body;
      const loser = answers.find((a) => a.status === 412)!.body;
      expect(loser.failures.map((f: { field: string }) => f.field)).toEqual(['name', 'screens']);
      expect(loser.message).toMatch(/^the precondition was not met:\n- name: expected null, but was "[AB]"\n- screens: expected \[\], but was \[/);
      const row = await stored(flow.uid);
      expect(row).toMatchObject({ name: winner.name, revision: 2 });
      expect((row.screens as { name: string }[]).map((s) => s.name)).toEqual([winner.name]);
      const audit = await server.sql(`SELECT action FROM client_flow_audit_log WHERE client_flow_uid = $1 ORDER BY id`, [flow.uid]);
      expect(audit).toEqual([{ action: 'create' }, { action: 'patch' }]);
    }
  });

  it('two concurrent patches with the same precondition: exactly one wins, the other gets 412', async () => {
    for (let round = 0; round < 5; round++) {
      const flow = await created(`race-${round}`);
      const answers = await Promise.all(
        ['A', 'B'].map((name) => patch({ uid: flow.uid, precondition: { name: null, revision: 1 }, patch: { name, screens: [card(name)] } })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
      const winner = answers.find((a) => a.status === 200)!.body;
      const loser = answers.find((a) => a.status === 412)!.body;
      expect(loser.failures.map((f: { field: string }) => f.field)).toEqual(['name', 'revision']);
      const row = await stored(flow.uid);
      // Nothing half-written: name and screens come from the same patch.
      expect(row).toMatchObject({ name: winner.name, revision: 2 });
      expect((row.screens as { name: string }[])[0].name).toBe(winner.name);
    }
  });

  it('two concurrent renames with no slug precondition: the slug read on arrival is the precondition, so the second gets 412 (§6.2)', async () => {
    const flow = await created('rename-race');
    // Both requests read the slug, then queue behind a lock this test holds, so neither can
    // commit before the other has read.
    const holder = new pg.Client({ connectionString: server.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM client_flows WHERE uid = $1 FOR UPDATE', [flow.uid]);
      const answers = Promise.all(['rename-race-a', 'rename-race-b'].map((slug) => patch({ uid: flow.uid, patch: { slug } })));
      const waiting = async () =>
        Number((await holder.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n);
      for (let tries = 0; (await waiting()) < 2; tries++) {
        expect(tries, 'both renames waiting for the row lock').toBeLessThan(200);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await holder.query('COMMIT');
      const [first, second] = await answers;
      expect([first.status, second.status].sort()).toEqual([200, 412]);
      const winner = first.status === 200 ? first.body : second.body;
      const loser = first.status === 412 ? first.body : second.body;
      expect(loser.failures).toEqual([{ field: 'slug', expected: 'rename-race', actual: winner.slug }]);
      expect(await stored(flow.uid)).toMatchObject({ slug: winner.slug, revision: 2 });
    } finally {
      await holder.end();
    }
    // Renames one after the other both apply: the implicit precondition is read fresh each time.
    expect((await patch({ uid: flow.uid, patch: { slug: 'rename-race-c' } })).status).toBe(200);
    expect((await patch({ uid: flow.uid, patch: { slug: 'rename-race-d' } })).status).toBe(200);
  });
});

describe('delete (§7)', () => {
  it('204 and gone; 404 afterwards', async () => {
    const flow = await created('doomed');
    const answer = await remove(flow.uid);
    expect(answer.status).toBe(204);
    expect(answer.body).toBeNull();
    expect(await stored(flow.uid)).toBeUndefined();
    const again = await remove(flow.uid);
    standardError(again, 404, 'client_flow_not_found');
    expect(again.body.message).toBe('No client flow with the given UID exists');
  });

  it('409 client_flow_protected for empty and for a flow without the custom bit', async () => {
    const [empty] = await server.sql<{ uid: string }>(`SELECT uid FROM client_flows WHERE slug = 'empty'`);
    for (const query of ['', '?force=true']) {
      const answer = await remove(empty.uid, query);
      standardError(answer, 409, 'client_flow_protected');
      expect(answer.body.reason).toBe('special_flow');
      expect(answer.body.message).toBe('This client flow cannot be renamed or deleted: the server triggers this flow by name');
    }
    expect(await stored(empty.uid)).toMatchObject({ slug: 'empty' });
    const flow = await created('not-custom');
    await patch({ uid: flow.uid, patch: { flags: 1 } });
    expect((await remove(flow.uid)).body.reason).toBe('not_custom');
  });

  it('409 client_flow_referenced for a flow named by another flow, unless force', async () => {
    const target = await created('referenced-target');
    const source = await created('referencing');
    const saved = await patch({
      uid: source.uid,
      patch: {
        screens: [card('x', { allowedTriggers: [target.slug], fixed: { trigger: { type: 'flow', flow: target.slug } } })],
        rules: [replaceRule({ version: { operator: 'lt', value: 0 } }, target.slug)],
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const answer = await remove(target.uid);
    standardError(answer, 409, 'client_flow_referenced');
    expect(answer.body.references).toEqual([
      { uid: source.uid, slug: source.slug, location: 'screens[0].allowed_triggers[0]' },
      { uid: source.uid, slug: source.slug, location: 'screens[0].screen.fixed.trigger.flow' },
      { uid: source.uid, slug: source.slug, location: 'rules[0].effect.slug' },
    ]);
    expect(await stored(target.uid)).toBeDefined();
    expect((await remove(target.uid, '?force=true')).status).toBe(204);
    const audit = await server.sql(`SELECT action FROM client_flow_audit_log WHERE client_flow_uid = $1 ORDER BY id`, [target.uid]);
    expect(audit).toEqual([{ action: 'create' }, { action: 'delete' }]);
  });
});

describe('after commit (§6.6, stats-cache-jobs §5.2)', () => {
  it('calls the definition hook exactly per the publisher table, never for refused changes, and a failing hook fails nothing', async () => {
    const calls: DefinitionChange[] = [];
    const original = server.app.definitions.changed.bind(server.app.definitions);
    server.app.definitions.changed = async (change) => {
      calls.push(change);
      if (change.flows?.includes('hook-fails')) throw new Error('purge failed');
    };
    try {
      const flow = await created('hooked');
      expect(calls).toEqual([{ flows: ['hooked'], flowSetChanged: true }]);
      await patch({ uid: flow.uid, patch: { name: 'n' } });
      expect(calls.at(-1)).toEqual({ flows: ['hooked'], flowSetChanged: false });
      await patch({ uid: flow.uid, patch: { slug: 'hooked-2' } });
      expect(calls.at(-1)).toEqual({ flows: ['hooked', 'hooked-2'], flowSetChanged: true });
      const count = calls.length;
      await patch({ uid: flow.uid, precondition: { name: 'other' }, patch: { name: 'x' } }); // 412
      await patch({ uid: flow.uid, patch: { screens: [card('x', { screen: 'gone' })] } }); // 422
      await patch({ uid: flow.uid, precondition: { name: 'n' } }); // empty patch: a read
      expect(calls.length).toBe(count);
      expect((await remove(flow.uid)).status).toBe(204);
      expect(calls.at(-1)).toEqual({ flows: ['hooked-2'], flowSetChanged: true });
      expect((await create('hook-fails')).status).toBe(201);
      expect((await stored((await server.sql<{ uid: string }>(`SELECT uid FROM client_flows WHERE slug = 'hook-fails'`))[0].uid))).toBeDefined();
    } finally {
      server.app.definitions.changed = original;
    }
  });
});
