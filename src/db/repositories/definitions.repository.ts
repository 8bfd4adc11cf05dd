import { flowFlags, screenFlags } from '../../domain/flags';
import { isStorableText, type JsonObject } from '../../domain/json';
import type { ClientFlowDef, ClientScreenDef } from '../../domain/model';
import { textArrayParam, type Sql } from '../sql';
import type { ClientFlowRow } from './client-flow-rows';

/** The engine's columns of a `client_flows` row (the admin API reads more of them). */
type FlowRow = { id: string } & Pick<ClientFlowRow, 'uid' | 'slug' | 'client_schema' | 'server_schema' | 'replaces' | 'screens' | 'rules' | 'flags'>;

interface ScreenRow {
  id: string;
  uid: string;
  slug: string;
  schema: JsonObject;
  flags: number;
}

function toFlowDef(row: FlowRow): ClientFlowDef {
  return {
    id: Number(row.id),
    uid: row.uid,
    slug: row.slug,
    clientSchema: row.client_schema,
    serverSchema: row.server_schema,
    replaces: row.replaces,
    screens: row.screens,
    rules: row.rules,
    flags: flowFlags(row.flags),
  };
}

function toScreenDef(row: ScreenRow): ClientScreenDef {
  return { id: Number(row.id), uid: row.uid, slug: row.slug, schema: row.schema, flags: screenFlags(row.flags) };
}

const FLOW_COLUMNS = 'id, uid, slug, client_schema, server_schema, replaces, screens, rules, flags';

export async function findFlowBySlug(sql: Sql, slug: string): Promise<ClientFlowDef | null> {
  if (!isStorableText(slug)) return null; // names nothing PostgreSQL could hold
  const rows = await sql<FlowRow>(`SELECT ${FLOW_COLUMNS} FROM client_flows WHERE slug = ?`, [slug]);
  return rows.length === 0 ? null : toFlowDef(rows[0]);
}

export async function findFlowsBySlugs(sql: Sql, slugs: readonly string[]): Promise<ClientFlowDef[]> {
  const rows = await sql<FlowRow>(`SELECT ${FLOW_COLUMNS} FROM client_flows WHERE slug = ANY(?::text[])`, [textArrayParam(slugs)]);
  return rows.map(toFlowDef);
}

export async function findScreenBySlug(sql: Sql, slug: string): Promise<ClientScreenDef | null> {
  if (!isStorableText(slug)) return null;
  const rows = await sql<ScreenRow>(`SELECT id, uid, slug, schema, flags FROM client_screens WHERE slug = ?`, [slug]);
  return rows.length === 0 ? null : toScreenDef(rows[0]);
}

export async function findAllScreens(sql: Sql): Promise<ClientScreenDef[]> {
  const rows = await sql<ScreenRow>(`SELECT id, uid, slug, schema, flags FROM client_screens ORDER BY slug`);
  return rows.map(toScreenDef);
}

/** Every flow slug: the valid-slug set of the definition cache (stats-cache-jobs.md §5.1). */
export async function listFlowSlugs(sql: Sql): Promise<string[]> {
  const rows = await sql<{ slug: string }>(`SELECT slug FROM client_flows`);
  return rows.map((row) => row.slug);
}
