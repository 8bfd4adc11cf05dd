/**
 * Acceptance tests of parameter substitution (queue-engine.md §4) and of the safety and input
 * checks around it (§3.6 `error_unsafe`, §3.7 `error_screen_schema`), with the example
 * course-catalog plugin loaded so `extract` has a registered extractor (docs/extending.md).
 */
import { join } from 'node:path';
import { arr, obj, str, union } from '../../src/content/screens/schema-builders';
import { screenFlags } from '../../src/domain/flags';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putFlow } from '../support/fixtures';
import { card, headerOf, newUser, putScreens, queueSlugs, queueRows, serverTrigger, showSpecialFlows, userAtFront } from '../support/flows';
import { startTestServer, type TestServer } from '../support/server';

const PLUGIN = join(__dirname, '..', '..', 'examples', 'plugins', 'course-catalog.js');

const COURSE = { type: 'string', format: 'course_uid', example: 'crs_intro' };
const courseCard = {
  slug: 'course_card',
  name: 'Course card',
  description: 'A course and a header.',
  flags: screenFlags(15),
  schema: {
    type: 'object',
    example: { course: 'crs_intro', header: 'Introduction' },
    required: ['course', 'header'],
    properties: { course: COURSE, header: { type: 'string', example: 'Introduction' } },
  },
};
/** The unsafe target one level down, inside `media`. */
const nestedCourseCard = {
  slug: 'nested_course_card',
  name: 'Nested course card',
  description: 'A course inside an object.',
  flags: screenFlags(15),
  schema: {
    type: 'object',
    example: { header: 'Introduction', media: { course: 'crs_intro' } },
    required: ['header', 'media'],
    properties: {
      header: { type: 'string', example: 'Introduction' },
      media: { type: 'object', example: { course: 'crs_intro' }, required: ['course'], properties: { course: COURSE } },
    },
  },
};

/** Unsafe targets inside array items and inside one branch of a union. */
const courseCollection = {
  slug: 'course_collection',
  name: 'Course collection',
  description: 'Courses in a list and in a union.',
  flags: screenFlags(15),
  schema: obj({
    header: str('Courses'),
    courses: arr(obj({ course: { ...COURSE } })),
    featured: union('kind', { text: { text: str('Nothing featured') }, course: { course: { ...COURSE } } }),
  }),
};

const courseServerSchema = (nullable = false) => ({
  type: 'object',
  required: ['course'],
  properties: { course: { ...COURSE, ...(nullable ? { nullable: true } : {}) } },
});
const openObject = { type: 'object' };

