import type { QueueOutcome } from './engine';

/**
 * Why a subscriber hears about its queue (docs/live-queues.md). `SUBSCRIBED` is the first event
 * of every subscription (the queue's version when the server started listening), `RESYNC` says
 * changes may have been missed while the server's Redis connection was down; both mean
 * "re-peek if this version is newer than the last one you saw".
 */
export const QUEUE_CHANGE_REASONS = ['SUBSCRIBED', 'FLOW_TRIGGERED', 'POPPED', 'CLEARED', 'UPDATED', 'RESYNC'] as const;
export type QueueChangeReason = (typeof QUEUE_CHANGE_REASONS)[number];

/** One committed change of a user's queue. No realized screen: realizing logs and mints JWTs. */
export interface QueueChange {
  /** The user's counter after the change; increases by one per committed change. */
  queueVersion: number;
  reason: QueueChangeReason;
  /** The flow whose screens were queued last by this change, if any. */
  flowSlug: string | null;
  /** Seconds since the epoch (fractional). */
  occurredAt: number;
}

/**
 * What an engine outcome that changed the queue was: a pop (whatever it then triggered), else a
 * trigger (named by the flow queued last, whose screens are now in front), else an emptied queue,
 * else some other edit.
 */
export function describeQueueChange(outcome: Pick<QueueOutcome, 'stats' | 'flowsTriggered' | 'queue'>): Pick<QueueChange, 'reason' | 'flowSlug'> {
  const flowSlug = outcome.flowsTriggered.at(-1) ?? null;
  if (outcome.stats.some((event) => event.event === 'popped')) return { reason: 'POPPED', flowSlug };
  if (flowSlug !== null) return { reason: 'FLOW_TRIGGERED', flowSlug };
  return { reason: outcome.queue.length === 0 ? 'CLEARED' : 'UPDATED', flowSlug: null };
}

/** The Redis message: a compact JSON array `[version, reason, flowSlug, occurredAt]`. */
export function encodeQueueChange(change: QueueChange): string {
  return JSON.stringify([change.queueVersion, change.reason, change.flowSlug, change.occurredAt]);
}

/** Null for anything that is not a well-formed message (it is then ignored). */
export function decodeQueueChange(text: string): QueueChange | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 4) return null;
  const [queueVersion, reason, flowSlug, occurredAt] = value as unknown[];
  if (!Number.isSafeInteger(queueVersion) || (queueVersion as number) < 0) return null;
  if (!(QUEUE_CHANGE_REASONS as readonly unknown[]).includes(reason)) return null;
  if (flowSlug !== null && typeof flowSlug !== 'string') return null;
  if (typeof occurredAt !== 'number' || !Number.isFinite(occurredAt)) return null;
  return { queueVersion: queueVersion as number, reason: reason as QueueChangeReason, flowSlug, occurredAt };
}
