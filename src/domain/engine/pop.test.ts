import { describe, expect, it } from 'vitest';
import type { Schema } from '../model';
import { pop } from './pop';
import { describeQueue, FakeDeps, flowDef, flowScreen, operation, queuedRow, screenDef, statKeys } from './testing';

const home = screenDef('home');
const next = screenDef('next');
const rest = screenDef('rest');
const PARAMS_SCHEMA: Schema = {
  type: 'object',
  properties: { n: { type: 'integer', example: 1, default: 0 }, token: { type: 'string', example: 't', default: '' } },
  example: {},
};
const deps = () =>
  new FakeDeps({
    screens: [home, next, rest],
    flows: [
      flowDef('go', { clientSchema: PARAMS_SCHEMA, serverSchema: PARAMS_SCHEMA, screens: [flowScreen('next')] }),
      flowDef('broken', { screens: [flowScreen('nope')] }),
    ],
  });
const queue = () => [
  queuedRow('front', home, { outerCounter: 2, screen: flowScreen('home', { allowed_triggers: ['go', 'ghost', 'broken'] }) }),
  queuedRow('behind', rest, { outerCounter: 1, screen: flowScreen('rest') }),
];
const ios = operation({ platform: 'ios', version: 68 });

describe('pop (queue-engine.md §7.1-§7.3)', () => {
  it('runs error_bad_auth and pops nothing when the screen JWT is invalid', async () => {
    const d = deps();
    d.addScreens(screenDef('bad_auth_screen')).addFlows(flowDef('error_bad_auth', { screens: [flowScreen('bad_auth_screen')] }));
    const out = await pop(d, ios, queue(), { screenJwtSub: null, trigger: { slug: 'go', parameters: {} } });
    expect(out.result).toBe('bad_auth');
    expect(out.queue.map((r) => r.uid).slice(1)).toEqual(['front', 'behind']);
    expect(statKeys(out)).toEqual(['queued server:68:bad_auth_screen', 'triggered server:68:error_bad_auth:True']);
  });

  it('answers desync and ignores the trigger when the JWT sub is not the front', async () => {
    const out = await pop(deps(), ios, queue(), { screenJwtSub: 'behind', trigger: { slug: 'go', parameters: {} } });
    expect(out.result).toBe('desync');
    expect(out.queue.map((r) => r.uid)).toEqual(['front', 'behind']);
    expect(statKeys(out)).toEqual(['triggered server:68:desync:True']);

    const empty = await pop(deps(), ios, [], { screenJwtSub: 'front', trigger: null });
    expect(empty.result).toBe('desync');
    expect(empty.flowsTriggered).toEqual(['desync', 'empty']);
  });

  it('pops the front without a trigger', async () => {
    const out = await pop(deps(), ios, queue(), { screenJwtSub: 'front', trigger: null });
    expect(out.result).toBe('popped');
    expect(out.queue.map((r) => r.uid)).toEqual(['behind']);
    expect(statKeys(out)).toEqual(['popped ios:68:home']);
  });

  it('resolves an allowed trigger as an untrusted client trigger with server {} and null params as {}', async () => {
    const out = await pop(deps(), ios, queue(), { screenJwtSub: 'front', trigger: { slug: 'go', parameters: null } });
    expect(describeQueue(out.queue)).toEqual(['next@2.0', 'rest@1.0']);
    expect(out.queue[0].flowClientParameters).toEqual({ n: 0, token: '' });
    expect(out.queue[0].flowServerParameters).toEqual({ n: 0, token: '' });
    expect(statKeys(out)).toEqual(['popped ios:68:home', 'queued ios:68:next', 'triggered ios:68:go:False']);

    const withParams = await pop(deps(), ios, queue(), { screenJwtSub: 'front', trigger: { slug: 'go', parameters: { n: 3 } } });
    expect(withParams.queue[0].flowClientParameters).toEqual({ n: 3, token: '' });
  });

  it('passes server parameters of custom pop endpoints (§7.6)', async () => {
    const out = await pop(deps(), ios, queue(), {
      screenJwtSub: 'front',
      trigger: { slug: 'go', parameters: {}, serverParameters: { token: 'verified' } },
    });
    expect(out.queue[0].flowServerParameters).toEqual({ n: 0, token: 'verified' });
  });

  it('fails the flow schema for a non-object trigger parameter', async () => {
    const out = await pop(deps(), ios, queue(), { screenJwtSub: 'front', trigger: { slug: 'go', parameters: [1] } });
    expect(statKeys(out)).toContain('replaced ios:68:home:go:error_flow_schema');
  });

  it('turns a slug outside allowed_triggers into forbidden, counting the asked slug as a hop', async () => {
    const out = await pop(deps(), ios, queue(), { screenJwtSub: 'front', trigger: { slug: 'nonexistent', parameters: {} } });
    expect(out.result).toBe('forbidden');
    expect(out.queue.map((r) => r.uid)).toEqual(['behind']);
    expect(statKeys(out)).toEqual([
      'popped ios:68:home',
      'replaced ios:68:home:nonexistent:forbidden',
      'triggered server:68:forbidden:True',
    ]);
  });

  it('always allows skip', async () => {
    const out = await pop(deps(), ios, queue(), { screenJwtSub: 'front', trigger: { slug: 'skip', parameters: null } });
    expect(statKeys(out)).toEqual(['popped ios:68:home', 'triggered ios:68:skip:False']);
  });

  it('names the popped screen in replaced keys of the pop trigger, not after a materialization abort', async () => {
    const missing = await pop(deps(), ios, queue(), { screenJwtSub: 'front', trigger: { slug: 'ghost', parameters: {} } });
    expect(statKeys(missing)).toContain('replaced ios:68:home:ghost:not_found');

    const d = deps();
    // error_screen_missing is resolved normally: its own rule hops, without the popped screen.
    d.addFlows(
      flowDef('error_screen_missing', {
        rules: [{ condition: {}, effect: { type: 'replace', slug: 'not_found', client_parameters: { type: 'omit' }, server_parameters: { type: 'omit' } } }],
      }),
    );
    const aborted = await pop(d, ios, queue(), { screenJwtSub: 'front', trigger: { slug: 'broken', parameters: {} } });
    expect(statKeys(aborted)).toEqual([
      'popped ios:68:home',
      'replaced ios:68:home:broken:error_screen_missing',
      'replaced server:68::error_screen_missing:not_found',
      'triggered server:68:not_found:True',
    ]);
  });

  it('lets a second pop with the same JWT desync (at most once per row)', async () => {
    const first = await pop(deps(), ios, queue(), { screenJwtSub: 'front', trigger: null });
    const second = await pop(deps(), ios, first.queue, { screenJwtSub: 'front', trigger: null });
    expect(second.result).toBe('desync');
    expect(second.queue.map((r) => r.uid)).toEqual(['behind']);
  });
});
