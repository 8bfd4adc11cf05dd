import { describe, expect, it } from 'vitest';
import {
  chartCacheKey, chartChannel, chartLifetime, chartMaxAge, dayFromRedis, dayFromRow, daySource, decodeChartMessage, emptyDay,
  encodeChartMessage, familyOfChartChannel, historicalBody, historicalWindow, partialBody, PROVISIONAL_CHART_SECONDS, type DayCounts,
} from './stats-charts';
import { isoDate } from './stats-day';

const flowDay = (triggered: Record<string, number>, replaced: Record<string, number> = {}): DayCounts => ({
  totals: {
    triggered: Object.values(triggered).reduce((a, b) => a + b, 0),
    replaced: Object.values(replaced).reduce((a, b) => a + b, 0),
  },
  breakdowns: { triggered, replaced },
});

describe('historicalWindow (§4.1)', () => {
  it('is the 90 days from today − 91 through today − 2', () => {
    expect(historicalWindow(20030)).toEqual({ start: 19939, end: 20029 });
  });
});

describe('historicalBody (§4.1)', () => {
  const window = historicalWindow(20030);

  it('labels every day of the window in ISO form and gives days without data zeros', () => {
    const body = historicalBody('client_flows', window, new Map(), isoDate);
    expect(body.labels).toHaveLength(90);
    expect(body.labels[0]).toBe('2024-08-04'); // today (2024-11-03) − 91
    expect(body.labels[89]).toBe('2024-11-01'); // today − 2
    expect(body.triggered).toEqual(new Array(90).fill(0));
    expect(body.replaced).toEqual(new Array(90).fill(0));
    expect(body.triggered_breakdown).toEqual({});
    expect(Object.keys(body)).toEqual(['labels', 'triggered', 'triggered_breakdown', 'replaced', 'replaced_breakdown']);
  });

  it('pads every breakdown series to 90 values: zeros before a key appears and on days it is missing', () => {
    const days = new Map<number, DayCounts>([
      [window.start + 3, flowDay({ 'ios:68:home:False': 2 })],
      [window.start + 5, flowDay({ 'ios:68:home:False': 1, 'server:None:signup:True': 4 }, { 'server:68::a:not_found': 1 })],
    ]);
    const body = historicalBody('client_flows', window, days, isoDate);
    const triggered = body.triggered as number[];
    const breakdown = body.triggered_breakdown as Record<string, number[]>;
    expect(triggered[3]).toBe(2);
    expect(triggered[5]).toBe(5);
    expect(triggered.reduce((a, b) => a + b, 0)).toBe(7);
    expect(Object.keys(breakdown)).toEqual(['ios:68:home:False', 'server:None:signup:True']);
    for (const values of Object.values(breakdown)) expect(values).toHaveLength(90);
    expect(breakdown['ios:68:home:False'].slice(0, 7)).toEqual([0, 0, 0, 2, 0, 1, 0]);
    expect(breakdown['server:None:signup:True'].slice(0, 7)).toEqual([0, 0, 0, 0, 0, 4, 0]);
    expect((body.replaced_breakdown as Record<string, number[]>)['server:68::a:not_found'][5]).toBe(1);
  });

  it('has the screen family keys in order', () => {
    const body = historicalBody('client_screens', window, new Map(), isoDate);
    expect(Object.keys(body)).toEqual([
      'labels', 'queued', 'queued_breakdown', 'peeked', 'peeked_breakdown', 'popped', 'popped_breakdown', 'traced', 'traced_breakdown',
    ]);
  });

  it('builds the same JSON whatever order the breakdown keys arrived in', () => {
    const a = historicalBody('client_flows', window, new Map([[window.start, flowDay({ b: 1, a: 2 })]]), isoDate);
    const b = historicalBody('client_flows', window, new Map([[window.start, flowDay({ a: 2, b: 1 })]]), isoDate);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('reading days', () => {
  it('parses Redis hashes: missing fields are zero, malformed values are ignored', () => {
    const day = dayFromRedis('client_screens', { peeked: '3', popped: 'x' }, { peeked: { 'ios:68:home': '3', bad: '-1' } });
    expect(day.totals).toEqual({ queued: 0, peeked: 3, popped: 0, traced: 0 });
    expect(day.breakdowns).toEqual({ queued: {}, peeked: { 'ios:68:home': 3 }, popped: {}, traced: {} });
  });

  it('parses table rows with bigint counts as text and jsonb breakdowns', () => {
    const day = dayFromRow('client_flows', { triggered: '5', triggered_breakdown: { 'ios:None:a:False': 5 }, replaced: 0, replaced_breakdown: {} });
    expect(day).toEqual(flowDay({ 'ios:None:a:False': 5 }));
  });

  it('an empty day has every event at zero', () => {
    expect(emptyDay('client_flows')).toEqual({ totals: { triggered: 0, replaced: 0 }, breakdowns: { triggered: {}, replaced: {} } });
  });
});

describe('daySource (§4.2)', () => {
  it('reads days before earliest from PostgreSQL, the others from Redis, and everything from PostgreSQL without earliest', () => {
    expect(daySource(99, 100)).toBe('postgres');
    expect(daySource(100, 100)).toBe('redis');
    expect(daySource(101, 100)).toBe('redis');
    expect(daySource(101, null)).toBe('postgres');
  });
});

describe('partialBody (§4.2)', () => {
  it('answers today and yesterday with every field, defaults 0 and {}', () => {
    const body = partialBody('client_flows', flowDay({ 'ios:1:a:False': 1 }), emptyDay('client_flows'));
    expect(body).toEqual({
      today: { triggered: 1, triggered_breakdown: { 'ios:1:a:False': 1 }, replaced: 0, replaced_breakdown: {} },
      yesterday: { triggered: 0, triggered_breakdown: {}, replaced: 0, replaced_breakdown: {} },
    });
    expect(Object.keys(body)).toEqual(['today', 'yesterday']);
  });
});

describe('chart cache (§4.3)', () => {
  it('uses the reference key and channel names', () => {
    expect(chartCacheKey('client_flows', { start: 19939, end: 20029 })).toBe('daily_client_flows:19939:20029');
    expect(chartCacheKey('client_screens', { start: 1, end: 91 })).toBe('daily_client_screens:1:91');
    expect(chartChannel('client_flows')).toBe('ps:stats:client_flows:daily');
    expect(chartChannel('client_screens')).toBe('ps:stats:client_screens:daily');
    expect(familyOfChartChannel('ps:stats:client_screens:daily')).toBe('client_screens');
    expect(familyOfChartChannel('ps:client_flows')).toBeNull();
  });

  it('caches a fully rolled-up window until the next stats day, anything else a minute at most', () => {
    const base = { now: 1000, nextDayStart: 5000, end: 200 };
    expect(chartLifetime({ ...base, earliest: 200 })).toEqual({ expiresAt: 5000, final: true });
    expect(chartLifetime({ ...base, earliest: 201 })).toEqual({ expiresAt: 5000, final: true });
    expect(chartLifetime({ ...base, earliest: null })).toEqual({ expiresAt: 5000, final: true });
    expect(chartLifetime({ ...base, earliest: 199 })).toEqual({ expiresAt: 1000 + PROVISIONAL_CHART_SECONDS, final: false });
    expect(chartLifetime({ ...base, nextDayStart: 1010, earliest: 150 })).toEqual({ expiresAt: 1010, final: false });
  });

  it('max-age is the whole seconds left, 60 when none are', () => {
    expect(chartMaxAge(1000.4, 5000)).toBe(3999);
    expect(chartMaxAge(5000, 5000)).toBe(60);
    expect(chartMaxAge(5001, 5000)).toBe(60);
  });

  it('encodes the broadcast as uint32 start, uint32 end, uint64 length, body; big-endian', () => {
    const body = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff]);
    const message = encodeChartMessage({ start: 0x01020304, end: 0x01020362 }, body);
    expect(message.toString('hex')).toBe('01020304' + '01020362' + '0000000000000005' + '1f8b0800ff');
    expect(decodeChartMessage(message)).toEqual({ start: 0x01020304, end: 0x01020362, body });
  });

  it('rejects messages that are not a broadcast', () => {
    const good = encodeChartMessage({ start: 10, end: 100 }, Buffer.from('abc'));
    expect(decodeChartMessage(good.subarray(0, 15))).toBeNull();
    expect(decodeChartMessage(good.subarray(0, 18))).toBeNull(); // length disagrees
    expect(decodeChartMessage(Buffer.concat([good, Buffer.from('x')]))).toBeNull();
    expect(decodeChartMessage(encodeChartMessage({ start: 100, end: 100 }, Buffer.alloc(0)))).toBeNull();
  });
});
