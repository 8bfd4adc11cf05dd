import type { QueuedScreen } from '../model';

/** Prefetch cap (queue-engine.md §6.1, project rule). */
export const MAX_PREFETCH = 3;

/**
 * The outer counter of a new batch: front's + 1, or 1 on an empty queue (§1.4 counter rule;
 * counters restart at 1 whenever the queue becomes empty).
 */
export const nextOuterCounter = (queue: readonly QueuedScreen[]) => (queue.length === 0 ? 1 : queue[0].outerCounter + 1);

/** Rows directly behind the front that belong to its batch, in queue order, at most 3. */
export function prefetchRows(queue: readonly QueuedScreen[]): QueuedScreen[] {
  const [front, ...rest] = queue;
  if (!front) return [];
  const out: QueuedScreen[] = [];
  for (const row of rest) {
    if (row.outerCounter !== front.outerCounter || out.length === MAX_PREFETCH) break;
    out.push(row);
  }
  return out;
}

/** What the service must write: rows to delete and rows to insert (matched by uid). */
export function diffQueue(
  before: QueuedScreen[],
  after: QueuedScreen[],
): { deleted: QueuedScreen[]; inserted: QueuedScreen[] } {
  const beforeUids = new Set(before.map((r) => r.uid));
  const afterUids = new Set(after.map((r) => r.uid));
  return {
    deleted: before.filter((r) => !afterUids.has(r.uid)),
    inserted: after.filter((r) => !beforeUids.has(r.uid)),
  };
}
