import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FfmpegConfig } from '../config/config';
import { upsertStoredFile } from '../db/repositories/media-upload.repository';
import {
  findContentWithExports, insertContentExport, insertContentExportPart, insertContentFile, registerInList, type NewContentExport,
} from '../db/repositories/media-assets.repository';
import type { JsonObject } from '../domain/json';
import {
  AUDIO_HLS_SEGMENT_SECONDS, audioLadder, bitsPerSecond, checkVideoSource, codecsColumn, displaySize, encodingGroups, groupFilterGraph, hlsBandwidth,
  keyframesEvery, ladderExportKey, parseHlsMediaPlaylist, qualityParameters, renditionName, VIDEO_HLS_SEGMENT_SECONDS, videoLadder,
  type LadderFormat, type Rendition, type VideoRendition,
} from '../domain/media/content-ladder';
import { mp4Head, type Mp4Head } from '../domain/media/mp4';
import type { MediaFacts } from '../domain/media/probe';
import type { ContentProcessor } from '../domain/media/processors';
import { newUid } from '../lib/ids';
import type { AppContext } from '../services/app-context';
import { inTransaction } from '../services/transaction';
import { probeMedia, runFfmpeg, ToolFailure } from './ffmpeg';
import { storeOriginal, type ProcessingInput, type ProcessingOutcome } from './processing';
import { pushProgress } from './progress';

/**
 * The content ladder (screens-and-media.md §3.5.4), used when `FFMPEG_PATH` is configured:
 * ffprobe reads the source; renditions are encoded in groups (one ffmpeg run decodes the source
 * once for several outputs) to fast-start mp4s, one part each, then copied without re-encoding
 * into HLS segments (the parts of their `m3u8` exports). Durations and codecs of each export are
 * read back from the file itself. A known file (same sha512) only gets the exports it lacks.
 * Everything is stored before one transaction registers it; a failed or interrupted run deletes
 * what it stored and always removes its temporary directory.
 */

interface StoredPart {
  uid: string;
  key: string;
  size: number;
  contentType: string;
  position: number;
  durationSeconds: number;
}

type ProducedExport = NewContentExport & { parts: StoredPart[] };

interface Planned {
  rendition: Rendition;
  need: Record<LadderFormat, boolean>;
}

const MP4_CONTENT_TYPE = { audio: 'audio/mp4', video: 'video/mp4' } as const;
const SEGMENT_CONTENT_TYPE = 'video/mp2t';
const MP4_OUTPUT = ['-map_metadata', '-1', '-map_chapters', '-1', '-movflags', '+faststart', '-f', 'mp4'];
/** A fast-start head larger than this is not something the ladder wrote. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

/** `-ac 2` when the source has more than two channels: clients play stereo at most. */
const stereoAtMost = (facts: MediaFacts) => (facts.audio !== null && facts.audio.channels > 2 ? ['-ac', '2'] : []);

/**
 * Duration and codecs from a fast-start mp4's `moov`, reading only the file's head; null when
 * the file does not start with `ftyp` then `moov` (not fast start) or the head is unreadable.
 */
async function readMp4Head(file: string): Promise<Mp4Head | null> {
  const handle = await open(file, 'r');
  try {
    const header = Buffer.alloc(16);
    let offset = 0;
    for (let box = 0; box < 4; box++) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) return null;
      let size = header.readUInt32BE(0);
      if (size === 1 && bytesRead === 16) size = Number(header.readBigUInt64BE(8));
      const type = header.toString('latin1', 4, 8);
      if (type === 'mdat' || size < 8) return null;
      if (type === 'moov') {
        if (size > MAX_MOOV_BYTES) return null;
        const moov = Buffer.alloc(size);
        await handle.read(moov, 0, size, offset);
        return mp4Head(moov);
      }
      offset += size;
    }
    return null;
  } finally {
    await handle.close();
  }
}

