import { gunzipSync } from 'node:zlib';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isoDate, statsDay } from '../../src/domain/stats-day';
import {
  FAMILY_EVENTS, statsDayKey, statsEarliestKey, statsExtraKey, statsRolledThroughKey, type StatsFamilyName,
} from '../../src/domain/stats-keys';
import { findJob, runJob } from '../../src/jobs';
import {
  ClientFlowStatsDocument, ClientScreenStatsDocument, PartialClientFlowStatsDocument, PartialClientScreenStatsDocument,
} from '../generated/graphql';
import { newUser } from '../support/flows';
import { errorCode, graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';
import { CHART_METRICS } from '../../src/stats/chart-cache';
import { insertStatsRow, rawGet, setEarliest, writeRedisDay, type DayFixture } from '../support/stats';

// A Redis database of its own: `earliest` is global per family, and other files write stats.
const REDIS_URL = `${inject('redisUrl')}/11`;
const at = (iso: string) => Date.parse(iso) / 1000;

let a: TestServer;
let b: TestServer;
let adminA: string;
let adminB: string;
let userA: string;

beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer({ redisUrl: REDIS_URL }), startTestServer({ redisUrl: REDIS_URL })]);
  await a.app.redis.flushdb();
  await Promise.all([a.app.charts.ready(), b.app.charts.ready()]);
  [adminA, adminB, userA] = await Promise.all([a.userToken('stats-admin', { admin: true }), b.userToken('stats-admin', { admin: true }), a.userToken('stats-user')]);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

/** Pins both instances' clocks; returns the stats day (America/Los_Angeles) of the instant. */
function pinClocks(instant: number): number {
  a.app.now = () => instant;
  b.app.now = () => instant;
  return statsDay(instant, 'America/Los_Angeles');
}

const PATHS = {
  flows: '/api/1/admin/client_flows/client_flow_stats',
  partialFlows: '/api/1/admin/client_flows/partial_client_flow_stats',
  screens: '/api/1/admin/client_flows/client_screen_stats',
  partialScreens: '/api/1/admin/client_flows/partial_client_screen_stats',
  dailyFlows: '/api/1/admin/client_flows/daily_client_flow_stats',
  dailyScreens: '/api/1/admin/client_flows/daily_client_screen_stats',
};

const get = (server: TestServer, path: string, token: string | null, headers: Record<string, string> = {}) =>
  rawGet(`${server.url}${path}`, { ...(token === null ? {} : { authorization: `bearer ${token}` }), ...headers });

const gzipGet = (server: TestServer, path: string, token: string) => get(server, path, token, { 'accept-encoding': 'gzip' });

