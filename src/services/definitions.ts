import {
  findFlowBySlug, findScreenBySlug,
} from '../db/repositories/definitions.repository';
import type { Orm } from '../db/orm';
import type { ClientFlowDef, ClientScreenDef } from '../domain/model';
import { withReadConnection } from './transaction';

/**
 * Flow and screen definitions by slug. Reads PostgreSQL on every call for now; the live-queue
 * issue puts the cross-instance cache (stats-cache-jobs.md §5) behind this same interface.
 */
export class DefinitionStore {
  constructor(private readonly orm: Orm) {}

  flow(slug: string): Promise<ClientFlowDef | null> {
    return withReadConnection(this.orm, (sql) => findFlowBySlug(sql, slug));
  }

  screen(slug: string): Promise<ClientScreenDef | null> {
    return withReadConnection(this.orm, (sql) => findScreenBySlug(sql, slug));
  }
}
