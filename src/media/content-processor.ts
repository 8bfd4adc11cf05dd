import { upsertStoredFile } from '../db/repositories/media-upload.repository';
import { findContentBySha, insertPassthroughContent, registerInList } from '../db/repositories/media-assets.repository';
import { looksLikeMp4, mp4DurationSeconds } from '../domain/media/mp4';
import type { ContentProcessor } from '../domain/media/processors';
import { newUid } from '../lib/ids';
import type { AppContext } from '../services/app-context';
import { inTransaction } from '../services/transaction';
import { processContentLadder } from './content-ladder';
import { storeOriginal, type ProcessingInput, type ProcessingOutcome } from './processing';

/**
 * Content processing (screens-and-media.md §3.5.4, §3.7 item 2): the ffmpeg ladder when
 * `FFMPEG_PATH` is configured, else the passthrough. Either way a processed file gets a
 * transcript job when a transcriber is registered (§3.5.5); a file already transcribed finishes
 * that job at once.
 */
export async function processContent(app: AppContext, processor: ContentProcessor, input: ProcessingInput): Promise<ProcessingOutcome> {
  const tools = app.config.ffmpeg;
  const outcome = tools === null ? await processPassthroughContent(app, processor, input) : await processContentLadder(app, processor, input, tools);
  if (outcome.ok && app.transcriptJobs.enabled) await app.transcriptJobs.spawn(outcome.fileUid, input.progressUid ?? null);
  return outcome;
}

/**
 * The passthrough content processor (§3.7 item 2): an mp4/m4a source with a readable duration
 * becomes a content file whose single `mp4` export (one part) is the original itself. No
 * transcoding, so codecs are the usual AAC / H.264 profile strings rather than probed.
 */
export async function processPassthroughContent(app: AppContext, processor: ContentProcessor, input: ProcessingInput): Promise<ProcessingOutcome> {
  if (!looksLikeMp4(input.bytes)) return { ok: false, reason: 'not an mp4 or m4a file (no ftyp box)' };
  const duration = mp4DurationSeconds(input.bytes);
  if (duration === null || !(duration > 0)) return { ok: false, reason: 'mp4 has no readable duration (truncated or missing moov/mvhd)' };
  const listSlug = processor.listSlug();
  const original = await storeOriginal(app, input);
  try {
    const outcome = await inTransaction(app.db, async ({ sql }) => {
      const now = app.now();
      const storedFileId = await upsertStoredFile(sql, { key: original.key, size: input.bytes.length, contentType: processor.media === 'audio' ? 'audio/mp4' : 'video/mp4', now });
      const existing = await findContentBySha(sql, input.sha512);
      const uid = existing?.uid ?? newUid('cf');
      const fileId =
        existing?.id ??
        (await insertPassthroughContent(sql, {
          uid, name: input.name, storedFileId, sha512: input.sha512, durationSeconds: duration, now,
          export: {
            format: 'mp4',
            formatParameters: {},
            bandwidth: Math.ceil((input.bytes.length * 8) / duration),
            codecs: processor.media === 'audio' ? 'mp4a.40.2' : 'avc1.640028,mp4a.40.2',
            qualityParameters: { passthrough: true },
          },
        }));
      const listRow = await registerInList(sql, 'client_flow_content_files', {
        listSlug, fileId, originalStoredFileId: storedFileId, originalSha512: input.uploadSha512, uploadedBySub: input.uploadedBySub, now,
      });
      return { ok: true as const, fileUid: uid, listSlug, listRow, exportsAdded: existing ? 0 : 1 };
    });
    return outcome;
  } catch (error) {
    await Promise.all(original.newKeys.map((key) => app.files.delete(key)));
    throw error;
  }
}
