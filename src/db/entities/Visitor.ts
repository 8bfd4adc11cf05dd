import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { User } from './User';
import { PublicRow, Row } from './base';

/** A device/browser installation, identified by the `visitor` header (`oseh_v_…`). Uid prefix `v`. */
@Entity({ tableName: 'visitors' })
export class Visitor extends PublicRow {
  /** Platform of the request that created it: `ios`, `android`, `browser` (or `server`). */
  @Property({ type: 'text' })
  source!: string;

  /** Seconds since the epoch when created. */
  @Property({ type: 'double' })
  createdAt!: number;
}

/** Which users a visitor has been seen with (a visitor may sign in as several users). */
@Entity({ tableName: 'visitor_users' })
@Unique({ properties: ['visitor', 'user'] })
@Index({ properties: ['user'] })
export class VisitorUser extends Row {
  /** The visitor; the association goes with it. */
  @ManyToOne(() => Visitor, { deleteRule: 'cascade', ref: true })
  visitor!: Ref<Visitor>;

  /** The user it was seen with; the association goes with the user. */
  @ManyToOne(() => User, { deleteRule: 'cascade', ref: true })
  user!: Ref<User>;

  /** Seconds since the epoch of the first response naming both. */
  @Property({ type: 'double' })
  firstSeenAt!: number;

  /** Seconds since the epoch of the latest response naming both. */
  @Property({ type: 'double' })
  lastSeenAt!: number;
}
