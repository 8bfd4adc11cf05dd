import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { FlowScreen } from '../../domain/model';
import type { JsonObject } from '../../domain/json';
import { ClientFlow } from './ClientFlow';
import { ClientScreen } from './ClientScreen';
import { User } from './User';
import { PublicRow } from './base';

/**
 * One screen in a user's queue. Order: `outer_counter DESC, inner_counter ASC`; the front is the
 * first row. Everything peek needs is snapshotted here, so editing the flow later changes nothing.
 * Uid prefix `ucs`.
 */
@Entity({ tableName: 'user_client_screens' })
@Unique({ properties: ['user', 'outerCounter', 'innerCounter'] })
export class UserClientScreen extends PublicRow {
  /** Owner; the queue goes with the user. */
  @ManyToOne(() => User, { deleteRule: 'cascade', ref: true })
  user!: Ref<User>;

  /** Batch number: every trigger's screens share one; higher is nearer the front. */
  @Property({ type: 'integer' })
  outerCounter!: number;

  /** Index of the flow screen within its flow's `screens` (gaps where rules dropped screens). */
  @Property({ type: 'integer' })
  innerCounter!: number;

  /** Flow that queued it, for debugging only; null once the flow is deleted. */
  @ManyToOne(() => ClientFlow, { deleteRule: 'set null', nullable: true, ref: true, index: true })
  clientFlow: Ref<ClientFlow> | null = null;

  /** The screen to show; the row goes when the screen is deleted. */
  @ManyToOne(() => ClientScreen, { deleteRule: 'cascade', ref: true, index: true })
  clientScreen!: Ref<ClientScreen>;

  /** Client parameters after trigger-time transforms (defaults filled). */
  @Property({ type: 'jsonb' })
  flowClientParameters!: JsonObject;

  /** Server parameters after trigger-time transforms (defaults, `__extracted`, format specs). */
  @Property({ type: 'jsonb' })
  flowServerParameters!: JsonObject;

  /** Snapshot of the flow screen after trigger-time rewriting. */
  @Property({ type: 'jsonb' })
  screen!: FlowScreen;

  /** Seconds since the epoch when queued; drives `time_in_queue` and stale-queue cleanup. */
  @Index()
  @Property({ type: 'double' })
  addedAt!: number;
}
