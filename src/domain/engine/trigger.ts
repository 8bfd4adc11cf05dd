import type { JsonObject } from '../json';
import type { QueuedScreen } from '../model';
import { resolve } from './resolve';
import { SpecialFlow } from './special-flows';
import { outcomeOf, startRun } from './run';
import { stabilize } from './stabilize';
import type { EngineDeps, Operation, QueueOutcome } from './types';

/** queue-engine.md §6 step 3: stabilize only. */
export async function peek(deps: EngineDeps, op: Operation, queue: QueuedScreen[]): Promise<QueueOutcome> {
  const run = startRun(deps, op, queue);
  await stabilize(run);
  return outcomeOf(run);
}

/**
 * §7.5: resolve a server-chosen trigger (source server, trusted) without popping, then
 * stabilize with the operation's platform (`server`: no auto-skip, `empty` still fires).
 */
export async function serverTrigger(
  deps: EngineDeps,
  op: Operation,
  queue: QueuedScreen[],
  t: { slug: string; client: JsonObject; server: JsonObject },
): Promise<QueueOutcome & { chosenSlug: string | null }> {
  const run = startRun(deps, op, queue);
  const chosenSlug = await resolve(run, { ...t, source: 'server', trusted: true });
  await stabilize(run);
  return { ...outcomeOf(run), chosenSlug };
}

/**
 * §7.5 signup (project rule): the normal server trigger of `signup`, run in the transaction that
 * creates the user; `null` (nothing to do, nothing counted) when no `signup` flow exists.
 */
export async function signupTrigger(
  deps: EngineDeps,
  op: Operation,
  queue: QueuedScreen[],
): Promise<(QueueOutcome & { chosenSlug: string | null }) | null> {
  if (!(await deps.flow(SpecialFlow.signup))) return null;
  return serverTrigger(deps, op, queue, { slug: SpecialFlow.signup, client: {}, server: {} });
}
