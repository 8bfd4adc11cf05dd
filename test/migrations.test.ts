import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { STARTER_SCREENS } from '../src/content/screens';
import { SPECIAL_FLOW_SEEDS } from '../src/content/special-flows';
import { migrate, openOrm, type Orm } from '../src/db/orm';
import { upsertClientScreens } from '../src/db/seed';
import { FlowFlag } from '../src/domain/flags';
import { REQUIRED_SPECIAL_FLOWS } from '../src/domain/engine';
import { checkSchema, FormatRegistry, validateValue } from '../src/domain/schema';
import { MIGRATIONS } from '../migrations';
import { processorMatches } from '../src/domain/media/processors';
import { databaseUrl } from './support/global-setup';

/** A database with nothing in it, not even the template's tables. */
async function emptyDatabase(): Promise<string> {
  const name = `empty_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return databaseUrl(inject('postgresAdminUrl'), name);
}

let orm: Orm;
let db: pg.Client;
beforeAll(async () => {
  const url = await emptyDatabase();
  orm = await openOrm(url);
  db = new pg.Client({ connectionString: url });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await orm?.close(true);
});

describe('migrations', () => {
  it('apply from an empty database, then are a no-op', async () => {
    expect(await migrate(orm)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await migrate(orm)).toEqual([]);
  });

  it('create every table of the data model with its keys and delete rules', async () => {
    const tables = await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'client_flow_audit_log', 'client_flow_stats', 'client_flows', 'client_screen_stats', 'client_screens', 'user_client_screen_actions_log', 'user_client_screens', 'user_client_screens_log',
        'user_tokens', 'users', 'visitor_users', 'visitors',
        'stored_files', 'image_files', 'image_file_exports', 'content_files', 'content_file_exports', 'content_file_export_parts',
        'transcripts', 'transcript_phrases', 'content_file_transcripts', 'client_flow_images', 'client_flow_content_files',
        'file_uploads', 'file_upload_parts',
      ]),
    );
    const jsonb = await db.query(
      `SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE data_type = 'jsonb' ORDER BY 1`,
    );
    expect(jsonb.rows.map((r) => r.c)).toEqual([
      'client_flow_audit_log.changes',
      'client_flow_stats.late_snapshots', 'client_flow_stats.replaced_breakdown', 'client_flow_stats.triggered_breakdown',
      'client_flows.client_schema', 'client_flows.rules', 'client_flows.screens', 'client_flows.server_schema',
      'client_screen_stats.late_snapshots', 'client_screen_stats.peeked_breakdown', 'client_screen_stats.popped_breakdown',
      'client_screen_stats.queued_breakdown', 'client_screen_stats.traced_breakdown',
      'client_screens.schema',
      'content_file_exports.format_parameters', 'content_file_exports.quality_parameters',
      'file_uploads.failure_job_kwargs', 'file_uploads.success_job_kwargs',
      'image_file_exports.quality_settings', 'transcripts.source',
      'user_client_screens.flow_client_parameters', 'user_client_screens.flow_server_parameters',
      'user_client_screens.screen', 'user_client_screens_log.screen',
    ]);
    const deleteRules = await db.query(
      `SELECT conrelid::regclass::text || '.' || a.attname AS col, confdeltype AS rule
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f' ORDER BY 1`,
    );
    expect(Object.fromEntries(deleteRules.rows.map((r) => [r.col, r.rule]))).toEqual({
      'client_flow_content_files.content_file_id': 'c',
      'client_flow_content_files.original_stored_file_id': 'n',
      'client_flow_content_files.uploaded_by_user_id': 'n',
      'client_flow_images.image_file_id': 'c',
      'client_flow_images.original_stored_file_id': 'n',
      'client_flow_images.uploaded_by_user_id': 'n',
      'content_file_export_parts.content_file_export_id': 'c',
      'content_file_export_parts.stored_file_id': 'c',
      'content_file_exports.content_file_id': 'c',
      'content_file_transcripts.content_file_id': 'c',
      'content_file_transcripts.transcript_id': 'c',
      'content_files.original_stored_file_id': 'n',
      'file_upload_parts.file_upload_id': 'c',
      'file_upload_parts.stored_file_id': 'n',
      'image_file_exports.image_file_id': 'c',
      'image_file_exports.stored_file_id': 'c',
      'image_files.original_stored_file_id': 'n',
      'transcript_phrases.transcript_id': 'c',
      'user_client_screen_actions_log.user_client_screen_log_id': 'c',
      'user_client_screens.client_flow_id': 'n',
      'user_client_screens.client_screen_id': 'c',
      'user_client_screens.user_id': 'c',
      'user_client_screens_log.user_id': 'c',
      'user_client_screens_log.visitor_id': 'n',
      'user_tokens.user_id': 'c',
      'visitor_users.user_id': 'c',
      'visitor_users.visitor_id': 'c',
    });
    const queueUnique = await db.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'user_client_screens'::regclass AND contype = 'u'`,
    );
    expect(queueUnique.rows.map((r) => r.def)).toContain('UNIQUE (user_id, outer_counter, inner_counter)');
    const queueVersion = await db.query(
      `SELECT data_type, is_nullable, column_default FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'queue_version'`,
    );
    expect(queueVersion.rows).toEqual([{ data_type: 'integer', is_nullable: 'NO', column_default: '0' }]);
  });

  it('create the daily statistics tables: one row per day, non-negative counts, object breakdowns', async () => {
    const columns = await db.query(
      `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS c FROM information_schema.columns
       WHERE table_name IN ('client_flow_stats', 'client_screen_stats') AND column_name IN ('retrieved_for', 'retrieved_at', 'triggered', 'traced')
       ORDER BY 1`,
    );
    expect(columns.rows.map((r) => r.c)).toEqual([
      'client_flow_stats.retrieved_at double precision NO', 'client_flow_stats.retrieved_for date NO', 'client_flow_stats.triggered bigint NO',
      'client_screen_stats.retrieved_at double precision NO', 'client_screen_stats.retrieved_for date NO', 'client_screen_stats.traced bigint NO',
    ]);
    await db.query(`INSERT INTO client_flow_stats (retrieved_for, retrieved_at) VALUES ('2024-03-10', 0)`);
    const row = await db.query(`SELECT retrieved_for::text AS d, triggered, triggered_breakdown, replaced_breakdown FROM client_flow_stats`);
    expect(row.rows).toEqual([{ d: '2024-03-10', triggered: '0', triggered_breakdown: {}, replaced_breakdown: {} }]);
    for (const bad of [
      `INSERT INTO client_flow_stats (retrieved_for, retrieved_at) VALUES ('2024-03-10', 1)`,
      `INSERT INTO client_flow_stats (retrieved_for, retrieved_at, replaced) VALUES ('2024-03-11', 1, -1)`,
      `INSERT INTO client_flow_stats (retrieved_for, retrieved_at, triggered_breakdown) VALUES ('2024-03-11', 1, '[]')`,
      `INSERT INTO client_screen_stats (retrieved_for, retrieved_at, traced) VALUES ('2024-03-11', 1, -1)`,
      `INSERT INTO client_screen_stats (retrieved_for, retrieved_at, popped_breakdown) VALUES ('2024-03-11', 1, '3')`,
    ]) {
      await expect(db.query(bad), bad).rejects.toThrow(/unique|check/);
    }
    await db.query(`DELETE FROM client_flow_stats`);
  });

  it('create the media uniqueness rules: one file per hash, one list row per file and per hash', async () => {
    const uniques = await db.query(
      `SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE contype = 'u' AND conrelid::regclass::text IN ('image_files', 'content_files', 'client_flow_images', 'client_flow_content_files', 'file_upload_parts', 'content_file_export_parts')
       AND pg_get_constraintdef(oid) <> 'UNIQUE (uid)' ORDER BY 1`,
    );
    expect(uniques.rows.map((r) => r.def)).toEqual([
      'client_flow_content_files UNIQUE (content_file_id, list_slug)', 'client_flow_content_files UNIQUE (original_sha512, list_slug)',
      'client_flow_images UNIQUE (image_file_id, list_slug)', 'client_flow_images UNIQUE (original_sha512, list_slug)',
      'content_file_export_parts UNIQUE (content_file_export_id, "position")',
      'content_files UNIQUE (original_sha512)',
      'file_upload_parts UNIQUE (file_upload_id, part_number)',
      'image_files UNIQUE (original_sha512)',
    ]);
  });

  it('match the MikroORM entities (no schema difference)', async () => {
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: true });
    expect(diff.trim()).toBe('');
  });

  it('seed every starter screen and special flow, valid', async () => {
    const registry = new FormatRegistry();
    const screens = await db.query(`SELECT slug, schema, flags FROM client_screens ORDER BY slug`);
    expect(screens.rows.map((r) => r.slug).sort()).toEqual(STARTER_SCREENS.map((s) => s.slug).sort());
    for (const row of screens.rows) {
      expect({ slug: row.slug, issues: checkSchema(row.schema, { examples: 'required', registry, processorMatches }) }).toEqual({ slug: row.slug, issues: [] });
    }
    const flows = await db.query(`SELECT slug, client_schema, server_schema, flags FROM client_flows`);
    const bySlug = new Map(flows.rows.map((r) => [r.slug, r]));
    for (const slug of REQUIRED_SPECIAL_FLOWS) {
      const flow = bySlug.get(slug);
      expect(flow, slug).toBeDefined();
      expect(flow.flags & FlowFlag.IS_CUSTOM, slug).toBe(0);
      expect(validateValue(flow.client_schema, {}).ok, slug).toBe(true);
      expect(validateValue(flow.server_schema, {}).ok, slug).toBe(true);
    }
    expect(SPECIAL_FLOW_SEEDS.map((f) => f.slug).sort()).toEqual([...REQUIRED_SPECIAL_FLOWS].sort());
  });

  it('re-running the content upsert changes nothing', async () => {
    const before = await db.query(`SELECT uid, slug, schema_hash FROM client_screens ORDER BY slug`);
    await upsertClientScreens((sql, params) => orm.em.getConnection().execute(sql, params), STARTER_SCREENS);
    const after = await db.query(`SELECT uid, slug, schema_hash FROM client_screens ORDER BY slug`);
    expect(after.rows).toEqual(before.rows);
  });

  it('refuses to seed a screen whose x-processor names no registered processor of its list', async () => {
    const screen = STARTER_SCREENS.find((s) => s.slug === 'image_interstitial')!;
    const schema = structuredClone(screen.schema) as { properties: { image: Record<string, unknown> } };
    schema.properties.image['x-processor'] = { job: 'process_image_interstitial', list: 'image_interstitial' };
    await expect(
      upsertClientScreens((sql, params) => orm.em.getConnection().execute(sql, params), [{ ...screen, slug: 'old_job_name', schema: schema as never }]),
    ).rejects.toThrow(/old_job_name.*no processor 'process_image_interstitial'/);
  });

  it('refuses to seed a screen whose schema fails the checker', async () => {
    const broken = { ...STARTER_SCREENS[0], slug: 'broken', schema: { type: 'object', properties: { a: { type: 'string' } } } };
    await expect(upsertClientScreens((sql, params) => orm.em.getConnection().execute(sql, params), [broken])).rejects.toThrow(/broken/);
    const rows = await db.query(`SELECT 1 FROM client_screens WHERE slug = 'broken'`);
    expect(rows.rowCount).toBe(0);
  });
});
