import type { QueuedScreen } from '../model';
import type { PredicateContext } from '../predicate';
import type { StandardContext } from '../standard-parameters';
import type { EngineDeps, Operation, QueueOutcome } from './types';

/** The mutable state of one engine call; every step works on it in place. */
export interface Run extends QueueOutcome {
  readonly deps: EngineDeps;
  readonly op: Operation;
}

/** Starts a run on a queue, or continues from an earlier outcome (realization after a pop). */
export function startRun(deps: EngineDeps, op: Operation, from: QueuedScreen[] | QueueOutcome): Run {
  const base: QueueOutcome = Array.isArray(from) ? { queue: from, stats: [], flowsTriggered: [], cleared: false } : from;
  // Copies, so the caller's arrays stay as they were (the service diffs before/after).
  return {
    deps,
    op,
    queue: [...base.queue],
    stats: [...base.stats],
    flowsTriggered: [...base.flowsTriggered],
    cleared: base.cleared,
  };
}

export function outcomeOf(run: Run): QueueOutcome {
  return { queue: run.queue, stats: run.stats, flowsTriggered: run.flowsTriggered, cleared: run.cleared };
}

/** Predicates see whole seconds (queue-engine.md §2.1). */
export function predicateContext(run: Run, queuedAt: number): PredicateContext {
  return {
    version: run.op.version,
    now: Math.floor(run.op.now),
    queuedAt: Math.floor(queuedAt),
    accountCreatedAt: Math.floor(run.op.user.createdAt),
    random: () => run.deps.random(),
  };
}

export function standardContext(run: Run): StandardContext {
  return { user: run.op.user, now: run.op.now, requestTimezone: run.op.requestTimezone };
}