/** `n` zeros with the given values at the given indexes. */
function series(n: number, values: Record<number, number>): number[] {
  const out = new Array<number>(n).fill(0);
  for (const [i, v] of Object.entries(values)) out[Number(i)] = v;
  return out;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function deleteRedisDay(family: StatsFamilyName, day: number): Promise<void> {
  await a.app.redis.del(statsDayKey(family, day), ...FAMILY_EVENTS[family].map((e) => statsExtraKey(family, day, e)));
}

describe('admin stats authorization (admin-api.md §1)', () => {
  it('answers 401 without or with a malformed header and 403 for a bad token or a non-admin, on every path', async () => {
    for (const path of Object.values(PATHS)) {
      const none = await get(a, path, null);
      expect(none.status).toBe(401);
      expect(JSON.parse(none.body.toString())).toMatchObject({ type: 'not_set', message: 'authorization header not set' });
      const malformed = await get(a, path, null, { authorization: `token ${adminA}` });
      expect(malformed.status).toBe(401);
      expect(JSON.parse(malformed.body.toString()).type).toBe('bad_format');
      for (const token of ['oseh_ut_nobody', userA]) {
        const refused = await get(a, path, token);
        expect(refused.status).toBe(403);
        expect(JSON.parse(refused.body.toString())).toEqual({ type: 'invalid', message: 'token is invalid', markdown: 'token is invalid' });
      }
    }
  });

  it('answers GraphQL with UNAUTHENTICATED without credentials and FORBIDDEN for a non-admin', async () => {
    const documents: TypedDocumentNode<unknown, Record<string, never>>[] = [
      ClientFlowStatsDocument, PartialClientFlowStatsDocument, ClientScreenStatsDocument, PartialClientScreenStatsDocument,
    ];
    for (const document of documents) {
      expect(errorCode(await graphql(a.url, document, {}))).toBe('UNAUTHENTICATED');
      const forbidden = await graphql(a.url, document, {}, { authorization: `bearer ${userA}` });
      expect(errorCode(forbidden)).toBe('FORBIDDEN');
      expect(forbidden.errors?.[0]?.extensions?.reason).toBe('not_admin');
    }
  });
});

describe('historical chart (stats-cache-jobs.md §4.1, §4.3)', () => {
  it('answers the exact 90-day body, gzip with its headers, cached until the next LA midnight and handed to the other instance', async () => {
    const today = pinClocks(at('2031-03-12T20:00:00Z')); // 13:00 PDT; next LA midnight 2031-03-13T07:00Z, 11 h away
    const start = today - 91;
    const end = today - 1;
    await insertStatsRow(a, 'client_flows', start - 1, { triggered: { 'ios:68:outside:False': 99 } });
    await insertStatsRow(a, 'client_flows', start, { triggered: { 'ios:68:home:False': 2 } });
    await insertStatsRow(a, 'client_flows', start + 45, {
      triggered: { 'ios:68:home:False': 1, 'server:None:signup:True': 3 },
      replaced: { 'server:68::myCoolFlow:not_found': 4 },
    });
    await insertStatsRow(a, 'client_flows', end - 1, { triggered: { 'android:None:empty:True': 5 } });
    await insertStatsRow(a, 'client_flows', end, { triggered: { 'ios:68:outside:False': 99 } }); // yesterday: not in the chart
    await setEarliest(a.app.redis, 'client_flows', today - 1); // everything up to today − 2 rolled up

    const answer = await gzipGet(a, PATHS.flows, adminA);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['cache-control']).toBe('private, max-age=39600, stale-if-error=600');
    expect(answer.body.readUInt32LE(4)).toBe(0); // gzip mtime 0: the same data gives the same bytes
    const text = gunzipSync(answer.body).toString('utf8');
    const expected = {
      labels: Array.from({ length: 90 }, (_, i) => new Date(Date.UTC(2030, 11, 11 + i)).toISOString().slice(0, 10)),
      triggered: series(90, { 0: 2, 45: 4, 89: 5 }),
      triggered_breakdown: {
        'android:None:empty:True': series(90, { 89: 5 }),
        'ios:68:home:False': series(90, { 0: 2, 45: 1 }),
        'server:None:signup:True': series(90, { 45: 3 }),
      },
      replaced: series(90, { 45: 4 }),
      replaced_breakdown: { 'server:68::myCoolFlow:not_found': series(90, { 45: 4 }) },
    };
    expect(expected.labels[0]).toBe('2030-12-11'); // today − 91
    expect(expected.labels[89]).toBe('2031-03-10'); // today − 2
    expect(text).toBe(JSON.stringify(expected));

    // Without Accept-Encoding the same JSON, uncompressed; the seed's alias answers the same.
    const plain = await get(a, PATHS.flows, adminA);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('private, max-age=39600, stale-if-error=600');
    expect(plain.body.toString('utf8')).toBe(text);
    expect((await gzipGet(a, PATHS.dailyFlows, adminA)).body.equals(answer.body)).toBe(true);

    // Shared copy under the reference's key until the next LA midnight (real-time TTL).
    const ttl = await a.app.redis.pttl(`daily_client_flows:${start}:${end}`);
    expect(ttl).toBeGreaterThan(39_500_000);
    expect(ttl).toBeLessThanOrEqual(39_600_000);

    // B (its own, empty database) got the body through the broadcast and answers it even once
    // the shared copy is gone, without computing anything.
    await waitFor(() => b.app.metrics.get(CHART_METRICS.received) > 0, 1000);
    await a.app.redis.del(`daily_client_flows:${start}:${end}`);
    const computedBefore = b.app.metrics.get(CHART_METRICS.computed);
    const fromB = await gzipGet(b, PATHS.dailyFlows, adminB);
    expect(fromB.body.equals(answer.body)).toBe(true);
    expect(b.app.metrics.get(CHART_METRICS.computed)).toBe(computedBefore);
  });

  it('fills days not rolled up yet from Redis, caches that body a minute at most without broadcasting it, then the rolled-up one until midnight', async () => {
    const instant = at('2031-06-20T18:00:00Z'); // 11:00 PDT, next LA midnight 13 h away
    const today = pinClocks(instant);
    const start = today - 91;
    const end = today - 1;
    await insertStatsRow(a, 'client_screens', start + 10, { peeked: { 'ios:68:home': 3 } });
    // today − 2 is still in Redis: the rollup has not run yet today. A stale row for it (a rollup
    // that died before cleaning Redis) must not win over Redis.
    await insertStatsRow(a, 'client_screens', end - 1, { peeked: { 'ios:68:home': 1000 } });
    await writeRedisDay(a.app.redis, 'client_screens', end - 1, { peeked: { 'ios:68:home': 6, 'browser:None:home': 1 }, popped: { 'ios:68:home': 2 } });
    await setEarliest(a.app.redis, 'client_screens', end - 1);

    const receivedBefore = b.app.metrics.get(CHART_METRICS.received);
    const computedBefore = a.app.metrics.get(CHART_METRICS.computed);
    const answers = await Promise.all([1, 2, 3, 4].map(() => gzipGet(a, PATHS.screens, adminA)));
    expect(a.app.metrics.get(CHART_METRICS.computed)).toBe(computedBefore + 1); // concurrent requests share one computation
    const provisional = answers[0];
    for (const other of answers) expect(other.body.equals(provisional.body)).toBe(true);
    expect(provisional.headers['cache-control']).toBe('private, max-age=60, stale-if-error=600');
    const body = JSON.parse(gunzipSync(provisional.body).toString('utf8'));
    expect(Object.keys(body)).toEqual([
      'labels', 'queued', 'queued_breakdown', 'peeked', 'peeked_breakdown', 'popped', 'popped_breakdown', 'traced', 'traced_breakdown',
    ]);
    expect(body.labels[89]).toBe(isoDate(end - 1));
    expect(body.peeked).toEqual(series(90, { 10: 3, 89: 7 }));
    expect(body.peeked_breakdown).toEqual({ 'browser:None:home': series(90, { 89: 1 }), 'ios:68:home': series(90, { 10: 3, 89: 6 }) });
    expect(body.popped).toEqual(series(90, { 89: 2 }));
    expect(body.queued).toEqual(series(90, {}));
    expect(body.traced_breakdown).toEqual({});
    const key = `daily_client_screens:${start}:${end}`;
    const ttl = await a.app.redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);

    // Not broadcast (receivers would keep it until midnight), but shared through Redis: B, with
    // an empty database, answers A's body from the shared copy.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(b.app.metrics.get(CHART_METRICS.received)).toBe(receivedBefore);
    const sharedBefore = b.app.metrics.get(CHART_METRICS.sharedHits);
    const fromB = await gzipGet(b, PATHS.dailyScreens, adminB);
    expect(fromB.body.equals(provisional.body)).toBe(true);
    expect(b.app.metrics.get(CHART_METRICS.sharedHits)).toBe(sharedBefore + 1);

    // The rollup moves today − 2 into PostgreSQL (no stale row this time) and raises earliest.
    await a.sql(`DELETE FROM client_screen_stats WHERE retrieved_for = DATE '1970-01-01' + $1::int`, [end - 1]);
    await insertStatsRow(a, 'client_screens', end - 1, { peeked: { 'ios:68:home': 6, 'browser:None:home': 1 }, popped: { 'ios:68:home': 2 } });
    await deleteRedisDay('client_screens', end - 1);
    await setEarliest(a.app.redis, 'client_screens', today - 1);
    // Within the minute the provisional body is still served...
    a.app.now = () => instant + 59;
    expect((await gzipGet(a, PATHS.screens, adminA)).body.equals(provisional.body)).toBe(true);
    // ...after it, the body is recomputed, final, cached until midnight and broadcast. (The shared
    // copy's 60 s TTL runs on Redis's clock; delete it as if it had expired.)
    a.app.now = () => instant + 61;
    await a.app.redis.del(key);
    const final = await gzipGet(a, PATHS.screens, adminA);
    expect(final.headers['cache-control']).toBe(`private, max-age=${13 * 3600 - 61}, stale-if-error=600`);
    const finalBody = JSON.parse(gunzipSync(final.body).toString('utf8'));
    expect(finalBody.peeked).toEqual(body.peeked);
    expect(final.body.equals(provisional.body)).toBe(true); // same data, same bytes
    await waitFor(() => b.app.metrics.get(CHART_METRICS.received) > receivedBefore, 1000);
    expect(await a.app.redis.pttl(key)).toBeGreaterThan(60_000);
  });

  it('is the same data over GraphQL, breakdowns as sorted {key, values} lists', async () => {
    const today = pinClocks(at('2031-10-05T12:00:00Z'));
    const start = today - 91;
    await insertStatsRow(a, 'client_flows', start + 89, { triggered: { 'ios:None:b:False': 2, 'ios:None:a:False': 1 } });
    await insertStatsRow(a, 'client_screens', start + 1, { traced: { 'android:70:home': 4 } });
    await setEarliest(a.app.redis, 'client_flows', today - 1);
    await setEarliest(a.app.redis, 'client_screens', today - 1);
    const flows = await graphql(a.url, ClientFlowStatsDocument, {}, { authorization: `bearer ${adminA}` });
    expect(flows.errors).toBeUndefined();
    const rest = JSON.parse(gunzipSync((await gzipGet(a, PATHS.flows, adminA)).body).toString('utf8'));
    expect(flows.data!.clientFlowStats).toEqual({
      labels: rest.labels,
      triggered: rest.triggered,
      triggeredBreakdown: [
        { key: 'ios:None:a:False', values: series(90, { 89: 1 }) },
        { key: 'ios:None:b:False', values: series(90, { 89: 2 }) },
      ],
      replaced: series(90, {}),
      replacedBreakdown: [],
    });
    const screens = await graphql(a.url, ClientScreenStatsDocument, {}, { authorization: `bearer ${adminA}` });
    expect(screens.data!.clientScreenStats.traced).toEqual(series(90, { 1: 4 }));
    expect(screens.data!.clientScreenStats.tracedBreakdown).toEqual([{ key: 'android:70:home', values: series(90, { 1: 4 }) }]);
    expect(screens.data!.clientScreenStats.labels).toHaveLength(90);
  });
});

