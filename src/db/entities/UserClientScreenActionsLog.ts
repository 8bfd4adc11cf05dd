import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { UserClientScreensLog } from './UserClientScreensLog';
import { PublicRow } from './base';

/**
 * One row per accepted trace: a client event attached to a realized screen. Debugging data only.
 * Uid prefix `ucsal`.
 */
@Entity({ tableName: 'user_client_screen_actions_log' })
// Admin search indexes (admin-api.md §3.7): text keys byte-ordered, as the search SQL sorts them.
@Index({ name: 'user_client_screen_actions_log_log_created_uid_index', expression: `CREATE INDEX user_client_screen_actions_log_log_created_uid_index ON user_client_screen_actions_log (user_client_screen_log_id, created_at, uid COLLATE "C")` })
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
