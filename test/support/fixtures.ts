import { randomBytes } from 'node:crypto';
import type { TestServer } from './server';

const EMPTY_OBJECT_SCHEMA = { type: 'object', properties: {}, additionalProperties: false, example: {} };

/** A flow screen on the starter `confirmation` screen (header + message). */
export function confirmationScreen(header: string, options: { allowedTriggers?: string[]; flags?: number } = {}) {
  return {
    screen: { slug: 'confirmation', fixed: { header, message: `${header} message` }, variable: [] },
    name: header,
    allowed_triggers: options.allowedTriggers ?? [],
    flags: options.flags ?? 31,
    rules: { trigger: null, peek: null },
  };
}

/** Inserts (or replaces) a custom flow directly, as the admin API will. */
export async function putFlow(
  server: Pick<TestServer, 'sql'>,
  flow: { slug: string; screens: unknown[]; replaces?: boolean; rules?: unknown[]; flags?: number; clientSchema?: unknown; serverSchema?: unknown },
): Promise<void> {
  await server.sql(
    `INSERT INTO client_flows (uid, slug, name, description, client_schema, server_schema, replaces, screens, rules, flags, created_at, revision)
     VALUES ($1, $2, NULL, NULL, $3, $4, $5, $6, $7, $8, $9, 1)
     ON CONFLICT (slug) DO UPDATE SET client_schema = EXCLUDED.client_schema, server_schema = EXCLUDED.server_schema,
       replaces = EXCLUDED.replaces, screens = EXCLUDED.screens, rules = EXCLUDED.rules, flags = EXCLUDED.flags`,
    [
      `oseh_cfl_${randomBytes(16).toString('base64url')}`,
      flow.slug,
      JSON.stringify(flow.clientSchema ?? EMPTY_OBJECT_SCHEMA),
      JSON.stringify(flow.serverSchema ?? EMPTY_OBJECT_SCHEMA),
      flow.replaces ?? false,
      JSON.stringify(flow.screens),
      JSON.stringify(flow.rules ?? []),
      flow.flags ?? 31,
      Date.now() / 1000,
    ],
  );
}

/** A user's queue front first: each row's `fixed.header`, else its screen slug. */
export { queueSlugs } from './flows';
