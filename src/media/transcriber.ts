/**
 * Pluggable transcription (screens-and-media.md §3.5.5). The reference sends audio to an external
 * speech-to-text service; this project ships none and lets a plugin register one
 * (docs/extending.md). Without one, content is never transcribed and `transcript` stays null.
 */
import type { Transcription } from '../domain/media/transcription';

export type { Transcription, TranscriptPhrase } from '../domain/media/transcription';

export interface TranscriptionRequest {
  /** A local audio file, readable until the returned promise settles. */
  path: string;
  /**
   * `audio/mp4`: AAC, 16 kHz mono, 128 kbps when `FFMPEG_PATH` is configured; otherwise the
   * stored mp4/m4a itself (`audio/mp4` or `video/mp4`).
   */
  contentType: string;
  contentFileUid: string;
  /** The content file's probed duration. */
  durationSeconds: number;
  /** Aborted when the server shuts down; the job is queued again and retried later. */
  signal: AbortSignal;
}

export interface Transcriber {
  /** For logs and job messages. */
  name: string;
  /** The timed phrases of the audio and the `source` to store with them; throw to fail the job. */
  transcribe(request: TranscriptionRequest): Promise<Transcription>;
}

/** The one transcriber of this server, if a plugin registered it. */
export class TranscriberRegistry {
  private registered: { transcriber: Transcriber; by: string } | null = null;

  /** Throws when another plugin already registered one: two would race for the same jobs. */
  register(transcriber: Transcriber, by: string): void {
    if (typeof transcriber?.name !== 'string' || typeof transcriber.transcribe !== 'function') {
      throw new Error(`${by}: a transcriber is {name, transcribe(request)}`);
    }
    if (this.registered !== null) {
      throw new Error(`${by}: a transcriber (${this.registered.transcriber.name}, from ${this.registered.by}) is already registered`);
    }
    this.registered = { transcriber, by };
  }

  get current(): Transcriber | null {
    return this.registered?.transcriber ?? null;
  }
}
