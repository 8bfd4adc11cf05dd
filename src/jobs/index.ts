import type { Logger } from '../lib/log';
import type { AppContext } from '../services/app-context';
import { cleanupOldUserClientScreens } from './cleanup-old-queues';
import { dailyClientFlowStats, dailyClientScreenStats } from './daily-stats-rollup';
import { sweepFilePurgatory } from './file-purgatory';
import { silentProgress, type Job, type JobContext, type JobProgress, type JobResult } from './job';
import { cleanupOldScreenLogs } from './screen-log-retention';

export type { Job, JobContext, JobResult } from './job';

/** Every job, by the name the CLI (`npm run job -- <name>`) and the scheduler use. */
export const JOBS: readonly Job[] = [dailyClientFlowStats, dailyClientScreenStats, cleanupOldUserClientScreens, cleanupOldScreenLogs, sweepFilePurgatory];

export function findJob(name: string): Job | undefined {
  return JOBS.find((job) => job.name === name);
}

/** Runs one job, logging its start, end and failure with its name. */
export async function runJob(
  app: AppContext,
  job: Job,
  options: { signal: AbortSignal; progress?: JobProgress; log?: Logger },
): Promise<JobResult> {
  const log = (options.log ?? app.log).child({ job: job.name });
  const ctx: JobContext = { signal: options.signal, progress: options.progress ?? silentProgress, log };
  log.info('job started');
  try {
    const result = await job.run(app, ctx);
    log.info({ summary: result.summary, stopped: result.stopped }, 'job finished');
    return result;
  } catch (error) {
    app.metrics.increment('job_failures');
    log.error({ err: error }, 'job failed');
    throw error;
  }
}
