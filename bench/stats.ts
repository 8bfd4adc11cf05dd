import 'reflect-metadata';
import { loadConfig } from '../src/config/config';
import type { StatsEvent } from '../src/domain/engine';
import { startOfStatsDay, statsDay } from '../src/domain/stats-day';
import { rollUpDailyStats } from '../src/jobs/daily-stats-rollup';
import { silentProgress } from '../src/jobs/job';
import { createLogger } from '../src/lib/log';
import { bootRuntime } from '../src/runtime';
import type { AppContext } from '../src/services/app-context';
import { runStandalone, startBenchEnvironment } from './harness';
import type { BenchmarkResult } from './options';

/** Increments written for one stats day, then rolled up. */
const INCREMENTS = 1_000_000;
/** Events per simulated request: about what a pop that triggers a two-screen flow counts. */
const EVENTS_PER_REQUEST = 8;
/** Requests in flight at once while writing (a busy server's concurrent requests). */
const IN_FLIGHT = 64;
/** The goal of issue 6: the rollup of that day in under this. */
const ROLLUP_GOAL_SECONDS = 5;

const PLATFORMS = ['ios', 'android', 'browser'] as const;

/**
 * One simulated request's events: breakdown keys vary over 3 platforms, 10 versions and 40
 * screen slugs / 20 flow slugs, so each day's hashes hold a realistic few hundred to 1,200 keys.
 */
function requestEvents(i: number): StatsEvent[] {
  const platform = PLATFORMS[i % 3];
  const version = 60 + (i % 10);
  const screen = `screen_${i % 40}`;
  const flow = `flow_${i % 20}`;
  return [
    { event: 'triggered', source: platform, version, flowSlug: flow, trusted: false },
    { event: 'replaced', source: platform, version, poppedScreenSlug: screen, originalSlug: flow, replacementSlug: 'not_found' },
    { event: 'queued', source: 'server', version, screenSlug: screen },
    { event: 'queued', source: 'server', version, screenSlug: `screen_${(i + 1) % 40}` },
    { event: 'peeked', platform, version, screenSlug: screen },
    { event: 'popped', platform, version, screenSlug: screen },
    { event: 'peeked', platform, version: null, screenSlug: screen },
    { event: 'traced', platform, version, screenSlug: screen },
  ];
}

/**
 * The Redis commands one stats write sends (MONITOR: commands run inside the script are tagged
 * `lua` and are not round trips), measured on a warm script cache.
 */
async function commandsPerWrite(app: AppContext, events: StatsEvent[], instant: number): Promise<string[]> {
  await app.stats.record(events, instant); // loads the script (the first call after a Redis start adds one EVAL)
  const monitor = await app.redis.monitor();
  const seen: { args: string[]; source: string }[] = [];
  monitor.on('monitor', (_time: string, args: string[], source: string) => seen.push({ args, source }));
  try {
    await app.redis.set('bench:mark', '1'); // MONITOR is attached once its own commands show up
    await new Promise((resolve) => setTimeout(resolve, 50));
    const from = seen.length;
    await app.stats.record(events, instant);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return seen.slice(from).filter((c) => c.source !== 'lua' && c.args.some((a) => a.startsWith('stats:'))).map((c) => c.args[0].toUpperCase());
  } finally {
    monitor.disconnect();
  }
}

/**
 * `stats`: 1,000,000 increments for one stats day through the real writer (one script call per
 * simulated request), then both daily rollups of that day, timed; plus the Redis round trips one
 * request's stats write costs.
 */
export async function runStatsBenchmark(): Promise<BenchmarkResult> {
  const print = (line: string) => console.log(line);
  print(`stats benchmark: ${INCREMENTS.toLocaleString('en-US')} increments for one day, then the daily rollups`);
  const env = await startBenchEnvironment(() => {});
  const runtime = await bootRuntime(loadConfig({ ...env.serverEnv, JOB_SCHEDULER: 'off' }, { log: () => {} }), createLogger('warn'), {
    verify: false,
  });
  try {
    const app = runtime.app;
    const zone = app.config.statsTimezone;
    const today = statsDay(Date.now() / 1000, zone);
    const day = today - 2; // the oldest day a rollup moves
    const instant = startOfStatsDay(day, zone) + 12 * 3600;

    const commands = await commandsPerWrite(app, requestEvents(0), instant);
    const roundTrips = commands.length;
    await app.redis.flushdb();

    const requests = INCREMENTS / EVENTS_PER_REQUEST;
    let next = 0;
    const writeStart = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < requests) await app.stats.record(requestEvents(next++), instant);
      }),
    );
    const writeSeconds = Number(process.hrtime.bigint() - writeStart) / 1e9;
    const dropped = app.metrics.get('stats_writes_dropped');

    const ctx = { signal: new AbortController().signal, progress: silentProgress, log: createLogger('warn') };
    const rollStart = process.hrtime.bigint();
    const flows = await rollUpDailyStats(app, 'client_flows', ctx);
    const screens = await rollUpDailyStats(app, 'client_screens', ctx);
    const rollSeconds = Number(process.hrtime.bigint() - rollStart) / 1e9;

    const [flowRow] = (await env.admin.query(`SELECT triggered + replaced AS n FROM client_flow_stats WHERE retrieved_for = DATE '1970-01-01' + $1::int`, [day])).rows;
    const [screenRow] = (
      await env.admin.query(`SELECT queued + peeked + popped + traced AS n FROM client_screen_stats WHERE retrieved_for = DATE '1970-01-01' + $1::int`, [day])
    ).rows;
    const stored = Number(flowRow?.n ?? 0) + Number(screenRow?.n ?? 0);
    const errors = (stored === INCREMENTS ? 0 : 1) + dropped;

    print(`  write: ${requests.toLocaleString('en-US')} requests × ${EVENTS_PER_REQUEST} events, ${IN_FLIGHT} in flight: ` +
      `${writeSeconds.toFixed(2)} s (${Math.round(requests / writeSeconds).toLocaleString('en-US')} requests/s), ${dropped} dropped`);
    print(`  per request: ${commands.join(' + ')} = ${roundTrips} Redis round trip(s) (the script runs ~30 commands inside Redis)`);
    print(`  rollup: flows ${flows.daysRolled} day(s), screens ${screens.daysRolled} day(s): ${rollSeconds.toFixed(3)} s; ` +
      `stored ${stored.toLocaleString('en-US')} of ${INCREMENTS.toLocaleString('en-US')} increments`);
    const verdict = rollSeconds < ROLLUP_GOAL_SECONDS ? 'meets' : 'MISSES';
    return {
      name: 'stats',
      summary: [
        `stats: rollup of ${INCREMENTS.toLocaleString('en-US')} increments for one day ${rollSeconds.toFixed(3)} s (${verdict} the ${ROLLUP_GOAL_SECONDS} s goal); ` +
          `${roundTrips} Redis round trip(s) per request's stats write`,
      ],
      errors: errors + (roundTrips === 1 ? 0 : 1),
    };
  } finally {
    await runtime.stop();
    await env.stop();
  }
}

if (require.main === module) {
  runStandalone(() => runStatsBenchmark());
}