/** ffmpeg arguments encoding every rendition of a group to `outputs[i]` with one decode of the source. */
function groupEncodeArgs(source: string, facts: MediaFacts, group: readonly Rendition[], preset: string, outputs: readonly string[]) {
  const audioIndex = facts.audio?.index ?? null;
  if (group[0].kind === 'audio') {
    const args = ['-i', source];
    group.forEach((r, i) => args.push('-map', `0:${audioIndex}`, '-c:a', 'aac', '-b:a', `${r.audioKbps}k`, ...stereoAtMost(facts), ...MP4_OUTPUT, outputs[i]));
    return { args, crops: group.map(() => null) };
  }
  const videos = group.filter((r): r is VideoRendition => r.kind === 'video');
  const { graph, labels, crops } = groupFilterGraph(facts.video!, facts.video!.index, videos);
  const args = ['-i', source, '-filter_complex', graph];
  videos.forEach((r, i) => {
    // A silent video stays silent: its exports simply have no audio track.
    const audio = audioIndex === null ? [] : ['-map', `0:${audioIndex}`, '-c:a', 'aac', '-b:a', `${r.audioKbps}k`, ...stereoAtMost(facts)];
    args.push(
      '-map', labels[i], ...audio,
      '-c:v', 'libx264', '-preset', preset, '-profile:v', 'high', '-pix_fmt', 'yuv420p',
      '-b:v', `${r.videoKbps}k`, '-maxrate', `${r.videoKbps}k`, '-bufsize', `${2 * r.videoKbps}k`,
      '-force_key_frames', keyframesEvery(VIDEO_HLS_SEGMENT_SECONDS),
      ...MP4_OUTPUT, outputs[i],
    );
  });
  return { args, crops };
}

class LadderRun {
  /** Keys this run wrote to the FileStore (deleted if it does not register them). */
  readonly written: string[] = [];
  readonly produced: ProducedExport[] = [];
  private done = 0;

  constructor(
    private readonly app: AppContext,
    private readonly tools: FfmpegConfig,
    private readonly processor: ContentProcessor,
    private readonly input: ProcessingInput,
    private readonly work: string,
    private readonly contentUid: string,
    private readonly total: number,
  ) {}

  private get options() {
    return { signal: this.input.signal, redact: this.work };
  }

  async progress(message: string): Promise<void> {
    if (!this.input.progressUid) return;
    await pushProgress(this.app.redis, this.app.log, this.input.progressUid, { type: 'progress', message, indicator: { type: 'bar', at: this.done, of: this.total } }, this.app.now());
  }

  private async store(file: string, key: string, contentType: string): Promise<{ key: string; size: number; contentType: string }> {
    this.written.push(key);
    const { size } = await this.app.files.put(key, createReadStream(file));
    return { key, size, contentType };
  }

  /** Encodes a group, then stores what is missing of each rendition's mp4 and HLS exports. Failures are thrown. */
  async group(source: string, facts: MediaFacts, planned: readonly Planned[], groupIndex: number): Promise<void> {
    const dir = path.join(this.work, `group-${groupIndex}`);
    await mkdir(dir);
    const renditions = planned.map((p) => p.rendition);
    const mp4s = planned.map((_, i) => path.join(dir, `${i}.mp4`));
    const { args, crops } = groupEncodeArgs(source, facts, renditions, this.tools.preset, mp4s);
    await runFfmpeg(this.tools, args, this.options);

    const heads: Mp4Head[] = [];
    for (const [i, { rendition }] of planned.entries()) {
      const head = await readMp4Head(mp4s[i]);
      if (head === null) throw new ToolFailure('ffmpeg', `the ${renditionName(rendition)} export is not a readable fast-start mp4`);
      heads.push(head);
    }
    const quality = (i: number, format: LadderFormat) => {
      const r = renditions[i];
      return qualityParameters(r, format, r.kind === 'video' ? { preset: this.tools.preset, crop: crops[i]! } : null) as JsonObject;
    };
    const sizeOf = (r: Rendition) => (r.kind === 'video' ? { width: r.width, height: r.height } : null);

    for (const [i, { rendition, need }] of planned.entries()) {
      if (!need.mp4) continue;
      const duration = heads[i].durationSeconds;
      const exportUid = newUid('cfe');
      const stored = await this.store(mp4s[i], `s3_files/content/${this.contentUid}/${exportUid}.mp4`, MP4_CONTENT_TYPE[this.processor.media]);
      this.produced.push({
        uid: exportUid, format: 'mp4', formatParameters: sizeOf(rendition) ?? {}, bandwidth: bitsPerSecond(stored.size, duration),
        codecs: codecsColumn(heads[i].codecs), targetDuration: Math.ceil(duration), qualityParameters: quality(i, 'mp4'),
        parts: [{ uid: newUid('cfep'), ...stored, position: 0, durationSeconds: duration }],
      });
      this.done++;
      await this.progress(`stored the ${renditionName(rendition)} mp4`);
    }

    // One run segments every mp4 of the group: `-c copy`, so HLS carries exactly the mp4's streams.
    const hls = planned.map((p, i) => ({ ...p, i })).filter((p) => p.need.m3u8);
    if (hls.length > 0) await this.segment(dir, mp4s, hls, heads, quality, sizeOf);
    // Video renditions are large: keep one group at most on the temporary disk.
    await rm(dir, { recursive: true, force: true });
  }

