import type { JsonObject } from '../json';
import type { QueuedScreen } from '../model';
import { realizeScreen, standardFor, type Built } from './build';
import { prefetchRows } from './queue';
import { engineTrigger, resolve } from './resolve';
import { outcomeOf, startRun, type Run } from './run';
import { SpecialFlow } from './special-flows';
import { stabilize } from './stabilize';
import { EngineInternalError, type EngineDeps, type Operation, type QueueOutcome, type RealizedItem } from './types';

/** Realization attempts per response (queue-engine.md §6 step 4). */
export const MAX_REALIZE_ROUNDS = 3;

/**
 * §6 step 4: realize the front and its prefetch (§6.1). A front that can no longer be
 * produced or realized is removed, `error_screen_schema` is resolved and the queue stabilized
 * again (§3.7 drift rule); after 3 failed rounds the operation fails. A prefetch row that
 * cannot be realized is left out (it stays queued). The outcome must come from a stabilized
 * queue (peek, pop or serverTrigger).
 */
export async function realizeFront(
  deps: EngineDeps,
  op: Operation,
  outcome: QueueOutcome,
): Promise<QueueOutcome & { front: QueuedScreen; active: RealizedItem; prefetch: RealizedItem[] }> {
  const run = startRun(deps, op, outcome);
  // One memo per response, so the same reference is converted once.
  const memo = new Map<string, unknown>();
  for (let round = 1; ; round++) {
    const front = run.queue[0];
    if (!front) throw new EngineInternalError('realizeFront needs a stabilized, non-empty queue');
    const behind = prefetchRows(run.queue);
    const standard = standardFor(run, [front, ...behind].map((r) => r.screen));
    const active = await realizeRow(run, front, standard, memo);
    if (active.ok) {
      const prefetch: RealizedItem[] = [];
      for (const row of behind) {
        const item = await realizeRow(run, row, standard, memo);
        if (item.ok) prefetch.push(item.item);
        else deps.warn('prefetch screen cannot be realized; left out', failureData(row, item.error));
      }
      return { ...outcomeOf(run), front, active: active.item, prefetch };
    }
    deps.warn('front screen cannot be realized; removing it', failureData(front, active.error));
    if (round === MAX_REALIZE_ROUNDS) {
      throw new EngineInternalError(`no realizable front after ${MAX_REALIZE_ROUNDS} rounds`, failureData(front, active.error));
    }
    run.queue = run.queue.slice(1);
    await resolve(run, engineTrigger(SpecialFlow.errorScreenSchema));
    await stabilize(run);
  }
}

type RowRealized = { ok: true; item: RealizedItem } | { ok: false; error: string };

async function realizeRow(run: Run, row: QueuedScreen, standard: JsonObject, memo: Map<string, unknown>): Promise<RowRealized> {
  if (!row.clientScreen) return { ok: false, error: 'screen no longer exists' };
  const built: Built = await realizeScreen(
    run,
    { screen: row.screen, schema: row.clientScreen.schema, client: row.flowClientParameters, server: row.flowServerParameters },
    standard,
    memo,
  );
  return built.ok ? { ok: true, item: { slug: row.clientScreen.slug, parameters: built.value } } : built;
}

const failureData = (row: QueuedScreen, error: string) => ({ uid: row.uid, slug: row.screen.screen.slug, error });
