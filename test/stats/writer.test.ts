import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOfStatsDay, statsDay } from '../../src/domain/stats-day';
import { statsRolledThroughKey } from '../../src/domain/stats-keys';
import { createLogger } from '../../src/lib/log';
import { Metrics } from '../../src/lib/metrics';
import { RedisStatsWriter } from '../../src/stats/redis-writer';
import { STATS_SAFETY_TTL_SECONDS } from '../../src/stats/write-plan';
import { createUser } from '../../src/services/users.service';
import { putFlow } from '../support/fixtures';
import { card, newUser, putConfirmationVariant, showSpecialFlows, userAtFront } from '../support/flows';
import type { TestServer } from '../support/server';
import { clearStats, redisContent, startServerWithOwnRedis, statsContent } from './own-redis';

// Noon of the current stats day in Los Angeles: every request below falls on DAY (the clock runs
// on from there). Not a fixed past date: the day hashes' safety expiry is real Redis time.
const DAY = statsDay(Date.now() / 1000);
const BASE = startOfStatsDay(DAY) + 12 * 3600;

let server: TestServer;
let redis: Redis;
let close: () => Promise<void>;
let admin: string;

beforeAll(async () => {
  ({ server, redis, close } = await startServerWithOwnRedis());
  const realStart = Date.now() / 1000;
  server.app.now = () => BASE + (Date.now() / 1000 - realStart);
  admin = await server.userToken('oseh_u_stats_admin', { admin: true });
  await putConfirmationVariant(server, 'home', 14);
  await putFlow(server, { slug: 'stats_home', screens: [card('home', { screen: 'home', allowedTriggers: ['foo'] })] });
  await putFlow(server, { slug: 'stats_broken', screens: [card('first'), card('second', { screen: 'no_such_screen' })] });
  await showSpecialFlows(server, ['not_found', 'error_screen_missing']);
});
afterAll(() => close?.());
beforeEach(() => clearStats(redis));

const day = (family: string) => `stats:${family}:daily:${DAY}`;

