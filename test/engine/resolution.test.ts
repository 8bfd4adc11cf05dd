/**
 * Acceptance tests of trigger resolution and materialization (queue-engine.md §3.2-§3.4): flow
 * rules (replace with copy/omit parameters, skip, first match, unknown effects), the 10-hop
 * limit and cycles, and the materialization errors whose failed flow has no effect at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putFlow } from '../support/fixtures';
import {
  captureStats,
  card,
  headerOf,
  newUser,
  queueSlugs,
  queueRows,
  replaceRule,
  serverTrigger,
  showSpecialFlows,
  userAtFront,
  when,
  type TestUser,
  type UserAtFront,
} from '../support/flows';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let admin: string;

const ALWAYS = {};
const NEVER = when('version', 'eq', -1);
const CHAIN_LENGTH = 12; // hop_0 … hop_11

const nameSchema = (options: { defaultName?: string } = {}) => ({
  type: 'object',
  ...(options.defaultName === undefined ? { required: ['name'] } : {}),
  properties: { name: { type: 'string', ...(options.defaultName === undefined ? {} : { default: options.defaultName }) } },
  additionalProperties: false,
});
const teamSchema = { type: 'object', required: ['team'], properties: { team: { type: 'string' } }, additionalProperties: false };
const greeting = (format: string) => card('greeting', { variable: [{ type: 'string_format', format, output_path: ['header'] }] });

const MENU_TRIGGERS = [
  'pick', 'copy_client', 'omit_client', 'omit_client_defaulted', 'to_skip', 'with_unknown_effect', 'to_ios_blocked',
  'hop_0', 'hop_1', 'cycle_a', 'self_cycle', 'missing_screen', 'bad_fixed',
];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('oseh_u_resolution_admin', { admin: true });
  await showSpecialFlows(server, ['skip', 'wrong_platform', 'not_found', 'error_flow_schema', 'error_screen_missing', 'error_screen_schema']);
  // Special flows are resolved like any other: this one has a rule of its own.
  await putFlow(server, { slug: 'custom_forbidden', screens: [card('Custom forbidden')] });
  await server.sql(`UPDATE client_flows SET rules = $1 WHERE slug = 'forbidden'`, [JSON.stringify([replaceRule(ALWAYS, 'custom_forbidden')])]);
  await putFlow(server, { slug: 'menu', screens: [card('Menu', { allowedTriggers: MENU_TRIGGERS }), card('Rest')] });
  for (const letter of ['a', 'b', 'c']) await putFlow(server, { slug: letter, screens: [card(letter.toUpperCase())] });

  // First holding rule wins.
  await putFlow(server, {
    slug: 'pick',
    rules: [replaceRule(NEVER, 'a'), replaceRule(ALWAYS, 'b'), replaceRule(ALWAYS, 'c')],
    screens: [card('Pick itself')],
  });
  // Parameter passing.
  await putFlow(server, { slug: 'greet', clientSchema: nameSchema(), screens: [greeting('Hello {client[name]}')] });
  await putFlow(server, { slug: 'greet_defaulted', clientSchema: nameSchema({ defaultName: 'friend' }), screens: [greeting('Hello {client[name]}')] });
  await putFlow(server, { slug: 'copy_client', clientSchema: nameSchema(), rules: [replaceRule(ALWAYS, 'greet', { client: 'copy' })], screens: [] });
  await putFlow(server, { slug: 'omit_client', clientSchema: nameSchema(), rules: [replaceRule(ALWAYS, 'greet', { client: 'omit' })], screens: [] });
  await putFlow(server, {
    slug: 'omit_client_defaulted',
    clientSchema: nameSchema(),
    rules: [replaceRule(ALWAYS, 'greet_defaulted', { client: 'omit' })],
    screens: [],
  });
  await putFlow(server, { slug: 'team', serverSchema: teamSchema, screens: [greeting('Team {server[team]}')] });
  await putFlow(server, { slug: 'copy_server', serverSchema: teamSchema, rules: [replaceRule(ALWAYS, 'team', { server: 'copy' })], screens: [] });
  await putFlow(server, { slug: 'omit_server', serverSchema: teamSchema, rules: [replaceRule(ALWAYS, 'team', { server: 'omit' })], screens: [] });
  // Other effects.
  await putFlow(server, { slug: 'to_skip', rules: [{ condition: ALWAYS, effect: { type: 'skip' } }], screens: [card('Not skipped')] });
  await putFlow(server, {
    slug: 'with_unknown_effect',
    rules: [{ condition: ALWAYS, effect: { type: 'explode' } }, replaceRule(ALWAYS, 'b')],
    screens: [card('Unknown effect itself')],
  });
  await putFlow(server, { slug: 'ios_blocked', flags: 31 & ~4, screens: [card('Blocked')] });
  await putFlow(server, { slug: 'to_ios_blocked', rules: [replaceRule(ALWAYS, 'ios_blocked')], screens: [card('Not replaced')] });
  // A replace chain hop_0 → … → hop_11; the last one queues (and clears the queue).
  for (let i = 0; i < CHAIN_LENGTH; i++) {
    const last = i === CHAIN_LENGTH - 1;
    await putFlow(server, {
      slug: `hop_${i}`,
      replaces: true,
      rules: last ? [] : [replaceRule(ALWAYS, `hop_${i + 1}`)],
      screens: [card(last ? 'Chain end' : `hop ${i}`)],
    });
  }
  await putFlow(server, { slug: 'cycle_a', replaces: true, rules: [replaceRule(ALWAYS, 'cycle_b')], screens: [card('Cycle A')] });
  await putFlow(server, { slug: 'cycle_b', replaces: true, rules: [replaceRule(ALWAYS, 'cycle_a')], screens: [card('Cycle B')] });
  await putFlow(server, { slug: 'self_cycle', replaces: true, rules: [replaceRule(ALWAYS, 'self_cycle')], screens: [card('Self')] });
  // Materialization failures, each in a replacing flow whose first screen is fine.
  await putFlow(server, { slug: 'missing_screen', replaces: true, screens: [card('Fine'), card('Broken', { screen: 'no_such_screen' })] });
  await putFlow(server, { slug: 'bad_fixed', replaces: true, screens: [card('Fine'), card('Bad', { fixed: { header: 42 } })] });
  await putFlow(server, {
    slug: 'bad_variable',
    replaces: true,
    clientSchema: { type: 'object', properties: { n: { type: 'integer' } } },
    screens: [card('Fine'), card('Bad', { variable: [{ type: 'copy', input_path: ['client', 'n'], output_path: ['message'] }] })],
  });
  await putFlow(server, {
    slug: 'missing_copy_source',
    replaces: true,
    screens: [card('Fine'), card('Bad', { variable: [{ type: 'copy', input_path: ['client', 'absent'], output_path: ['message'] }] })],
  });
  await putFlow(server, {
    slug: 'two_problems',
    screens: [card('Bad schema first', { fixed: { header: false } }), card('Missing second', { screen: 'no_such_screen' })],
  });
  // A screen with an optional property lacking a default: schema validation alone lets an input
  // without it through, realization cannot. The seeding checker refuses such schemas, so raw SQL.
  await server.sql(
    `INSERT INTO client_screens (uid, slug, name, description, schema, schema_hash, flags) VALUES ($1, 'loose', 'loose', '', $2, 'x', 15)`,
    [
      'oseh_cs_loose000000000000000000',
      JSON.stringify({ type: 'object', required: ['header'], properties: { header: { type: 'string' }, extra: { type: 'string' } } }),
    ],
  );
  await putFlow(server, { slug: 'loose_flow', replaces: true, screens: [card('Fine'), card('Loose', { screen: 'loose' })] });
  await putFlow(server, { slug: 'lonely_menu', screens: [card('Lonely menu', { allowedTriggers: ['cycle_a'] })] });
  await putFlow(server, {
    slug: 'dropped_missing_screen',
    screens: [card('Dropped', { screen: 'no_such_screen', trigger: ALWAYS }), card('Kept')],
  });
  await putFlow(server, { slug: 'nothing', screens: [] });
  await putFlow(server, { slug: 'nothing_replacing', replaces: true, screens: [] });
});
afterAll(async () => {
  await server?.close();
});

/** A user whose queue is `Menu, Rest`, peeked. */
async function atMenu(query?: string): Promise<UserAtFront> {
  const at = await userAtFront(server, admin, 'menu', { query });
  expect(headerOf(at.peeked)).toBe('Menu');
  return at;
}