describe('partial stats (stats-cache-jobs.md §4.2)', () => {
  const pgToday: DayFixture = { triggered: { 'server:None:pg_today:True': 1 } };
  const pgYesterday: DayFixture = { triggered: { 'server:None:pg_yesterday:True': 2 }, replaced: { 'ios:68:home:a:not_found': 1 } };
  const redisToday: DayFixture = { triggered: { 'ios:68:redis_today:False': 3 } };
  const redisYesterday: DayFixture = { replaced: { 'server:68::redis_yesterday:skip': 4 } };
  const day = (fixture: DayFixture) => ({
    triggered: Object.values(fixture.triggered ?? {}).reduce((x, y) => x + y, 0),
    triggered_breakdown: fixture.triggered ?? {},
    replaced: Object.values(fixture.replaced ?? {}).reduce((x, y) => x + y, 0),
    replaced_breakdown: fixture.replaced ?? {},
  });
  const zero = day({});

  it('reads each day from Redis from earliest on, from PostgreSQL before it and when earliest is missing', async () => {
    const today = pinClocks(at('2031-11-02T10:00:00Z')); // 03:00 PDT
    expect(isoDate(today)).toBe('2031-11-02');
    await insertStatsRow(a, 'client_flows', today, pgToday);
    await insertStatsRow(a, 'client_flows', today - 1, pgYesterday);
    await writeRedisDay(a.app.redis, 'client_flows', today, redisToday);
    await writeRedisDay(a.app.redis, 'client_flows', today - 1, redisYesterday);
    const partial = async () => {
      const answer = await get(a, PATHS.partialFlows, adminA, { 'accept-encoding': 'gzip' });
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      return answer.body.toString('utf8');
    };

    await setEarliest(a.app.redis, 'client_flows', null);
    expect(await partial()).toBe(JSON.stringify({ today: day(pgToday), yesterday: day(pgYesterday) }));
    await setEarliest(a.app.redis, 'client_flows', today);
    expect(await partial()).toBe(JSON.stringify({ today: day(redisToday), yesterday: day(pgYesterday) }));
    await setEarliest(a.app.redis, 'client_flows', today - 1);
    expect(await partial()).toBe(JSON.stringify({ today: day(redisToday), yesterday: day(redisYesterday) }));
    await setEarliest(a.app.redis, 'client_flows', today + 1);
    expect(await partial()).toBe(JSON.stringify({ today: day(pgToday), yesterday: day(pgYesterday) }));
    // A day at or after earliest is read from Redis even when Redis has nothing for it.
    await deleteRedisDay('client_flows', today);
    await setEarliest(a.app.redis, 'client_flows', today - 1);
    expect(await partial()).toBe(JSON.stringify({ today: zero, yesterday: day(redisYesterday) }));

    const gql = await graphql(a.url, PartialClientFlowStatsDocument, {}, { authorization: `bearer ${adminA}` });
    expect(gql.data!.partialClientFlowStats).toEqual({
      today: { triggered: 0, triggeredBreakdown: [], replaced: 0, replacedBreakdown: [] },
      yesterday: { triggered: 0, triggeredBreakdown: [], replaced: 4, replacedBreakdown: [{ key: 'server:68::redis_yesterday:skip', value: 4 }] },
    });
  });

  it('answers every screen event with its breakdown, over REST and GraphQL', async () => {
    const today = pinClocks(at('2032-01-15T20:00:00Z'));
    await writeRedisDay(a.app.redis, 'client_screens', today, {
      queued: { 'server:None:welcome': 2 },
      peeked: { 'ios:68:welcome': 3 },
      popped: { 'ios:68:welcome': 1 },
      traced: { 'ios:68:welcome': 5 },
    });
    await setEarliest(a.app.redis, 'client_screens', today - 1);
    const answer = await get(a, PATHS.partialScreens, adminA);
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual({
      today: {
        queued: 2, queued_breakdown: { 'server:None:welcome': 2 },
        peeked: 3, peeked_breakdown: { 'ios:68:welcome': 3 },
        popped: 1, popped_breakdown: { 'ios:68:welcome': 1 },
        traced: 5, traced_breakdown: { 'ios:68:welcome': 5 },
      },
      yesterday: { queued: 0, queued_breakdown: {}, peeked: 0, peeked_breakdown: {}, popped: 0, popped_breakdown: {}, traced: 0, traced_breakdown: {} },
    });
    const gql = await graphql(a.url, PartialClientScreenStatsDocument, {}, { authorization: `bearer ${adminA}` });
    expect(gql.data!.partialClientScreenStats.today).toMatchObject({ peeked: 3, tracedBreakdown: [{ key: 'ios:68:welcome', value: 5 }] });
    expect(gql.data!.partialClientScreenStats.yesterday.queued).toBe(0);
  });
});

