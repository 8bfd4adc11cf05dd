import type { JsonObject } from '../../domain/json';
import { storedLadderKey } from '../../domain/media/content-ladder';
import { newUid } from '../../lib/ids';
import { jsonParam, type Sql } from '../sql';

/** Image and content files, their exports, and the two client-flow lists (§3.1-§3.2), in raw SQL. */

export interface ExistingImage {
  id: string;
  uid: string;
  /** `format@WxH` of every export it has. */
  exports: Set<string>;
}

export const exportKey = (format: string, width: number, height: number) => `${format}@${width}x${height}`;

export async function findImageBySha(sql: Sql, sha512: string): Promise<ExistingImage | null> {
  const rows = await sql<{ id: string; uid: string; format: string | null; width: number | null; height: number | null }>(
    `SELECT i.id, i.uid, e.format, e.width, e.height FROM image_files i LEFT JOIN image_file_exports e ON e.image_file_id = i.id WHERE i.original_sha512 = ?`,
    [sha512],
  );
  if (rows.length === 0) return null;
  const exportKeys = new Set(rows.filter((r) => r.format !== null).map((r) => exportKey(r.format!, r.width!, r.height!)));
  return { id: rows[0].id, uid: rows[0].uid, exports: exportKeys };
}

export async function insertImageFile(
  sql: Sql,
  image: { uid: string; name: string; originalStoredFileId: string; sha512: string; width: number; height: number; now: number },
): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO image_files (uid, name, original_stored_file_id, original_sha512, original_width, original_height, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [image.uid, image.name, image.originalStoredFileId, image.sha512, image.width, image.height, image.now],
  );
  return row.id;
}

export interface NewImageExport {
  uid: string;
  storedFileId: string;
  width: number;
  height: number;
  crop: { left: number; right: number; top: number; bottom: number };
  format: string;
  qualitySettings: JsonObject;
  thumbhash: string;
}

export async function insertImageExport(sql: Sql, imageFileId: string, e: NewImageExport, now: number): Promise<void> {
  await sql(
    `INSERT INTO image_file_exports (uid, image_file_id, stored_file_id, width, height, left_cut_px, right_cut_px, top_cut_px, bottom_cut_px, format, quality_settings, thumbhash, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
    [e.uid, imageFileId, e.storedFileId, e.width, e.height, e.crop.left, e.crop.right, e.crop.top, e.crop.bottom, e.format, jsonParam(e.qualitySettings), e.thumbhash, now],
  );
}

/** The list row's fields; `table` picks images or content. */
interface ListEntry {
  listSlug: string;
  fileId: string;
  originalStoredFileId: string | null;
  originalSha512: string;
  uploadedBySub: string | null;
  now: number;
}

/**
 * §3.5.1 step 8: insert the list row, or when `(file, list)` is already there touch only its
 * `last_uploaded_at`. Exactly one of the two happens; returns which.
 */
export async function registerInList(sql: Sql, table: 'client_flow_images' | 'client_flow_content_files', entry: ListEntry): Promise<'inserted' | 'touched'> {
  const fileColumn = table === 'client_flow_images' ? 'image_file_id' : 'content_file_id';
  const prefix = table === 'client_flow_images' ? 'cfi' : 'cfcf';
  const [row] = await sql<{ inserted: boolean }>(
    `INSERT INTO ${table} (uid, list_slug, ${fileColumn}, original_stored_file_id, original_sha512, uploaded_by_user_id, last_uploaded_at)
     VALUES (?, ?, ?, ?, ?, (SELECT id FROM users WHERE sub = ?), ?)
     ON CONFLICT (${fileColumn}, list_slug) DO UPDATE SET last_uploaded_at = EXCLUDED.last_uploaded_at
     RETURNING (xmax = 0) AS inserted`,
    [newUid(prefix), entry.listSlug, entry.fileId, entry.originalStoredFileId, entry.originalSha512, entry.uploadedBySub, entry.now],
  );
  return row.inserted ? 'inserted' : 'touched';
}

export async function findContentBySha(sql: Sql, sha512: string): Promise<{ id: string; uid: string } | null> {
  const rows = await sql<{ id: string; uid: string }>(`SELECT id, uid FROM content_files WHERE original_sha512 = ?`, [sha512]);
  return rows[0] ?? null;
}

/** A known content file and the ladder keys (`storedLadderKey`) of the exports it has. */
export async function findContentWithExports(sql: Sql, sha512: string): Promise<{ id: string; uid: string; exportKeys: Set<string> } | null> {
  const rows = await sql<{ id: string; uid: string; format: string | null; qualityParameters: JsonObject | null }>(
    `SELECT f.id, f.uid, e.format, e.quality_parameters AS "qualityParameters"
       FROM content_files f LEFT JOIN content_file_exports e ON e.content_file_id = f.id
      WHERE f.original_sha512 = ?`,
    [sha512],
  );
  if (rows.length === 0) return null;
  const exportKeys = new Set<string>();
  for (const r of rows) {
    const key = r.format === null ? null : storedLadderKey({ format: r.format, qualityParameters: r.qualityParameters });
    if (key !== null) exportKeys.add(key);
  }
  return { id: rows[0].id, uid: rows[0].uid, exportKeys };
}

export async function insertContentFile(
  sql: Sql,
  content: { uid: string; name: string; storedFileId: string; sha512: string; durationSeconds: number; now: number },
): Promise<string> {
  const [file] = await sql<{ id: string }>(
    `INSERT INTO content_files (uid, name, original_stored_file_id, original_sha512, duration_seconds, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
    [content.uid, content.name, content.storedFileId, content.sha512, content.durationSeconds, content.now],
  );
  return file.id;
}

export interface NewContentExport {
  uid: string;
  format: string;
  formatParameters: JsonObject;
  bandwidth: number;
  codecs: string;
  targetDuration: number;
  qualityParameters: JsonObject;
}

export async function insertContentExport(sql: Sql, contentFileId: string, e: NewContentExport, now: number): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO content_file_exports (uid, content_file_id, format, format_parameters, bandwidth, codecs, target_duration, quality_parameters, created_at)
     VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?) RETURNING id`,
    [e.uid, contentFileId, e.format, jsonParam(e.formatParameters), e.bandwidth, e.codecs, e.targetDuration, jsonParam(e.qualityParameters), now],
  );
  return row.id;
}

export async function insertContentExportPart(
  sql: Sql,
  exportId: string,
  part: { uid: string; storedFileId: string; position: number; durationSeconds: number },
  now: number,
): Promise<void> {
  await sql(
    `INSERT INTO content_file_export_parts (uid, content_file_export_id, stored_file_id, position, duration_seconds, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    [part.uid, exportId, part.storedFileId, part.position, part.durationSeconds, now],
  );
}

/** A content file with one single-part export (the passthrough processor). */
export async function insertPassthroughContent(
  sql: Sql,
  content: {
    uid: string; name: string; storedFileId: string; sha512: string; durationSeconds: number; now: number;
    export: { format: string; formatParameters: JsonObject; bandwidth: number; codecs: string; qualityParameters: JsonObject };
  },
): Promise<string> {
  const fileId = await insertContentFile(sql, content);
  const exportId = await insertContentExport(sql, fileId, { uid: newUid('cfe'), ...content.export, targetDuration: Math.ceil(content.durationSeconds) }, content.now);
  await insertContentExportPart(sql, exportId, { uid: newUid('cfep'), storedFileId: content.storedFileId, position: 0, durationSeconds: content.durationSeconds }, content.now);
  return fileId;
}
