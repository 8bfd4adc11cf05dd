/**
 * The pure per-user queue engine (queue-engine.md §3-§7, §10). It runs in memory on one user's
 * queue, loaded by the service inside the per-user lock, and returns the new queue plus what
 * happened; definitions, extractors and randomness come through `EngineDeps`.
 *
 * Statistics: the returned `stats` hold `triggered`, `replaced`, `queued` and `popped` events
 * for what was applied. `peeked` is never emitted here: the service adds exactly one
 * (`peekedEvent`) for the front it commits, so retries and realization rounds cannot double it
 * (`traced` likewise belongs to the trace endpoint).
 */
export { diffQueue, MAX_PREFETCH, prefetchRows } from './queue';
export { pop, type PopResult } from './pop';
export { realizeFront, MAX_REALIZE_ROUNDS } from './realize';
export { MAX_HOPS } from './resolve';
export { checkSpecialFlows, REQUIRED_SPECIAL_FLOWS, SpecialFlow } from './special-flows';
export { MAX_AUTO_SKIPS, MAX_EMPTY } from './stabilize';
export { peekedEvent, renderBreakdownKey, statsFamily } from './stats';
export { peek, serverTrigger, signupTrigger } from './trigger';
export { testScreen, type SimulationRejection, type TestScreenOutcome } from './test-screen';
export {
  EngineInternalError,
  type EngineDeps,
  type Operation,
  type PopRequest,
  type QueueOutcome,
  type RealizedItem,
  type StatsEvent,
} from './types';
