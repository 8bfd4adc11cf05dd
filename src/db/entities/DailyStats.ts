import { BigIntType, Entity, Property } from '@mikro-orm/core';
import { Row } from './base';

/** A breakdown: breakdown key (stats-cache-jobs.md §1.3) → count. */
export type Breakdown = Record<string, number>;

/**
 * One stats day of one family, rolled up from Redis by the daily job (stats-cache-jobs.md §2,
 * §3). Rows are contiguous from the first day that ever had stats: an empty day is a row of
 * zeros. Written once per day (`retrieved_for` is the rollup's idempotency key), never updated
 * except to keep Redis leftovers in `late_snapshots`.
 */
@Entity({ abstract: true })
export abstract class DailyStatsRow extends Row {
  /** The stats day (`YYYY-MM-DD` in the stats time zone, §1.1). Unique. */
  @Property({ type: 'date', unique: true })
  retrievedFor!: string;

  /** Seconds since the epoch when the rollup stored the row. */
  @Property({ type: 'double' })
  retrievedAt!: number;

  /**
   * Redis snapshots of this day found after the row was stored that differ from it (a writer
   * more than a day late after an interrupted rollup, §8.1 d). Kept for inspection, never
   * merged into the counts. A JSON array; null when there were none.
   */
  @Property({ type: 'jsonb', nullable: true })
  lateSnapshots: unknown[] | null = null;
}

/** A non-negative count column (bigint, read as a number: daily counts stay far below 2^53). */
export const count = () => Property({ type: new BigIntType('number'), default: 0 });
/** A breakdown column: a JSON object of counts. */
export const breakdown = () => Property({ type: 'jsonb', default: "'{}'" });
