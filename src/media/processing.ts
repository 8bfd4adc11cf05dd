import { createHash } from 'node:crypto';
import type { AppContext } from '../services/app-context';
import type { Size } from '../domain/media/processors';

/** What every processor gets: the stitched upload and who sent it. */
export interface ProcessingInput {
  bytes: Buffer;
  /** Hex sha512 of the processing input (dedupe key of image and content files). */
  sha512: string;
  /** Hex sha512 of the stitched upload (the list row's hash, what the admin form searches, §3.3.5). */
  uploadSha512: string;
  name: string;
  uploadedBySub: string | null;
  dynamicSize: Size | null;
  /** Aborted when the server shuts down: long work (ffmpeg) stops and the job is queued again. */
  signal?: AbortSignal;
  /** The job's progress uid (`progress` bars, `spawned` events); none outside a job. */
  progressUid?: string | null;
}

export type ProcessingOutcome =
  | { ok: true; fileUid: string; listSlug: string; listRow: 'inserted' | 'touched'; exportsAdded: number }
  | { ok: false; reason: string };

export const sha512Hex = (bytes: Buffer) => createHash('sha512').update(bytes).digest('hex');

/**
 * Stores the processing input once, content-addressed by its sha512 (§3.7 item 1). `newKeys`
 * lists what this call wrote, for removal if the job then fails.
 */
export async function storeOriginal(app: AppContext, input: ProcessingInput): Promise<{ key: string; contentType: string; newKeys: string[] }> {
  const key = `s3_files/originals/${input.sha512}`;
  const contentType = 'application/octet-stream';
  if ((await app.files.stat(key))?.size === input.bytes.length) return { key, contentType, newKeys: [] };
  await app.files.put(key, input.bytes, contentType);
  return { key, contentType, newKeys: [key] };
}
