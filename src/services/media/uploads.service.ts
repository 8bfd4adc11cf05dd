import { randomBytes } from 'node:crypto';
import {
  attachPart, completeIfFull, findPart, insertUpload, lockUpload, upsertStoredFile,
} from '../../db/repositories/media-upload.repository';
import type { JsonObject } from '../../domain/json';
import { checkUploadRequest, type ProcessorKind, type UploadIssue } from '../../domain/media/processors';
import { partLayout, partsToWire, type WirePart } from '../../domain/media/upload-parts';
import { newUid } from '../../lib/ids';
import { signHs256, verifyHs256 } from '../../lib/jwt';
import { pushProgress, spawningProgress } from '../../media/progress';
import type { AppContext } from '../app-context';
import { inTransaction } from '../transaction';

/** The upload protocol (screens-and-media.md §3.4): start, parts, completion. */

export const UPLOAD_LIFETIME_SECONDS = 3600;
/** The progress token outlives the upload by the processing allowance (§2.6: 5400 s). */
export const PROGRESS_LIFETIME_SECONDS = UPLOAD_LIFETIME_SECONDS + 1800;
export const UPLOAD_AUDIENCE = 'oseh-file-upload';
export const PROGRESS_AUDIENCE = 'oseh-job-progress';
/** The generic failure job: deletes the upload's parts and rows. */
export const DELETE_UPLOAD_JOB = 'runners.delete_file_upload';
/** Parts being written are registered here (key → deadline), so a crash leaves a sweepable record. */
export const PURGATORY_KEY = 'files:purgatory';

export interface StartedUpload {
  uid: string;
  jwt: string;
  parts: WirePart[];
  progress: { uid: string; jwt: string };
}

export type StartUploadOutcome = { ok: true; value: StartedUpload } | { ok: false; status: 413 | 422; issues: UploadIssue[] };

/** Keys sorted, as the reference stores job kwargs. */
function sortedObject(value: Record<string, unknown>): JsonObject {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) as JsonObject;
}

/**
 * Starts an upload for a client-flow media processor (§3.3.1-§3.3.2): validates the body against
 * the registry, creates the upload and its parts atomically, and pushes the `queued` event.
 */
export async function startMediaUpload(
  app: AppContext,
  input: { kind: ProcessorKind; body: Record<string, unknown>; adminSub: string },
): Promise<StartUploadOutcome> {
  const check = checkUploadRequest(input.kind, input.body);
  if (!check.ok) return check;
  const { processor, fileSize, dynamicSize } = check.value;
  const now = app.now();
  const uid = newUid('s3fu');
  const progressUid = newUid('jp');
  const parts = partLayout(fileSize);
  await inTransaction(app.db, async (scope) => {
    await insertUpload(
      scope.sql,
      {
        uid,
        successJobName: processor.id,
        successJobKwargs: sortedObject({
          uploaded_by_user_sub: input.adminSub,
          job_progress_uid: progressUid,
          dynamic_size: dynamicSize ?? undefined,
          file_upload_uid: uid,
        }),
        failureJobName: DELETE_UPLOAD_JOB,
        failureJobKwargs: { file_upload_uid: uid },
        jobProgressUid: progressUid,
        now,
        expiresAt: now + UPLOAD_LIFETIME_SECONDS,
      },
      parts,
    );
    scope.afterCommit(() =>
      pushProgress(app.redis, app.log, progressUid, { type: 'queued', message: 'waiting for the file to be uploaded', indicator: { type: 'spinner' } }, app.now()),
    );
  });
  const secrets = app.config.secrets;
  return {
    ok: true,
    value: {
      uid,
      jwt: await signHs256(secrets.fileUploadJwt, { audience: UPLOAD_AUDIENCE, subject: uid, lifetimeSeconds: UPLOAD_LIFETIME_SECONDS, now }),
      parts: partsToWire(parts),
      progress: {
        uid: progressUid,
        jwt: await signHs256(secrets.progressJwt, { audience: PROGRESS_AUDIENCE, subject: progressUid, lifetimeSeconds: PROGRESS_LIFETIME_SECONDS, now }),
      },
    },
  };
}

/** True when `token` is a progress JWT for `progressUid` or for the job that spawned it. */
export async function canReadProgress(app: AppContext, progressUid: string, token: string): Promise<boolean> {
  const verified = await verifyHs256(app.config.secrets.progressJwt, token, { audience: PROGRESS_AUDIENCE, requiredClaims: ['sub', 'iss', 'exp', 'aud', 'iat'], now: app.now() });
  if (!verified.ok) return false;
  if (verified.payload.sub === progressUid) return true;
  // A job spawned by the token's job (a transcript after processing) is followed with the same token.
  return (await spawningProgress(app.redis, progressUid)) === verified.payload.sub;
}

