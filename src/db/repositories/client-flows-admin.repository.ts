import type { JsonObject } from '../../domain/json';
import type { ClientScreenDef, FlowRule, FlowScreen } from '../../domain/model';
import { screenFlags } from '../../domain/flags';
import { jsonParam, textArrayParam, type Sql } from '../sql';
import { CLIENT_FLOW_COLUMNS, type ClientFlowRow } from './client-flow-rows';

/** The admin write side's SQL (admin-api.md §5-§7): every statement runs in the caller's transaction. */

export interface NewClientFlow {
  uid: string;
  slug: string;
  clientSchema: JsonObject;
  serverSchema: JsonObject;
  flags: number;
  createdAt: number;
}

/** The insert is the uniqueness check (§5): null when the slug is taken. */
export async function insertClientFlow(sql: Sql, flow: NewClientFlow): Promise<ClientFlowRow | null> {
  const rows = await sql<ClientFlowRow>(
    `INSERT INTO client_flows (uid, slug, name, description, client_schema, server_schema, replaces, screens, rules, flags, created_at, revision)
     VALUES (?, ?, NULL, NULL, ?::jsonb, ?::jsonb, false, '[]'::jsonb, '[]'::jsonb, ?, ?, 1)
     ON CONFLICT (slug) DO NOTHING
     RETURNING ${CLIENT_FLOW_COLUMNS}`,
    [flow.uid, flow.slug, jsonParam(flow.clientSchema), jsonParam(flow.serverSchema), flow.flags, flow.createdAt],
  );
  return rows[0] ?? null;
}

/** The flow row locked for the rest of the transaction (patch and delete hold it to the end). */
export async function lockClientFlowByUid(sql: Sql, uid: string): Promise<ClientFlowRow | null> {
  const rows = await sql<ClientFlowRow>(`SELECT ${CLIENT_FLOW_COLUMNS} FROM client_flows WHERE uid = ? FOR UPDATE`, [uid]);
  return rows[0] ?? null;
}

/** The slug as committed now, without a lock (a rename's implicit precondition, see patchClientFlow). */
export async function findClientFlowSlugByUid(sql: Sql, uid: string): Promise<string | null> {
  const rows = await sql<{ slug: string }>(`SELECT slug FROM client_flows WHERE uid = ?`, [uid]);
  return rows[0]?.slug ?? null;
}

export async function clientFlowSlugTaken(sql: Sql, slug: string): Promise<boolean> {
  return (await sql(`SELECT 1 FROM client_flows WHERE slug = ?`, [slug])).length > 0;
}

/** Column values of an update, by column name; documents already JSON. */
export type ClientFlowChanges = Partial<Record<'slug' | 'name' | 'description' | 'replaces' | 'flags', unknown>> &
  Partial<Record<'client_schema' | 'server_schema' | 'screens' | 'rules', unknown>>;

const JSON_COLUMNS = new Set(['client_schema', 'server_schema', 'screens', 'rules']);

/** Applies the changed columns and bumps `revision`; returns the row as written. */
export async function updateClientFlow(sql: Sql, uid: string, changes: ClientFlowChanges): Promise<ClientFlowRow> {
  const columns = Object.keys(changes);
  const sets = columns.map((c) => (JSON_COLUMNS.has(c) ? `${c} = ?::jsonb` : `${c} = ?`));
  const params = columns.map((c) => {
    const value = changes[c as keyof ClientFlowChanges];
    return JSON_COLUMNS.has(c) ? jsonParam(value) : value;
  });
  const rows = await sql<ClientFlowRow>(
    `UPDATE client_flows SET ${[...sets, 'revision = revision + 1'].join(', ')} WHERE uid = ? RETURNING ${CLIENT_FLOW_COLUMNS}`,
    [...params, uid],
  );
  return rows[0];
}

export async function deleteClientFlowByUid(sql: Sql, uid: string): Promise<void> {
  await sql(`DELETE FROM client_flows WHERE uid = ?`, [uid]);
}

export interface FlowGraphRow {
  uid: string;
  slug: string;
  screens: FlowScreen[];
  rules: FlowRule[];
}

/** Every flow's references to other flows (validation and delete checks). */
export async function loadFlowGraph(sql: Sql): Promise<FlowGraphRow[]> {
  return sql<FlowGraphRow>(`SELECT uid, slug, screens, rules FROM client_flows ORDER BY slug`);
}

/**
 * Client screens by slug, share-locked until commit: a migration changing one of them waits,
 * so a flow is never saved against a schema that changed under its validation (§6.2).
 */
export async function shareLockScreens(sql: Sql, slugs: readonly string[]): Promise<ClientScreenDef[]> {
  if (slugs.length === 0) return [];
  const rows = await sql<{ id: string; uid: string; slug: string; schema: JsonObject; flags: number }>(
    `SELECT id, uid, slug, schema, flags FROM client_screens WHERE slug = ANY(?::text[]) ORDER BY id FOR SHARE`,
    [textArrayParam(slugs)],
  );
  return rows.map((r) => ({ id: Number(r.id), uid: r.uid, slug: r.slug, schema: r.schema, flags: screenFlags(r.flags) }));
}

/** Every screen's schema (delete: `flow_slug` values inside `fixed`). */
export async function loadScreenSchemas(sql: Sql): Promise<Map<string, JsonObject>> {
  const rows = await sql<{ slug: string; schema: JsonObject }>(`SELECT slug, schema FROM client_screens`);
  return new Map(rows.map((r) => [r.slug, r.schema]));
}

// ---- audit (§6.6, ours) ----

export interface AuditEntry {
  uid: string;
  adminSub: string;
  action: 'create' | 'patch' | 'delete' | 'test_flow';
  clientFlowUid: string;
  clientFlowSlug: string;
  changes: JsonObject;
  createdAt: number;
}

export async function insertAuditEntry(sql: Sql, entry: AuditEntry): Promise<void> {
  await sql(
    `INSERT INTO client_flow_audit_log (uid, admin_sub, action, client_flow_uid, client_flow_slug, changes, created_at)
     VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)`,
    [entry.uid, entry.adminSub, entry.action, entry.clientFlowUid, entry.clientFlowSlug, jsonParam(entry.changes), entry.createdAt],
  );
}

/** Newest first; optionally one flow's entries. */
export async function listAuditEntries(sql: Sql, filter: { clientFlowUid: string | null; limit: number }): Promise<AuditEntry[]> {
  const rows = await sql<{
    uid: string; admin_sub: string; action: AuditEntry['action']; client_flow_uid: string; client_flow_slug: string;
    changes: JsonObject; created_at: number | string;
  }>(
    `SELECT uid, admin_sub, action, client_flow_uid, client_flow_slug, changes, created_at FROM client_flow_audit_log
     WHERE (?::text IS NULL OR client_flow_uid = ?) ORDER BY created_at DESC, id DESC LIMIT ?`,
    [filter.clientFlowUid, filter.clientFlowUid, filter.limit],
  );
  return rows.map((r) => ({
    uid: r.uid,
    adminSub: r.admin_sub,
    action: r.action,
    clientFlowUid: r.client_flow_uid,
    clientFlowSlug: r.client_flow_slug,
    changes: r.changes,
    createdAt: Number(r.created_at),
  }));
}
