import {
  claimCompletedUpload, deleteUpload, expiredIncompleteUploads, listParts, releaseUpload, stalledUploads, type FileUploadRow,
} from '../db/repositories/media-upload.repository';
import { findProcessor, type Size } from '../domain/media/processors';
import { processContent } from '../media/content-processor';
import { readAll } from '../media/file-store';
import { processImage } from '../media/image-processor';
import { sha512Hex, type ProcessingOutcome } from '../media/processing';
import { pushJobState, pushProgress, type JobStateEvent } from '../media/progress';
import type { AppContext } from '../services/app-context';
import { inTransaction } from '../services/transaction';
import { WorkerLoop } from './worker-loop';

/** Completed uploads whose processing has run this long are failed and deleted (§3.4 step 4, ours). */
export const PROCESSING_TIMEOUT_SECONDS = 2 * 3600;
const POLL_MS = 2000;
const SWEEP_EVERY_MS = 15 * 60 * 1000;

/**
 * Runs media processing jobs (screens-and-media.md §3.4 step 3). The queue is the `file_uploads`
 * table: a completed upload not yet claimed is a queued job; a worker claims one with `SKIP
 * LOCKED`, so any number of instances share the work and each job runs once. A completing
 * request wakes this process's worker at once; the poll covers the others. Interrupted jobs
 * (shutdown) are released ("bounce") and picked up again. Also runs the expiry and processing
 * timeout sweeps every 15 minutes.
 */
export class MediaJobRunner {
  private sweepTimer: NodeJS.Timeout | null = null;
  private readonly worker: WorkerLoop;

  constructor(private readonly appRef: () => AppContext) {
    this.worker = new WorkerLoop({
      pollMs: POLL_MS,
      drain: () => this.drain(),
      onError: (error) => this.appRef().log.error({ err: error }, 'media processing: worker error'),
    });
  }

  start(): void {
    if (!this.worker.start()) return;
    this.sweepTimer = setInterval(() => void this.sweep().catch((error) => this.appRef().log.error({ err: error }, 'media upload sweep failed')), SWEEP_EVERY_MS);
    this.sweepTimer.unref();
  }

  /** Processes queued jobs until none is left (coalescing concurrent wakes). */
  wake(): void {
    this.worker.wake();
  }

  async stop(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.worker.stop();
  }

  /** Resolves when no job is running here (tests and benchmarks). */
  idle(): Promise<void> {
    return this.worker.idle();
  }

  private async drain(): Promise<void> {
    const app = this.appRef();
    while (this.worker.running) {
      const upload = await inTransaction(app.db, ({ sql }) => claimCompletedUpload(sql, app.now()));
      if (upload === null) return;
      await this.runOne(app, upload);
    }
  }

  private async runOne(app: AppContext, upload: FileUploadRow): Promise<void> {
    const progressUid = upload.job_progress_uid;
    const progress = (type: JobStateEvent, message: string) =>
      progressUid === null ? Promise.resolve() : pushJobState(app.redis, app.log, progressUid, type, message, app.now());
    const log = app.log.child({ job: upload.success_job_name, fileUploadUid: upload.uid });
    await progress('started', 'processing the upload');
    let outcome: ProcessingOutcome;
    try {
      outcome = await this.process(app, upload);
    } catch (error) {
      if (this.worker.signal.aborted) {
        await inTransaction(app.db, ({ sql }) => releaseUpload(sql, upload.id));
        await progress('bounce', 'interrupted by a shutdown; queued again');
        return;
      }
      log.error({ err: error }, 'media processing failed unexpectedly');
      outcome = { ok: false, reason: `internal error while processing: ${(error as Error).message}` };
    }
    // The upload goes before the final event: whoever sees `succeeded`/`failed` sees it gone.
    await this.deleteUpload(app, upload).catch((error: unknown) => log.error({ err: error }, 'media processing: the upload was not deleted'));
    if (outcome.ok) {
      log.info({ fileUid: outcome.fileUid, listSlug: outcome.listSlug, listRow: outcome.listRow, exportsAdded: outcome.exportsAdded }, 'media processed');
      await progress('succeeded', `processed into ${outcome.listSlug} as ${outcome.fileUid}`);
    } else {
      log.warn({ reason: outcome.reason }, 'media processing refused the upload');
      await progress('failed', outcome.reason);
    }
  }

  private async process(app: AppContext, upload: FileUploadRow): Promise<ProcessingOutcome> {
    const processor = findProcessor(upload.success_job_name);
    if (processor === undefined) return { ok: false, reason: `unknown processor ${upload.success_job_name}` };
    if (processor.unavailable !== undefined) return { ok: false, reason: `${processor.id} cannot process yet: ${processor.unavailable}` };
    const parts = await inTransaction(app.db, ({ sql }) => listParts(sql, upload.id));
    const chunks: Buffer[] = [];
    for (const part of parts) {
      const stored = part.key === null ? null : await app.files.get(part.key);
      if (stored === null) return { ok: false, reason: `part ${part.part_number} is missing from storage` };
      chunks.push(await readAll(stored.body));
    }
    const bytes = Buffer.concat(chunks);
    const sha = sha512Hex(bytes);
    const kwargs = upload.success_job_kwargs;
    const input = {
      bytes, sha512: sha, uploadSha512: sha, name: upload.uid,
      uploadedBySub: typeof kwargs.uploaded_by_user_sub === 'string' ? kwargs.uploaded_by_user_sub : null,
      dynamicSize: (kwargs.dynamic_size ?? null) as Size | null,
      signal: this.worker.signal,
      progressUid: upload.job_progress_uid,
    };
    return processor.kind === 'image' ? processImage(app, processor, input) : processContent(app, processor, input);
  }

  /** The generic upload deletion: part files, their rows, the upload row. */
  private async deleteUpload(app: AppContext, upload: FileUploadRow): Promise<void> {
    const keys = await inTransaction(app.db, ({ sql }) => deleteUpload(sql, upload.id));
    await Promise.all(keys.map((key) => app.files.delete(key).catch((error) => app.log.warn({ err: error, key }, 'upload part file not deleted'))));
  }

  /**
   * §3.4 step 4 (ours): incomplete uploads past expiry, and completed ones whose processing
   * outlived the timeout, get a `failed` event and are deleted. Completed uploads still within
   * the timeout are never touched, so a slow job keeps its parts.
   */
  async sweep(): Promise<{ expired: number; stalled: number }> {
    const app = this.appRef();
    const now = app.now();
    const expired = await inTransaction(app.db, ({ sql }) => expiredIncompleteUploads(sql, now, 1000));
    const stalled = await inTransaction(app.db, ({ sql }) => stalledUploads(sql, now - PROCESSING_TIMEOUT_SECONDS, 1000));
    for (const [uploads, message] of [[expired, 'failure job queued due to expiration'], [stalled, 'processing timed out']] as const) {
      for (const upload of uploads) {
        if (upload.job_progress_uid !== null) {
          await pushProgress(app.redis, app.log, upload.job_progress_uid, { type: 'failed', message, indicator: { type: 'final' } }, now);
        }
        await this.deleteUpload(app, upload);
      }
    }
    return { expired: expired.length, stalled: stalled.length };
  }
}
