/** The labeled counter of committed queue operations by `operation` and `outcome`. */
export const QUEUE_OPERATIONS = 'queue_operations';

/**
 * In-process counters (stats-cache-jobs.md §8 item 8): monotonic totals since the process
 * started, by name. Operators read them at `GET /metrics` (docs/operations.md) or `snapshot()`;
 * tests read them directly. Names are snake_case, e.g. `stats_writes_dropped`.
 */
export class Metrics {
  private readonly counters = new Map<string, number>();
  /** name → label values (JSON) → total, for counters split by a few fixed labels. */
  private readonly labeledCounters = new Map<string, Map<string, number>>();

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

  /** A counter split by labels, such as queue operations by outcome. Label values must come from a fixed set. */
  incrementLabeled(name: string, labels: Record<string, string>, by = 1): void {
    let series = this.labeledCounters.get(name);
    if (series === undefined) this.labeledCounters.set(name, (series = new Map()));
    const key = JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
    series.set(key, (series.get(key) ?? 0) + by);
  }

  /** Every series of a labeled counter. */
  labeled(name: string): { labels: Record<string, string>; value: number }[] {
    return [...(this.labeledCounters.get(name) ?? [])].map(([key, value]) => ({
      labels: Object.fromEntries(JSON.parse(key) as [string, string][]),
      value,
    }));
  }
}
