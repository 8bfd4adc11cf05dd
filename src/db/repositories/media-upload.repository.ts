import type { JsonObject } from '../../domain/json';
import type { UploadPart } from '../../domain/media/upload-parts';
import { newUid } from '../../lib/ids';
import { jsonParam, type Sql } from '../sql';

/** The upload tables (screens-and-media.md §3.4) and stored files, in raw SQL. */

export interface FileUploadRow {
  id: string;
  uid: string;
  success_job_name: string;
  success_job_kwargs: JsonObject;
  job_progress_uid: string | null;
  created_at: number;
  completed_at: number | null;
  processing_started_at: number | null;
  expires_at: number;
}

export interface UploadPartRow {
  id: string;
  part_number: number;
  start_byte: string;
  end_byte: string;
  stored_file_id: string | null;
  key: string | null;
}

export async function insertUpload(
  sql: Sql,
  upload: { uid: string; successJobName: string; successJobKwargs: JsonObject; failureJobName: string; failureJobKwargs: JsonObject; jobProgressUid: string; now: number; expiresAt: number },
  parts: readonly UploadPart[],
): Promise<void> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO file_uploads (uid, success_job_name, success_job_kwargs, failure_job_name, failure_job_kwargs, job_progress_uid, created_at, expires_at)
     VALUES (?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?) RETURNING id`,
    [upload.uid, upload.successJobName, jsonParam(upload.successJobKwargs), upload.failureJobName, jsonParam(upload.failureJobKwargs), upload.jobProgressUid, upload.now, upload.expiresAt],
  );
  // One statement for every part: a 4 GiB upload has 4096 of them.
  await sql(
    `INSERT INTO file_upload_parts (uid, file_upload_id, part_number, start_byte, end_byte)
     SELECT u, ?, n, s, e FROM unnest(?::text[], ?::int[], ?::bigint[], ?::bigint[]) AS t(u, n, s, e)`,
    [row.id, `{${parts.map(() => newUid('s3fup')).join(',')}}`, `{${parts.map((p) => p.number).join(',')}}`, `{${parts.map((p) => p.startByte).join(',')}}`, `{${parts.map((p) => p.endByte).join(',')}}`],
  );
}

/** The upload, locked for the rest of the transaction (part attachments per upload serialize). */
export async function lockUpload(sql: Sql, uid: string): Promise<FileUploadRow | null> {
  const rows = await sql<FileUploadRow>(`SELECT * FROM file_uploads WHERE uid = ? FOR UPDATE`, [uid]);
  return rows[0] ?? null;
}

export async function findUpload(sql: Sql, uid: string): Promise<FileUploadRow | null> {
  const rows = await sql<FileUploadRow>(`SELECT * FROM file_uploads WHERE uid = ?`, [uid]);
  return rows[0] ?? null;
}

export async function findPart(sql: Sql, uploadId: string, partNumber: number): Promise<UploadPartRow | null> {
  const rows = await sql<UploadPartRow>(
    `SELECT p.id, p.part_number, p.start_byte, p.end_byte, p.stored_file_id, f.key FROM file_upload_parts p LEFT JOIN stored_files f ON f.id = p.stored_file_id
     WHERE p.file_upload_id = ? AND p.part_number = ?`,
    [uploadId, partNumber],
  );
  return rows[0] ?? null;
}

export async function listParts(sql: Sql, uploadId: string): Promise<UploadPartRow[]> {
  return sql<UploadPartRow>(
    `SELECT p.id, p.part_number, p.start_byte, p.end_byte, p.stored_file_id, f.key FROM file_upload_parts p LEFT JOIN stored_files f ON f.id = p.stored_file_id
     WHERE p.file_upload_id = ? ORDER BY p.part_number`,
    [uploadId],
  );
}

/** Inserts a stored file row (or finds the one with that key) and returns its id. */
export async function upsertStoredFile(sql: Sql, file: { key: string; size: number; contentType: string; now: number }): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO stored_files (uid, key, file_size, content_type, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key RETURNING id`,
    [newUid('s3f'), file.key, file.size, file.contentType, file.now],
  );
  return row.id;
}

