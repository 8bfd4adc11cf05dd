import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Every table's internal key: a bigserial, read as a string (JavaScript numbers stop at 2^53). */
@Entity({ abstract: true })
export abstract class Row {
  /** Internal key; the target of foreign keys. Never shown to clients. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;
}

/** A row clients and admins know by an opaque uid; each table's class doc names its prefix. */
@Entity({ abstract: true })
export abstract class PublicRow extends Row {
  /** Stable external id, `oseh_<prefix>_` + 22 url-safe random characters. Unique. */
  @Property({ type: 'text', unique: true })
  uid!: string;
}