/** A user whose queue is `X, Y` (two batches), for server triggers. */
async function withQueue(): Promise<TestUser> {
  const user = await newUser(server);
  await putFlow(server, { slug: 'xy', screens: [card('X'), card('Y')] });
  await serverTrigger(server, admin, user.sub, 'xy');
  return user;
}

describe('flow rules (§3.2 step 4, §3.3)', () => {
  it('the first rule whose condition holds applies; the replacement is not checked against allowed_triggers', async () => {
    const { user, pop } = await atMenu();
    expect(headerOf(await pop('pick'))).toBe('B');
    expect(await queueSlugs(server, user.sub)).toEqual(['B', 'Rest']);
  });

  it('replace with client_parameters copy hands the client parameters to the replacement', async () => {
    const { pop } = await atMenu();
    expect(headerOf(await pop('copy_client', { name: 'Ann' }))).toBe('Hello Ann');
  });

  it('replace with client_parameters omit hands {} to the replacement, whose schema is checked again', async () => {
    const { user, pop } = await atMenu();
    expect(headerOf(await pop('omit_client', { name: 'Ann' }))).toBe('error_flow_schema');
    expect(await queueSlugs(server, user.sub)).toEqual(['error_flow_schema', 'Rest']);
    const defaulted = await atMenu();
    expect(headerOf(await defaulted.pop('omit_client_defaulted', { name: 'Ann' }))).toBe('Hello friend');
  });

  it('replace with server_parameters copy or omit, on a server trigger', async () => {
    const user = await newUser(server);
    expect(await serverTrigger(server, admin, user.sub, 'copy_server', { server: { team: 'Blue' } })).toMatchObject({ queuedFlowSlug: 'team' });
    expect(headerOf(await user.client.peek())).toBe('Team Blue');
    expect(await serverTrigger(server, admin, user.sub, 'omit_server', { server: { team: 'Blue' } })).toMatchObject({
      queuedFlowSlug: 'error_flow_schema',
    });
  });

  it('a skip effect runs the skip flow instead (also for a client-sourced trigger)', async () => {
    const { user, pop } = await atMenu();
    expect(headerOf(await pop('to_skip'))).toBe('skip');
    expect(await queueSlugs(server, user.sub)).toEqual(['skip', 'Rest']);
    const serverSide = await newUser(server);
    expect(await serverTrigger(server, admin, serverSide.sub, 'to_skip')).toMatchObject({ queuedFlowSlug: 'skip' });
  });

  it('a rule with an unknown effect type is ignored and the next rule applies', async () => {
    const { pop } = await atMenu();
    expect(headerOf(await pop('with_unknown_effect'))).toBe('B');
  });

  it('a replacement lacking the client platform bit is wrong_platform for a client, but runs for a server trigger', async () => {
    const ios = await atMenu('platform=ios');
    expect(headerOf(await ios.pop('to_ios_blocked'))).toBe('wrong_platform');
    const android = await atMenu('platform=android');
    expect(headerOf(await android.pop('to_ios_blocked'))).toBe('Blocked');
    const user = await newUser(server);
    expect(await serverTrigger(server, admin, user.sub, 'to_ios_blocked')).toMatchObject({ queuedFlowSlug: 'ios_blocked' });
  });
});

