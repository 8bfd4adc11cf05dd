import { Migration } from '@mikro-orm/migrations';

/** One row per column: `name` and its breakdown, both non-negative / a JSON object. */
function counters(events: string[]): string {
  return events
    .map((e) => `${e} bigint NOT NULL DEFAULT 0,\n        ${e}_breakdown jsonb NOT NULL DEFAULT '{}',`)
    .join('\n        ');
}

function checks(table: string, events: string[]): string {
  const counts = events.map((e) => `${e} >= 0`).join(' AND ');
  const objects = events.map((e) => `jsonb_typeof(${e}_breakdown) = 'object'`).join(' AND ');
  return `CONSTRAINT ${table}_counts_check CHECK (${counts}),
        CONSTRAINT ${table}_breakdowns_check CHECK (${objects})`;
}

/**
 * The daily statistics tables rolled up from Redis (stats-cache-jobs.md §2): one row per stats
 * day and family, `retrieved_for` unique (the rollup's idempotency key), counts and jsonb
 * breakdowns. Timestamps are epoch seconds as double precision, like every other table. Also
 * indexes the two log tables by age for their retention job (§8 item 10).
 */
export class Migration20261129000006_statistics extends Migration {
  override async up(): Promise<void> {
    for (const [table, events] of [
      ['client_flow_stats', ['triggered', 'replaced']],
      ['client_screen_stats', ['queued', 'peeked', 'popped', 'traced']],
    ] as const) {
      this.addSql(`
      CREATE TABLE ${table} (
        id bigserial PRIMARY KEY,
        retrieved_for date NOT NULL CONSTRAINT ${table}_retrieved_for_unique UNIQUE,
        retrieved_at double precision NOT NULL,
        late_snapshots jsonb NULL,
        ${counters([...events])}
        ${checks(table, [...events])}
      )`);
    }
    // The log retention job deletes by age.
    this.addSql(`CREATE INDEX user_client_screens_log_created_at_index ON user_client_screens_log (created_at)`);
    this.addSql(`CREATE INDEX user_client_screen_actions_log_created_at_index ON user_client_screen_actions_log (created_at)`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS user_client_screen_actions_log_created_at_index`);
    this.addSql(`DROP INDEX IF EXISTS user_client_screens_log_created_at_index`);
    this.addSql(`DROP TABLE IF EXISTS client_screen_stats`);
    this.addSql(`DROP TABLE IF EXISTS client_flow_stats`);
  }
}