/** A flow screen on `course_card` (no `fixed.header`: its header comes from `variable`). */
function courseScreen(variable: unknown[], fixed: Record<string, unknown> = {}, name = 'course') {
  return {
    screen: { slug: 'course_card', fixed, variable },
    name,
    allowed_triggers: [],
    flags: 31,
    rules: { trigger: null, peek: null },
  };
}
const copy = (input: (string | number)[], output: (string | number)[]) => ({ type: 'copy', input_path: input, output_path: output });
const format = (f: string, output: (string | number)[]) => ({ type: 'string_format', format: f, output_path: output });
const extract = (input: (string | number)[], extracted: (string | number)[], output: (string | number)[], skipIfMissing = false) => ({
  type: 'extract',
  input_path: input,
  extracted_path: extracted,
  output_path: output,
  skip_if_missing: skipIfMissing,
});

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({ plugins: [PLUGIN] });
  admin = await server.userToken('oseh_u_substitution_admin', { admin: true });
  await server.sql(`CREATE TABLE courses (uid text PRIMARY KEY, title text NOT NULL, description text NOT NULL)`);
  await server.sql(`INSERT INTO courses VALUES ('crs_intro', 'Introduction', 'Where to start.'), ('crs_temp', 'Temporary', 'Soon gone.')`);
  await putScreens(server, [courseCard, nestedCourseCard, courseCollection]);
  await showSpecialFlows(server, ['not_found', 'error_unsafe', 'error_screen_schema']);

  await putFlow(server, {
    slug: 'greeting',
    clientSchema: { type: 'object', required: ['greeting'], properties: { greeting: { type: 'string' } } },
    serverSchema: { type: 'object', required: ['team'], properties: { team: { type: 'string' } } },
    screens: [
      card('placeholder', {
        variable: [
          format('{client[greeting]}, {standard[name][given]} of team {server[team]}!', ['header']),
          format('Signed in as {standard[name][full]}; family "{standard[name][family]}"', ['message']),
        ],
      }),
    ],
  });
  await putFlow(server, {
    slug: 'rendering',
    clientSchema: openObject,
    screens: [card('placeholder', { variable: [format('{{{client[n]}}} {client[yes]}/{client[no]} [{client[none]}] {client[f]} {client[list][1]}', ['header'])] })],
  });
  await putFlow(server, {
    slug: 'copies',
    clientSchema: openObject,
    serverSchema: openObject,
    screens: [
      card('Fixed header', {
        variable: [
          copy(['client', 'title'], ['header']),
          copy(['server', 'note'], ['message']),
          copy(['standard', 'name', 'given'], ['cta']),
          // Later entries overwrite earlier ones.
          copy(['client', 'later'], ['message']),
        ],
      }),
    ],
  });
  await putFlow(server, {
    slug: 'defaults',
    clientSchema: { type: 'object', properties: { title: { type: 'string', default: 'Default title' } } },
    serverSchema: { type: 'object', properties: { note: { type: 'string', default: 'Default note' } } },
    screens: [card('placeholder', { variable: [copy(['client', 'title'], ['header']), copy(['server', 'note'], ['message'])] })],
  });
  await putFlow(server, { slug: 'named', screens: [card('placeholder', { variable: [format('Hi {standard[name][given]}', ['header'])] })] });
  await putFlow(server, { slug: 'editable', screens: [card('Before the edit')] });
  await putFlow(server, {
    slug: 'phone',
    clientSchema: openObject,
    serverSchema: openObject,
    screens: [card('placeholder', { variable: [format('Call {server[phone]:e164} or {server[other]:e164}', ['header'])] })],
  });
  await putFlow(server, {
    slug: 'client_e164',
    replaces: true,
    clientSchema: openObject,
    screens: [card('Fine'), card('placeholder', { variable: [format('Call {client[phone]:e164}', ['header'])] })],
  });
  await putFlow(server, {
    slug: 'python_spec',
    replaces: true,
    clientSchema: openObject,
    screens: [card('Fine'), card('placeholder', { variable: [format('{client[n]:>10}', ['header'])] })],
  });
  await putFlow(server, {
    slug: 'clock',
    screens: [card('placeholder', { variable: [format('{standard[time_of_day][title]} {standard[time_of_day][upper]} {standard[day_of_week][title]}', ['header'])] })],
  });
  await putFlow(server, {
    slug: 'nested_output',
    screens: [
      card('Nested', {
        fixed: { entrance: { type: 'fade' }, undeclared: 'dropped' },
        variable: [copy(['standard', 'constants', 'fast_anim_ms'], ['entrance', 'ms'])],
      }),
    ],
  });

  // Extraction.
  await putFlow(server, {
    slug: 'show_course',
    replaces: true,
    serverSchema: courseServerSchema(),
    screens: [courseScreen([copy(['server', 'course'], ['course']), extract(['server', 'course'], ['title'], ['header'])])],
  });
  await putFlow(server, {
    slug: 'auto_extract',
    serverSchema: courseServerSchema(),
    screens: [courseScreen([copy(['server', 'course'], ['course']), format('{server[course][title]}: {server[course][description]}', ['header'])])],
  });
  await putFlow(server, {
    slug: 'maybe_title',
    serverSchema: courseServerSchema(true),
    screens: [card('placeholder', { variable: [format('Title: [{server[course][title]}]', ['header'])] })],
  });
  await putFlow(server, {
    slug: 'course_pair',
    serverSchema: {
      type: 'object',
      required: ['first', 'second'],
      properties: { first: COURSE, second: COURSE },
    },
    screens: [
      courseScreen([copy(['server', 'first'], ['course'])], { header: 'First course' }),
      courseScreen([copy(['server', 'second'], ['course'])], { header: 'Second course' }),
    ],
  });
  await putFlow(server, {
    slug: 'maybe_course',
    serverSchema: courseServerSchema(true),
    screens: [
      courseScreen([copy(['server', 'course'], ['course']), extract(['server', 'course'], ['title'], ['header'], true)]),
      card('After the course'),
    ],
  });

  // Unsafe flows: non-server input into a course_uid / image_uid.
  const unsafe = (slug: string, screen: unknown) =>
    putFlow(server, { slug, replaces: true, clientSchema: openObject, serverSchema: openObject, screens: [card('Fine'), screen] });
  await unsafe('unsafe_copy_client', courseScreen([copy(['client', 'course'], ['course'])], { header: 'h' }));
  await unsafe('unsafe_copy_standard', courseScreen([copy(['standard', 'name', 'given'], ['course'])], { header: 'h' }));
  await unsafe('unsafe_format_client', courseScreen([format('{server[course]}{client[suffix]}', ['course'])], { header: 'h' }));
  await unsafe('unsafe_extract_client', courseScreen([copy(['server', 'course'], ['course']), extract(['client', 'course'], ['title'], ['header'])]));
  await unsafe('unsafe_subtree', {
    screen: { slug: 'nested_course_card', fixed: { header: 'h' }, variable: [copy(['client', 'media'], ['media'])] },
    name: 'nested',
    allowed_triggers: [],
    flags: 31,
    rules: { trigger: null, peek: null },
  });
  const collection = (variable: unknown[]) => ({
    screen: {
      slug: 'course_collection',
      fixed: { header: 'h', courses: [{ course: 'crs_intro' }], featured: { kind: 'text', text: 't' } },
      variable,
    },
    name: 'collection',
    allowed_triggers: [],
    flags: 31,
    rules: { trigger: null, peek: null },
  });
  await unsafe('unsafe_array_item', collection([copy(['client', 'course'], ['courses', 0, 'course'])]));
  await unsafe('unsafe_union_branch', collection([copy(['client', 'featured'], ['featured'])]));
  await putFlow(server, {
    slug: 'safe_collection',
    replaces: true,
    clientSchema: openObject,
    screens: [collection([copy(['client', 'title'], ['header']), copy(['client', 'text'], ['featured', 'text'])])],
  });
  await unsafe('unsafe_image', card('Image', { screen: 'image_interstitial', fixed: { top: 't' }, variable: [copy(['client', 'image'], ['image'])] }));
  await putFlow(server, {
    slug: 'menu',
    screens: [card('Menu', { allowedTriggers: ['unsafe_image', 'unsafe_copy_client'] }), card('Rest')],
  });
});
afterAll(async () => {
  await server?.close();
});

