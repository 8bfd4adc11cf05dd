/**
 * Reads behind media realization and serving (screens-and-media.md §2.4-§2.5, §3.6) and the
 * save-time media checks (§1.6.2). Writes (uploads, processing) live with the upload code.
 */
import { isStorableText } from '../../domain/json';
import type { ContentExportRow, ImageExportRow, ThumbhashCandidate, TranscriptPhraseRow } from '../../domain/media';
import { textArrayParam, type Sql } from '../sql';

/** Stored bytes: where they are in the FileStore and how to serve them. */
export interface StoredFileRef {
  key: string;
  contentType: string;
  fileSize: number;
}

// Uids PostgreSQL cannot hold (U+0000) name nothing: such lookups find nothing.
const storable = (uids: readonly string[]) => uids.filter(isStorableText);

/** Every export of the image, for the thumbhash ranking; empty when the image does not exist. */
export async function imageThumbhashCandidates(sql: Sql, imageUid: string): Promise<ThumbhashCandidate[]> {
  if (!isStorableText(imageUid)) return [];
  return sql<ThumbhashCandidate>(
    `SELECT e.uid, e.width, e.height, e.format, e.thumbhash
       FROM image_file_exports e JOIN image_files f ON f.id = e.image_file_id
      WHERE f.uid = ?`,
    [imageUid],
  );
}

/** The playlist rows of an image. */
export async function imagePlaylistRows(sql: Sql, imageUid: string): Promise<ImageExportRow[]> {
  if (!isStorableText(imageUid)) return [];
  return sql<ImageExportRow>(
    `SELECT e.uid, e.format, e.width, e.height, s.file_size::float8 AS "sizeBytes", e.thumbhash
       FROM image_file_exports e
       JOIN image_files f ON f.id = e.image_file_id
       JOIN stored_files s ON s.id = e.stored_file_id
      WHERE f.uid = ?`,
    [imageUid],
  );
}

/** One export's bytes and the image it belongs to (the JWT's subject must be that image). */
export async function imageExportFile(sql: Sql, exportUid: string): Promise<(StoredFileRef & { imageUid: string }) | null> {
  if (!isStorableText(exportUid)) return null;
  const rows = await sql<StoredFileRef & { imageUid: string }>(
    `SELECT f.uid AS "imageUid", s.key, s.content_type AS "contentType", s.file_size::float8 AS "fileSize"
       FROM image_file_exports e
       JOIN image_files f ON f.id = e.image_file_id
       JOIN stored_files s ON s.id = e.stored_file_id
      WHERE e.uid = ?`,
    [exportUid],
  );
  return rows[0] ?? null;
}

/** "Latest" transcript of a content file: `content_file_transcripts.created_at DESC, uid ASC` (§2.4.2). */
const LATEST_TRANSCRIPT = `(SELECT t.uid FROM content_file_transcripts cft JOIN transcripts t ON t.id = cft.transcript_id
   WHERE cft.content_file_id = cf.id ORDER BY cft.created_at DESC, cft.uid ASC LIMIT 1)`;

/** Null when the content file does not exist. */
export async function contentWithTranscript(sql: Sql, contentUid: string): Promise<{ transcriptUid: string | null } | null> {
  if (!isStorableText(contentUid)) return null;
  const rows = await sql<{ transcriptUid: string | null }>(
    `SELECT ${LATEST_TRANSCRIPT} AS "transcriptUid" FROM content_files cf WHERE cf.uid = ?`,
    [contentUid],
  );
  return rows[0] ?? null;
}

/** One export (its own columns, uid as `exportUid`) joined with one of its parts. */
type ExportPartRow = Omit<ContentExportRow, 'uid' | 'fileSize' | 'parts'> & {
  exportUid: string;
  partUid: string;
  position: number;
  durationSeconds: number;
  /** The part's byte size. */
  fileSize: number;
};

/** Rows of exports joined with their parts, folded into one row per export (parts by position). */
function foldExports(rows: ExportPartRow[]): ContentExportRow[] {
  const byUid = new Map<string, ContentExportRow>();
  for (const r of rows) {
    let e = byUid.get(r.exportUid);
    if (!e) {
      e = {
        uid: r.exportUid,
        format: r.format,
        bandwidth: r.bandwidth,
        codecs: r.codecs,
        targetDuration: r.targetDuration,
        formatParameters: r.formatParameters,
        qualityParameters: r.qualityParameters,
        fileSize: 0,
        parts: [],
      };
      byUid.set(r.exportUid, e);
    }
    e.fileSize += r.fileSize;
    e.parts.push({ uid: r.partUid, position: r.position, durationSeconds: r.durationSeconds });
  }
  return [...byUid.values()];
}

const EXPORT_PART_COLUMNS = `e.uid AS "exportUid", e.format, e.bandwidth, e.codecs, e.target_duration AS "targetDuration",
  e.format_parameters AS "formatParameters", e.quality_parameters AS "qualityParameters", p.uid AS "partUid",
  p.position, p.duration_seconds AS "durationSeconds", s.file_size::float8 AS "fileSize"`;

