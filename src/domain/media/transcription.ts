/**
 * What a pluggable transcriber must hand back (screens-and-media.md §3.5.5), checked before
 * anything is stored: a plugin's bug fails its job with a reason instead of storing nonsense.
 */
import { isStorableJson, isStorableText, type JsonObject } from '../json';

export interface TranscriptPhrase {
  /** Seconds from the start of the content. */
  startsAt: number;
  endsAt: number;
  phrase: string;
}

export interface Transcription {
  /** Stored as `transcripts.source`, e.g. `{"type": "ai", "model": "whisper-1", "version": "live"}`. */
  source: JsonObject;
  phrases: TranscriptPhrase[];
}

export type TranscriptionCheck = { ok: true; value: Transcription } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A transcription to store: a JSON object `source` and phrases with finite, non-negative times,
 * `endsAt >= startsAt`, text PostgreSQL can hold. Phrases come back ordered by `startsAt`.
 */
export function checkTranscription(value: unknown): TranscriptionCheck {
  if (!isObject(value)) return { ok: false, reason: 'the transcriber returned no object' };
  if (!isObject(value.source)) return { ok: false, reason: '`source` must be a JSON object' };
  let source: JsonObject;
  try {
    source = JSON.parse(JSON.stringify(value.source)) as JsonObject;
  } catch {
    return { ok: false, reason: '`source` is not serializable as JSON' };
  }
  if (!isStorableJson(source)) return { ok: false, reason: '`source` holds text PostgreSQL cannot store, or nests too deep' };
  if (!Array.isArray(value.phrases)) return { ok: false, reason: '`phrases` must be an array' };
  const phrases: TranscriptPhrase[] = [];
  for (const [i, p] of value.phrases.entries()) {
    if (!isObject(p)) return { ok: false, reason: `phrase ${i} is not an object` };
    const { startsAt, endsAt, phrase } = p;
    if (typeof startsAt !== 'number' || typeof endsAt !== 'number' || !Number.isFinite(startsAt) || !Number.isFinite(endsAt) || startsAt < 0 || endsAt < startsAt) {
      return { ok: false, reason: `phrase ${i} needs finite times with 0 <= startsAt <= endsAt` };
    }
    if (typeof phrase !== 'string' || !isStorableText(phrase)) return { ok: false, reason: `phrase ${i} needs text` };
    phrases.push({ startsAt, endsAt, phrase });
  }
  phrases.sort((a, b) => a.startsAt - b.startsAt);
  return { ok: true, value: { source, phrases } };
}
