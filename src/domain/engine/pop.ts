import type { QueuedScreen } from '../model';
import { engineTrigger, resolve } from './resolve';
import { outcomeOf, startRun, type Run } from './run';
import { SpecialFlow } from './special-flows';
import { stabilize } from './stabilize';
import { replacedEvent } from './stats';
import type { EngineDeps, Operation, PopRequest, QueueOutcome } from './types';

/**
 * queue-engine.md §7.1-§7.3 (steps 2-6 up to stabilization): invalid screen JWT →
 * `error_bad_auth` without popping; JWT `sub` not the front → `desync`, the client's trigger
 * ignored; otherwise pop the front and resolve the client's trigger. Custom pop endpoints
 * (§7.6) use the same entry with `trigger.serverParameters`.
 */
export async function pop(
  deps: EngineDeps,
  op: Operation,
  queue: QueuedScreen[],
  req: PopRequest,
): Promise<QueueOutcome & { result: PopResult }> {
  const run = startRun(deps, op, queue);
  const result = await popFront(run, req);
  await stabilize(run);
  return { ...outcomeOf(run), result };
}

/**
 * `popped`: the front was removed and the client's trigger (if any) resolved; `forbidden`: the
 * front was removed but the trigger was not among its `allowed_triggers`; `desync` and `bad_auth`
 * removed nothing.
 */
export type PopResult = 'popped' | 'forbidden' | 'desync' | 'bad_auth';

async function popFront(run: Run, req: PopRequest): Promise<PopResult> {
  if (req.screenJwtSub === null) {
    await resolve(run, engineTrigger(SpecialFlow.errorBadAuth));
    return 'bad_auth';
  }
  const popped = run.queue[0];
  if (popped?.uid !== req.screenJwtSub) {
    await resolve(run, engineTrigger(SpecialFlow.desync));
    return 'desync';
  }
  run.queue = run.queue.slice(1);
  const { platform, version } = run.op;
  const screenSlug = popped.screen.screen.slug;
  run.stats.push({ event: 'popped', platform, version, screenSlug });

  const t = req.trigger;
  if (t === null) return 'popped';
  if (t.slug !== SpecialFlow.skip && !popped.screen.allowed_triggers.includes(t.slug)) {
    // The asked slug is not checked further, but counted as a hop (stats-cache-jobs.md §8 item 5).
    const asked = replacedEvent(platform, version, screenSlug, t.slug, SpecialFlow.forbidden);
    await resolve(run, engineTrigger(SpecialFlow.forbidden), { leadingStats: [asked] });
    return 'forbidden';
  }
  const client = t.parameters ?? {};
  const server = t.serverParameters ?? {};
  await resolve(run, { slug: t.slug, client, server, source: platform, trusted: false }, { poppedScreenSlug: screenSlug });
  return 'popped';
}
