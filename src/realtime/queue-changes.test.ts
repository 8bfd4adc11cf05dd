import { describe, expect, it } from 'vitest';
import type { QueueChange } from '../domain/queue-change';
import { QueueChangeStream } from './queue-changes';

const change = (queueVersion: number): QueueChange => ({ queueVersion, reason: 'FLOW_TRIGGERED', flowSlug: 'a', occurredAt: 1 });

describe('QueueChangeStream', () => {
  it('delivers in order, dropping events not newer than the last one delivered', async () => {
    const stream = new QueueChangeStream(() => {});
    stream.push(change(0));
    stream.push(change(2));
    stream.push(change(1));
    stream.push(change(2));
    stream.push(change(3));
    const versions = [];
    for (let i = 0; i < 3; i++) versions.push((await stream.next()).value.queueVersion);
    expect(versions).toEqual([0, 2, 3]);
  });

  it('wakes a waiting reader, and ends it on return (once, telling its owner)', async () => {
    let closed = 0;
    const stream = new QueueChangeStream(() => closed++);
    const waiting = stream.next();
    stream.push(change(5));
    expect((await waiting).value).toEqual(change(5));
    const pending = stream.next();
    await stream.return();
    await stream.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
    stream.push(change(6));
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('keeps only the newest 16 undelivered events for a slow reader', async () => {
    const stream = new QueueChangeStream(() => {});
    for (let v = 1; v <= 20; v++) stream.push(change(v));
    expect((await stream.next()).value.queueVersion).toBe(5);
  });
});