describe('string_format (§4.3) and standard parameters (§4.4)', () => {
  it('fills client, server and standard placeholders', async () => {
    const user = await newUser(server, { givenName: 'Ann', familyName: 'Lee' });
    await serverTrigger(server, admin, user.sub, 'greeting', { client: { greeting: 'Hello' }, server: { team: 'Blue' } });
    const parameters = (await user.client.peek()).body.screen.active.parameters;
    expect(parameters.header).toBe('Hello, Ann of team Blue!');
    expect(parameters.message).toBe('Signed in as Ann Lee; family "Lee"');
  });

  it('renders a null name part as an empty string (not None)', async () => {
    const user = await newUser(server, { givenName: 'Ann' });
    await serverTrigger(server, admin, user.sub, 'greeting', { client: { greeting: 'Hi' }, server: { team: 'Red' } });
    expect((await user.client.peek()).body.screen.active.parameters.message).toBe('Signed in as Ann; family ""');
  });

  it('unescapes doubled braces and renders integers, booleans, null, floats and array items', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'rendering', { client: { n: 3, yes: true, no: false, none: null, f: 1.5, list: ['a', 'b'] } });
    expect(headerOf(await user.client.peek())).toBe('{3} true/false [] 1.5 b');
  });

  it('computes standard parameters at every realization, so they follow profile changes', async () => {
    const user = await newUser(server, { givenName: 'Ann' });
    await serverTrigger(server, admin, user.sub, 'named');
    expect(headerOf(await user.client.peek())).toBe('Hi Ann');
    await server.sql(`UPDATE users SET given_name = 'Bea' WHERE sub = $1`, [user.sub]);
    expect(headerOf(await user.client.peek())).toBe('Hi Bea');
  });
});

describe('format specs (§4.1 item 4, §4.3)', () => {
  it('e164 formats a +1 server number with 12 characters and leaves other numbers unchanged', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'phone', { server: { phone: '+15555550123', other: '+445555550123' } });
    expect(headerOf(await user.client.peek())).toBe('Call +1 555-555-0123 or +445555550123');
  });

  it('e164 on a client placeholder cannot be produced: error_screen_schema, the flow has no effect', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'editable');
    expect(await serverTrigger(server, admin, user.sub, 'client_e164', { client: { phone: '+15555550123' } })).toMatchObject({
      queuedFlowSlug: 'error_screen_schema',
    });
    expect(await queueSlugs(server, user.sub)).toEqual(['error_screen_schema', 'Before the edit']);
  });

  it("any other format spec (Python's mini-language) cannot be produced: error_screen_schema", async () => {
    const user = await newUser(server);
    expect(await serverTrigger(server, admin, user.sub, 'python_spec', { client: { n: 'x' } })).toMatchObject({
      queuedFlowSlug: 'error_screen_schema',
    });
  });
});

