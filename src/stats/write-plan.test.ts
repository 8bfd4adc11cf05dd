import { describe, expect, it } from 'vitest';
import { collectIncrements, planStatsWrite, STATS_WRITE_SCRIPT } from './write-plan';

describe('planStatsWrite', () => {
  it('sums a request’s increments into one script call, families and events in order', () => {
    const plan = planStatsWrite(
      collectIncrements([
        { event: 'peeked', platform: 'ios', version: 68, screenSlug: 'home' },
        { event: 'triggered', source: 'server', version: null, flowSlug: 'empty', trusted: true },
        { event: 'queued', source: 'server', version: null, screenSlug: 'home' },
        { event: 'queued', source: 'server', version: null, screenSlug: 'home' },
        { event: 'replaced', source: 'ios', version: 68, poppedScreenSlug: null, originalSlug: 'a', replacementSlug: 'not_found' },
      ]),
      { day: 20030, expireAt: 1_700_000_000.5, cap: 5000 },
    );
    expect(plan).toEqual({
      keys: [
        'stats:client_flows:daily:earliest', 'stats:client_flows:daily:rolled_through', 'stats:client_flows:late', 'stats:client_flows:daily:20030',
        'stats:client_flows:daily:20030:extra:triggered', 'stats:client_flows:daily:20030:extra:replaced',
        'stats:client_screens:daily:earliest', 'stats:client_screens:daily:rolled_through', 'stats:client_screens:late', 'stats:client_screens:daily:20030',
        'stats:client_screens:daily:20030:extra:queued', 'stats:client_screens:daily:20030:extra:peeked',
      ],
      args: [
        '5000', '2',
        '20030', '1700000001', '2', 'triggered', '1', '1', 'server:None:empty:True', '1', 'replaced', '1', '1', 'ios:68::a:not_found', '1',
        '20030', '1700000001', '2', 'queued', '2', '1', 'server:None:home', '2', 'peeked', '1', '1', 'ios:68:home', '1',
      ],
      increments: 5,
    });
  });

  it('has nothing to write for no events', () => {
    expect(planStatsWrite(collectIncrements([]), { day: 1, expireAt: 1, cap: 1 })).toBeNull();
  });

  it('lowers `earliest` in the same script as the increments, before them (atomic by construction)', () => {
    expect(STATS_WRITE_SCRIPT.indexOf("redis.call('SET', earliestKey, day)")).toBeGreaterThan(0);
    expect(STATS_WRITE_SCRIPT.indexOf("redis.call('SET', earliestKey, day)")).toBeLessThan(STATS_WRITE_SCRIPT.indexOf("'HINCRBY', dayKey"));
  });
});
