import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, UsageError } from '../../src/cli/index';
import { startOfStatsDay, statsDay } from '../../src/domain/stats-day';
import { cleanupOldUserClientScreens, STALE_QUEUE_SECONDS } from '../../src/jobs/cleanup-old-queues';
import { runJob, type Job } from '../../src/jobs/index';
import { streamProgress } from '../../src/jobs/progress';
import { JobScheduler, jobDayKey } from '../../src/jobs/scheduler';
import { cleanupOldScreenLogs } from '../../src/jobs/screen-log-retention';
import { newUser, queueSlugs, serverTrigger } from '../support/flows';
import { subscribeQueue } from '../support/processes';
import { TEST_ID_TOKEN_SECRET, TEST_MEDIA_SECRETS, TEST_SCREEN_JWT_SECRET, type TestServer } from '../support/server';
import { startServerWithOwnRedis } from './own-redis';

let server: TestServer;
let redis: Redis;
let redisUrl: string;
let close: () => Promise<void>;
let admin: string;
const NOW = Date.now() / 1000;

beforeAll(async () => {
  const started = await startServerWithOwnRedis();
  ({ server, redis, close } = started);
  redisUrl = started.redisHandle.url;
  server.app.now = () => NOW;
  admin = await server.userToken('oseh_u_jobs_admin', { admin: true });
});
afterAll(() => close?.());

const signal = () => new AbortController().signal;

async function setAddedAt(sub: string, addedAt: number, which: 'all' | 'front' = 'all'): Promise<void> {
  await server.sql(
    `UPDATE user_client_screens SET added_at = $2 WHERE user_id = (SELECT id FROM users WHERE sub = $1)
     ${which === 'front' ? `AND uid = (SELECT uid FROM user_client_screens q WHERE q.user_id = (SELECT id FROM users WHERE sub = $1) ORDER BY outer_counter DESC, inner_counter LIMIT 1)` : ''}`,
    [sub, addedAt],
  );
}