/** Attaches the stored file only if the part is still empty; false when another request won. */
export async function attachPart(sql: Sql, partId: string, storedFileId: string): Promise<boolean> {
  const rows = await sql(`UPDATE file_upload_parts SET stored_file_id = ? WHERE id = ? AND stored_file_id IS NULL RETURNING id`, [storedFileId, partId]);
  return rows.length === 1;
}

/** Marks the upload complete when no part is empty and it was not complete; true for the one winner. */
export async function completeIfFull(sql: Sql, uploadId: string, now: number): Promise<boolean> {
  const rows = await sql(
    `UPDATE file_uploads SET completed_at = ? WHERE id = ? AND completed_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM file_upload_parts WHERE file_upload_id = ? AND stored_file_id IS NULL) RETURNING id`,
    [now, uploadId, uploadId],
  );
  return rows.length === 1;
}

/** Claims the oldest completed, unclaimed upload for processing (skipping rows other workers hold). */
export async function claimCompletedUpload(sql: Sql, now: number): Promise<FileUploadRow | null> {
  const rows = await sql<FileUploadRow>(
    `UPDATE file_uploads SET processing_started_at = ? WHERE id = (
       SELECT id FROM file_uploads WHERE completed_at IS NOT NULL AND processing_started_at IS NULL
       ORDER BY completed_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING *`,
    [now],
  );
  return rows[0] ?? null;
}

/** Puts a claimed upload back in the queue (an interrupted job "bounces"). */
export async function releaseUpload(sql: Sql, uploadId: string): Promise<void> {
  await sql(`UPDATE file_uploads SET processing_started_at = NULL WHERE id = ?`, [uploadId]);
}

/** Deletes the upload, its parts and their stored file rows; returns the keys to delete from the store. */
export async function deleteUpload(sql: Sql, uploadId: string): Promise<string[]> {
  const files = await sql<{ id: string; key: string }>(
    `SELECT f.id, f.key FROM file_upload_parts p JOIN stored_files f ON f.id = p.stored_file_id WHERE p.file_upload_id = ?`,
    [uploadId],
  );
  await sql(`DELETE FROM file_uploads WHERE id = ?`, [uploadId]);
  if (files.length > 0) await sql(`DELETE FROM stored_files WHERE id = ANY(?::bigint[])`, [`{${files.map((f) => f.id).join(',')}}`]);
  return files.map((f) => f.key);
}

/** Incomplete uploads past their expiry (the expiry sweep handles only these, §3.4 step 4). */
export async function expiredIncompleteUploads(sql: Sql, now: number, limit: number): Promise<FileUploadRow[]> {
  return sql<FileUploadRow>(`SELECT * FROM file_uploads WHERE completed_at IS NULL AND expires_at < ? ORDER BY expires_at LIMIT ?`, [now, limit]);
}

/** Completed uploads whose processing started before `before` (the processing timeout). */
export async function stalledUploads(sql: Sql, before: number, limit: number): Promise<FileUploadRow[]> {
  return sql<FileUploadRow>(
    `SELECT * FROM file_uploads WHERE completed_at IS NOT NULL AND processing_started_at < ? ORDER BY processing_started_at LIMIT ?`,
    [before, limit],
  );
}

/**
 * The row of an upload part file that a request registered in the purgatory but never cleared
 * (§3.4 step 5): deleted unless a part holds it. `attached` means the request committed and only
 * its purgatory entry was left behind, so the bytes must stay.
 */
export async function releaseStrayPartFile(sql: Sql, key: string): Promise<'attached' | 'released'> {
  const rows = await sql<{ id: string; attached: boolean }>(
    `SELECT f.id, EXISTS (SELECT 1 FROM file_upload_parts p WHERE p.stored_file_id = f.id) AS attached FROM stored_files f WHERE f.key = ? FOR UPDATE`,
    [key],
  );
  if (rows.length === 0) return 'released';
  if (rows[0].attached) return 'attached';
  await sql(`DELETE FROM stored_files WHERE id = ?`, [rows[0].id]);
  return 'released';
}
