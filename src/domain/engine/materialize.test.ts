import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import type { ClientFlowDef, Schema, ScreenVariable } from '../model';
import { FormatRegistry } from '../schema';
import { realizeFront } from './realize';
import { describeQueue, FakeDeps, flowDef, flowScreen, formattedTitle, operation, queuedRow, screenDef, statKeys } from './testing';
import { serverTrigger } from './trigger';

const str = (example: string, extra: JsonObject = {}): Schema => ({ type: 'string', example, ...extra });
const obj = (properties: Record<string, Schema>, required: string[], example: JsonObject): Schema => ({
  type: 'object',
  required,
  properties,
  example,
});
const image = str('oseh_if_1', { format: 'image_uid' });

const a = screenDef('a');
const d = screenDef('d');
const e = screenDef('e');
const f = screenDef('f');
const imageScreen = screenDef('image_screen', { schema: obj({ image }, ['image'], { image: 'oseh_if_1' }) });
const headerScreen = screenDef('header_screen', {
  schema: obj(
    { title: str('t'), header: obj({ image }, ['image'], { image: 'oseh_if_1' }) },
    ['title', 'header'],
    { title: 't', header: { image: 'oseh_if_1' } },
  ),
});
const subtitleScreen = screenDef('subtitle_screen', {
  schema: obj({ title: str('t'), subtitle: str('s') }, ['title', 'subtitle'], { title: 't', subtitle: 's' }),
});

const COURSES: Record<string, JsonObject> = { oseh_c_1: { title: 'Course One', meta: { lessons: 3 } } };
function registry(): FormatRegistry {
  const r = new FormatRegistry();
  r.registerExtractor({
    format: 'course_uid',
    objectSchema: obj({ title: str('x') }, ['title'], { title: 'x' }),
    load: async (uid) => COURSES[uid] ?? null,
  });
  r.registerResourceFormat({ format: 'image_uid', convert: async (_ctx, uid) => ({ uid, jwt: `jwt:${uid}`, thumbhash: null }) });
  return r;
}

const SERVER_SCHEMA: Schema = {
  type: 'object',
  properties: {
    course: str('oseh_c_1', { format: 'course_uid', nullable: true, default: null }),
    phone: str('+15555550123', { nullable: true, default: null }),
    subtitle: str('s', { default: 'Default subtitle' }),
    image: str('oseh_if_1', { format: 'image_uid', nullable: true, default: null }),
  },
  example: {},
};
const CLIENT_SCHEMA: Schema = {
  type: 'object',
  properties: { name: str('x', { default: 'friend' }), image: str('x', { default: 'oseh_if_9' }) },
  example: {},
};

const serverOp = operation({ platform: 'server' });
const existing = () => [queuedRow('ra', a, { outerCounter: 4 })];

function setup(flow: Partial<ClientFlowDef>) {
  const deps = new FakeDeps({
    registry: registry(),
    screens: [a, d, e, f, imageScreen, headerScreen, subtitleScreen],
    flows: [flowDef('flow', { clientSchema: CLIENT_SCHEMA, serverSchema: SERVER_SCHEMA, ...flow })],
  });
  const run = (client: JsonObject = {}, server: JsonObject = {}) =>
    serverTrigger(deps, serverOp, existing(), { slug: 'flow', client, server });
  return { deps, run };
}

/** A flow of just `subtitle_screen`, filled by `variable` alone. */
const subtitleFlow = (...variable: ScreenVariable[]) => setup({ screens: [flowScreen('subtitle_screen', { fixed: {}, variable })] });
/** `subtitle_screen` with a fixed subtitle and `format` rendered into its title. */
const titled = (format: string) => formattedTitle('subtitle_screen', format, { subtitle: 's' });

