import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { User } from './User';
import { PublicRow } from './base';

/** Opaque long-lived user tokens (`oseh_ut_…`) for servers, tests, admin tools. Uid prefix `utkn`. */
@Entity({ tableName: 'user_tokens' })
export class UserToken extends PublicRow {
  /** Owner; tokens are deleted with the user. */
  @ManyToOne(() => User, { deleteRule: 'cascade', ref: true, index: true })
  user!: Ref<User>;

  /** The bearer secret itself: `oseh_ut_` + 32 url-safe random characters. Unique. */
  @Property({ type: 'text', unique: true })
  token!: string;

  /** Human label ("cli", "dev admin"). */
  @Property({ type: 'text' })
  name!: string;

  /** Seconds since the epoch when issued. */
  @Property({ type: 'double' })
  createdAt!: number;

  /** Seconds since the epoch after which the token is rejected; null = never expires. */
  @Property({ type: 'double', nullable: true })
  expiresAt: number | null = null;
}
