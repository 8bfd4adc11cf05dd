import { createHash } from 'node:crypto';
import type { ScreenSeed, FlowSeed } from '../content/types';
import { canonicalJson } from '../domain/json';
import { processorMatches } from '../domain/media/processors';
import { checkSchema, FormatRegistry } from '../domain/schema';
import { newUid } from '../lib/ids';

/** Runs one SQL statement with positional `?` parameters (a migration's `execute`, a pg client...). */
export type SqlExecutor = (sql: string, params: unknown[]) => Promise<unknown>;

export function schemaHash(schema: ScreenSeed['schema']): string {
  return createHash('sha256').update(canonicalJson(schema)).digest('hex');
}

export class InvalidSeedError extends Error {}

/**
 * Inserts or updates screens by slug (idempotent). Every schema must pass the schema checker
 * with examples required and every `x-processor` naming a registered processor of its list, so a
 * migration cannot ship a screen the realizer or the admin upload form would choke on.
 * App teams call this from their own migrations (docs/screens.md).
 */
export async function upsertClientScreens(
  execute: SqlExecutor,
  screens: readonly ScreenSeed[],
  registry: FormatRegistry = new FormatRegistry(),
): Promise<void> {
  for (const screen of screens) {
    const issues = checkSchema(screen.schema, { examples: 'required', registry, processorMatches });
    if (issues.length > 0) {
      const detail = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      throw new InvalidSeedError(`client screen ${screen.slug} has an invalid schema: ${detail}`);
    }
  }
  for (const screen of screens) {
    await execute(
      `INSERT INTO client_screens (uid, slug, name, description, schema, schema_hash, flags)
       VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)
       ON CONFLICT (slug) DO UPDATE SET
         name = EXCLUDED.name, description = EXCLUDED.description, schema = EXCLUDED.schema,
         schema_hash = EXCLUDED.schema_hash, flags = EXCLUDED.flags`,
      [newUid('cs'), screen.slug, screen.name, screen.description, JSON.stringify(screen.schema), schemaHash(screen.schema), screen.flags],
    );
  }
}

/**
 * Inserts flows that do not exist yet, keyed by slug. Existing flows are left alone: an admin
 * may have edited them (e.g. given `empty` the app's home screen).
 */
export async function insertMissingClientFlows(execute: SqlExecutor, flows: readonly FlowSeed[], now: number): Promise<void> {
  for (const flow of flows) {
    await execute(
      `INSERT INTO client_flows (uid, slug, name, description, client_schema, server_schema, replaces, screens, rules, flags, created_at, revision)
       VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?, ?, 1)
       ON CONFLICT (slug) DO NOTHING`,
      [
        newUid('cfl'), flow.slug, flow.name, flow.description, JSON.stringify(flow.clientSchema),
        JSON.stringify(flow.serverSchema), flow.replaces, JSON.stringify(flow.screens), JSON.stringify(flow.rules),
        flow.flags, now,
      ],
    );
  }
}