describe('materialization (queue-engine.md §3.4)', () => {
  it('drops screens whose rules.trigger holds (time_in_queue is 0) and keeps list indexes as inner counters', async () => {
    const { run } = setup({
      screens: [
        flowScreen('d'),
        flowScreen('e', { rules: { trigger: { time_in_queue: { operator: 'eq', value: 0 } }, peek: null } }),
        flowScreen('f', { rules: { trigger: { time_in_queue: { operator: 'gt', value: 0 } }, peek: null } }),
      ],
    });
    const out = await run();
    expect(describeQueue(out.queue)).toEqual(['d@5.0', 'f@5.2', 'a@4.0']);
    expect(statKeys(out)).toEqual(['queued server:None:d', 'queued server:None:f', 'triggered server:None:flow:True']);
  });

  it('aborts on a missing screen with no effect at all, not even the clear or earlier queued stats', async () => {
    const { run } = setup({ replaces: true, screens: [flowScreen('d'), flowScreen('nope'), flowScreen('e')] });
    const out = await run();
    expect(describeQueue(out.queue)).toEqual(['a@4.0']);
    expect(out.cleared).toBe(false);
    expect(out.flowsTriggered).toEqual(['error_screen_missing']);
    expect(statKeys(out)).toEqual([
      'replaced server:None::flow:error_screen_missing',
      'triggered server:None:error_screen_missing:True',
    ]);
  });

  it('reports the first problem in list order, then step order', async () => {
    const unsafe = flowScreen('image_screen', { fixed: {}, variable: [{ type: 'copy', input_path: ['client', 'image'], output_path: ['image'] }] });
    const first = await setup({ screens: [flowScreen('nope'), unsafe] }).run();
    expect(first.flowsTriggered).toEqual(['error_screen_missing']);
    const second = await setup({ screens: [unsafe, flowScreen('nope')] }).run();
    expect(second.flowsTriggered).toEqual(['error_unsafe']);
  });

  it('fills server and client defaults into the stored parameters', async () => {
    const { run } = setup({ screens: [flowScreen('d')] });
    const out = await run({}, { phone: '+1' });
    expect(out.queue[0].flowClientParameters).toEqual({ name: 'friend', image: 'oseh_if_9' });
    expect(out.queue[0].flowServerParameters).toEqual({ course: null, phone: '+1', subtitle: 'Default subtitle', image: null });
  });

  it('rejects a produced input that does not match the screen schema (error_screen_schema)', async () => {
    const missingTitle = flowScreen('d', { fixed: {} });
    const out = await setup({ replaces: true, screens: [missingTitle] }).run();
    expect(out.flowsTriggered).toEqual(['error_screen_schema']);
    expect(describeQueue(out.queue)).toEqual(['a@4.0']);

    const badCopy = flowScreen('d', { fixed: {}, variable: [{ type: 'copy', input_path: ['client', 'missing'], output_path: ['title'] }] });
    expect((await setup({ screens: [badCopy] }).run()).flowsTriggered).toEqual(['error_screen_schema']);

    const wrongType = flowScreen('d', { fixed: { title: 3 } });
    expect((await setup({ screens: [wrongType] }).run()).flowsTriggered).toEqual(['error_screen_schema']);
  });

  it('dry-runs realization: a declared property neither produced nor defaulted is caught', async () => {
    const loose = screenDef('loose', {
      schema: { type: 'object', properties: { title: str('t'), extra: str('x') }, example: { title: 't' } },
    });
    const { deps, run } = setup({ screens: [flowScreen('loose')] });
    deps.addScreens(loose);
    expect((await run()).flowsTriggered).toEqual(['error_screen_schema']);
  });

  it('copies client and standard values into safe targets', async () => {
    const { deps, run } = subtitleFlow(
      { type: 'copy', input_path: ['client', 'name'], output_path: ['title'] },
      { type: 'string_format', format: 'Hi {standard[name][given]}', output_path: ['subtitle'] },
    );
    const out = await run({ name: 'Bo' });
    expect(out.flowsTriggered).toEqual(['flow']);
    const realized = await realizeFront(deps, serverOp, out);
    expect(realized.active).toEqual({ slug: 'subtitle_screen', parameters: { title: 'Bo', subtitle: 'Hi Ann' } });
  });
});

describe('safety at materialization (queue-engine.md §3.6, project rule)', () => {
  const cases: [string, ReturnType<typeof flowScreen>, string][] = [
    ['fixed uid', flowScreen('image_screen', { fixed: { image: 'oseh_if_1' } }), 'flow'],
    [
      'server copy',
      flowScreen('image_screen', { fixed: {}, variable: [{ type: 'copy', input_path: ['server', 'image'], output_path: ['image'] }] }),
      'error_screen_schema', // safe, but the server image defaults to null, which the schema rejects
    ],
    [
      'client copy',
      flowScreen('image_screen', { fixed: {}, variable: [{ type: 'copy', input_path: ['client', 'image'], output_path: ['image'] }] }),
      'error_unsafe',
    ],
    [
      'client object into a subtree holding an unsafe target',
      flowScreen('header_screen', {
        fixed: { title: 't' },
        variable: [{ type: 'copy', input_path: ['client', 'name'], output_path: ['header'] }],
      }),
      'error_unsafe',
    ],
    [
      'string_format with a standard placeholder',
      flowScreen('image_screen', {
        fixed: {},
        variable: [{ type: 'string_format', format: 'oseh_if_{standard[name][given]}', output_path: ['image'] }],
      }),
      'error_unsafe',
    ],
    [
      'extract from client',
      flowScreen('d', {
        variable: [{ type: 'extract', input_path: ['client', 'name'], extracted_path: ['title'], output_path: ['title'], skip_if_missing: false }],
      }),
      'error_unsafe',
    ],
  ];
  it.each(cases)('%s', async (_name, screen, expected) => {
    const out = await setup({ screens: [screen] }).run();
    expect(out.flowsTriggered).toEqual([expected]);
  });

  it('allows a server copy into an unsafe target and realizes it', async () => {
    const { deps, run } = setup({
      screens: [flowScreen('image_screen', { fixed: {}, variable: [{ type: 'copy', input_path: ['server', 'image'], output_path: ['image'] }] })],
    });
    const out = await run({}, { image: 'oseh_if_7' });
    expect(out.flowsTriggered).toEqual(['flow']);
    const realized = await realizeFront(deps, serverOp, out);
    expect(realized.active.parameters).toEqual({ image: { uid: 'oseh_if_7', jwt: 'jwt:oseh_if_7', thumbhash: null } });
  });
});

