import { describe, expect, it } from 'vitest';
import { flowFlags } from '../flags';
import type { FlowRule, Schema } from '../model';
import { pop } from './pop';
import { MAX_HOPS } from './resolve';
import {
  describeQueue,
  FakeDeps,
  flowDef,
  flowScreen,
  operation,
  queuedRow,
  screenDef,
  statKeys,
} from './testing';
import { serverTrigger, signupTrigger } from './trigger';
import { EngineInternalError } from './types';

const home = screenDef('home');
const a = screenDef('a');
const b = screenDef('b');
const c = screenDef('c');
const d = screenDef('d');
const e = screenDef('e');

/** Queue A, B, C of one earlier batch. */
const abc = () => [
  queuedRow('ra', a, { screen: flowScreen('a', { allowed_triggers: ['de', 'ghost_allowed'] }), outerCounter: 1, innerCounter: 0 }),
  queuedRow('rb', b, { screen: flowScreen('b'), outerCounter: 1, innerCounter: 1 }),
  queuedRow('rc', c, { screen: flowScreen('c'), outerCounter: 1, innerCounter: 2 }),
];

const serverOp = operation({ platform: 'server' });
const replaceRule = (slug: string, copy: 'copy' | 'omit' = 'omit', condition: FlowRule['condition'] = {}): FlowRule => ({
  condition,
  effect: { type: 'replace', slug, client_parameters: { type: copy }, server_parameters: { type: copy } },
});
const NAME_SCHEMA: Schema = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', example: 'x' } },
  example: { name: 'x' },
};

describe('seed worked example and the counter rule', () => {
  it('queue A,B,C + flow D,E gives D,E,A,B,C with D,E as one new batch', async () => {
    const deps = new FakeDeps({ screens: [a, b, c, d, e], flows: [flowDef('de', { screens: [flowScreen('d'), flowScreen('e')] })] });
    const out = await serverTrigger(deps, serverOp, abc(), { slug: 'de', client: {}, server: {} });
    expect(describeQueue(out.queue)).toEqual(['d@2.0', 'e@2.1', 'a@1.0', 'b@1.1', 'c@1.2']);
    expect(out.chosenSlug).toBe('de');
    expect(out.flowsTriggered).toEqual(['de']);
    expect(out.cleared).toBe(false);
    expect(out.queue[0].addedAt).toBe(serverOp.now);
    expect(statKeys(out)).toEqual(['queued server:None:d', 'queued server:None:e', 'triggered server:None:de:True']);
  });

  it('restarts counters at 1 after a replacing flow clears the queue', async () => {
    const deps = new FakeDeps({ screens: [a, b, c, d], flows: [flowDef('fresh', { replaces: true, screens: [flowScreen('d')] })] });
    const queue = abc().map((r) => ({ ...r, outerCounter: 7 }));
    const out = await serverTrigger(deps, serverOp, queue, { slug: 'fresh', client: {}, server: {} });
    expect(describeQueue(out.queue)).toEqual(['d@1.0']);
    expect(out.cleared).toBe(true);
  });

  it('restarts counters at 1 when the queue became empty by popping', async () => {
    const deps = new FakeDeps({ screens: [home, d], flows: [flowDef('next', { screens: [flowScreen('d')] })] });
    const only = queuedRow('r1', home, { outerCounter: 9, screen: flowScreen('home', { allowed_triggers: ['next'] }) });
    const out = await pop(deps, operation(), [only], { screenJwtSub: 'r1', trigger: { slug: 'next', parameters: null } });
    expect(describeQueue(out.queue)).toEqual(['d@1.0']);
  });

  it('a replacing flow without kept screens leaves the queue to `empty`', async () => {
    const deps = new FakeDeps({ screens: [a, b, c], flows: [flowDef('wipe', { replaces: true })] });
    const out = await serverTrigger(deps, serverOp, abc(), { slug: 'wipe', client: {}, server: {} });
    expect(describeQueue(out.queue)).toEqual(['caught_up@1.0']);
    expect(out.flowsTriggered).toEqual(['wipe', 'empty']);
  });
});

