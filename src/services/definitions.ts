import {
  findFlowBySlug, findScreenBySlug,
} from '../db/repositories/definitions.repository';
import type { Orm } from '../db/orm';
import type { Sql } from '../db/sql';
import type { ClientFlowDef, ClientScreenDef } from '../domain/model';
import { withReadConnection } from './transaction';

/**
 * Flow and screen definitions by slug. Reads PostgreSQL on every call for now; the live-queue
 * issue puts the cross-instance cache (stats-cache-jobs.md §5) behind this same interface.
 * Inside a transaction, pass its `sql`: a second pooled connection per locked operation would let
 * operations waiting for a user's lock starve the one holding it of connections.
 */
export class DefinitionStore {
  constructor(private readonly orm: Orm) {}

  flow(slug: string, sql?: Sql): Promise<ClientFlowDef | null> {
    return sql ? findFlowBySlug(sql, slug) : withReadConnection(this.orm, (read) => findFlowBySlug(read, slug));
  }

  screen(slug: string, sql?: Sql): Promise<ClientScreenDef | null> {
    return sql ? findScreenBySlug(sql, slug) : withReadConnection(this.orm, (read) => findScreenBySlug(read, slug));
  }

  /**
   * Called after a committed change to flow or screen definitions (admin-api.md §6.6,
   * stats-cache-jobs.md §5.2): `flows`/`screens` are the slugs whose definitions changed,
   * `flowSetChanged` whether a flow slug was created, removed or renamed. Nothing is cached yet,
   * so there is nothing to purge; the live-queue issue publishes the purges here.
   */
  async changed(_change: DefinitionChange): Promise<void> {}
}

export interface DefinitionChange {
  flows?: readonly string[];
  flowSetChanged?: boolean;
  screens?: readonly string[];
}
