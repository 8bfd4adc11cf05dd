import { countOldLogRows, deleteOldLogRows, SCREEN_LOG_TABLES } from '../db/repositories/maintenance.repository';
import { inTransaction, withReadConnection } from '../services/transaction';
import type { Job } from './job';

const BATCH_ROWS = 5000;

/**
 * `cleanup_old_screen_logs` (stats-cache-jobs.md §6, §8 item 10): deletes rows of
 * `user_client_screen_actions_log` and `user_client_screens_log` older than
 * SCREEN_LOG_RETENTION_DAYS (default 90), 5,000 rows per short transaction, so the tables never
 * stay locked and a stop between batches loses nothing. The reference keeps them forever.
 */
export const cleanupOldScreenLogs: Job = {
  name: 'cleanup_old_screen_logs',
  description: 'delete screen log and trace rows older than SCREEN_LOG_RETENTION_DAYS',
  secondsAfterDayStart: 2 * 3600 + 30 * 60,
  async run(app, ctx) {
    const cutoff = app.now() - app.config.screenLogRetentionDays * 86_400;
    let total = 0;
    for (const table of SCREEN_LOG_TABLES) total += await withReadConnection(app.db, (sql) => countOldLogRows(sql, table, cutoff));
    ctx.progress.total(total);
    const deleted: Record<string, number> = {};
    let stopped = false;
    for (const table of SCREEN_LOG_TABLES) {
      deleted[table] = 0;
      while (!stopped) {
        if (ctx.signal.aborted) {
          stopped = true;
          break;
        }
        const n = await inTransaction(app.db, ({ sql }) => deleteOldLogRows(sql, table, cutoff, BATCH_ROWS));
        deleted[table] += n;
        ctx.progress.advance(n);
        if (n < BATCH_ROWS) break;
      }
      app.metrics.increment(`cleanup_${table}_rows_deleted`, deleted[table]);
    }
    ctx.log.info({ deleted, cutoff, stopped }, 'cleanup_old_screen_logs finished');
    const parts = SCREEN_LOG_TABLES.map((table) => `${deleted[table] ?? 0} from ${table}`);
    return { summary: `deleted ${parts.join(', ')}${stopped ? ', stopped early' : ''}`, stopped };
  },
};
