import { Entity, Index, Property } from '@mikro-orm/core';
import type { Schema } from '../../domain/model';
import { PublicRow } from './base';

/**
 * A screen type the clients have code for. Rows change only together with client code, so
 * they are written by migrations (see docs/screens.md), never by the admin API.
 * Uid prefix `cs`.
 */
@Entity({ tableName: 'client_screens' })
// Admin search indexes (admin-api.md §3.7): text keys byte-ordered, as the search SQL sorts them.
@Index({ name: 'client_screens_name_slug_index', expression: `CREATE INDEX client_screens_name_slug_index ON client_screens (name COLLATE "C", slug COLLATE "C")` })
export class ClientScreen extends PublicRow {
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
