/**
 * The cached lookups behind `image_uid` / `content_uid` realization (screens-and-media.md §2.5,
 * §4 items 4-5): process-local first, then (thumbhashes) the shared Redis key, then PostgreSQL.
 * Each peek of a media field costs a map lookup and a JWT signature once warm. A miss reads
 * through the caller's `query` (the peek's own connection): taking a second pooled connection
 * while the peek holds one could leave every connection waiting for another.
 */
import type { Redis } from 'ioredis';
import type { Sql } from '../db/sql';
import { contentWithTranscript, imageThumbhashCandidates } from '../db/repositories/media-serving.repository';
import { chooseThumbhash, thumbhashKey } from '../domain/media';
import type { Size } from '../domain/schema';
import type { Logger } from '../lib/log';
import type { Metrics } from '../lib/metrics';
import { Lru } from '../lib/versioned-cache';

/** Thumbhashes, locally and in Redis (§2.5 items 1, 2 and 5). */
export const THUMBHASH_TTL_SECONDS = 8 * 3600;
/** "No such image / content" (the reference cached nothing; §2.5 item 5). */
export const NEGATIVE_TTL_SECONDS = 5 * 60;
/** A content file and its latest transcript: a new transcript shows within this. */
export const CONTENT_TTL_SECONDS = 60;
const CAPACITY = 20_000;

export interface ContentLookup {
  transcriptUid: string | null;
}

interface Entry<T> {
  value: T | null;
  expiresAt: number;
}

export class MediaLookups {
  private readonly thumbhashes = new Lru<Entry<string>>(CAPACITY);
  private readonly contents = new Lru<Entry<ContentLookup>>(CAPACITY);
  /** Concurrent misses for one key share one read. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(
    private readonly deps: { redis: Redis; log: Logger; metrics: Metrics; now: () => number },
  ) {}

  /** The best thumbhash of the image for `size`; null when the image does not exist (it has no exports). */
  thumbhash(query: Sql, imageUid: string, size: Size): Promise<string | null> {
    const key = thumbhashKey(imageUid, size);
    return this.cached(this.thumbhashes, key, async () => {
      const shared = await this.deps.redis.get(key).catch((error: unknown) => {
        this.deps.log.warn({ err: error, key }, 'thumbhash cache read failed; reading the database');
        return null;
      });
      if (shared !== null) return { value: shared, ttl: THUMBHASH_TTL_SECONDS };
      this.deps.metrics.increment('media_thumbhash_db_reads');
      const found = chooseThumbhash(await imageThumbhashCandidates(query, imageUid), size);
      if (found === null) return { value: null, ttl: NEGATIVE_TTL_SECONDS };
      await this.deps.redis.set(key, found, 'EX', THUMBHASH_TTL_SECONDS).catch((error: unknown) => {
        this.deps.log.warn({ err: error, key }, 'thumbhash cache write failed');
      });
      return { value: found, ttl: THUMBHASH_TTL_SECONDS };
    });
  }

  /** The content file's latest transcript; null when the content file does not exist. */
  content(query: Sql, contentUid: string): Promise<ContentLookup | null> {
    return this.cached(this.contents, `content:${contentUid}`, async () => {
      this.deps.metrics.increment('media_content_db_reads');
      const found = await contentWithTranscript(query, contentUid);
      return found === null ? { value: null, ttl: NEGATIVE_TTL_SECONDS } : { value: found, ttl: CONTENT_TTL_SECONDS };
    });
  }

  /** Forgets every local entry (tests, benchmarks). Redis keep theirs. */
  clear(): void {
    this.thumbhashes.clear();
    this.contents.clear();
  }

  private async cached<T>(cache: Lru<Entry<T>>, key: string, load: () => Promise<{ value: T | null; ttl: number }>): Promise<T | null> {
    const now = this.deps.now();
    const hit = cache.get(key);
    if (hit !== undefined && hit.expiresAt > now) return hit.value;
    const shared = this.pending.get(key) as Promise<T | null> | undefined;
    // Another operation's load runs on its connection; if that operation fails under it, load
    // again on ours rather than fail this one.
    if (shared !== undefined) return shared.catch(() => this.load(cache, key, load));
    return this.load(cache, key, load);
  }

  private load<T>(cache: Lru<Entry<T>>, key: string, load: () => Promise<{ value: T | null; ttl: number }>): Promise<T | null> {
    const loading = load()
      .then(({ value, ttl }) => {
        cache.set(key, { value, expiresAt: this.deps.now() + ttl });
        return value;
      })
      .finally(() => {
        if (this.pending.get(key) === loading) this.pending.delete(key);
      });
    this.pending.set(key, loading);
    return loading;
  }
}
