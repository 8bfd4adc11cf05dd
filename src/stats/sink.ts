import type { StatsEvent } from '../domain/engine';

/**
 * Where committed queue operations report their counters (stats-cache-jobs.md §1). Called once
 * per committed operation, after commit, never for a rolled-back attempt. Implementations must
 * not throw: a statistics failure never fails a peek or pop.
 */
export interface StatsSink {
  record(events: readonly StatsEvent[], instant: number): Promise<void>;
}
