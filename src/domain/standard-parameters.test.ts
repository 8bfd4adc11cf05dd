import { describe, expect, it, vi } from 'vitest';
import type { EngineUser } from './model';
import {
  StandardParameterRegistry,
  createCoreStandardParameters,
  localClock,
  type StandardContext,
} from './standard-parameters';

/** Seconds since the epoch of a UTC wall-clock time (month 1-12). */
const utc = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi) / 1000;

const user = (overrides: Partial<EngineUser> = {}): EngineUser => ({
  sub: 'u',
  createdAt: 0,
  givenName: 'Ann',
  familyName: 'Lee',
  hasPro: false,
  timezone: null,
  ...overrides,
});

const ctx = (overrides: Partial<StandardContext> = {}): StandardContext => ({
  user: user(),
  now: utc(2024, 1, 15, 12),
  requestTimezone: null,
  ...overrides,
});

const core = createCoreStandardParameters();
const all = (c: StandardContext) => core.compute([[]], c);

describe('name', () => {
  it('gives the user name parts and their trimmed join', () => {
    expect(all(ctx()).name).toEqual({ given: 'Ann', family: 'Lee', full: 'Ann Lee' });
  });

  it('renders null parts as empty strings', () => {
    expect(all(ctx({ user: user({ familyName: null }) })).name).toEqual({ given: 'Ann', family: '', full: 'Ann' });
    expect(all(ctx({ user: user({ givenName: null }) })).name).toEqual({ given: '', family: 'Lee', full: 'Lee' });
    expect(all(ctx({ user: user({ givenName: null, familyName: null }) })).name).toEqual({ given: '', family: '', full: '' });
  });

  it('is Anonymous without a user row', () => {
    expect(all(ctx({ user: null })).name).toEqual({ given: 'Anonymous', family: '', full: 'Anonymous' });
  });
});

describe('constants', () => {
  it('are always the animation durations', () => {
    expect(all(ctx({ user: null })).constants).toEqual({ fast_anim_ms: 350, normal_anim_ms: 500, slow_anim_ms: 750 });
  });
});

const LA = 'America/Los_Angeles';
const tod = (now: number, c: Partial<StandardContext> = {}) => all(ctx({ now, user: user({ timezone: LA }), ...c })).time_of_day;

describe('time_of_day in America/Los_Angeles', () => {
  // Local hh:mm on the 15th is UTC (hh + offset):mm: July is daylight time (UTC-7), January standard time (UTC-8).
  describe.each([
    ['summer', 7, 7],
    ['winter', 1, 8],
  ])('%s (2024-%i-15, UTC-%i)', (_season, month, offset) => {
    it.each([
      [2, 59, 'evening'],
      [3, 0, 'morning'],
      [11, 59, 'morning'],
      [12, 0, 'afternoon'],
      [16, 59, 'afternoon'],
      [17, 0, 'evening'],
      [23, 59, 'evening'],
      [0, 0, 'evening'],
    ])('%i:%i local is %s', (h, mi, expected) => {
      expect(tod(utc(2024, month, 15, h, mi) + offset * 3600)).toMatchObject({ lower: expected });
    });
  });

  it('follows the DST switch of 2024-03-10 (01:59 PST is followed by 03:00 PDT)', () => {
    expect(tod(utc(2024, 3, 10, 9, 59))).toMatchObject({ lower: 'evening' });
    expect(tod(utc(2024, 3, 10, 10, 0))).toMatchObject({ lower: 'morning' });
  });

  it('gives lower, upper and title case', () => {
    expect(tod(utc(2024, 1, 15, 20))).toEqual({ lower: 'afternoon', upper: 'AFTERNOON', title: 'Afternoon' });
  });

  it('uses fractional seconds correctly', () => {
    expect(tod(utc(2024, 1, 15, 10, 59) + 59.999)).toMatchObject({ lower: 'evening' });
  });
});