  private async segment(
    dir: string,
    mp4s: readonly string[],
    hls: readonly (Planned & { i: number })[],
    heads: readonly Mp4Head[],
    quality: (i: number, format: LadderFormat) => JsonObject,
    sizeOf: (r: Rendition) => { width: number; height: number } | null,
  ): Promise<void> {
    const segmentSeconds = hls[0].rendition.kind === 'audio' ? AUDIO_HLS_SEGMENT_SECONDS : VIDEO_HLS_SEGMENT_SECONDS;
    const hlsArgs = hls.flatMap(({ i }) => ['-i', mp4s[i]]);
    for (const [input, { i }] of hls.entries()) {
      await mkdir(path.join(dir, `hls-${i}`));
      hlsArgs.push(
        '-map', String(input), '-c', 'copy',
        '-f', 'hls', '-hls_time', String(segmentSeconds), '-hls_playlist_type', 'vod', '-hls_segment_type', 'mpegts',
        '-hls_flags', 'independent_segments', '-hls_segment_filename', path.join(dir, `hls-${i}`, 'segment-%05d.ts'), path.join(dir, `hls-${i}`, 'playlist.m3u8'),
      );
    }
    await runFfmpeg(this.tools, hlsArgs, this.options);
    for (const { rendition, i } of hls) {
      const name = renditionName(rendition);
      const layout = parseHlsMediaPlaylist(await readFile(path.join(dir, `hls-${i}`, 'playlist.m3u8'), 'utf8'));
      if (!layout.ok) throw new ToolFailure('ffmpeg', `the ${name} HLS playlist is unusable: ${layout.reason}`);
      const exportUid = newUid('cfe');
      const parts: StoredPart[] = [];
      for (const [position, segment] of layout.segments.entries()) {
        const stored = await this.store(path.join(dir, `hls-${i}`, segment.uri), `s3_files/content/${this.contentUid}/${exportUid}/${position}.ts`, SEGMENT_CONTENT_TYPE);
        parts.push({ uid: newUid('cfep'), ...stored, position, durationSeconds: segment.durationSeconds });
      }
      const bandwidth = hlsBandwidth(parts.map((p) => ({ bytes: p.size, durationSeconds: p.durationSeconds })));
      this.produced.push({
        uid: exportUid, format: 'm3u8', formatParameters: { ...sizeOf(rendition), average_bandwidth: bandwidth.average }, bandwidth: bandwidth.peak,
        codecs: codecsColumn(heads[i].codecs), targetDuration: layout.targetDuration, qualityParameters: quality(i, 'm3u8'), parts,
      });
      this.done++;
      await this.progress(`stored the ${name} HLS rendition (${parts.length} segments)`);
    }
  }
}

