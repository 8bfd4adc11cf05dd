import { newUid } from '../lib/ids';
import { linkSpawnedProgress, pushJobState, pushProgress, type JobStateEvent } from '../media/progress';
import { transcribeContent, type TranscriptOutcome } from '../media/transcription';
import type { AppContext } from '../services/app-context';
import { WorkerLoop } from './worker-loop';

/** The reference's job name (screens-and-media.md §3.5.5), shown in `spawned` events. */
export const TRANSCRIPT_JOB = 'runners.generate_onboarding_video_transcript';
/** Queued transcript jobs: a sorted set of `{content_file_uid, job_progress_uid}`, scored by when each may run. */
export const TRANSCRIPT_QUEUE_KEY = 'jobs:transcripts:queue';
/** A claimed job not finished within this (its worker died) is claimed again. */
export const TRANSCRIPT_LEASE_SECONDS = 3600;
const POLL_MS = 2000;

interface QueuedTranscript {
  content_file_uid: string;
  job_progress_uid: string;
}

/**
 * Atomically takes the first job due by ARGV[1] and pushes its score to ARGV[2] (the lease):
 * every instance may poll, each job runs on one at a time, and a crashed worker's job comes back.
 */
const CLAIM_SCRIPT = `local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1)
if #due == 0 then return false end
redis.call('ZADD', KEYS[1], ARGV[2], due[1])
return due[1]`;

/**
 * Transcript jobs (§3.5.5), spawned by content processing when a plugin registered a
 * `Transcriber`. Instances without one neither spawn nor run them. Jobs wait in Redis (shared by
 * all instances); the job is idempotent, so a retry after a crash or shutdown is harmless.
 */
export class TranscriptJobRunner {
  private readonly worker: WorkerLoop;

  constructor(private readonly appRef: () => AppContext) {
    this.worker = new WorkerLoop({
      pollMs: POLL_MS,
      drain: () => this.drain(),
      onError: (error) => this.appRef().log.error({ err: error }, 'transcript jobs: worker error'),
    });
  }

  /** True when a transcriber is registered: content processing then spawns transcript jobs. */
  get enabled(): boolean {
    return this.appRef().transcribers.current !== null;
  }

  start(): void {
    if (this.enabled) this.worker.start();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** Resolves when no job is running here (tests). */
  idle(): Promise<void> {
    return this.worker.idle();
  }

  /**
   * Queues the transcript job of a content file with its own progress uid, announced to the
   * parent job by a `spawned` event (whose progress token may then follow it). Returns the new
   * progress uid, or null when Redis refused (logged: the content itself is processed either way).
   */
  async spawn(contentFileUid: string, parentProgressUid: string | null): Promise<string | null> {
    const app = this.appRef();
    const progressUid = newUid('jp');
    const job: QueuedTranscript = { content_file_uid: contentFileUid, job_progress_uid: progressUid };
    try {
      await pushProgress(app.redis, app.log, progressUid, { type: 'queued', message: `waiting to transcribe ${contentFileUid}`, indicator: { type: 'spinner' } }, app.now());
      if (parentProgressUid !== null) await linkSpawnedProgress(app.redis, progressUid, parentProgressUid);
      await app.redis.zadd(TRANSCRIPT_QUEUE_KEY, app.now(), JSON.stringify(job));
    } catch (error) {
      app.log.warn({ err: error, contentFileUid }, 'transcript job could not be queued');
      return null;
    }
    if (parentProgressUid !== null) {
      await pushProgress(app.redis, app.log, parentProgressUid, {
        type: 'spawned', message: 'transcribing the content', spawned: { uid: progressUid, name: TRANSCRIPT_JOB }, indicator: null,
      }, app.now());
    }
    this.wake();
    return progressUid;
  }

  wake(): void {
    this.worker.wake();
  }

  private async drain(): Promise<void> {
    const app = this.appRef();
    while (this.worker.running) {
      const now = app.now();
      const member = (await app.redis.eval(CLAIM_SCRIPT, 1, TRANSCRIPT_QUEUE_KEY, now, now + TRANSCRIPT_LEASE_SECONDS)) as string | null;
      if (member === null) return;
      await this.runOne(app, member);
    }
  }

  private async runOne(app: AppContext, member: string): Promise<void> {
    let job: QueuedTranscript;
    try {
      job = JSON.parse(member) as QueuedTranscript;
    } catch {
      await app.redis.zrem(TRANSCRIPT_QUEUE_KEY, member);
      return;
    }
    const transcriber = app.transcribers.current!;
    const log = app.log.child({ job: TRANSCRIPT_JOB, contentFileUid: job.content_file_uid });
    const progress = (type: JobStateEvent, message: string) => pushJobState(app.redis, app.log, job.job_progress_uid, type, message, app.now());
    await progress('started', `transcribing with ${transcriber.name}`);
    let outcome: TranscriptOutcome;
    try {
      outcome = await transcribeContent(app, transcriber, job.content_file_uid, this.worker.signal);
    } catch (error) {
      if (this.worker.signal.aborted) {
        // Due again at once, for whichever instance polls first.
        await app.redis.zadd(TRANSCRIPT_QUEUE_KEY, app.now(), member);
        await progress('bounce', 'interrupted by a shutdown; queued again');
        return;
      }
      log.error({ err: error }, 'transcription failed unexpectedly');
      outcome = { ok: false, reason: `internal error while transcribing: ${(error as Error).message}` };
    }
    if (outcome.ok) {
      log.info({ transcriptUid: outcome.transcriptUid, already: outcome.already }, 'transcript job done');
      await progress('succeeded', outcome.already ? `already transcribed as ${outcome.transcriptUid}` : `transcribed as ${outcome.transcriptUid}`);
    } else {
      log.warn({ reason: outcome.reason }, 'transcript job failed');
      await progress('failed', outcome.reason);
    }
    await app.redis.zrem(TRANSCRIPT_QUEUE_KEY, member);
  }
}
