import { describe, expect, it } from 'vitest';
import type { QueuedScreen } from './model';
import { decodeQueueChange, describeQueueChange, encodeQueueChange } from './queue-change';

const someRow = {} as QueuedScreen;

describe('describeQueueChange', () => {
  it('names a pop POPPED, with the flow it triggered', () => {
    expect(
      describeQueueChange({
        stats: [{ event: 'popped', platform: 'ios', version: 1, screenSlug: 'home' }],
        flowsTriggered: ['a', 'b'],
        queue: [someRow],
      }),
    ).toEqual({ reason: 'POPPED', flowSlug: 'b' });
    expect(describeQueueChange({ stats: [{ event: 'popped', platform: 'ios', version: 1, screenSlug: 'home' }], flowsTriggered: [], queue: [] })).toEqual({
      reason: 'POPPED',
      flowSlug: null,
    });
  });

  it('names a trigger FLOW_TRIGGERED after the flow queued last', () => {
    expect(describeQueueChange({ stats: [], flowsTriggered: ['skip', 'empty'], queue: [someRow] })).toEqual({ reason: 'FLOW_TRIGGERED', flowSlug: 'empty' });
  });

  it('names an emptied queue CLEARED and any other edit UPDATED', () => {
    expect(describeQueueChange({ stats: [], flowsTriggered: [], queue: [] })).toEqual({ reason: 'CLEARED', flowSlug: null });
    expect(describeQueueChange({ stats: [], flowsTriggered: [], queue: [someRow] })).toEqual({ reason: 'UPDATED', flowSlug: null });
  });
});

describe('queue change messages', () => {
  it('round-trip', () => {
    const change = { queueVersion: 7, reason: 'POPPED' as const, flowSlug: 'welcome', occurredAt: 1700000000.25 };
    expect(encodeQueueChange(change)).toBe('[7,"POPPED","welcome",1700000000.25]');
    expect(decodeQueueChange(encodeQueueChange(change))).toEqual(change);
    expect(decodeQueueChange(encodeQueueChange({ ...change, flowSlug: null }))).toEqual({ ...change, flowSlug: null });
  });

  it('reject malformed messages', () => {
    for (const text of ['', 'nope', '{}', '[1,"POPPED",null]', '[-1,"POPPED",null,1]', '[1.5,"POPPED",null,1]', '[1,"EXPLODED",null,1]', '[1,"POPPED",3,1]', '[1,"POPPED",null,"x"]']) {
      expect(decodeQueueChange(text), text).toBeNull();
    }
  });
});
