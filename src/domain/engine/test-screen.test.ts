import { describe, expect, it } from 'vitest';
import type { Schema } from '../model';
import { testScreen } from './test-screen';
import { describeQueue, EMPTY_OBJECT_SCHEMA, FakeDeps, flowScreen, formattedTitle, operation, queuedRow, screenDef, statKeys } from './testing';

const home = screenDef('home');
const shown = screenDef('shown');
const NAME_SCHEMA: Schema = { type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'Ann' } }, example: { name: 'Ann' } };
const request = (over: Partial<Parameters<typeof testScreen>[3]> = {}) => ({
  clientSchema: NAME_SCHEMA,
  serverSchema: EMPTY_OBJECT_SCHEMA,
  flowScreen: formattedTitle('shown', 'Hi {client[name]}'),
  client: { name: 'Bo' },
  server: {},
  dryRun: false,
  ...over,
});
const queue = () => [queuedRow('front', home, { outerCounter: 4 })];

describe('test_screen simulation (admin-api.md §9.2 steps 10-12)', () => {
  it('prepends one row without a flow, with the transformed parameters, and counts nothing', async () => {
    const out = await testScreen(new FakeDeps({ screens: [home, shown] }), operation(), queue(), request());
    expect(out.rejection).toBeNull();
    expect(out.queued).toMatchObject({ outerCounter: 5, innerCounter: 1, clientFlowId: null, flowClientParameters: { name: 'Bo' } });
    expect(describeQueue(out.queue)).toEqual(describeQueue([out.queued!, ...queue()]));
    expect(statKeys(out)).toEqual([]);
  });

  it('a dry run leaves the queue as it was', async () => {
    const out = await testScreen(new FakeDeps({ screens: [home, shown] }), operation(), queue(), request({ dryRun: true }));
    expect(out).toMatchObject({ rejection: null, queued: null });
    expect(out.queue.map((r) => r.uid)).toEqual(['front']);
  });

  it('reports skip, a missing screen and an input the screen refuses, changing nothing', async () => {
    const deps = () => new FakeDeps({ screens: [home, shown] });
    const skip = await testScreen(deps(), operation(), queue(), request({ flowScreen: flowScreen('shown', { rules: { trigger: {}, peek: null } }) }));
    const missing = await testScreen(deps(), operation(), queue(), request({ flowScreen: flowScreen('nope') }));
    const refused = await testScreen(deps(), operation(), queue(), request({ flowScreen: flowScreen('shown', { fixed: { title: 3 } }) }));
    expect([skip, missing, refused].map((o) => o.rejection?.reason)).toEqual(['skip', 'screen_not_found', 'screen_input_parameters_didnt_match']);
    for (const o of [skip, missing, refused]) expect(o.queue.map((r) => r.uid)).toEqual(['front']);
  });
});
