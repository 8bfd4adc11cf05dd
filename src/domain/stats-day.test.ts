import { describe, expect, it } from 'vitest';
import { isoDate, secondsUntilNextStatsDay, startOfStatsDay, statsDay, unixDateOf } from './stats-day';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('statsDay (stats-cache-jobs.md §1.1)', () => {
  it.each([
    ['2024-03-10T07:59:59Z', '2024-03-09', 19791],
    ['2024-03-10T08:00:00Z', '2024-03-10', 19792],
    ['2024-11-03T06:59:59Z', '2024-11-02', 20029],
    ['2024-11-03T07:00:00Z', '2024-11-03', 20030],
    ['2024-11-04T07:59:59Z', '2024-11-03', 20030],
    ['2024-11-04T08:00:00Z', '2024-11-04', 20031],
  ])('%s is LA date %s = %i', (instant, date, unixDate) => {
    expect(statsDay(at(instant))).toBe(unixDate);
    expect(statsDay(at(instant), 'America/Los_Angeles')).toBe(unixDate);
    expect(isoDate(unixDate)).toBe(date);
    expect(unixDateOf(date)).toBe(unixDate);
  });

  it('gives the same answers in any call order (the per-zone day cache is not sticky)', () => {
    const instants = ['2024-11-04T08:00:00Z', '2024-03-10T07:59:59Z', '2024-11-03T06:59:59Z', '2024-03-10T08:00:00Z'];
    expect(instants.map((i) => statsDay(at(i)))).toEqual([20031, 19791, 20029, 19792]);
    expect(statsDay(at('2024-11-04T07:59:59.999Z'))).toBe(20030);
  });

  it('answers day starts from the cached day as the search does, around both DST changes', () => {
    // Each statsDay call caches its day; the starts of that day and the next then come from it.
    for (const [instant, day, start, next] of [
      ['2024-03-10T12:00:00Z', 19792, '2024-03-10T08:00:00Z', '2024-03-11T07:00:00Z'],
      ['2024-03-09T12:00:00Z', 19791, '2024-03-09T08:00:00Z', '2024-03-10T08:00:00Z'],
      ['2024-11-03T12:00:00Z', 20030, '2024-11-03T07:00:00Z', '2024-11-04T08:00:00Z'],
    ] as const) {
      expect(statsDay(at(instant))).toBe(day);
      expect(startOfStatsDay(day)).toBe(at(start));
      expect(startOfStatsDay(day + 1)).toBe(at(next));
      expect(startOfStatsDay(day - 1)).toBe(at(start) - 24 * 3600); // not cached: the search
    }
  });

  it('follows the configured zone, not UTC nor the process zone', () => {
    expect(statsDay(at('2024-03-10T07:59:59Z'), 'UTC')).toBe(19792);
    expect(statsDay(at('2024-03-09T23:30:00Z'), 'Europe/Berlin')).toBe(19792);
    expect(statsDay(at('2024-03-10T10:00:00Z'), 'Pacific/Kiritimati')).toBe(19793); // UTC+14
  });

  it('starts LA days at local midnight: 23 h on spring-forward day, 25 h on fall-back day', () => {
    expect(startOfStatsDay(19792)).toBe(at('2024-03-10T08:00:00Z'));
    expect(startOfStatsDay(19793) - startOfStatsDay(19792)).toBe(23 * 3600);
    expect(startOfStatsDay(20030)).toBe(at('2024-11-03T07:00:00Z'));
    expect(startOfStatsDay(20031) - startOfStatsDay(20030)).toBe(25 * 3600);
    expect(startOfStatsDay(20032) - startOfStatsDay(20031)).toBe(24 * 3600);
  });

  it('counts the seconds until the next LA midnight across both DST changes', () => {
    expect(secondsUntilNextStatsDay(at('2024-03-10T08:00:00Z'))).toBe(23 * 3600);
    expect(secondsUntilNextStatsDay(at('2024-11-03T07:00:00Z'))).toBe(25 * 3600);
    expect(secondsUntilNextStatsDay(at('2024-11-04T07:59:59Z'))).toBe(1);
    expect(secondsUntilNextStatsDay(at('2024-11-04T07:59:59.5Z'))).toBe(0.5);
  });

  it('handles a zone whose midnight is skipped (America/Santiago springs forward at 00:00)', () => {
    const day = unixDateOf('2024-09-08')!;
    expect(startOfStatsDay(day, 'America/Santiago')).toBe(at('2024-09-08T04:00:00Z')); // 01:00 local
    expect(statsDay(at('2024-09-08T03:59:59Z'), 'America/Santiago')).toBe(day - 1);
  });

  it('rejects text that is not a calendar date', () => {
    expect(unixDateOf('2024-02-30')).toBeNull();
    expect(unixDateOf('2024-2-3')).toBeNull();
    expect(unixDateOf('1970-01-01')).toBe(0);
  });
});
