import { startOfStatsDay, statsDay } from '../domain/stats-day';
import { RedisLock } from '../lib/redis-lock';
import type { AppContext } from '../services/app-context';
import { JOBS, runJob, type Job } from './index';

export interface SchedulerOptions {
  /** How often due jobs are looked for. */
  tickMs?: number;
  /**
   * How long an instance's claim on a job's day lasts without renewal. A run that fails leaves its
   * claim to expire, so another tick (on any instance) retries it that long after: hourly retries.
   */
  claimTtlMs?: number;
}

const DONE = 'done';
/** "Done" markers outlive their day by a margin; the key names the day, so they never block another. */
const DONE_TTL_SECONDS = 3 * 86_400;

/** `jobs:{name}:{day}`: the claim, then `done`, of one job for one stats day (shared by all instances). */
export const jobDayKey = (name: string, day: number) => `jobs:${name}:${day}`;

/**
 * The in-process scheduler: each job runs once per stats day, `secondsAfterDayStart` after the
 * day begins in the stats zone, across any number of instances. All times are instants (epoch
 * seconds) and days come from the zone's calendar, so DST days of 23 or 25 hours neither skip
 * nor repeat a run. An instance claims a job's day in Redis (`SET NX PX`, renewed while running)
 * and marks it done on success; a failed or crashed run's claim expires and the next tick
 * anywhere retries it. An instance started late catches up the same day. Stopping aborts running
 * jobs between batches and releases their claims so another instance can take over at once.
 */
export class JobScheduler {
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private readonly tickMs: number;
  private readonly claimTtlMs: number;

  constructor(
    private readonly app: AppContext,
    private readonly jobs: readonly Job[] = JOBS,
    options: SchedulerOptions = {},
  ) {
    this.tickMs = options.tickMs ?? 60_000;
    this.claimTtlMs = options.claimTtlMs ?? 3_600_000;
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
    setImmediate(() => void this.tick());
  }

  /** Aborts running jobs (they stop between batches) and waits for them. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.abort.abort();
    await Promise.allSettled(this.running.values());
  }

  /** Starts every due job that no instance has claimed or finished today; resolves when they end. */
  async tick(): Promise<void> {
    if (this.abort.signal.aborted) return;
    const now = this.app.now();
    const zone = this.app.config.statsTimezone;
    const day = statsDay(now, zone);
    const starts: Promise<void>[] = [];
    for (const job of this.jobs) {
      if (this.running.has(job.name) || now < startOfStatsDay(day, zone) + job.secondsAfterDayStart) continue;
      const run = this.claimAndRun(job, day).finally(() => this.running.delete(job.name));
      this.running.set(job.name, run);
      starts.push(run);
    }
    await Promise.all(starts);
  }

  private async claimAndRun(job: Job, day: number): Promise<void> {
    const key = jobDayKey(job.name, day);
    let claim: RedisLock | null;
    try {
      claim = await RedisLock.acquire(this.app.redis, key, this.claimTtlMs);
    } catch (error) {
      this.app.log.warn({ err: error, job: job.name }, 'job scheduler: cannot reach redis to claim the job');
      return;
    }
    if (claim === null) return; // done today, or running (or failed within the hour) elsewhere
    const renewal = setInterval(() => void claim.renew().catch(() => {}), Math.max(1000, this.claimTtlMs / 4));
    renewal.unref();
    try {
      const result = await runJob(this.app, job, { signal: this.abort.signal });
      clearInterval(renewal);
      if (result.stopped) await claim.release();
      else await this.app.redis.set(key, DONE, 'EX', DONE_TTL_SECONDS);
    } catch {
      // Logged by runJob; the claim expires and a later tick retries.
      clearInterval(renewal);
    }
  }
}