describe('resolution order (queue-engine.md §3.2)', () => {
  it('replaces an unknown slug by not_found', async () => {
    const deps = new FakeDeps({ screens: [a, b, c] });
    const out = await serverTrigger(deps, serverOp, abc(), { slug: 'ghost', client: {}, server: {} });
    expect(out.chosenSlug).toBe('not_found');
    expect(statKeys(out)).toEqual(['replaced server:None::ghost:not_found', 'triggered server:None:not_found:True']);
  });

  it('throws an internal error when not_found itself is missing', async () => {
    const deps = new FakeDeps({ screens: [a, b, c] });
    deps.flows.delete('not_found');
    await expect(serverTrigger(deps, serverOp, abc(), { slug: 'ghost', client: {}, server: {} })).rejects.toBeInstanceOf(
      EngineInternalError,
    );
  });

  it('validates parameters for trusted triggers too', async () => {
    const deps = new FakeDeps({ screens: [a, b, c, d], flows: [flowDef('named', { serverSchema: NAME_SCHEMA, screens: [flowScreen('d')] })] });
    const bad = await serverTrigger(deps, serverOp, abc(), { slug: 'named', client: {}, server: {} });
    expect(bad.chosenSlug).toBe('error_flow_schema');
    expect(statKeys(bad)[0]).toBe('replaced server:None::named:error_flow_schema');
    const extra = await serverTrigger(deps, serverOp, abc(), { slug: 'named', client: { x: 1 }, server: { name: 'n' } });
    expect(extra.chosenSlug).toBe('error_flow_schema');
    const good = await serverTrigger(deps, serverOp, abc(), { slug: 'named', client: {}, server: { name: 'n' } });
    expect(good.chosenSlug).toBe('named');
  });

  it('throws an internal error when error_flow_schema rejects its own parameters', async () => {
    const deps = new FakeDeps({ screens: [a, b, c], flows: [flowDef('named', { serverSchema: NAME_SCHEMA })] });
    deps.addFlows(flowDef('error_flow_schema', { clientSchema: NAME_SCHEMA }));
    await expect(serverTrigger(deps, serverOp, abc(), { slug: 'named', client: {}, server: {} })).rejects.toBeInstanceOf(
      EngineInternalError,
    );
  });

  it('checks platform flags for client sources only, on every hop', async () => {
    const webOnly = flowDef('web_only', { flags: flowFlags(1 | 16), screens: [flowScreen('d')] });
    const entry = flowDef('entry', { rules: [replaceRule('web_only')] });
    const deps = new FakeDeps({ screens: [home, d], flows: [webOnly, entry] });
    const front = () => [queuedRow('r1', home, { screen: flowScreen('home', { allowed_triggers: ['web_only', 'entry'] }) })];
    const sub = { screenJwtSub: 'r1' };

    const direct = await pop(deps, operation({ platform: 'ios' }), front(), { ...sub, trigger: { slug: 'web_only', parameters: {} } });
    expect(direct.flowsTriggered).toEqual(['wrong_platform', 'empty']);
    expect(statKeys(direct)).toContain('replaced ios:None:home:web_only:wrong_platform');

    const viaRule = await pop(deps, operation({ platform: 'ios' }), front(), { ...sub, trigger: { slug: 'entry', parameters: {} } });
    expect(statKeys(viaRule).slice(1, 3)).toEqual([
      'replaced ios:None:home:entry:web_only',
      'replaced ios:None:home:web_only:wrong_platform',
    ]);

    const browser = await pop(deps, operation({ platform: 'browser' }), front(), { ...sub, trigger: { slug: 'entry', parameters: {} } });
    expect(browser.flowsTriggered).toEqual(['web_only']);
    expect(statKeys(browser)).toContain('triggered browser:None:web_only:False');

    const server = await serverTrigger(deps, serverOp, front(), { slug: 'web_only', client: {}, server: {} });
    expect(server.chosenSlug).toBe('web_only');
  });
});

