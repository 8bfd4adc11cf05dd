import { Entity, Property } from '@mikro-orm/core';
import { Row } from './base';

/** A person using the app. Queue rows, logs and tokens hang off this row. */
@Entity({ tableName: 'users' })
export class User extends Row {
  /** Stable external identity (`oseh_u_…` in the reference); the `sub` claim of id tokens. Unique. */
  @Property({ type: 'text', unique: true })
  sub!: string;

  /** Given name from the id token at account creation; `standard.name.given`. Nullable. */
  @Property({ type: 'text', nullable: true })
  givenName: string | null = null;

  /** Family name; `standard.name.family`. Nullable. */
  @Property({ type: 'text', nullable: true })
  familyName: string | null = null;

  /** Seconds since the epoch (fractional) when the row was created; drives `account_age`. */
  @Property({ type: 'double' })
  createdAt!: number;

  /** Admins may use the admin API and tools. Only ever set by the CLI. */
  @Property({ type: 'boolean', default: false })
  admin: boolean = false;

  /** The "pro" entitlement the free/pro flow-screen flags test. */
  @Property({ type: 'boolean', default: false })
  hasPro: boolean = false;

  /** IANA time zone for `time_of_day` / `day_of_week`; null = request zone, else UTC. */
  @Property({ type: 'text', nullable: true })
  timezone: string | null = null;

  /**
   * Committed changes of this user's queue so far: +1 per change, under the queue lock
   * (`screenQueueChanged` events carry it so clients can drop duplicates and stale events).
   */
  @Property({ type: 'integer', default: 0 })
  queueVersion: number = 0;
}
