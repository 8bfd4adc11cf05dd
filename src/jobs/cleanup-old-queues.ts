import { countStaleQueueUsers, findStaleQueueUsers } from '../db/repositories/maintenance.repository';
import { lockUserWithQueue } from '../db/repositories/queue.repository';
import { applyToLockedQueue } from '../services/queue.service';
import { inTransaction, withReadConnection } from '../services/transaction';
import type { Job } from './job';

/** A queue whose newest row is older than this is dropped (the reference's STALE_TIME_SECONDS). */
export const STALE_QUEUE_SECONDS = 30 * 86_400;
const BATCH_USERS = 500;

/**
 * `cleanup_old_user_client_screens` (stats-cache-jobs.md §6): wipes every queue whose newest row
 * was added 30 days or more before the job started; a queue with any recent row is kept whole.
 * Note the test is on queue-insert time, not activity: a user who opens the app daily without
 * ever popping also loses the queue, and the next peek refills it with `empty`.
 *
 * Victims are listed in batches; each is cleared in its own short transaction through
 * applyToLockedQueue (the one way a queue changes), under the per-user lock, after re-checking
 * under that lock that no row is newer than the cutoff, so a concurrent pop or trigger is never
 * half-deleted. Writes no stats.
 */
export const cleanupOldUserClientScreens: Job = {
  name: 'cleanup_old_user_client_screens',
  description: 'delete queues whose newest screen was queued 30 days or more ago',
  secondsAfterDayStart: 2 * 3600,
  async run(app, ctx) {
    const cutoff = app.now() - STALE_QUEUE_SECONDS;
    ctx.progress.total(await withReadConnection(app.db, (sql) => countStaleQueueUsers(sql, cutoff)));
    let users = 0;
    let rows = 0;
    let after = '0';
    let stopped = false;
    for (;;) {
      const batch = await withReadConnection(app.db, (sql) => findStaleQueueUsers(sql, cutoff, after, BATCH_USERS));
      if (batch.length === 0) break;
      for (const victim of batch) {
        // Between users, not between batches only: one user is one short transaction.
        if (ctx.signal.aborted) {
          stopped = true;
          break;
        }
        const deleted = await inTransaction(app.db, async (scope) => {
          const user = await lockUserWithQueue(scope.sql, victim.sub);
          if (user === null) return 0;
          const { before, outcome } = await applyToLockedQueue(app, scope, user, { platform: 'server', version: null }, async (_deps, _op, queue) =>
            queue.some((row) => row.addedAt > cutoff)
              ? { queue, stats: [], flowsTriggered: [], cleared: false }
              : { queue: [], stats: [], flowsTriggered: [], cleared: true },
          );
          return outcome.cleared ? before.length : 0;
        });
        if (deleted > 0) {
          users++;
          rows += deleted;
        }
        ctx.progress.advance();
        after = victim.id;
      }
      if (stopped) break;
    }
    app.metrics.increment('cleanup_queue_users_deleted', users);
    app.metrics.increment('cleanup_queue_rows_deleted', rows);
    ctx.log.info({ users, rows, cutoff, stopped }, 'cleanup_old_user_client_screens finished');
    return { summary: `deleted ${rows} queued screen(s) of ${users} user(s)${stopped ? ', stopped early' : ''}`, stopped };
  },
};