describe('special flows are resolved normally (§3.2)', () => {
  it("an engine-fired special flow's own rules apply (forbidden replaced by a custom flow)", async () => {
    const { user, pop } = await atMenu();
    expect(headerOf(await pop('not_in_the_menu'))).toBe('Custom forbidden');
    expect(await queueSlugs(server, user.sub)).toEqual(['Custom forbidden', 'Rest']);
  });
});

describe('the hop limit (§3.2: at most 10 hops, no slug twice)', () => {
  it('a chain of exactly 10 replacements is resolved', async () => {
    const user = await withQueue();
    expect(await serverTrigger(server, admin, user.sub, 'hop_1')).toMatchObject({ queuedFlowSlug: `hop_${CHAIN_LENGTH - 1}` });
    expect(await queueSlugs(server, user.sub)).toEqual(['Chain end']);
  });

  it('a chain of 11 replacements drops the trigger: the pop still applies, nothing of the trigger does', async () => {
    const { user, pop } = await atMenu();
    const stats = captureStats(server);
    try {
      expect(headerOf(await pop('hop_0'))).toBe('Rest');
      // The pop is counted; the dropped trigger contributes nothing (not even its hops).
      expect(stats.events.map((e) => e.event)).toEqual(['popped', 'peeked']);
    } finally {
      stats.stop();
    }
    expect(await queueSlugs(server, user.sub)).toEqual(['Rest']);
  });

  it('a server trigger of an 11-hop chain is dropped: no flow queued, no clear', async () => {
    const user = await withQueue();
    expect(await serverTrigger(server, admin, user.sub, 'hop_0')).toEqual({ requestedSlug: 'hop_0', queuedFlowSlug: null, queueLength: 2 });
    expect(await queueSlugs(server, user.sub)).toEqual(['X', 'Y']);
  });

  it('a cycle A → B → A drops the trigger; the pop still applies', async () => {
    const { user, pop } = await atMenu();
    expect(headerOf(await pop('cycle_a'))).toBe('Rest');
    expect(await queueSlugs(server, user.sub)).toEqual(['Rest']);
    const other = await withQueue();
    expect(await serverTrigger(server, admin, other.sub, 'cycle_b')).toMatchObject({ queuedFlowSlug: null, queueLength: 2 });
  });

  it('a flow replacing itself drops the trigger; the pop still applies', async () => {
    const { user, pop } = await atMenu();
    expect(headerOf(await pop('self_cycle'))).toBe('Rest');
    expect(await queueSlugs(server, user.sub)).toEqual(['Rest']);
  });

  it('a dropped trigger after a pop that empties the queue is followed by empty', async () => {
    const { user, peeked, pop } = await userAtFront(server, admin, 'lonely_menu');
    expect(headerOf(peeked)).toBe('Lonely menu');
    expect((await pop('cycle_a')).body.screen.active.slug).toBe('text_interstitial');
    expect(await queueSlugs(server, user.sub)).toEqual(['text_interstitial']);
  });
});

