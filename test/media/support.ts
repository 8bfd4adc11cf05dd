import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import sharp from 'sharp';
import { inject } from 'vitest';
import { readProgress, type ProgressEvent } from '../../src/media/progress';
import { postJson, type RestAnswer } from '../admin/admin-rest';
import type { TestServer } from '../support/server';

/** Helpers of the media end-to-end tests: generated images, the upload protocol, progress. */

export const INTERSTITIAL_JOB = 'runners.screens.image_interstitial_process_image';
export const EXACT_JOB = 'runners.screens.exact_dynamic_process_image';
export const AUDIO_JOB = 'runners.screens.audio_interstitial_process_audio';

/** A diagonal gradient (distinct per `seed`), so exports and thumbhashes are not trivial. */
export async function gradientImage(width: number, height: number, format: 'png' | 'jpeg', options: { seed?: number; alpha?: boolean } = {}): Promise<Buffer> {
  const channels = options.alpha ? 4 : 3;
  const raw = Buffer.alloc(width * height * channels);
  const seed = options.seed ?? 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = (seed * 37 + x + y) & 0xff;
      if (channels === 4) raw[i + 3] = x < width / 2 ? 255 : 128;
    }
  }
  const image = sharp(raw, { raw: { width, height, channels } });
  return format === 'png' ? image.png({ compressionLevel: 1 }).toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

export interface StartAnswer extends RestAnswer {
  body: {
    uid: string;
    jwt: string;
    parts: ({ start_number: number; start_byte: number; number_of_parts: number; part_size: number } | { number: number; start_byte: number; end_byte: number })[];
    progress: { uid: string; jwt: string };
  };
}

export function startUpload(server: TestServer, admin: string, kind: 'image' | 'content', body: unknown): Promise<StartAnswer> {
  return postJson(server, `/api/1/admin/client_flows/${kind}/`, body, `bearer ${admin}`) as Promise<StartAnswer>;
}

/** Every part as `[number, start, end)` from the compressed wire form. */
export function expandParts(parts: StartAnswer['body']['parts']): { number: number; start: number; end: number }[] {
  const out: { number: number; start: number; end: number }[] = [];
  for (const p of parts) {
    if ('start_number' in p) {
      for (let i = 0; i < p.number_of_parts; i++) {
        out.push({ number: p.start_number + i, start: p.start_byte + i * p.part_size, end: p.start_byte + (i + 1) * p.part_size });
      }
    } else out.push({ number: p.number, start: p.start_byte, end: p.end_byte });
  }
  return out;
}

export async function sendPart(server: TestServer, uid: string, part: number, data: Buffer, auth: { header?: string; query?: string }): Promise<RestAnswer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), 'blob');
  const query = auth.query === undefined ? '' : `?jwt=${encodeURIComponent(auth.query)}`;
  const headers: Record<string, string> = auth.header === undefined ? {} : { authorization: auth.header };
  const response = await fetch(`${server.url}/api/1/file_uploads/${uid}/${part}${query}`, { method: 'POST', body: form, headers });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), body: text.length > 0 ? JSON.parse(text) : null };
}

/** Starts an upload and sends every part; returns the start answer. */
export async function upload(server: TestServer, admin: string, kind: 'image' | 'content', job: string, bytes: Buffer, extra: object = {}): Promise<StartAnswer['body']> {
  const start = await startUpload(server, admin, kind, { job, file_size: bytes.length, ...extra });
  if (start.status !== 201) throw new Error(`start upload: ${start.status} ${JSON.stringify(start.body)}`);
  for (const part of expandParts(start.body.parts)) {
    const sent = await sendPart(server, start.body.uid, part.number, bytes.subarray(part.start, part.end), { header: `bearer ${start.body.jwt}` });
    if (sent.status !== 202) throw new Error(`part ${part.number}: ${sent.status} ${JSON.stringify(sent.body)}`);
  }
  return start.body;
}

/** Waits for the job's final progress event (`succeeded` or `failed`). */
export async function finalEvent(server: TestServer, progressUid: string, timeoutMs = 150_000): Promise<ProgressEvent> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const events = await readProgress(server.app.redis, progressUid);
    const last = events.at(-1);
    if (last && (last.type === 'succeeded' || last.type === 'failed')) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('processing did not finish in time');
}

/** Uploads, waits for processing, returns the final event. */
export async function uploadAndProcess(server: TestServer, admin: string, kind: 'image' | 'content', job: string, bytes: Buffer, extra: object = {}): Promise<ProgressEvent> {
  const started = await upload(server, admin, kind, job, bytes, extra);
  return finalEvent(server, started.progress.uid);
}

/** A minimal mp4 (ftyp + moov/mvhd) lasting `seconds`, plus `padding` bytes of mdat. */
export function tinyMp4(seconds: number, padding = 0): Buffer {
  const box = (type: string, payload: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + payload.length);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, payload]);
  };
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(Math.round(seconds * 1000), 16);
  return Buffer.concat([box('ftyp', Buffer.from('M4A \0\0\0\0isomM4A ', 'latin1')), box('moov', box('mvhd', mvhd)), box('mdat', Buffer.alloc(padding, 7))]);
}

export const VIDEO_JOB = 'runners.screens.video_interstitial_process_video';

/** ffmpeg and ffprobe of this run (test/support/ffmpeg.ts); throws the reason there are none. */
export function requireFfmpeg(): { ffmpegPath: string; ffprobePath: string } {
  const found = inject('ffmpeg');
  if (found.problem !== null || found.ffmpegPath === null || found.ffprobePath === null) throw new Error(found.problem ?? 'ffmpeg is not available');
  return { ffmpegPath: found.ffmpegPath, ffprobePath: found.ffprobePath };
}

/** Runs a tool to completion (argument array, no shell); rejects with its stderr. */
export function runTool(binary: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => (error ? reject(new Error(`${binary} failed: ${stderr}`)) : resolve(stdout)));
  });
}

/** ffprobe's JSON (`-show_format -show_streams`) of a file. */
export async function probeJson(ffprobePath: string, file: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
  return JSON.parse(await runTool(ffprobePath, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]));
}

/** A whole stored object. */
export async function readStored(server: TestServer, key: string): Promise<Buffer> {
  const stored = await server.app.files.get(key);
  if (stored === null) throw new Error(`${key} is not stored`);
  const chunks: Buffer[] = [];
  for await (const chunk of stored.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file under the server's media directory, as sorted `/`-separated keys (what is really on disk). */
export async function filesOnDisk(server: TestServer): Promise<string[]> {
  const store = server.app.config.fileStore;
  if (store.kind !== 'local') throw new Error('filesOnDisk needs FILE_STORE=local');
  const root = store.root;
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The keys of every `stored_files` row, sorted. */
export async function storedKeys(server: TestServer): Promise<string[]> {
  return (await server.sql<{ key: string }>(`SELECT key FROM stored_files ORDER BY key COLLATE "C"`)).map((r) => r.key);
}
