/**
 * In-process counters (stats-cache-jobs.md §8 item 8): monotonic totals since the process
 * started, by name. Operators read them from the logs' context or `snapshot()`; tests read them
 * directly. Names are snake_case, e.g. `stats_writes_dropped`.
 */
export class Metrics {
  private readonly counters = new Map<string, number>();

  increment(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  get(name: string): number {
    return this.counters.get(name) ?? 0;
  }

  /** Every counter, sorted by name. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counters].sort(([a], [b]) => a.localeCompare(b)));
  }
}
