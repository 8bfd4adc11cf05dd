import { ALL_FLOW_FLAGS } from '../flags';
import type { JsonObject } from '../json';
import type { ClientFlowDef, FlowScreen, QueuedScreen, Schema } from '../model';
import { realizeScreen, standardFor } from './build';
import { materialize } from './materialize';
import { nextOuterCounter } from './queue';
import { outcomeOf, startRun } from './run';
import { SpecialFlow } from './special-flows';
import type { EngineDeps, Operation, QueueOutcome } from './types';

/** What step 10 of test_screen can refuse with (admin-api.md §9.2). */
export type SimulationRejection = 'skip' | 'screen_not_found' | 'screen_is_unsafe' | 'screen_input_parameters_didnt_match' | 'screen_realization_failed';

export interface TestScreenRequest {
  clientSchema: Schema;
  serverSchema: Schema;
  flowScreen: FlowScreen;
  client: JsonObject;
  server: JsonObject;
  dryRun: boolean;
}

export type TestScreenOutcome = QueueOutcome & {
  rejection: { reason: SimulationRejection; message: string } | null;
  /** The prepended row, unless dry run or rejected. */
  queued: QueuedScreen | null;
};

/** Fallback flows of materialization, as test_screen reports them. */
const REJECTION_OF: Record<string, SimulationRejection> = {
  [SpecialFlow.errorScreenMissing]: 'screen_not_found',
  [SpecialFlow.errorUnsafe]: 'screen_is_unsafe',
};

/**
 * test_screen steps 10-12 (admin-api.md §9.2): a throw-away one-screen flow goes through the
 * normal trigger-time transforms and input check, is realized (references minted, result
 * discarded) only to surface errors, then its row is put in front of the queue. No rules, no
 * clearing, no statistics, no stabilization.
 */
export async function testScreen(deps: EngineDeps, op: Operation, queue: QueuedScreen[], request: TestScreenRequest): Promise<TestScreenOutcome> {
  const run = startRun(deps, op, queue);
  const unchanged = (reason: SimulationRejection, message: string): TestScreenOutcome => ({ ...outcomeOf(startRun(deps, op, queue)), rejection: { reason, message }, queued: null });
  const flow: ClientFlowDef = {
    id: 0,
    uid: '',
    slug: '__test__',
    clientSchema: request.clientSchema,
    serverSchema: request.serverSchema,
    replaces: false,
    screens: [request.flowScreen],
    rules: [],
    flags: ALL_FLOW_FLAGS,
  };
  const materialized = await materialize(run, flow, { slug: flow.slug, client: request.client, server: request.server, source: 'server', trusted: true });
  if (!materialized.ok) return unchanged(REJECTION_OF[materialized.fallback] ?? 'screen_input_parameters_didnt_match', materialized.error);
  const [prepared] = materialized.screens;
  if (prepared === undefined) return unchanged('skip', 'the screen would be skipped (skip_if_missing or its trigger rule)');
  const parts = { screen: prepared.screen, schema: prepared.clientScreen.schema, client: prepared.client, server: prepared.server };
  const realized = await realizeScreen(run, parts, standardFor(run, [prepared.screen]), new Map());
  if (!realized.ok) return unchanged('screen_realization_failed', realized.error);
  if (request.dryRun) return { ...outcomeOf(run), rejection: null, queued: null };
  const row: QueuedScreen = {
    uid: deps.newQueueUid(),
    outerCounter: nextOuterCounter(run.queue),
    innerCounter: 1,
    clientFlowId: null,
    clientScreen: prepared.clientScreen,
    flowClientParameters: prepared.client,
    flowServerParameters: prepared.server,
    screen: prepared.screen,
    addedAt: op.now,
  };
  run.queue = [row, ...run.queue];
  return { ...outcomeOf(run), rejection: null, queued: row };
}