describe('server-side trigger-time transforms (queue-engine.md §4.1)', () => {
  const extract = (skip_if_missing: boolean) =>
    flowScreen('d', {
      fixed: {},
      variable: [{ type: 'extract', input_path: ['server', 'course'], extracted_path: ['title'], output_path: ['title'], skip_if_missing }],
    });

  it('extracts through the registry into __extracted at the output path', async () => {
    const { deps, run } = setup({ screens: [extract(false)] });
    const out = await run({}, { course: 'oseh_c_1' });
    expect(out.queue[0].flowServerParameters.__extracted).toEqual({ title: 'Course One' });
    const realized = await realizeFront(deps, serverOp, out);
    expect(realized.active.parameters).toEqual({ title: 'Course One' });
  });

  it('skips the screen when the input is missing and skip_if_missing is set, else stores null', async () => {
    const skipped = await setup({ screens: [extract(true), flowScreen('e')] }).run();
    expect(describeQueue(skipped.queue)).toEqual(['e@5.1', 'a@4.0']);
    expect(statKeys(skipped)).toEqual(['queued server:None:e', 'triggered server:None:flow:True']);
    // Stored null then fails the screen's string title: the input check catches it.
    const kept = await setup({ screens: [extract(false)] }).run();
    expect(kept.flowsTriggered).toEqual(['error_screen_schema']);
  });

  it('aborts with not_found when the extraction target does not exist', async () => {
    const out = await setup({ replaces: true, screens: [flowScreen('e'), extract(true)] }).run({}, { course: 'oseh_c_gone' });
    expect(describeQueue(out.queue)).toEqual(['a@4.0']);
    expect(statKeys(out)).toEqual(['replaced server:None::flow:not_found', 'triggered server:None:not_found:True']);
  });

  it('auto-extracts string_format placeholders that walk into a uid and rewrites the snapshot', async () => {
    const { deps, run } = subtitleFlow(
      { type: 'string_format', format: '{server[course][title]} ({server[course][meta][lessons]}) {{ok}}', output_path: ['title'] },
      { type: 'string_format', format: '{server[subtitle]}', output_path: ['subtitle'] },
    );
    const out = await run({}, { course: 'oseh_c_1' });
    const row = out.queue[0];
    expect(row.screen.screen.variable[0]).toEqual({
      type: 'string_format',
      format: '{server[__extracted][title][_0]} ({server[__extracted][title][_1]}) {{ok}}',
      output_path: ['title'],
    });
    // Plain server placeholders are left alone.
    expect(row.screen.screen.variable[1]).toMatchObject({ format: '{server[subtitle]}' });
    expect(row.flowServerParameters.__extracted).toEqual({ title: { _0: 'Course One', _1: 3 } });
    const realized = await realizeFront(deps, serverOp, out);
    expect(realized.active.parameters).toEqual({ title: 'Course One (3) {ok}', subtitle: 'Default subtitle' });
  });

  it('reads __extracted.__none for a placeholder that runs into a null optional value', async () => {
    const { deps, run } = setup({ screens: [titled('[{server[course][title]}]')] });
    const out = await run();
    expect(out.queue[0].screen.screen.variable[0]).toMatchObject({ format: '[{server[__extracted][__none]}]' });
    expect((await realizeFront(deps, serverOp, out)).active.parameters).toEqual({ title: '[]', subtitle: 's' });
  });

  it('formats e164 server placeholders at trigger time', async () => {
    const { deps, run } = setup({ screens: [titled('Call {server[phone]:e164}')] });
    const out = await run({}, { phone: '+15555550123' });
    expect(out.queue[0].screen.screen.variable[0]).toMatchObject({
      format: 'Call {server[__bonus_format_specs][e164][title][_0]}',
    });
    expect((await realizeFront(deps, serverOp, out)).active.parameters).toEqual({ title: 'Call +1 555-555-0123', subtitle: 's' });

    const other = await setup({ screens: [titled('{server[phone]:e164}')] }).run({}, { phone: '+4412345' });
    expect(other.queue[0].flowServerParameters.__bonus_format_specs).toEqual({ e164: { title: { _0: '+4412345' } } });

    const onClient = await setup({ screens: [titled('{client[name]:e164}')] }).run();
    expect(onClient.flowsTriggered).toEqual(['error_screen_schema']);
  });
});
