import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import type { JsonObject } from '../../domain/json';
import { User } from './User';
import { Visitor } from './Visitor';
import { PublicRow } from './base';

/**
 * One row per realized front screen sent to a client (peek, pop). Debugging data only: never
 * read for behaviour, may be truncated or partitioned.
 * Uid prefix `ucsl`.
 */
@Entity({ tableName: 'user_client_screens_log' })
// Admin search indexes (admin-api.md §3.7): text keys byte-ordered, as the search SQL sorts them.
@Index({ name: 'user_client_screens_log_user_created_uid_index', expression: `CREATE INDEX user_client_screens_log_user_created_uid_index ON user_client_screens_log (user_id, created_at DESC, uid COLLATE "C")` })
@Index({ name: 'user_client_screens_log_created_uid_index', expression: `CREATE INDEX user_client_screens_log_created_uid_index ON user_client_screens_log (created_at, uid COLLATE "C")` })
@Index({ properties: ['user', 'createdAt'] })
export class UserClientScreensLog extends PublicRow {
  /** Who saw it; the log goes with the user. */
  @ManyToOne(() => User, { deleteRule: 'cascade', ref: true })
  user!: Ref<User>;

  /** Request platform: `ios`, `android` or `browser`. */
  @Property({ type: 'text' })
  platform!: string;

  /** Visitor of the response; null once the visitor is deleted. */
  @ManyToOne(() => Visitor, { deleteRule: 'set null', nullable: true, ref: true, index: true })
  visitor: Ref<Visitor> | null = null;

  /** `{slug, parameters}` exactly as sent (includes media JWTs: admin-only reading). */
  @Property({ type: 'jsonb' })
  screen!: JsonObject;

  /** Seconds since the epoch of the realization. Indexed for the retention job. */
  @Index()
  @Property({ type: 'double' })
  createdAt!: number;
}
