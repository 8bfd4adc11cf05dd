import { describe, expect, it } from 'vitest';
import { flowScreenFlags, screenFlags } from '../flags';
import type { Predicate } from '../model';
import { MAX_AUTO_SKIPS } from './stabilize';
import {
  describeQueue,
  FakeDeps,
  flowDef,
  flowScreen,
  NOW,
  operation,
  queuedRow,
  screenDef,
  statKeys,
  user,
} from './testing';
import { peek } from './trigger';
import { EngineInternalError } from './types';

const shown = screenDef('shown');
const webOnlyScreen = screenDef('web_only_screen', { flags: screenFlags(1 | 2) });

const row = (uid: string, over: Parameters<typeof queuedRow>[2] = {}, screen = shown) => queuedRow(uid, screen, over);
const ios = operation({ platform: 'ios' });

describe('empty (queue-engine.md §5, §5.1)', () => {
  it('fills an empty queue with the empty flow', async () => {
    const out = await peek(new FakeDeps(), operation({ version: 70 }), []);
    expect(describeQueue(out.queue)).toEqual(['caught_up@1.0']);
    expect(statKeys(out)).toEqual(['queued server:70:caught_up', 'triggered server:70:empty:True']);
  });

  it('runs empty a second time when the first queued nothing', async () => {
    const deps = new FakeDeps({ randoms: [0.1, 0.9] });
    // Dropped at trigger time while random_float < 0.5: first run drops it, second keeps it.
    const lucky: Predicate = { random_float: { operator: 'lt', value: 0.5 } };
    deps.addFlows(flowDef('empty', { screens: [flowScreen('caught_up', { rules: { trigger: lucky, peek: null } })] }));
    const out = await peek(deps, ios, []);
    expect(describeQueue(out.queue)).toEqual(['caught_up@1.0']);
    expect(out.flowsTriggered).toEqual(['empty', 'empty']);
  });

  it('throws an internal error when the queue is still empty after the second empty', async () => {
    const deps = new FakeDeps().addFlows(flowDef('empty'));
    await expect(peek(deps, ios, [])).rejects.toBeInstanceOf(EngineInternalError);
  });

  it('returns the front after the second empty without skip checks', async () => {
    const deps = new FakeDeps({ screens: [webOnlyScreen] });
    deps.addFlows(flowDef('empty', { screens: [flowScreen('web_only_screen')] }));
    const out = await peek(deps, ios, []);
    expect(describeQueue(out.queue)).toEqual(['web_only_screen@1.0']);
    expect(out.flowsTriggered).toEqual(['empty', 'skip', 'empty']);
  });
});

describe('auto-skip preconditions (queue-engine.md §5.2)', () => {
  const behind = () => row('behind', { outerCounter: 1 });

  it('skips a front whose screen flags lack the platform, but never on platform server', async () => {
    const queue = [row('front', { outerCounter: 2, screen: flowScreen('web_only_screen') }, webOnlyScreen), behind()];
    const out = await peek(new FakeDeps(), ios, queue);
    expect(out.queue.map((r) => r.uid)).toEqual(['behind']);
    expect(statKeys(out)).toEqual(['triggered server:None:skip:True']);

    const web = await peek(new FakeDeps(), operation({ platform: 'browser' }), queue);
    expect(web.queue.map((r) => r.uid)).toEqual(['front', 'behind']);
    const server = await peek(new FakeDeps(), operation({ platform: 'server' }), queue);
    expect(server.queue.map((r) => r.uid)).toEqual(['front', 'behind']);
    expect(server.stats).toEqual([]);
  });

  it('uses the flow-screen layout for the snapshot flags (ios 1, android 2, web 4)', async () => {
    const androidOnly = row('front', { outerCounter: 2, screen: flowScreen('shown', { flags: flowScreenFlags(2 | 8 | 16) }) });
    expect((await peek(new FakeDeps(), ios, [androidOnly, behind()])).queue[0].uid).toBe('behind');
    expect((await peek(new FakeDeps(), operation({ platform: 'android' }), [androidOnly, behind()])).queue[0].uid).toBe('front');
  });

  it('checks free/pro against users.hasPro', async () => {
    const proOnly = row('front', { outerCounter: 2, screen: flowScreen('shown', { flags: flowScreenFlags(7 | 16) }) });
    const freeOnly = row('front', { outerCounter: 2, screen: flowScreen('shown', { flags: flowScreenFlags(7 | 8) }) });
    const pro = operation({ user: user({ hasPro: true }) });
    expect((await peek(new FakeDeps(), ios, [proOnly, behind()])).queue[0].uid).toBe('behind');
    expect((await peek(new FakeDeps(), pro, [proOnly, behind()])).queue[0].uid).toBe('front');
    expect((await peek(new FakeDeps(), ios, [freeOnly, behind()])).queue[0].uid).toBe('front');
    expect((await peek(new FakeDeps(), pro, [freeOnly, behind()])).queue[0].uid).toBe('behind');
  });

  it("evaluates rules.peek with each row's own added_at (§13 item 7)", async () => {
    const stale: Predicate = { time_in_queue: { operator: 'gte', value: 100 } };
    const withPeek = (uid: string, addedAt: number, outerCounter: number) =>
      row(uid, { addedAt, outerCounter, screen: flowScreen('shown', { rules: { trigger: null, peek: stale } }) });
    const queue = [
      row('unshowable', { outerCounter: 4, screen: flowScreen('web_only_screen') }, webOnlyScreen),
      withPeek('old', NOW - 150.9, 3),
      withPeek('young', NOW - 98.5, 2),
    ];
    const out = await peek(new FakeDeps(), ios, queue);
    expect(out.queue.map((r) => r.uid)).toEqual(['young']);
    expect(out.flowsTriggered).toEqual(['skip', 'skip']);
  });

  it('removes a row whose screen no longer exists, on every platform', async () => {
    const gone = queuedRow('gone', null, { outerCounter: 2 });
    for (const platform of ['ios', 'server'] as const) {
      const out = await peek(new FakeDeps(), operation({ platform }), [gone, behind()]);
      expect(out.queue.map((r) => r.uid)).toEqual(['behind']);
      expect(out.flowsTriggered).toEqual(['skip']);
    }
  });

  it(`stops after ${MAX_AUTO_SKIPS} auto-skips and returns the front as is`, async () => {
    const deps = new FakeDeps({ screens: [webOnlyScreen] });
    // A skip flow that queues a screen iOS cannot show loops until the limit.
    deps.addFlows(flowDef('skip', { screens: [flowScreen('web_only_screen')] }));
    const first = row('front', { screen: flowScreen('web_only_screen') }, webOnlyScreen);
    const out = await peek(deps, ios, [first]);
    expect(out.flowsTriggered).toHaveLength(MAX_AUTO_SKIPS);
    expect(describeQueue(out.queue)).toEqual(['web_only_screen@1.0']);
    expect(deps.warnings.map((w) => w.message)).toEqual(['auto-skip limit reached; returning the front as is']);
  });

  it('does not modify the queue array it was given', async () => {
    const queue = [row('front', { screen: flowScreen('web_only_screen') }, webOnlyScreen), behind()];
    await peek(new FakeDeps(), ios, queue);
    expect(queue.map((r) => r.uid)).toEqual(['front', 'behind']);
  });
});