/** A content file's exports with their parts; null when the content file does not exist. */
export async function contentExports(sql: Sql, contentUid: string): Promise<{ durationSeconds: number; exports: ContentExportRow[] } | null> {
  if (!isStorableText(contentUid)) return null;
  const files = await sql<{ durationSeconds: number }>(`SELECT duration_seconds AS "durationSeconds" FROM content_files WHERE uid = ?`, [contentUid]);
  if (files.length === 0) return null;
  const rows = await sql<ExportPartRow>(
    `SELECT ${EXPORT_PART_COLUMNS}
       FROM content_files cf
       JOIN content_file_exports e ON e.content_file_id = cf.id
       JOIN content_file_export_parts p ON p.content_file_export_id = e.id
       JOIN stored_files s ON s.id = p.stored_file_id
      WHERE cf.uid = ?
      ORDER BY e.uid, p.position`,
    [contentUid],
  );
  return { durationSeconds: files[0].durationSeconds, exports: foldExports(rows) };
}

/** One export with its parts, and the content file it belongs to. */
export async function contentExport(sql: Sql, exportUid: string): Promise<{ contentUid: string; export: ContentExportRow } | null> {
  if (!isStorableText(exportUid)) return null;
  const rows = await sql<ExportPartRow & { contentUid: string }>(
    `SELECT cf.uid AS "contentUid", ${EXPORT_PART_COLUMNS}
       FROM content_file_exports e
       JOIN content_files cf ON cf.id = e.content_file_id
       JOIN content_file_export_parts p ON p.content_file_export_id = e.id
       JOIN stored_files s ON s.id = p.stored_file_id
      WHERE e.uid = ?
      ORDER BY p.position`,
    [exportUid],
  );
  if (rows.length === 0) return null;
  return { contentUid: rows[0].contentUid, export: foldExports(rows)[0] };
}

/** One part's bytes and the content file it belongs to. */
export async function contentPartFile(sql: Sql, partUid: string): Promise<(StoredFileRef & { contentUid: string; exportFormat: string }) | null> {
  if (!isStorableText(partUid)) return null;
  const rows = await sql<StoredFileRef & { contentUid: string; exportFormat: string }>(
    `SELECT cf.uid AS "contentUid", e.format AS "exportFormat", s.key, s.content_type AS "contentType", s.file_size::float8 AS "fileSize"
       FROM content_file_export_parts p
       JOIN content_file_exports e ON e.id = p.content_file_export_id
       JOIN content_files cf ON cf.id = e.content_file_id
       JOIN stored_files s ON s.id = p.stored_file_id
      WHERE p.uid = ?`,
    [partUid],
  );
  return rows[0] ?? null;
}

/** Null when the transcript does not exist. */
export async function transcriptPhrases(sql: Sql, transcriptUid: string): Promise<TranscriptPhraseRow[] | null> {
  if (!isStorableText(transcriptUid)) return null;
  const found = await sql<{ id: string }>(`SELECT id::text AS id FROM transcripts WHERE uid = ?`, [transcriptUid]);
  if (found.length === 0) return null;
  return sql<TranscriptPhraseRow>(
    `SELECT starts_at AS "startsAt", ends_at AS "endsAt", phrase FROM transcript_phrases WHERE transcript_id = ?::bigint ORDER BY starts_at, uid`,
    [found[0].id],
  );
}

/** The lists each existing image (by `image_files.uid`) is registered in (possibly none); missing images are absent. */
export async function imageLists(sql: Sql, imageUids: readonly string[]): Promise<Map<string, Set<string>>> {
  return listsOf(
    sql,
    `SELECT f.uid, l.list_slug AS "listSlug" FROM image_files f LEFT JOIN client_flow_images l ON l.image_file_id = f.id WHERE f.uid = ANY(?::text[])`,
    imageUids,
  );
}

/** The lists each content file (by `content_files.uid`) is registered in. */
export async function contentLists(sql: Sql, contentUids: readonly string[]): Promise<Map<string, Set<string>>> {
  return listsOf(
    sql,
    `SELECT f.uid, l.list_slug AS "listSlug" FROM content_files f LEFT JOIN client_flow_content_files l ON l.content_file_id = f.id WHERE f.uid = ANY(?::text[])`,
    contentUids,
  );
}

async function listsOf(sql: Sql, statement: string, uids: readonly string[]): Promise<Map<string, Set<string>>> {
  const wanted = storable(uids);
  const found = new Map<string, Set<string>>();
  if (wanted.length === 0) return found;
  for (const row of await sql<{ uid: string; listSlug: string | null }>(statement, [textArrayParam(wanted)])) {
    let lists = found.get(row.uid);
    if (!lists) found.set(row.uid, (lists = new Set()));
    if (row.listSlug !== null) lists.add(row.listSlug);
  }
  return found;
}
