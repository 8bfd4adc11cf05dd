import type { Transcription } from '../../domain/media/transcription';
import { newUid } from '../../lib/ids';
import { jsonParam, type Sql } from '../sql';

/** Transcripts of content files (screens-and-media.md §3.1, §3.5.5) in raw SQL. */

export interface ContentToTranscribe {
  id: string;
  durationSeconds: number;
  /** The latest transcript's uid, when the content file has one. */
  transcriptUid: string | null;
  /** The stored upload and the hash it must have; null when the original is gone. */
  original: { key: string; sha512: string } | null;
  /** The highest-bandwidth mp4 export's single part (the fallback source) and its content type. */
  bestMp4: { key: string; contentType: string } | null;
}

/** What transcription needs of a content file; null when it does not exist. */
export async function contentToTranscribe(sql: Sql, contentUid: string): Promise<ContentToTranscribe | null> {
  const rows = await sql<{ id: string; durationSeconds: number; transcriptUid: string | null; originalKey: string | null; sha512: string; bestMp4: { key: string; contentType: string } | null }>(
    `SELECT cf.id, cf.duration_seconds AS "durationSeconds", cf.original_sha512 AS sha512, s.key AS "originalKey",
            (SELECT t.uid FROM content_file_transcripts cft JOIN transcripts t ON t.id = cft.transcript_id
              WHERE cft.content_file_id = cf.id ORDER BY cft.created_at DESC, cft.uid ASC LIMIT 1) AS "transcriptUid",
            (SELECT json_build_object('key', ps.key, 'contentType', ps.content_type) FROM content_file_exports e
               JOIN content_file_export_parts p ON p.content_file_export_id = e.id AND p.position = 0
               JOIN stored_files ps ON ps.id = p.stored_file_id
              WHERE e.content_file_id = cf.id AND e.format = 'mp4'
              ORDER BY e.bandwidth DESC, e.uid ASC LIMIT 1) AS "bestMp4"
       FROM content_files cf LEFT JOIN stored_files s ON s.id = cf.original_stored_file_id
      WHERE cf.uid = ?`,
    [contentUid],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    id: row.id,
    durationSeconds: row.durationSeconds,
    transcriptUid: row.transcriptUid,
    original: row.originalKey === null ? null : { key: row.originalKey, sha512: row.sha512 },
    bestMp4: row.bestMp4,
  };
}

/**
 * Stores a transcript with its phrases and links it to the content file, unless the content file
 * got one meanwhile: the content row is locked first, so concurrent runs store exactly one.
 * Returns the transcript uid and whether this call stored it; null when the content file is gone.
 */
export async function storeTranscript(
  sql: Sql,
  contentFileId: string,
  transcription: Transcription,
  now: number,
): Promise<{ transcriptUid: string; stored: boolean } | null> {
  const locked = await sql<{ id: string }>(`SELECT id FROM content_files WHERE id = ? FOR UPDATE`, [contentFileId]);
  if (locked.length === 0) return null;
  const existing = await sql<{ uid: string }>(
    `SELECT t.uid FROM content_file_transcripts cft JOIN transcripts t ON t.id = cft.transcript_id
      WHERE cft.content_file_id = ? ORDER BY cft.created_at DESC, cft.uid ASC LIMIT 1`,
    [contentFileId],
  );
  if (existing.length > 0) return { transcriptUid: existing[0].uid, stored: false };
  const transcriptUid = newUid('t');
  const [transcript] = await sql<{ id: string }>(
    `INSERT INTO transcripts (uid, source, created_at) VALUES (?, ?::jsonb, ?) RETURNING id`,
    [transcriptUid, jsonParam(transcription.source), now],
  );
  // One statement for every phrase: a long talk has hundreds.
  const phrases = transcription.phrases.map((p) => ({ uid: newUid('tp'), starts_at: p.startsAt, ends_at: p.endsAt, phrase: p.phrase }));
  await sql(
    `INSERT INTO transcript_phrases (uid, transcript_id, starts_at, ends_at, phrase)
     SELECT r.uid, ?, r.starts_at, r.ends_at, r.phrase
       FROM jsonb_to_recordset(?::jsonb) AS r(uid text, starts_at double precision, ends_at double precision, phrase text)`,
    [transcript.id, jsonParam(phrases)],
  );
  await sql(`INSERT INTO content_file_transcripts (uid, content_file_id, transcript_id, created_at) VALUES (?, ?, ?, ?)`, [
    newUid('cft'), contentFileId, transcript.id, now,
  ]);
  return { transcriptUid, stored: true };
}