export async function processContentLadder(app: AppContext, processor: ContentProcessor, input: ProcessingInput, tools: FfmpegConfig): Promise<ProcessingOutcome> {
  const work = await mkdtemp(path.join(tmpdir(), 'clientflows-ladder-'));
  let run: LadderRun | null = null;
  let registered = false;
  try {
    const source = path.join(work, 'source');
    await writeFile(source, input.bytes);
    const probed = await probeMedia(tools, source, { signal: input.signal, redact: work });
    if (!probed.ok) return probed;
    const facts = probed.facts;
    let renditions: Rendition[];
    if (processor.media === 'audio') {
      if (facts.audio === null) return { ok: false, reason: 'the file has no audio stream' };
      renditions = audioLadder();
    } else {
      if (facts.video === null) return { ok: false, reason: 'the file has no video stream' };
      const tooSmall = checkVideoSource(displaySize(facts.video));
      if (tooSmall !== null) return { ok: false, reason: tooSmall };
      renditions = videoLadder(displaySize(facts.video));
    }

    const existing = await inTransaction(app.db, ({ sql }) => findContentWithExports(sql, input.sha512));
    const contentUid = existing?.uid ?? newUid('cf');
    const has = (format: LadderFormat, r: Rendition) => existing?.exportKeys.has(ladderExportKey(format, renditionName(r))) ?? false;
    const planned: Planned[] = renditions
      .map((rendition) => ({ rendition, need: { mp4: !has('mp4', rendition), m3u8: !has('m3u8', rendition) } }))
      .filter((p) => p.need.mp4 || p.need.m3u8);
    const total = planned.reduce((sum, p) => sum + Number(p.need.mp4) + Number(p.need.m3u8), 0);
    run = new LadderRun(app, tools, processor, input, work, contentUid, total);
    const display = facts.video === null ? null : displaySize(facts.video);
    await run.progress(`${display === null ? 'audio' : `${display.width}x${display.height} video`}, ${facts.durationSeconds.toFixed(1)} s: ${total} exports to produce`);
    const byRendition = new Map(planned.map((p) => [p.rendition, p]));
    for (const [index, group] of encodingGroups(planned.map((p) => p.rendition)).entries()) {
      await run.group(source, facts, group.map((r) => byRendition.get(r)!), index);
    }

    const original = await storeOriginal(app, input);
    run.written.push(...original.newKeys);
    const listSlug = processor.listSlug();
    const produced = run.produced;
    const listRow = await inTransaction(app.db, async ({ sql }) => {
      const now = app.now();
      const originalId = await upsertStoredFile(sql, { key: original.key, size: input.bytes.length, contentType: original.contentType, now });
      const fileId =
        (await findContentWithExports(sql, input.sha512))?.id ??
        (await insertContentFile(sql, { uid: contentUid, name: input.name, storedFileId: originalId, sha512: input.sha512, durationSeconds: facts.durationSeconds, now }));
      for (const e of produced) {
        const exportId = await insertContentExport(sql, fileId, e, now);
        for (const part of e.parts) {
          const storedFileId = await upsertStoredFile(sql, { key: part.key, size: part.size, contentType: part.contentType, now });
          await insertContentExportPart(sql, exportId, { ...part, storedFileId }, now);
        }
      }
      return registerInList(sql, 'client_flow_content_files', {
        listSlug, fileId, originalStoredFileId: originalId, originalSha512: input.uploadSha512, uploadedBySub: input.uploadedBySub, now,
      });
    });
    registered = true;
    return { ok: true, fileUid: contentUid, listSlug, listRow, exportsAdded: produced.length };
  } catch (error) {
    if (error instanceof ToolFailure) return { ok: false, reason: error.message };
    throw error;
  } finally {
    if (!registered && run !== null) {
      await Promise.all(run.written.map((key) => app.files.delete(key).catch((err: unknown) => app.log.warn({ err, key }, 'content ladder: stored file not deleted'))));
    }
    await rm(work, { recursive: true, force: true });
  }
}
