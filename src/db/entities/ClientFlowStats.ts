import { Check, Entity } from '@mikro-orm/core';
import { breakdown, count, DailyStatsRow, type Breakdown } from './DailyStats';

/** Daily flow counters (stats-cache-jobs.md §1.4): how often flows were triggered or replaced. */
@Entity({ tableName: 'client_flow_stats' })
@Check({ name: 'client_flow_stats_counts_check', expression: 'triggered >= 0 AND replaced >= 0' })
@Check({
  name: 'client_flow_stats_breakdowns_check',
  expression: `jsonb_typeof(triggered_breakdown) = 'object' AND jsonb_typeof(replaced_breakdown) = 'object'`,
})
export class ClientFlowStats extends DailyStatsRow {
  /** Flows whose screens were prepended. */
  @count()
  triggered = 0;

  /** `{source}:{version}:{flow_slug}:{trusted}` → count. */
  @breakdown()
  triggeredBreakdown: Breakdown = {};

  /** Resolution hops that swapped the requested flow for another. */
  @count()
  replaced = 0;

  /** `{source}:{version}:{popped_screen_slug or ''}:{original_slug}:{replacement_slug}` → count. */
  @breakdown()
  replacedBreakdown: Breakdown = {};
}
