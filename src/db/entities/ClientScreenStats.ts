import { Check, Entity } from '@mikro-orm/core';
import { breakdown, count, DailyStatsRow, type Breakdown } from './DailyStats';

/** Daily screen counters (stats-cache-jobs.md §1.5): screens queued, peeked, popped, traced. */
@Entity({ tableName: 'client_screen_stats' })
@Check({ name: 'client_screen_stats_counts_check', expression: 'queued >= 0 AND peeked >= 0 AND popped >= 0 AND traced >= 0' })
@Check({
  name: 'client_screen_stats_breakdowns_check',
  expression: `jsonb_typeof(queued_breakdown) = 'object' AND jsonb_typeof(peeked_breakdown) = 'object'`
    + ` AND jsonb_typeof(popped_breakdown) = 'object' AND jsonb_typeof(traced_breakdown) = 'object'`,
})
export class ClientScreenStats extends DailyStatsRow {
  /** Screens inserted into a queue by a trigger. */
  @count()
  queued = 0;

  /** `{source}:{version}:{screen_slug}` → count. */
  @breakdown()
  queuedBreakdown: Breakdown = {};

  /** Front screens returned by a peek or pop. */
  @count()
  peeked = 0;

  /** `{request_platform}:{version}:{screen_slug}` → count. */
  @breakdown()
  peekedBreakdown: Breakdown = {};

  /** Screens popped (valid screen JWT, no desync). */
  @count()
  popped = 0;

  /** `{request_platform}:{version}:{screen_slug}` → count. */
  @breakdown()
  poppedBreakdown: Breakdown = {};

  /** Accepted and stored trace events. */
  @count()
  traced = 0;

  /** `{request_platform}:{version}:{screen_slug}` → count. */
  @breakdown()
  tracedBreakdown: Breakdown = {};
}
