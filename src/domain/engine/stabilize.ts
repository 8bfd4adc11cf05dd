import type { QueuedScreen } from '../model';
import { predicateHolds } from '../predicate';
import { flowScreenShowsOn, flowScreenShowsTo, screenShowsOn } from './platform';
import { engineTrigger, resolve } from './resolve';
import { predicateContext, type Run } from './run';
import { SpecialFlow } from './special-flows';
import { EngineInternalError } from './types';

/** `empty` per operation (queue-engine.md §5.1). */
export const MAX_EMPTY = 2;
/** Auto-skips per operation (project limit, §5.1). */
export const MAX_AUTO_SKIPS = 50;

/** §5: run `empty` and automatic `skip` until the front is showable on the request platform. */
export async function stabilize(run: Run): Promise<void> {
  let empties = 0;
  let skips = 0;
  for (;;) {
    const front = run.queue[0];
    if (!front) {
      empties++;
      await resolve(run, engineTrigger(SpecialFlow.empty));
      if (empties < MAX_EMPTY) continue;
      // After the second `empty` the front is returned without skip checks (§5.1).
      if (run.queue.length === 0) throw new EngineInternalError("queue still empty after running 'empty' twice");
      return;
    }
    if (!mustSkip(run, front)) return;
    if (skips === MAX_AUTO_SKIPS) {
      // The client will skip it itself.
      run.deps.warn('auto-skip limit reached; returning the front as is', { uid: front.uid, slug: front.screen.screen.slug });
      return;
    }
    skips++;
    run.queue = run.queue.slice(1);
    await resolve(run, engineTrigger(SpecialFlow.skip));
  }
}

/** §5.2, in order; a row whose screen no longer exists is removed on every platform (§13 item 12). */
function mustSkip(run: Run, row: QueuedScreen): boolean {
  if (row.clientScreen === null) return true;
  const platform = run.op.platform;
  if (platform === 'server') return false;
  if (!screenShowsOn(row.clientScreen.flags, platform)) return true;
  if (!flowScreenShowsOn(row.screen.flags, platform)) return true;
  if (!flowScreenShowsTo(row.screen.flags, run.op.user.hasPro)) return true;
  const peekRule = row.screen.rules.peek;
  // Each row's own queue time, never the operation's (§13 item 7).
  return peekRule !== null && predicateHolds(peekRule, predicateContext(run, row.addedAt));
}