describe('the Redis stats writer (stats-cache-jobs.md §1, §9)', () => {
  it('§9 worked example: pop on iOS of `home` with trigger `foo` (no such flow) writes exactly the listed increments', async () => {
    const front = await userAtFront(server, admin, 'stats_home');
    expect(front.peeked.body.screen.active.slug).toBe('home');
    await clearStats(redis);
    // The whole keyspace, not only `stats:*`: the increments below and nothing else, anywhere.
    const before = await redisContent(redis);

    const popped = await front.pop('foo');
    expect(popped.status).toBe(200);
    expect(popped.body.screen.active.parameters.header).toBe('not_found');
    expect(await redisContent(redis)).toEqual({
      ...before,
      'stats:client_flows:daily:earliest': String(DAY),
      [day('client_flows')]: { triggered: '1', replaced: '1' },
      [`${day('client_flows')}:extra:replaced`]: { 'ios:96:home:foo:not_found': '1' },
      [`${day('client_flows')}:extra:triggered`]: { 'server:96:not_found:True': '1' },
      'stats:client_screens:daily:earliest': String(DAY),
      [day('client_screens')]: { queued: '1', peeked: '1', popped: '1' },
      [`${day('client_screens')}:extra:popped`]: { 'ios:96:home': '1' },
      [`${day('client_screens')}:extra:queued`]: { 'server:96:confirmation': '1' },
      [`${day('client_screens')}:extra:peeked`]: { 'ios:96:confirmation': '1' },
    });
    expect(Object.keys(before).filter((key) => key.startsWith('stats:'))).toEqual([]);
  });

  it('every peek counts exactly one `peeked`, also when peeks of one user run concurrently', async () => {
    const user = await newUser(server);
    await user.client.peek(); // queues `empty`
    await clearStats(redis);
    const answers = await Promise.all(Array.from({ length: 6 }, () => user.client.peek()));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await statsContent(redis)).toEqual({
      'stats:client_screens:daily:earliest': String(DAY),
      [day('client_screens')]: { peeked: '6' },
      [`${day('client_screens')}:extra:peeked`]: { 'ios:96:text_interstitial': '6' },
    });
  });

  it('a simulation whose transaction is retried writes nothing; the committed attempt writes once', async () => {
    const front = await userAtFront(server, admin, 'stats_home');
    // The first screen-log insert fails like a serialization conflict, after the queue was written
    // and the attempt's stats collected: the attempt rolls back and a fresh one commits. A
    // sequence, unlike a table, is not rolled back with it, so only the first attempt fails.
    await server.sql(`CREATE SEQUENCE fail_once_seq`);
    await server.sql(`
      CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('fail_once_seq') = 1 THEN RAISE EXCEPTION 'simulated race' USING ERRCODE = '40001'; END IF;
        RETURN NEW;
      END $$`);
    await server.sql(`CREATE TRIGGER fail_once BEFORE INSERT ON user_client_screens_log FOR EACH ROW EXECUTE FUNCTION fail_once()`);
    try {
      await clearStats(redis);
      const popped = await front.pop('foo');
      expect(popped.status).toBe(200);
      expect((await server.sql<{ n: string }>(`SELECT last_value::text AS n FROM fail_once_seq`))[0].n).toBe('2');
      const content = await statsContent(redis);
      expect(content[day('client_screens')]).toEqual({ queued: '1', peeked: '1', popped: '1' });
      expect(content[day('client_flows')]).toEqual({ triggered: '1', replaced: '1' });
    } finally {
      await server.sql(`DROP TRIGGER fail_once ON user_client_screens_log`);
      await server.sql(`DROP FUNCTION fail_once()`);
      await server.sql(`DROP SEQUENCE fail_once_seq`);
    }
  });

  it('a flow failing part-way on a missing screen counts no `queued` for its earlier screens (defect B)', async () => {
    await putFlow(server, { slug: 'stats_home_b', screens: [card('home', { screen: 'home', allowedTriggers: ['stats_broken'] })] });
    const front = await userAtFront(server, admin, 'stats_home_b');
    await clearStats(redis);
    const popped = await front.pop('stats_broken');
    expect(popped.body.screen.active.parameters.header).toBe('error_screen_missing');
    const content = await statsContent(redis);
    expect(content[`${day('client_screens')}:extra:queued`]).toEqual({ 'server:96:confirmation': '1' });
    expect(content[`${day('client_flows')}:extra:replaced`]).toEqual({ 'ios:96:home:stats_broken:error_screen_missing': '1' });
    expect(content[`${day('client_flows')}:extra:triggered`]).toEqual({ 'server:96:error_screen_missing:True': '1' });
  });

  it('a trace counts only when stored (defect D), keyed by the query platform and the JWT screen slug', async () => {
    const user = await newUser(server);
    const peeked = await user.on('platform=android&version=70').peek();
    await clearStats(redis);
    const jwt = peeked.body.screen.active_jwt;
    expect((await user.on('platform=android&version=70').trace(jwt, '{"a":1}')).status).toBe(204);
    await server.sql(`DELETE FROM user_client_screens_log WHERE user_id = (SELECT id FROM users WHERE sub = $1)`, [user.sub]);
    expect((await user.on('platform=android&version=70').trace(jwt, '{"a":2}')).status).toBe(204);
    expect(await statsContent(redis)).toEqual({
      'stats:client_screens:daily:earliest': String(DAY),
      [day('client_screens')]: { traced: '1' },
      [`${day('client_screens')}:extra:traced`]: { 'android:70:text_interstitial': '1' },
    });
  });

  it('signup counts only for the request that created the user (defect C)', async () => {
    await putFlow(server, { slug: 'signup', screens: [card('welcome')] });
    try {
      await createUser(server.app, { sub: 'oseh_u_stats_signup' });
      await createUser(server.app, { sub: 'oseh_u_stats_signup' });
      const content = await statsContent(redis);
      expect(content[`${day('client_flows')}:extra:triggered`]).toEqual({ 'server:None:signup:True': '1' });
      expect(content[`${day('client_screens')}:extra:queued`]).toEqual({ 'server:None:confirmation': '1' });
    } finally {
      await server.sql(`DELETE FROM client_flows WHERE slug = 'signup'`);
    }
  });

  it('one round trip per request: a single EVALSHA carries the increments and the `earliest` lowering', async () => {
    const user = await newUser(server);
    await user.client.peek();
    const monitor = await redis.monitor();
    const commands: { args: string[]; source: string }[] = [];
    monitor.on('monitor', (_time: string, args: string[], source: string) => commands.push({ args, source }));
    try {
      await redis.set('stats:monitor-start', '1'); // the monitor is attached once this shows up
      await user.client.peek();
      await redis.set('stats:monitor-end', '1');
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      monitor.disconnect();
      await redis.del('stats:monitor-start', 'stats:monitor-end');
    }
    const start = commands.findIndex((c) => c.args[1] === 'stats:monitor-start');
    const end = commands.findIndex((c) => c.args[1] === 'stats:monitor-end');
    const during = commands.slice(start + 1, end);
    const fromClient = during.filter((c) => c.source !== 'lua');
    const statsCalls = fromClient.filter((c) => c.args.some((a) => a.startsWith('stats:')));
    expect(statsCalls.map((c) => c.args[0].toLowerCase())).toEqual(['evalsha']);
    // Inside the script: set-if-lower of `earliest` before the increments, in one atomic call.
    const inScript = during.filter((c) => c.source === 'lua').map((c) => `${c.args[0].toLowerCase()} ${c.args[1]}`);
    expect(inScript).toContain(`hincrby ${day('client_screens')}`);
    expect(inScript.indexOf('get stats:client_screens:daily:earliest')).toBeLessThan(inScript.indexOf(`hincrby ${day('client_screens')}`));
  });

  it('refuses increments for a day already rolled up and counts them as late (§8.2)', async () => {
    const user = await newUser(server);
    await redis.set(statsRolledThroughKey('client_screens'), String(DAY));
    try {
      expect((await user.client.peek()).status).toBe(200);
      const content = await statsContent(redis);
      expect(content[day('client_screens')]).toBeUndefined();
      expect(content['stats:client_screens:daily:earliest']).toBeUndefined();
      expect(Number(content['stats:client_screens:late'])).toBe(2); // `queued` of empty + `peeked`
    } finally {
      await redis.del(statsRolledThroughKey('client_screens'));
    }
  });

  it('gives each day hash a safety expiry 14 days after the day ends (§8.7)', async () => {
    const user = await newUser(server);
    await user.client.peek();
    const expireAt = startOfStatsDay(DAY + 1) + STATS_SAFETY_TTL_SECONDS;
    for (const key of [day('client_screens'), `${day('client_screens')}:extra:peeked`]) {
      expect(Number(await redis.call('EXPIRETIME', key))).toBe(expireAt);
    }
    expect(await redis.ttl('stats:client_screens:daily:earliest')).toBe(-1);
  });

  it('caps distinct breakdown keys per day and event; the total stays exact; non-slugs never reach a key (§8.6)', async () => {
    const metrics = new Metrics();
    const writer = new RedisStatsWriter({ redis, log: createLogger('silent'), metrics, timeZone: 'America/Los_Angeles', cap: 3 });
    const instant = BASE;
    for (const slug of ['a', 'b', 'c', 'd', 'e', 'a', 'Bad:Slug']) {
      await writer.record([{ event: 'peeked', platform: 'ios', version: null, screenSlug: slug }], instant);
    }
    const content = await statsContent(redis);
    expect(content[day('client_screens')]).toEqual({ peeked: '7' });
    expect(content[`${day('client_screens')}:extra:peeked`]).toEqual({
      'ios:None:a': '2', 'ios:None:b': '1', 'ios:None:c': '1', __other__: '3',
    });
    expect(metrics.get('stats_writes')).toBe(7);
    await clearStats(redis);
    await writer.record([{ event: 'replaced', source: 'ios', version: 3, poppedScreenSlug: null, originalSlug: 'No Such', replacementSlug: 'not_found' }], instant);
    expect((await statsContent(redis))[`${day('client_flows')}:extra:replaced`]).toEqual({ 'ios:3::__invalid__:not_found': '1' });
  });
});