describe('time standard parameters (§4.4)', () => {
  it("time_of_day and day_of_week follow the user's timezone at realization time", async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'clock');
    const realNow = server.app.now;
    // Monday 2024-01-01 15:30 UTC: afternoon in UTC, Tuesday 00:30 (evening) in Tokyo.
    server.app.now = () => Date.UTC(2024, 0, 1, 15, 30) / 1000;
    try {
      await server.sql(`UPDATE users SET timezone = 'UTC' WHERE sub = $1`, [user.sub]);
      expect(headerOf(await user.client.peek())).toBe('Afternoon AFTERNOON Monday');
      await server.sql(`UPDATE users SET timezone = 'Asia/Tokyo' WHERE sub = $1`, [user.sub]);
      expect(headerOf(await user.client.peek())).toBe('Evening EVENING Tuesday');
      server.app.now = () => Date.UTC(2024, 0, 1, 18, 0) / 1000; // 03:00 in Tokyo
      expect(headerOf(await user.client.peek())).toBe('Morning MORNING Tuesday');
    } finally {
      server.app.now = realNow;
    }
  });
});

describe('copy (§4.2) and trigger-time defaults (§4.1)', () => {
  it('writes into nested output paths and realizes exactly the declared properties (undeclared keys dropped)', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'nested_output');
    const parameters = (await user.client.peek()).body.screen.active.parameters;
    expect(parameters.entrance).toEqual({ type: 'fade', ms: 350 });
    expect(parameters).not.toHaveProperty('undeclared');
    expect(Object.keys(parameters).sort()).toEqual(['cta', 'entrance', 'exit', 'header', 'message', 'trigger']);
  });

  it('copies client, server and standard values over fixed, later entries overwriting earlier ones', async () => {
    const user = await newUser(server, { givenName: 'Ann' });
    await serverTrigger(server, admin, user.sub, 'copies', { client: { title: 'From client', later: 'Later wins' }, server: { note: 'From server' } });
    const parameters = (await user.client.peek()).body.screen.active.parameters;
    expect(parameters).toMatchObject({ header: 'From client', message: 'Later wins', cta: 'Ann' });
  });

  it('fills client and server defaults at trigger time and stores them in the row', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'defaults');
    const [row] = await queueRows(server, user.sub);
    expect(row.client).toEqual({ title: 'Default title' });
    expect(row.server).toEqual({ note: 'Default note' });
    expect((await user.client.peek()).body.screen.active.parameters).toMatchObject({ header: 'Default title', message: 'Default note' });
  });

  it('snapshots the flow screen: editing the flow later does not change queued rows', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'editable');
    await putFlow(server, { slug: 'editable', screens: [card('After the edit')] });
    expect(headerOf(await user.client.peek())).toBe('Before the edit');
    await putFlow(server, { slug: 'editable', screens: [card('Before the edit')] });
  });
});

describe('extract (§4.1 items 2-3, with the course-catalog extractor)', () => {
  it('extracts a field of the object a server uid names, at trigger time', async () => {
    const user = await newUser(server);
    expect(await serverTrigger(server, admin, user.sub, 'show_course', { server: { course: 'crs_intro' } })).toMatchObject({
      queuedFlowSlug: 'show_course',
    });
    const [row] = await queueRows(server, user.sub);
    expect(row.server).toMatchObject({ course: 'crs_intro', __extracted: { header: 'Introduction' } });
    expect((await user.client.peek()).body.screen.active).toEqual({
      slug: 'course_card',
      parameters: { course: { uid: 'crs_intro', title: 'Introduction', description: 'Where to start.' }, header: 'Introduction' },
    });
  });

  it('auto-extracts string_format placeholders that walk into a uid', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'auto_extract', { server: { course: 'crs_intro' } });
    expect(headerOf(await user.client.peek())).toBe('Introduction: Where to start.');
  });

  it('a placeholder running into a null server value renders as an empty string', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'maybe_title', { server: { course: null } });
    expect(headerOf(await user.client.peek())).toBe('Title: []');
  });

  it('skip_if_missing leaves the screen out when the uid is null', async () => {
    const user = await newUser(server);
    expect(await serverTrigger(server, admin, user.sub, 'maybe_course', { server: { course: null } })).toMatchObject({
      queuedFlowSlug: 'maybe_course',
      queueLength: 1,
    });
    expect(await queueSlugs(server, user.sub)).toEqual(['After the course']);
  });

  it('a uid whose object does not exist resolves not_found, and the flow has no effect (no clear)', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'editable');
    expect(await serverTrigger(server, admin, user.sub, 'show_course', { server: { course: 'crs_missing' } })).toMatchObject({
      queuedFlowSlug: 'not_found',
    });
    expect(await queueSlugs(server, user.sub)).toEqual(['not_found', 'Before the edit']);
  });
});

