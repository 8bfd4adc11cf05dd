import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { contentToTranscribe, storeTranscript, type ContentToTranscribe } from '../db/repositories/transcripts.repository';
import { checkTranscription } from '../domain/media/transcription';
import type { AppContext } from '../services/app-context';
import { inTransaction, withReadConnection } from '../services/transaction';
import { probeMedia, runFfmpeg, ToolFailure } from './ffmpeg';
import type { Transcriber } from './transcriber';

/**
 * One transcript job (screens-and-media.md §3.5.5): done at once when the content file already
 * has a transcript; otherwise the original upload (its sha512 verified) or, when that is gone or
 * altered, the best mp4 export is handed to the registered transcriber — converted to AAC 16 kHz
 * mono 128 kbps first when ffmpeg is configured — and the checked result stored.
 */

export type TranscriptOutcome = { ok: true; transcriptUid: string; already: boolean } | { ok: false; reason: string };

/** Copies a stored object to `file`, returning its sha512 (hex); null when it is not in the store. */
async function download(app: AppContext, key: string, file: string): Promise<string | null> {
  const stored = await app.files.get(key);
  if (stored === null) return null;
  const hash = createHash('sha512');
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(stored.body, tee, createWriteStream(file));
  return hash.digest('hex');
}

/** The audio source in `file`: the verified original, else the best mp4 export; null when neither is stored. */
async function fetchSource(app: AppContext, content: ContentToTranscribe, file: string, contentUid: string): Promise<'original' | 'mp4' | null> {
  if (content.original !== null) {
    const sha = await download(app, content.original.key, file);
    if (sha === content.original.sha512) return 'original';
    if (sha !== null) app.log.warn({ contentUid, key: content.original.key }, 'transcription: the stored original does not match its sha512; using the best mp4 export');
  }
  if (content.bestMp4 !== null && (await download(app, content.bestMp4.key, file)) !== null) return 'mp4';
  return null;
}

export async function transcribeContent(app: AppContext, transcriber: Transcriber, contentUid: string, signal: AbortSignal): Promise<TranscriptOutcome> {
  const content = await withReadConnection(app.db, (sql) => contentToTranscribe(sql, contentUid));
  if (content === null) return { ok: false, reason: `content file ${contentUid} does not exist` };
  if (content.transcriptUid !== null) return { ok: true, transcriptUid: content.transcriptUid, already: true };

  const work = await mkdtemp(path.join(tmpdir(), 'clientflows-transcript-'));
  try {
    const source = path.join(work, 'source');
    const fetched = await fetchSource(app, content, source, contentUid);
    if (fetched === null) return { ok: false, reason: 'neither the original nor an mp4 export of the content is in storage' };
    let audio = source;
    // Without ffmpeg the source is an mp4 the passthrough accepted; its export's type says audio or video.
    let contentType = content.bestMp4?.contentType ?? 'video/mp4';
    const tools = app.config.ffmpeg;
    if (tools !== null) {
      const probed = await probeMedia(tools, source, { signal, redact: work });
      if (!probed.ok) return { ok: false, reason: probed.reason };
      if (probed.facts.audio === null) return { ok: false, reason: 'the content has no audio to transcribe' };
      audio = path.join(work, 'speech.mp4');
      // What speech recognizers take: one channel at 16 kHz is all they listen to.
      await runFfmpeg(tools, [
        '-i', source, '-map', `0:${probed.facts.audio.index}`, '-ac', '1', '-ar', '16000', '-c:a', 'aac', '-b:a', '128k',
        '-map_metadata', '-1', '-movflags', '+faststart', '-f', 'mp4', audio,
      ], { signal, redact: work });
      contentType = 'audio/mp4';
    }

    let result: unknown;
    try {
      result = await transcriber.transcribe({ path: audio, contentType, contentFileUid: contentUid, durationSeconds: content.durationSeconds, signal });
    } catch (error) {
      if (signal.aborted) throw error;
      return { ok: false, reason: `transcriber ${transcriber.name} failed: ${(error as Error)?.message ?? String(error)}` };
    }
    const checked = checkTranscription(result);
    if (!checked.ok) return { ok: false, reason: `transcriber ${transcriber.name} returned an unusable transcript: ${checked.reason}` };
    const stored = await inTransaction(app.db, ({ sql }) => storeTranscript(sql, content.id, checked.value, app.now()));
    if (stored === null) return { ok: false, reason: `content file ${contentUid} was deleted meanwhile` };
    return { ok: true, transcriptUid: stored.transcriptUid, already: !stored.stored };
  } catch (error) {
    if (error instanceof ToolFailure) return { ok: false, reason: error.message };
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
