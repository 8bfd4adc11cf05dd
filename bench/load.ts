import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';

/** Latencies and failures of one operation kind within a measurement window. */
export interface OperationStats {
  count: number;
  errors: number;
  /** Milliseconds, in completion order. */
  latencies: number[];
  /** A few distinct error messages, to say what went wrong. */
  errorSamples: Set<string>;
}

/**
 * Times operations, keeping only those that complete inside a measurement window (between
 * open() and close()): throughput is completions per second of window, which counts a closed
 * loop without edge bias. Several windows (rounds) add up.
 */
export class Recorder {
  private readonly ops = new Map<string, OperationStats>();
  private openedAt: number | null = null;
  private measuredMs = 0;

  open(): void {
    this.openedAt = performance.now();
  }

  close(): void {
    if (this.openedAt === null) throw new Error('no window is open');
    this.measuredMs += performance.now() - this.openedAt;
    this.openedAt = null;
  }

  /** Total length of the closed windows. */
  get windowSeconds(): number {
    return this.measuredMs / 1000;
  }

  get stats(): ReadonlyMap<string, OperationStats> {
    return this.ops;
  }

  /** Runs `work`; a throw counts as an error of `op` and yields undefined (the caller's loop goes on). */
  async measure<T>(op: string, work: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      const result = await work();
      this.note(op, started, null);
      return result;
    } catch (error) {
      this.note(op, started, error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  private note(op: string, started: number, error: string | null): void {
    if (this.openedAt === null) return;
    const ended = performance.now();
    let stats = this.ops.get(op);
    if (stats === undefined) {
      stats = { count: 0, errors: 0, latencies: [], errorSamples: new Set() };
      this.ops.set(op, stats);
    }
    if (error === null) {
      stats.count++;
      stats.latencies.push(ended - started);
    } else {
      stats.errors++;
      if (stats.errorSamples.size < 3) stats.errorSamples.add(error);
    }
  }
}

export interface LoadPlan {
  concurrency: number;
  warmupMs: number;
  /** Of this one window. */
  durationMs: number;
}

/**
 * `concurrency` virtual users, each running `iteration(user)` back to back (a closed loop, no
 * think time), for a warm-up and then the measured duration. `onWindow` brackets the window
 * (snapshot CPU, reset statement counters). Resolves once every user finished its last loop.
 */
export async function runLoad(
  plan: LoadPlan,
  recorder: Recorder,
  iteration: (user: number) => Promise<void>,
  onWindow: { open(): void | Promise<void>; close(): void | Promise<void> } = { open() {}, close() {} },
): Promise<void> {
  let running = true;
  // Starts spread over the first half of the warm-up, so users do not move in lockstep.
  const users = Array.from({ length: plan.concurrency }, async (_, user) => {
    await delay((user / plan.concurrency) * (plan.warmupMs / 2));
    while (running) await iteration(user);
  });
  await delay(plan.warmupMs);
  await onWindow.open();
  recorder.open();
  await delay(plan.durationMs);
  recorder.close();
  await onWindow.close();
  running = false;
  await Promise.all(users);
}

/** Nearest-rank percentile of unsorted milliseconds (NaN when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Columns padded to their widest cell; numbers right-aligned. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const numeric = header.map((_, column) => rows.every((row) => typeof row[column] === 'number' || /^[\d.,-]+$/.test(String(row[column]))));
  return cells
    .map((row) => row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd())
    .join('\n');
}

export const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '-');