describe('error_unsafe (§3.6): non-server input into an unsafe format, at materialization', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['unsafe_copy_client', { course: 'crs_intro' }],
    ['unsafe_copy_standard', {}],
    ['unsafe_format_client', { suffix: '' }],
    ['unsafe_extract_client', { course: 'crs_intro' }],
    ['unsafe_subtree', { media: { course: 'crs_intro' } }],
    ['unsafe_array_item', { course: 'crs_intro' }],
    ['unsafe_union_branch', { featured: { kind: 'course', course: 'crs_intro' } }],
    ['unsafe_image', { image: 'oseh_if_0000000000000000000000' }],
  ];
  for (const [slug, client] of cases) {
    it(`${slug}: resolves error_unsafe even for a trusted server trigger, and the flow has no effect`, async () => {
      const user = await newUser(server);
      await serverTrigger(server, admin, user.sub, 'editable');
      expect(await serverTrigger(server, admin, user.sub, slug, { client, server: { course: 'crs_intro' } })).toMatchObject({
        queuedFlowSlug: 'error_unsafe',
      });
      expect(await queueSlugs(server, user.sub)).toEqual(['error_unsafe', 'Before the edit']);
    });
  }

  it('a client parameter copied into an image_uid field by a client pop resolves error_unsafe', async () => {
    const { user, pop } = await userAtFront(server, admin, 'menu');
    expect(headerOf(await pop('unsafe_image', { image: 'oseh_if_0000000000000000000000' }))).toBe('error_unsafe');
    expect(await queueSlugs(server, user.sub)).toEqual(['error_unsafe', 'Rest']);
  });

  it('client parameters may fill safe fields next to unsafe ones', async () => {
    const user = await newUser(server);
    expect(await serverTrigger(server, admin, user.sub, 'safe_collection', { client: { title: 'Mine', text: 'Hello' } })).toMatchObject({
      queuedFlowSlug: 'safe_collection',
    });
    const parameters = (await user.client.peek()).body.screen.active.parameters;
    expect(parameters).toMatchObject({ header: 'Mine', featured: { kind: 'text', text: 'Hello' } });
    expect(parameters.courses).toEqual([{ course: { uid: 'crs_intro', title: 'Introduction', description: 'Where to start.' } }]);
  });

  it('server parameters may fill an unsafe format', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'show_course', { server: { course: 'crs_intro' } });
    expect((await user.client.peek()).body.screen.active.parameters.course).toMatchObject({ uid: 'crs_intro' });
  });
});

describe('error_screen_schema at realization (§3.7 drift rule)', () => {
  it('a queued screen that can no longer be realized is removed and error_screen_schema runs instead of a 500', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'editable');
    await serverTrigger(server, admin, user.sub, 'auto_extract', { server: { course: 'crs_temp' } });
    expect(await queueSlugs(server, user.sub)).toEqual(['course_card', 'Before the edit']);
    await server.sql(`DELETE FROM courses WHERE uid = 'crs_temp'`);
    const peeked = await user.client.peek();
    expect(peeked.status).toBe(200);
    expect(headerOf(peeked)).toBe('error_screen_schema');
    expect(await queueSlugs(server, user.sub)).toEqual(['error_screen_schema', 'Before the edit']);
  });

  it('a prefetch screen that cannot be realized is left out of prefetch but stays queued', async () => {
    await server.sql(`INSERT INTO courses VALUES ('crs_brief', 'Brief', 'Gone soon.') ON CONFLICT DO NOTHING`);
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'course_pair', { server: { first: 'crs_intro', second: 'crs_brief' } });
    await server.sql(`DELETE FROM courses WHERE uid = 'crs_brief'`);
    const peeked = await user.client.peek();
    expect(headerOf(peeked)).toBe('First course');
    expect(peeked.body.screen.prefetch).toEqual([]);
    expect(await queueSlugs(server, user.sub)).toEqual(['First course', 'Second course']);
  });
});
