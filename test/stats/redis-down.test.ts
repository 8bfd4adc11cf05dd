import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStatsWriter } from '../../src/stats/redis-writer';
import { newUser } from '../support/flows';
import type { TestServer } from '../support/server';
import { startServerWithOwnRedis } from './own-redis';

let server: TestServer;
let close: () => Promise<void>;
let stopRedis: () => Promise<void>;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const started = await startServerWithOwnRedis();
  ({ server, close } = started);
  stopRedis = () => started.redisHandle.stop();
  // The same writer the server uses, logging where the test can read it.
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  server.app.stats = new RedisStatsWriter({
    redis: server.app.redis,
    log: pino({ level: 'warn' }, sink),
    metrics: server.app.metrics,
    timeZone: server.app.config.statsTimezone,
  });
});
afterAll(() => close?.());

describe('stats writes with Redis stopped (issue 6 acceptance 4)', () => {
  it('peek, pop and trace still answer 200/204; the dropped writes are logged and counted', async () => {
    const user = await newUser(server);
    const first = await user.client.peek();
    expect(first.status).toBe(200);
    expect(server.app.metrics.get('stats_writes')).toBeGreaterThan(0);
    const droppedBefore = server.app.metrics.get('stats_writes_dropped');

    await stopRedis();
    const started = Date.now();
    const peeked = await user.client.peek();
    expect(peeked.status).toBe(200);
    const popped = await user.client.pop(peeked.body.screen.active_jwt);
    expect(popped.status).toBe(200);
    const traced = await user.client.trace(popped.body.screen.active_jwt, '{"event":"tap"}');
    expect(traced.status).toBe(204);
    // Each write waits at most a second for Redis, so three requests take a few seconds at most.
    expect(Date.now() - started).toBeLessThan(10_000);

    expect(server.app.metrics.get('stats_writes_dropped') - droppedBefore).toBe(3);
    expect(server.app.metrics.get('stats_increments_dropped')).toBeGreaterThanOrEqual(4); // peeked, popped, peeked, traced at least
    const dropped = lines.filter((line) => line.msg === 'stats write dropped');
    expect(dropped).toHaveLength(3);
    expect(dropped.map((line) => line.events)).toEqual([['peeked'], expect.arrayContaining(['popped', 'peeked']), ['traced']]);
    // The queue itself moved on: the pop was committed.
    const rows = await server.sql(`SELECT count(*)::int AS n FROM user_client_screen_actions_log`);
    expect(rows[0]).toEqual({ n: 1 });
  });
});
