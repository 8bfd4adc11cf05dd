import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { UserClientScreensLog } from './UserClientScreensLog';
import { PublicRow } from './base';

/**
 * One row per accepted trace: a client event attached to a realized screen. Debugging data only.
 * Uid prefix `ucsal`.
 */
@Entity({ tableName: 'user_client_screen_actions_log' })
@Index({ name: 'user_client_screen_actions_log_log_id_created_at_index', properties: ['userClientScreenLog', 'createdAt'] })
export class UserClientScreenActionsLog extends PublicRow {
  /** The realized screen the event belongs to; goes with it. */
  @ManyToOne(() => UserClientScreensLog, { deleteRule: 'cascade', ref: true, foreignKeyName: 'user_client_screen_actions_log_log_id_foreign' })
  userClientScreenLog!: Ref<UserClientScreensLog>;

  /** The trace body, verbatim (untrusted JSON text, at most 2048 bytes). */
  @Property({ type: 'text' })
  event!: string;

  /** Seconds since the epoch of the trace. Indexed for the retention job. */
  @Index()
  @Property({ type: 'double' })
  createdAt!: number;
}