export type UploadPartOutcome =
  | { ok: true; done: boolean }
  | { ok: false; status: 403; type: 'invalid' }
  | { ok: false; status: 404; type: 'upload_aborted_or_completed' | 'part_does_not_exist' }
  | { ok: false; status: 409; type: 'part_already_uploaded' | 'part_does_not_match'; message: string };

const ERROR_MESSAGES = {
  upload_aborted_or_completed: 'The upload was aborted, has expired, or is already complete',
  part_does_not_exist: 'There is no such part in this upload',
  part_already_uploaded: 'This part has already been uploaded',
} as const;

export function uploadErrorMessage(outcome: Exclude<UploadPartOutcome, { ok: true } | { status: 403 }>): string {
  return 'message' in outcome ? outcome.message : ERROR_MESSAGES[outcome.type];
}

/**
 * Stores one part (§3.4 step 2), in the spec's order of checks. The bytes are written before the
 * transaction; attaching them and completing the upload happen in one short transaction that
 * locks the upload row, so exactly one request attaches a part and exactly one completes the
 * upload (which wakes the processing worker once).
 */
export async function uploadPart(
  app: AppContext,
  input: { uid: string; partNumber: number; token: string; data: Buffer },
): Promise<UploadPartOutcome> {
  const verified = await verifyHs256(app.config.secrets.fileUploadJwt, input.token, {
    audience: UPLOAD_AUDIENCE, requiredClaims: ['sub', 'iss', 'exp', 'aud', 'iat'], now: app.now(),
  });
  if (!verified.ok || verified.payload.sub !== input.uid) return { ok: false, status: 403, type: 'invalid' };

  const precheck = await inTransaction(app.db, async ({ sql }) => checkPart(sql, input, app.now()));
  if (!precheck.ok) return precheck.outcome;

  const key = `s3_files/uploads/${input.uid}/${input.partNumber}/${randomBytes(12).toString('base64url')}`;
  await app.redis.zadd(PURGATORY_KEY, app.now() + 600, key).catch((error) => app.log.warn({ err: error }, 'upload: purgatory registration failed'));
  await app.files.put(key, input.data, 'application/octet-stream');
  let outcome: UploadPartOutcome;
  try {
    outcome = await inTransaction(app.db, async (scope) => {
      const now = app.now();
      const check = await checkPart(scope.sql, input, now);
      if (!check.ok) return check.outcome;
      const fileId = await upsertStoredFile(scope.sql, { key, size: input.data.length, contentType: 'application/octet-stream', now });
      if (!(await attachPart(scope.sql, check.partId, fileId))) throw new Error('part attached under lock by another request');
      const done = await completeIfFull(scope.sql, check.uploadId, now);
      if (done) scope.afterCommit(() => app.mediaJobs.wake());
      return { ok: true as const, done };
    });
  } catch (error) {
    await app.files.delete(key);
    throw error;
  }
  if (!outcome.ok) await app.files.delete(key);
  await app.redis.zrem(PURGATORY_KEY, key).catch(() => {});
  return outcome;
}

type PartCheck = { ok: true; uploadId: string; partId: string } | { ok: false; outcome: Exclude<UploadPartOutcome, { ok: true }> };

async function checkPart(sql: Parameters<typeof lockUpload>[0], input: { uid: string; partNumber: number; data: Buffer }, now: number): Promise<PartCheck> {
  const upload = await lockUpload(sql, input.uid);
  if (upload === null || upload.completed_at !== null || upload.expires_at < now) {
    return { ok: false, outcome: { ok: false, status: 404, type: 'upload_aborted_or_completed' } };
  }
  const part = await findPart(sql, upload.id, input.partNumber);
  if (part === null) return { ok: false, outcome: { ok: false, status: 404, type: 'part_does_not_exist' } };
  if (part.stored_file_id !== null) return { ok: false, outcome: { ok: false, status: 409, type: 'part_already_uploaded', message: ERROR_MESSAGES.part_already_uploaded } };
  const expected = Number(part.end_byte) - Number(part.start_byte);
  if (input.data.length !== expected) {
    return {
      ok: false,
      outcome: {
        ok: false, status: 409, type: 'part_does_not_match',
        message: `part ${part.part_number} covers bytes [${part.start_byte}, ${part.end_byte}): expected ${expected} bytes, got ${input.data.length}`,
      },
    };
  }
  return { ok: true, uploadId: upload.id, partId: part.id };
}
