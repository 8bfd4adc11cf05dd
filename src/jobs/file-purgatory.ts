import { releaseStrayPartFile } from '../db/repositories/media-upload.repository';
import { PURGATORY_KEY } from '../services/media/uploads.service';
import { inTransaction } from '../services/transaction';
import type { Job } from './job';

const BATCH_KEYS = 500;
/** Only upload parts are ever put in the purgatory; a stray other key is dropped, never deleted. */
const PART_KEY_PREFIX = 's3_files/uploads/';

/**
 * `sweep_file_purgatory` (screens-and-media.md §3.4 step 5): a part upload registers its key in
 * the Redis sorted set `files:purgatory` (deadline now + 600 s) before writing the bytes and
 * removes it once its row is committed, so an entry past its deadline is what a crashed or failed
 * request left. Its bytes and row are deleted unless a part holds the row (the request committed
 * and only the removal was lost). Each key is handled row first, then bytes, then the entry, so a
 * stop anywhere leaves the entry for the next run.
 */
export const sweepFilePurgatory: Job = {
  name: 'sweep_file_purgatory',
  description: 'delete upload part files that crashed or failed requests left behind (files:purgatory)',
  secondsAfterDayStart: 3 * 3600,
  async run(app, ctx) {
    const deadline = app.now();
    let deleted = 0;
    let kept = 0;
    let stopped = false;
    ctx.progress.total(await app.redis.zcount(PURGATORY_KEY, '-inf', deadline));
    for (;;) {
      const keys = await app.redis.zrangebyscore(PURGATORY_KEY, '-inf', deadline, 'LIMIT', 0, BATCH_KEYS);
      if (keys.length === 0) break;
      for (const key of keys) {
        if (ctx.signal.aborted) {
          stopped = true;
          break;
        }
        if (key.startsWith(PART_KEY_PREFIX)) {
          const outcome = await inTransaction(app.db, ({ sql }) => releaseStrayPartFile(sql, key));
          if (outcome === 'released') {
            await app.files.delete(key);
            deleted++;
          } else kept++;
        } else {
          ctx.log.warn({ key }, 'sweep_file_purgatory: not an upload part key; entry dropped, file left alone');
        }
        await app.redis.zrem(PURGATORY_KEY, key);
        ctx.progress.advance();
      }
      if (stopped) break;
    }
    app.metrics.increment('media_purgatory_files_deleted', deleted);
    ctx.log.info({ deleted, kept, stopped }, 'sweep_file_purgatory finished');
    return { summary: `deleted ${deleted} stray part file(s), kept ${kept} attached one(s)${stopped ? ', stopped early' : ''}`, stopped };
  },
};