describe('materialization failures have no effect at all (§3.4)', () => {
  it('error_screen_missing: a flow referencing an unknown screen queues nothing and does not clear', async () => {
    const user = await withQueue();
    expect(await serverTrigger(server, admin, user.sub, 'missing_screen')).toMatchObject({ queuedFlowSlug: 'error_screen_missing' });
    expect(await queueSlugs(server, user.sub)).toEqual(['error_screen_missing', 'X', 'Y']);
  });

  it('error_screen_missing from a client pop: the screen is popped, the flow has no effect', async () => {
    const { user, pop } = await atMenu();
    expect(headerOf(await pop('missing_screen'))).toBe('error_screen_missing');
    expect(await queueSlugs(server, user.sub)).toEqual(['error_screen_missing', 'Rest']);
  });

  it('error_screen_schema: a fixed value the screen schema rejects', async () => {
    const { user, pop } = await atMenu();
    expect(headerOf(await pop('bad_fixed'))).toBe('error_screen_schema');
    expect(await queueSlugs(server, user.sub)).toEqual(['error_screen_schema', 'Rest']);
  });

  it('error_screen_schema: fixed + variable producing an input the screen schema rejects', async () => {
    const user = await withQueue();
    expect(await serverTrigger(server, admin, user.sub, 'bad_variable', { client: { n: 3 } })).toMatchObject({
      queuedFlowSlug: 'error_screen_schema',
    });
    expect(await queueSlugs(server, user.sub)).toEqual(['error_screen_schema', 'X', 'Y']);
  });

  it('error_screen_schema: a copy whose source path does not exist', async () => {
    const user = await withQueue();
    expect(await serverTrigger(server, admin, user.sub, 'missing_copy_source')).toMatchObject({ queuedFlowSlug: 'error_screen_schema' });
    expect(await queueSlugs(server, user.sub)).toEqual(['error_screen_schema', 'X', 'Y']);
  });

  it('error_screen_schema: a declared property neither produced nor defaulted (the realization dry-run)', async () => {
    const user = await withQueue();
    expect(await serverTrigger(server, admin, user.sub, 'loose_flow')).toMatchObject({ queuedFlowSlug: 'error_screen_schema' });
    expect(await queueSlugs(server, user.sub)).toEqual(['error_screen_schema', 'X', 'Y']);
  });

  it('a screen dropped by rules.trigger is not checked further (its missing screen does not abort the flow)', async () => {
    const user = await withQueue();
    expect(await serverTrigger(server, admin, user.sub, 'dropped_missing_screen')).toMatchObject({ queuedFlowSlug: 'dropped_missing_screen' });
    expect((await queueRows(server, user.sub)).map((r) => [r.header, r.innerCounter])).toEqual([['Kept', 1], ['X', 0], ['Y', 1]]);
  });

  it('with several problems the first screen in list order decides', async () => {
    const user = await withQueue();
    expect(await serverTrigger(server, admin, user.sub, 'two_problems')).toMatchObject({ queuedFlowSlug: 'error_screen_schema' });
  });

  it('a chosen flow without screens changes nothing; with replaces it empties the queue and empty follows', async () => {
    const user = await withQueue();
    const before = await queueRows(server, user.sub);
    expect(await serverTrigger(server, admin, user.sub, 'nothing')).toMatchObject({ queuedFlowSlug: 'nothing', queueLength: 2 });
    expect(await queueRows(server, user.sub)).toEqual(before);
    expect(await serverTrigger(server, admin, user.sub, 'nothing_replacing')).toMatchObject({ queuedFlowSlug: 'nothing_replacing', queueLength: 1 });
    expect(await queueSlugs(server, user.sub)).toEqual(['text_interstitial']);
  });
});