describe('zone choice', () => {
  // 2024-01-15 06:00 UTC: 22:00 Sunday in Los Angeles, 06:00 Monday in UTC, 15:00 Monday in Tokyo.
  const now = utc(2024, 1, 15, 6);
  const clock = (userZone: string | null, requestTimezone: string | null) =>
    localClock(ctx({ now, user: user({ timezone: userZone }), requestTimezone }));

  it("prefers the user's zone, then the request's, then UTC", () => {
    expect(clock(LA, 'Asia/Tokyo')).toEqual({ hour: 22, weekday: 'Sunday' });
    expect(clock(null, 'Asia/Tokyo')).toEqual({ hour: 15, weekday: 'Monday' });
    expect(clock(null, null)).toEqual({ hour: 6, weekday: 'Monday' });
    expect(localClock({ user: null, now, requestTimezone: LA })).toEqual({ hour: 22, weekday: 'Sunday' });
  });

  it('skips a zone Intl does not know', () => {
    expect(clock('Not/AZone', 'Asia/Tokyo')).toEqual({ hour: 15, weekday: 'Monday' });
    expect(clock('Not/AZone', 'nope')).toEqual({ hour: 6, weekday: 'Monday' });
  });
});

describe('day_of_week', () => {
  it('names every weekday in English, in the local zone', () => {
    // 2024-07-15 was a Monday; 12:00 local in Los Angeles.
    const names = [0, 1, 2, 3, 4, 5, 6].map(
      (d) => all(ctx({ now: utc(2024, 7, 15 + d, 19), user: user({ timezone: LA }) })).day_of_week,
    );
    expect(names).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((title) => ({ title })));
  });

  it('changes at local midnight, not UTC midnight', () => {
    const at = (now: number) => all(ctx({ now, user: user({ timezone: LA }) })).day_of_week;
    expect(at(utc(2024, 7, 16, 6, 59))).toEqual({ title: 'Monday' });
    expect(at(utc(2024, 7, 16, 7, 0))).toEqual({ title: 'Tuesday' });
  });
});

describe('StandardParameterRegistry', () => {
  it('knows the declared schema of each core leaf path, and nothing else', () => {
    expect(core.schemaOf(['name', 'given'])).toEqual({ type: 'string' });
    expect(core.schemaOf(['constants', 'slow_anim_ms'])).toEqual({ type: 'integer', format: 'int32' });
    expect(core.schemaOf(['time_of_day', 'title'])).toEqual({ type: 'string' });
    expect(core.schemaOf(['day_of_week', 'title'])).toEqual({ type: 'string' });
    expect(core.schemaOf(['name'])).toBeUndefined();
    expect(core.schemaOf(['name', 'middle'])).toBeUndefined();
    expect(core.schemaOf(['goal', 'raw'])).toBeUndefined();
    expect(core.schemaOf([])).toBeUndefined();
    expect(core.leafPaths()).toHaveLength(10);
  });

  it('matches nested leaf paths step by step', () => {
    const r = new StandardParameterRegistry();
    r.register({ group: 'stats', schemaByPath: { 'streak.raw': { type: 'integer' } }, compute: () => ({ streak: { raw: 4 } }) });
    expect(r.schemaOf(['stats', 'streak', 'raw'])).toEqual({ type: 'integer' });
    expect(r.schemaOf(['stats', 'streak.raw'])).toBeUndefined();
    expect(r.compute([['stats', 'streak', 'raw']], ctx())).toEqual({ stats: { streak: { raw: 4 } } });
  });

  it('computes only the groups the paths touch', () => {
    const compute = vi.fn(() => ({ a: 1 }));
    const r = createCoreStandardParameters();
    r.register({ group: 'extra', schemaByPath: { a: { type: 'integer' } }, compute });
    expect(r.compute([['name', 'given'], ['constants', 'fast_anim_ms'], ['unknown', 'x']], ctx())).toEqual({
      name: { given: 'Ann', family: 'Lee', full: 'Ann Lee' },
      constants: { fast_anim_ms: 350, normal_anim_ms: 500, slow_anim_ms: 750 },
    });
    expect(r.compute([], ctx())).toEqual({});
    expect(compute).not.toHaveBeenCalled();
    expect(Object.keys(r.compute([[]], ctx())).sort()).toEqual(['constants', 'day_of_week', 'extra', 'name', 'time_of_day']);
    expect(compute).toHaveBeenCalledOnce();
  });

  it('refuses a group registered twice', () => {
    const r = createCoreStandardParameters();
    expect(() => r.register({ group: 'name', schemaByPath: {}, compute: () => ({}) })).toThrow(/twice/);
  });
});
