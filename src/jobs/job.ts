import type { Logger } from '../lib/log';
import type { AppContext } from '../services/app-context';

/** How a job reports how far it got (a bar on a terminal, plain lines otherwise, nothing in the server). */
export interface JobProgress {
  /** The amount of work expected, when known. */
  total(units: number | null): void;
  advance(units?: number): void;
}

export const silentProgress: JobProgress = { total() {}, advance() {} };

export interface JobContext {
  /** Aborted on SIGTERM/SIGINT (CLI) or server shutdown: stop between batches, report what was done. */
  signal: AbortSignal;
  progress: JobProgress;
  log: Logger;
}

export interface JobResult {
  /** One line for the operator. */
  summary: string;
  /** True when the job stopped early because the signal was aborted (it resumes on the next run). */
  stopped: boolean;
}

export interface Job {
  /** The name the CLI and the scheduler know it by. */
  name: string;
  description: string;
  /**
   * When the scheduler starts it: this many seconds after the stats day begins (local midnight in
   * the stats zone), so it runs once per stats day whatever that day's length (23, 24 or 25 h).
   */
  secondsAfterDayStart: number;
  run(app: AppContext, ctx: JobContext): Promise<JobResult>;
}
