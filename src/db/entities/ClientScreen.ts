import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Schema } from '../../domain/model';

/**
 * A screen type the clients have code for. Rows change only together with client code, so
 * they are written by migrations (see docs/screens.md), never by the admin API.
 */
@Entity({ tableName: 'client_screens' })
export class ClientScreen {
  /** Internal key; queue rows reference it (cascade). */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** Stable external id, `oseh_cs_…`. Unique. */
  @Property({ type: 'text', unique: true })
  uid!: string;

  /** Identifier hard-coded in clients; the same in every environment. Unique. */
  @Property({ type: 'text', unique: true })
  slug!: string;

  /** Admin label. */
  @Property({ type: 'text' })
  name!: string;

  /** Admin help text. */
  @Property({ type: 'text' })
  description!: string;

  /** OpenAPI 3.0.3 schema of the screen input (screens-and-media.md §1.4), checked on write. */
  @Property({ type: 'jsonb' })
  schema!: Schema;

  /** sha-256 (hex) of the canonical JSON of `schema`; flow saves compare it instead of text. */
  @Property({ type: 'text' })
  schemaHash!: string;

  /** Screen flags: 1 admin, 2 browser, 4 iOS, 8 Android (`ScreenFlag`). */
  @Property({ type: 'integer' })
  flags!: number;
}