describe('cleanup_old_user_client_screens (stats-cache-jobs.md §6)', () => {
  it('removes a queue whose newest row is 30 days + 1 s old; keeps a queue with one fresh row and many old ones', async () => {
    const stale = await newUser(server);
    const mixed = await newUser(server);
    const fresh = await newUser(server);
    for (const user of [stale, mixed, fresh]) {
      for (let i = 0; i < 3; i++) await serverTrigger(server, admin, user.sub, 'empty');
    }
    await setAddedAt(stale.sub, NOW - STALE_QUEUE_SECONDS - 1);
    await setAddedAt(mixed.sub, NOW - STALE_QUEUE_SECONDS - 1000);
    await setAddedAt(mixed.sub, NOW - 10, 'front');
    await setAddedAt(fresh.sub, NOW - STALE_QUEUE_SECONDS + 60);
    const staleLive = subscribeQueue(server.url, `bearer ${stale.token}`);
    const mixedLive = subscribeQueue(server.url, `bearer ${mixed.token}`);
    try {
      expect((await staleLive.next(5000)).reason).toBe('SUBSCRIBED');
      expect((await mixedLive.next(5000)).reason).toBe('SUBSCRIBED');

      const result = await runJob(server.app, cleanupOldUserClientScreens, { signal: signal() });
      expect(result).toMatchObject({ stopped: false, summary: 'deleted 3 queued screen(s) of 1 user(s)' });
      expect(await queueSlugs(server, stale.sub)).toEqual([]);
      expect(await queueSlugs(server, mixed.sub)).toHaveLength(3);
      expect(await queueSlugs(server, fresh.sub)).toHaveLength(3);
      // The wiped queue is announced (§6: reason CLEARED, after commit); the kept one is not.
      expect(await staleLive.next(2000)).toMatchObject({ reason: 'CLEARED', flowSlug: null, queueVersion: 4 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(mixedLive.pending()).toEqual([]);
    } finally {
      await Promise.all([staleLive.close(), mixedLive.close()]);
    }
    // The next peek refills the wiped queue with `empty`.
    expect((await stale.client.peek()).status).toBe(200);
    expect(await queueSlugs(server, stale.sub)).toHaveLength(1);
  });

  it('stops between users when asked, and the next run finishes the work', async () => {
    const users = [await newUser(server), await newUser(server), await newUser(server)];
    for (const user of users) {
      await serverTrigger(server, admin, user.sub, 'empty');
      await setAddedAt(user.sub, NOW - STALE_QUEUE_SECONDS - 5);
    }
    const abort = new AbortController();
    let advanced = 0;
    const progress = { total() {}, advance() { if (++advanced === 1) abort.abort(); } };
    const first = await runJob(server.app, cleanupOldUserClientScreens, { signal: abort.signal, progress });
    expect(first.stopped).toBe(true);
    const left = await Promise.all(users.map((u) => queueSlugs(server, u.sub)));
    expect(left.filter((q) => q.length === 0)).toHaveLength(1);
    const second = await runJob(server.app, cleanupOldUserClientScreens, { signal: signal() });
    expect(second.stopped).toBe(false);
    for (const user of users) expect(await queueSlugs(server, user.sub)).toEqual([]);
  });
});

describe('cleanup_old_screen_logs (§8 item 10)', () => {
  it('deletes log and trace rows older than the retention, in batches, and keeps newer ones', async () => {
    const user = await newUser(server);
    const peeked = await user.client.peek();
    await user.client.trace(peeked.body.screen.active_jwt, '{"a":1}');
    const cutoff = NOW - server.app.config.screenLogRetentionDays * 86_400;
    const userId = `(SELECT id FROM users WHERE sub = '${user.sub}')`;
    // 12,000 old log rows (more than two batches) and one old trace on the recent log row.
    await server.sql(
      `INSERT INTO user_client_screens_log (uid, user_id, platform, screen, created_at)
       SELECT 'oseh_ucsl_old' || g, ${userId}, 'ios', '{}'::jsonb, $1 FROM generate_series(1, 12000) g`,
      [cutoff - 10],
    );
    await server.sql(`UPDATE user_client_screen_actions_log SET created_at = $1`, [cutoff - 1]);
    const count = async (table: string) => (await server.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    const recentLogs = (await server.sql<{ n: number }>(`SELECT count(*)::int AS n FROM user_client_screens_log WHERE created_at >= $1`, [cutoff]))[0].n;

    const result = await runJob(server.app, cleanupOldScreenLogs, { signal: signal() });
    expect(result.summary).toBe('deleted 1 from user_client_screen_actions_log, 12000 from user_client_screens_log');
    expect(await count('user_client_screens_log')).toBe(recentLogs);
    expect(await count('user_client_screen_actions_log')).toBe(0);
  });
});

describe('the job scheduler', () => {
  const countingJob = (name: string, outcomes: ('ok' | 'fail')[]): Job & { runs: number } => {
    const job = {
      name,
      description: 'test job',
      secondsAfterDayStart: 15 * 60,
      runs: 0,
      async run() {
        const outcome = outcomes[job.runs++] ?? 'ok';
        if (outcome === 'fail') throw new Error('job failed on purpose');
        return { summary: 'ok', stopped: false };
      },
    };
    return job;
  };

  it('runs each job once per stats day across instances, not before its time, and retries a failed run after its claim expires', async () => {
    const today = statsDay(NOW);
    const once = countingJob(`test_once_${Math.random().toString(36).slice(2)}`, ['ok']);
    const flaky = countingJob(`test_flaky_${Math.random().toString(36).slice(2)}`, ['fail', 'ok']);
    let clock = startOfStatsDay(today) + 10 * 60; // 00:10: not due yet
    const app = { ...server.app, now: () => clock };
    const instances = [new JobScheduler(app, [once, flaky], { claimTtlMs: 300 }), new JobScheduler(app, [once, flaky], { claimTtlMs: 300 })];

    await Promise.all(instances.map((s) => s.tick()));
    expect([once.runs, flaky.runs]).toEqual([0, 0]);

    clock = startOfStatsDay(today) + 16 * 60;
    await Promise.all([...instances, ...instances].map((s) => s.tick()));
    expect([once.runs, flaky.runs]).toEqual([1, 1]);
    expect(await redis.get(jobDayKey(once.name, today))).toBe('done');

    await new Promise((resolve) => setTimeout(resolve, 400)); // the failed run's claim expires
    await Promise.all(instances.map((s) => s.tick()));
    expect([once.runs, flaky.runs]).toEqual([1, 2]);
    await Promise.all(instances.map((s) => s.tick()));
    expect([once.runs, flaky.runs]).toEqual([1, 2]);

    // The next stats day (whatever its length) runs them again.
    clock = startOfStatsDay(today + 1) + 15 * 60;
    await instances[1].tick();
    expect([once.runs, flaky.runs]).toEqual([2, 3]);
    await Promise.all(instances.map((s) => s.stop()));
  });
});

describe('the job command', () => {
  const env = () => ({
    NODE_ENV: 'test',
    DATABASE_URL: server.databaseUrl,
    REDIS_URL: redisUrl,
    OSEH_ID_TOKEN_SECRET: TEST_ID_TOKEN_SECRET,
    OSEH_CLIENT_SCREEN_JWT_SECRET: TEST_SCREEN_JWT_SECRET,
    ...TEST_MEDIA_SECRETS,
  });

  it('lists the jobs, runs one by name, and refuses an unknown name', async () => {
    const list = await runCli(['job'], env());
    for (const name of ['daily_client_flow_stats', 'daily_client_screen_stats', 'cleanup_old_user_client_screens', 'cleanup_old_screen_logs', 'sweep_file_purgatory']) {
      expect(list).toContain(name);
    }
    expect(await runCli(['job', 'daily_client_flow_stats'], env())).toMatch(/^daily_client_flow_stats: client_flows: rolled \d+ day\(s\)/);
    await expect(runCli(['job', 'nope'], env())).rejects.toThrow(UsageError);
  });

  it('draws a bar on a terminal and prints plain lines otherwise', () => {
    const out = (isTTY: boolean) => {
      const chunks: string[] = [];
      const stream = { isTTY, write: (chunk: string) => chunks.push(chunk) } as unknown as NodeJS.WritableStream & { isTTY: boolean };
      const progress = streamProgress('demo', stream, () => 0);
      progress.total(4);
      progress.advance(2);
      progress.finish();
      return chunks.join('');
    };
    expect(out(true)).toContain(`\rdemo [${'#'.repeat(15)}${' '.repeat(15)}] 2/4`);
    expect(out(false)).toBe('demo: 0/4\ndemo: 2/4 done\n');
  });
});