describe('from peek to chart', () => {
  it('a peek shows in today\'s counters, and in the chart once its day is rolled up', async () => {
    const instant = at('2032-04-10T18:00:00Z'); // 11:00 PDT
    const today = pinClocks(instant);
    await a.app.redis.del(statsEarliestKey('client_flows'), statsEarliestKey('client_screens'));
    await a.app.redis.del(statsRolledThroughKey('client_flows'), statsRolledThroughKey('client_screens'));
    const user = await newUser(a);
    const peeked = await user.client.peek(); // empty queue: `empty` is triggered, its screen peeked
    expect(peeked.status).toBe(200);
    const slug = peeked.body.screen.active.slug;

    const partial = JSON.parse((await get(a, PATHS.partialScreens, adminA)).body.toString('utf8'));
    expect(partial.today.peeked_breakdown).toEqual({ [`ios:96:${slug}`]: 1 });
    expect(partial.today.queued).toBeGreaterThan(0);
    const flows = await graphql(a.url, PartialClientFlowStatsDocument, {}, { authorization: `bearer ${adminA}` });
    expect(flows.data!.partialClientFlowStats.today.triggeredBreakdown).toEqual([{ key: 'server:96:empty:True', value: 1 }]);

    // Two days later the rollup moves that day to PostgreSQL; the chart's last day shows it.
    a.app.now = () => instant + 2 * 86_400;
    const rolled = await runJob(a.app, findJob('daily_client_screen_stats')!, { signal: new AbortController().signal });
    expect(rolled.summary).toContain('rolled 1 day');
    const answer = await gzipGet(a, PATHS.screens, adminA);
    const chart = JSON.parse(gunzipSync(answer.body).toString('utf8'));
    expect(chart.labels[89]).toBe(isoDate(today));
    expect(chart.peeked_breakdown).toEqual({ [`ios:96:${slug}`]: series(90, { 89: 1 }) });
    expect(chart.queued[89]).toBe(partial.today.queued);
    // Every day of the window is rolled up now: cached until LA midnight, 13 h after 11:00 PDT.
    expect(answer.headers['cache-control']).toBe('private, max-age=46800, stale-if-error=600');
  });
});

describe('without Redis', () => {
  it('answers 503 rather than numbers it cannot know', async () => {
    const offline = await startTestServer({ redisUrl: 'redis://127.0.0.1:1' });
    try {
      const admin = await offline.userToken('offline-admin', { admin: true });
      for (const path of [PATHS.flows, PATHS.partialScreens]) {
        const answer = await get(offline, path, admin);
        expect(answer.status).toBe(503);
        expect(JSON.parse(answer.body.toString()).type).toBe('service_unavailable');
        expect(answer.headers['retry-after']).toBeDefined();
      }
      expect(errorCode(await graphql(offline.url, PartialClientFlowStatsDocument, {}, { authorization: `bearer ${admin}` }))).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await offline.close();
    }
  });
});
