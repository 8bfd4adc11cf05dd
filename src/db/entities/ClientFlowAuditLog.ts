import { Entity, Index, Property } from '@mikro-orm/core';
import type { JsonObject } from '../../domain/json';
import { PublicRow } from './base';

/**
 * Append-only record of an admin change (admin-api.md §6.6, ours): never updated or deleted by
 * the application. Uid prefix `cfla`.
 */
@Entity({ tableName: 'client_flow_audit_log' })
@Index({ properties: ['clientFlowUid', 'createdAt'] })
export class ClientFlowAuditLog extends PublicRow {
  /** The admin who acted, by `sub`: the record outlives the account. */
  @Property({ type: 'text' })
  adminSub!: string;

  /** `create`, `patch`, `delete` or `test_flow`. */
  @Property({ type: 'text' })
  action!: string;

  /** The flow acted on (its uid survives a delete here). */
  @Property({ type: 'text' })
  clientFlowUid!: string;

  /** The flow's slug after the change (before it, for a delete). */
  @Property({ type: 'text' })
  clientFlowSlug!: string;

  /** `{key: {before, after}}` per changed key (wire names); test_flow: `{user_sub, client_parameters, server_parameters}`. */
  @Property({ type: 'jsonb' })
  changes!: JsonObject;

  /** Seconds since the epoch. */
  @Property({ type: 'double' })
  createdAt!: number;
}
