import { randomBytes } from 'node:crypto';
import type { TestServer } from '../support/server';

/** Media rows written straight into the tables (and bytes through the FileStore), for realization and serving tests. */

const uid = (prefix: string) => `oseh_${prefix}_${randomBytes(16).toString('base64url')}`;

async function storedFile(server: TestServer, bytes: Buffer, contentType: string): Promise<{ id: string; uid: string; key: string }> {
  const fileUid = uid('s3f');
  const key = `test/${fileUid}`;
  await server.app.files.put(key, bytes);
  const [row] = await server.sql<{ id: string }>(
    `INSERT INTO stored_files (uid, key, file_size, content_type, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id::text`,
    [fileUid, key, bytes.length, contentType, Date.now() / 1000],
  );
  return { id: row.id, uid: fileUid, key };
}

export interface ExportSpec {
  width: number;
  height: number;
  format: string;
  thumbhash: string;
  bytes?: Buffer;
}

export interface InsertedImage {
  uid: string;
  exports: (ExportSpec & { uid: string; bytes: Buffer })[];
}

/** An image file with the given exports, registered in `list` (none: in no list). */
export async function insertImage(server: TestServer, exports: ExportSpec[], list: string | null = 'image_interstitial'): Promise<InsertedImage> {
  const imageUid = uid('if');
  const [image] = await server.sql<{ id: string }>(
    `INSERT INTO image_files (uid, name, original_stored_file_id, original_sha512, original_width, original_height, created_at)
     VALUES ($1, 'test', NULL, $2, 2052, 1290, $3) RETURNING id::text`,
    [imageUid, randomBytes(64).toString('hex'), Date.now() / 1000],
  );
  const made: InsertedImage['exports'] = [];
  for (const e of exports) {
    const bytes = e.bytes ?? randomBytes(64 + made.length);
    const file = await storedFile(server, bytes, `image/${e.format}`);
    const exportUid = uid('ife');
    await server.sql(
      `INSERT INTO image_file_exports (uid, image_file_id, stored_file_id, width, height, left_cut_px, right_cut_px, top_cut_px, bottom_cut_px,
         format, quality_settings, thumbhash, created_at)
       VALUES ($1, $2, $3, $4, $5, 0, 0, 0, 0, $6, '{}', $7, $8)`,
      [exportUid, image.id, file.id, e.width, e.height, e.format, e.thumbhash, Date.now() / 1000],
    );
    made.push({ ...e, uid: exportUid, bytes });
  }
  if (list !== null) {
    await server.sql(
      `INSERT INTO client_flow_images (uid, list_slug, image_file_id, original_stored_file_id, original_sha512, uploaded_by_user_id, last_uploaded_at)
       VALUES ($1, $2, $3, NULL, $4, NULL, $5)`,
      [uid('cfi'), list, image.id, randomBytes(64).toString('hex'), Date.now() / 1000],
    );
  }
  return { uid: imageUid, exports: made };
}

export interface InsertedContent {
  uid: string;
  mp4: { exportUid: string; partUid: string; bytes: Buffer };
  hls: { exportUid: string; partUids: string[] } | null;
  transcriptUid: string | null;
}

/**
 * A content file with one single-part mp4 export (`bytes`), optionally an HLS export of two
 * parts and transcripts (the last given is the latest).
 */
export async function insertContent(
  server: TestServer,
  options: { bytes: Buffer; list?: string; hls?: boolean; transcripts?: { phrases: [number, number, string][]; createdAt: number }[] },
): Promise<InsertedContent> {
  const contentUid = uid('cf');
  const now = Date.now() / 1000;
  const [content] = await server.sql<{ id: string }>(
    `INSERT INTO content_files (uid, name, original_stored_file_id, original_sha512, duration_seconds, created_at)
     VALUES ($1, 'clip', NULL, $2, 3.5, $3) RETURNING id::text`,
    [contentUid, randomBytes(64).toString('hex'), now],
  );
  const addExport = async (format: string, bandwidth: number, codecs: string, formatParameters: object, parts: Buffer[]) => {
    const exportUid = uid('cfe');
    const [row] = await server.sql<{ id: string }>(
      `INSERT INTO content_file_exports (uid, content_file_id, format, format_parameters, bandwidth, codecs, target_duration, quality_parameters, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 2, '{}', $7) RETURNING id::text`,
      [exportUid, content.id, format, JSON.stringify(formatParameters), bandwidth, codecs, now],
    );
    const partUids: string[] = [];
    for (const [position, bytes] of parts.entries()) {
      const file = await storedFile(server, bytes, format === 'mp4' ? 'video/mp4' : 'video/mp2t');
      const partUid = uid('cfep');
      await server.sql(
        `INSERT INTO content_file_export_parts (uid, content_file_export_id, stored_file_id, position, duration_seconds, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [partUid, row.id, file.id, position, parts.length === 1 ? 3.5 : 1.75, now],
      );
      partUids.push(partUid);
    }
    return { exportUid, partUids };
  };
  const mp4 = await addExport('mp4', 128000, 'mp4a.40.2', {}, [options.bytes]);
  const hls = options.hls ? await addExport('m3u8', 900000, 'avc1.64001f,mp4a.40.2', { width: 640, height: 360 }, [randomBytes(40), randomBytes(41)]) : null;
  let transcriptUid: string | null = null;
  for (const t of options.transcripts ?? []) {
    transcriptUid = uid('t');
    const [tr] = await server.sql<{ id: string }>(
      `INSERT INTO transcripts (uid, source, created_at) VALUES ($1, '{"type":"test"}', $2) RETURNING id::text`,
      [transcriptUid, t.createdAt],
    );
    for (const [startsAt, endsAt, phrase] of t.phrases) {
      await server.sql(`INSERT INTO transcript_phrases (uid, transcript_id, starts_at, ends_at, phrase) VALUES ($1, $2, $3, $4, $5)`, [
        uid('tp'),
        tr.id,
        startsAt,
        endsAt,
        phrase,
      ]);
    }
    await server.sql(`INSERT INTO content_file_transcripts (uid, content_file_id, transcript_id, created_at) VALUES ($1, $2, $3, $4)`, [
      uid('cft'),
      content.id,
      tr.id,
      t.createdAt,
    ]);
  }
  await server.sql(
    `INSERT INTO client_flow_content_files (uid, list_slug, content_file_id, original_stored_file_id, original_sha512, uploaded_by_user_id, last_uploaded_at)
     VALUES ($1, $2, $3, NULL, $4, NULL, $5)`,
    [uid('cfcf'), options.list ?? 'audio_interstitial', content.id, randomBytes(64).toString('hex'), now],
  );
  return {
    uid: contentUid,
    mp4: { exportUid: mp4.exportUid, partUid: mp4.partUids[0], bytes: options.bytes },
    hls: hls === null ? null : { exportUid: hls.exportUid, partUids: hls.partUids },
    transcriptUid,
  };
}
