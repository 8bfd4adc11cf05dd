import { Entity, Index, Property } from '@mikro-orm/core';
import type { FlowRule, FlowScreen, Schema } from '../../domain/model';
import { PublicRow } from './base';

/** A named client flow: what a trigger of `slug` does to a user's queue. Uid prefix `cfl`. */
@Entity({ tableName: 'client_flows' })
// Admin search indexes (admin-api.md §3.7): text keys byte-ordered, as the search SQL sorts them.
@Index({ name: 'client_flows_created_at_uid_index', expression: `CREATE INDEX client_flows_created_at_uid_index ON client_flows (created_at, uid COLLATE "C")` })
@Index({ name: 'client_flows_name_slug_index', expression: `CREATE INDEX client_flows_name_slug_index ON client_flows (name COLLATE "C", slug COLLATE "C")` })
export class ClientFlow extends PublicRow {
  /** Trigger name, `^[a-z0-9_-]+$`, 1-255 chars. Unique. */
  @Property({ type: 'text', unique: true })
  slug!: string;

  /** Admin label. */
  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  /** Admin text. */
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** OpenAPI 3.0.3 schema of the client parameters (untrusted input). */
  @Property({ type: 'jsonb' })
  clientSchema!: Schema;

  /** OpenAPI 3.0.3 schema of the server parameters (chosen by backend code). */
  @Property({ type: 'jsonb' })
  serverSchema!: Schema;

  /** True: the queue is cleared before the screens are added. */
  @Property({ type: 'boolean' })
  replaces!: boolean;

  /** Flow screens in queue order (queue-engine.md §1.3). */
  @Property({ type: 'jsonb' })
  screens!: FlowScreen[];

  /** Trigger-time rules, first holding one wins (queue-engine.md §3.3). */
  @Property({ type: 'jsonb' })
  rules!: FlowRule[];

  /** Flow flags: 1 admin, 2 custom, 4 iOS / 8 Android / 16 browser triggerable (`FlowFlag`). */
  @Property({ type: 'integer' })
  flags!: number;

  /** Seconds since the epoch (fractional) when created; immutable. */
  @Property({ type: 'double' })
  createdAt!: number;

  /** Starts at 1, +1 on every non-empty successful patch (admin optimistic concurrency). */
  @Property({ type: 'integer', default: 1 })
  revision: number = 1;
}
