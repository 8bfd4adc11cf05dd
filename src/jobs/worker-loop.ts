/**
 * A process's background worker for one job queue: `drain` takes jobs until none is left, never
 * two runs at once. A wake during a run asks for one more run after it (a job queued meanwhile);
 * a poll covers jobs queued by other instances. `stop` aborts `signal` (long steps end early and
 * their job is queued again) and waits for the run in progress.
 */
export class WorkerLoop {
  private active = false;
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> | null = null;
  private again = false;
  private readonly abort = new AbortController();

  constructor(private readonly options: { pollMs: number; drain: () => Promise<void>; onError: (error: unknown) => void }) {}

  /** True from `start` until `stop`: a drain loop checks it between jobs. */
  get running(): boolean {
    return this.active;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Starts polling and drains at once; false when it was already started. */
  start(): boolean {
    if (this.active) return false;
    this.active = true;
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
    return true;
  }

  wake(): void {
    if (!this.active) return;
    if (this.busy !== null) {
      this.again = true;
      return;
    }
    this.busy = this.options
      .drain()
      .catch(this.options.onError)
      .finally(() => {
        this.busy = null;
        if (this.again && this.active) {
          this.again = false;
          this.wake();
        }
      });
  }

  async stop(): Promise<void> {
    this.active = false;
    this.abort.abort();
    if (this.timer) clearInterval(this.timer);
    await this.busy;
  }

  /** Resolves when no run is in progress here (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.busy !== null) await this.busy;
  }
}
