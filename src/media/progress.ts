import type { Redis } from 'ioredis';
import type { Logger } from '../lib/log';

/**
 * Job progress events (screens-and-media.md §3.4 step 6): appended to
 * `jobs:progress:events:{uid}` (last 50 kept, 30 min TTL refreshed on every push), counted in
 * `jobs:progress:count:{uid}` and published on `ps:jobs:progress:{uid}`.
 */

export type ProgressEventType = 'queued' | 'started' | 'bounce' | 'spawned' | 'progress' | 'failed' | 'succeeded';
export type ProgressIndicator = null | { type: 'bar'; at: number; of: number } | { type: 'spinner' } | { type: 'final' };

export interface ProgressEvent {
  type: ProgressEventType;
  message: string;
  spawned: { uid: string; name: string } | null;
  indicator: ProgressIndicator;
  occurred_at: number;
}

export const PROGRESS_TTL_SECONDS = 1800;
export const PROGRESS_MAX_EVENTS = 50;
export const progressEventsKey = (uid: string) => `jobs:progress:events:${uid}`;
export const progressCountKey = (uid: string) => `jobs:progress:count:${uid}`;
export const progressChannel = (uid: string) => `ps:jobs:progress:${uid}`;
/** The job that spawned job `uid`: its progress token may follow `uid` too. */
export const progressParentKey = (uid: string) => `jobs:progress:parent:${uid}`;
/** As long as a progress token lives (upload 3600 s + processing 1800 s). */
export const PROGRESS_LINK_TTL_SECONDS = 5400;

/** Records that `parent` spawned `child` (throws when Redis does). */
export async function linkSpawnedProgress(redis: Redis, child: string, parent: string): Promise<void> {
  await redis.set(progressParentKey(child), parent, 'EX', PROGRESS_LINK_TTL_SECONDS);
}

/** The job that spawned `uid`, if any (null when Redis cannot say). */
export async function spawningProgress(redis: Redis, uid: string): Promise<string | null> {
  return redis.get(progressParentKey(uid)).catch(() => null);
}

/** The events of a job's own lifecycle. */
export type JobStateEvent = 'started' | 'failed' | 'succeeded' | 'bounce';

/** A lifecycle event: a spinner while the job runs, final when it ends, no indicator for a bounce. */
export function pushJobState(redis: Redis, log: Logger, uid: string, type: JobStateEvent, message: string, now: number): Promise<void> {
  const indicator: ProgressIndicator = type === 'started' ? { type: 'spinner' } : type === 'bounce' ? null : { type: 'final' };
  return pushProgress(redis, log, uid, { type, message, indicator }, now);
}

/** Pushes one event; a Redis failure is logged, never thrown (progress must not fail a job). */
export async function pushProgress(
  redis: Redis,
  log: Logger,
  uid: string,
  event: Omit<ProgressEvent, 'occurred_at' | 'spawned' | 'indicator'> & Partial<Pick<ProgressEvent, 'spawned' | 'indicator'>>,
  now: number,
): Promise<void> {
  const full: ProgressEvent = { spawned: null, indicator: null, ...event, occurred_at: now };
  const text = JSON.stringify(full);
  try {
    await redis
      .multi()
      .rpush(progressEventsKey(uid), text)
      .ltrim(progressEventsKey(uid), -PROGRESS_MAX_EVENTS, -1)
      .expire(progressEventsKey(uid), PROGRESS_TTL_SECONDS)
      .incr(progressCountKey(uid))
      .expire(progressCountKey(uid), PROGRESS_TTL_SECONDS)
      .publish(progressChannel(uid), text)
      .exec();
  } catch (error) {
    log.warn({ err: error, progressUid: uid }, 'job progress: could not push an event');
  }
}

/** The stored events, oldest first. */
export async function readProgress(redis: Redis, uid: string): Promise<ProgressEvent[]> {
  const items = await redis.lrange(progressEventsKey(uid), 0, -1);
  return items.map((item) => JSON.parse(item) as ProgressEvent);
}