describe('flow rules (queue-engine.md §3.2 step 4, §3.3)', () => {
  it('applies the first rule whose condition holds', async () => {
    const rules: FlowRule[] = [
      replaceRule('never', 'omit', { version: { operator: 'eq', value: 1 } }),
      replaceRule('second', 'omit', { version: { operator: 'ltn', value: 70 } }),
      replaceRule('third'),
    ];
    const deps = new FakeDeps({
      screens: [a, b, c, d],
      flows: [flowDef('ruled', { rules }), flowDef('second', { screens: [flowScreen('d')] }), flowDef('third')],
    });
    const out = await serverTrigger(deps, serverOp, abc(), { slug: 'ruled', client: {}, server: {} });
    expect(out.chosenSlug).toBe('second');
    const v1 = await serverTrigger(deps, operation({ platform: 'server', version: 1 }), abc(), { slug: 'ruled', client: {}, server: {} });
    expect(v1.chosenSlug).toBe('not_found');
    expect(statKeys(v1)[0]).toBe('replaced server:1::ruled:never');
  });

  it('copies or omits parameters per the replace effect', async () => {
    const clientSchema: Schema = { type: 'object', properties: { name: { type: 'string', example: 'x', default: 'none' } }, example: {} };
    const deps = new FakeDeps({
      screens: [a, b, c, d],
      flows: [
        flowDef('target', { clientSchema, screens: [flowScreen('d')] }),
        flowDef('copying', { clientSchema, rules: [replaceRule('target', 'copy')] }),
        flowDef('omitting', { clientSchema, rules: [replaceRule('target', 'omit')] }),
      ],
    });
    const copied = await serverTrigger(deps, serverOp, abc(), { slug: 'copying', client: { name: 'Zed' }, server: {} });
    expect(copied.queue[0].flowClientParameters).toEqual({ name: 'Zed' });
    const omitted = await serverTrigger(deps, serverOp, abc(), { slug: 'omitting', client: { name: 'Zed' }, server: {} });
    expect(omitted.queue[0].flowClientParameters).toEqual({ name: 'none' });
  });

  it('turns a skip effect into the skip flow with the same source, trusted', async () => {
    const deps = new FakeDeps({ screens: [home], flows: [flowDef('skippy', { rules: [{ condition: {}, effect: { type: 'skip' } }] })] });
    const front = [queuedRow('r1', home, { screen: flowScreen('home', { allowed_triggers: ['skippy'] }) })];
    const out = await pop(deps, operation({ platform: 'android', version: 80 }), front, {
      screenJwtSub: 'r1',
      trigger: { slug: 'skippy', parameters: {} },
    });
    expect(statKeys(out).slice(0, 3)).toEqual([
      'popped android:80:home',
      'replaced android:80:home:skippy:skip',
      'triggered android:80:skip:True',
    ]);
  });

  it('ignores a rule with an unknown effect, with a warning, and keeps walking', async () => {
    const odd = { condition: {}, effect: { type: 'teleport' } } as unknown as FlowRule;
    const deps = new FakeDeps({
      screens: [a, b, c, d],
      flows: [flowDef('odd', { rules: [odd, replaceRule('real')] }), flowDef('real', { screens: [flowScreen('d')] })],
    });
    const out = await serverTrigger(deps, serverOp, abc(), { slug: 'odd', client: {}, server: {} });
    expect(out.chosenSlug).toBe('real');
    expect(deps.warnings.map((w) => w.message)).toContain('ignoring flow rule with an unknown effect');
  });
});

describe('hop limit (project rule, §3.2)', () => {
  /** f0 -> f1 -> ... -> f{n}: n hops; the last flow queues screen d. */
  const chain = (n: number) =>
    Array.from({ length: n + 1 }, (_, i) =>
      flowDef(`f${i}`, i < n ? { rules: [replaceRule(`f${i + 1}`)] } : { screens: [flowScreen('d')] }),
    );

  it(`allows ${MAX_HOPS} hops`, async () => {
    const deps = new FakeDeps({ screens: [a, b, c, d], flows: chain(MAX_HOPS) });
    const out = await serverTrigger(deps, serverOp, abc(), { slug: 'f0', client: {}, server: {} });
    expect(out.chosenSlug).toBe(`f${MAX_HOPS}`);
    expect(out.stats.filter((s) => s.event === 'replaced')).toHaveLength(MAX_HOPS);
  });

  it('drops a trigger needing more hops, with none of its statistics', async () => {
    const deps = new FakeDeps({ screens: [a, b, c, d], flows: chain(MAX_HOPS + 1) });
    const out = await serverTrigger(deps, serverOp, abc(), { slug: 'f0', client: {}, server: {} });
    expect(out.chosenSlug).toBeNull();
    expect(out.stats).toEqual([]);
    expect(describeQueue(out.queue)).toEqual(['a@1.0', 'b@1.1', 'c@1.2']);
    expect(deps.warnings).toHaveLength(1);
  });

  it('drops a rule cycle but keeps the rest of the operation (the pop, stabilization)', async () => {
    const deps = new FakeDeps({
      screens: [home],
      flows: [flowDef('ping', { rules: [replaceRule('pong')] }), flowDef('pong', { rules: [replaceRule('ping')] })],
    });
    const front = [queuedRow('r1', home, { screen: flowScreen('home', { allowed_triggers: ['ping'] }) })];
    const out = await pop(deps, operation(), front, { screenJwtSub: 'r1', trigger: { slug: 'ping', parameters: {} } });
    expect(out.result).toBe('popped');
    expect(statKeys(out)).toEqual(['popped ios:None:home', 'queued server:None:caught_up', 'triggered server:None:empty:True']);
    expect(describeQueue(out.queue)).toEqual(['caught_up@1.0']);
  });
});

describe('signupTrigger (§7.5)', () => {
  it('runs the signup flow as a server trigger, or does nothing without one', async () => {
    const deps = new FakeDeps({ screens: [d] });
    expect(await signupTrigger(deps, serverOp, [])).toBeNull();
    deps.addFlows(flowDef('signup', { screens: [flowScreen('d')] }));
    const out = await signupTrigger(deps, serverOp, []);
    expect(describeQueue(out!.queue)).toEqual(['d@1.0']);
    expect(statKeys(out!)).toEqual(['queued server:None:d', 'triggered server:None:signup:True']);
  });
});
