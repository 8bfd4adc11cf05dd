import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { ClientFlowDef, ClientScreenDef, FlowScreen, QueuedScreen, Schema } from '../model';
import { predicateHolds } from '../predicate';
import { fillDefaults } from '../schema';
import { checkScreenInput, standardFor } from './build';
import { nextOuterCounter } from './queue';
import { predicateContext, type Run } from './run';
import { findUnsafeVariable } from './safety';
import { SpecialFlow } from './special-flows';
import { transformServerSide } from './transforms';
import type { Trigger } from './types';

/** A flow screen that passed every trigger-time step and will become a queue row. */
export interface PreparedScreen {
  /** Index in the flow's `screens` list: the row's inner counter. */
  index: number;
  clientScreen: ClientScreenDef;
  /** The rewritten snapshot (§4.1). */
  screen: FlowScreen;
  client: JsonObject;
  server: JsonObject;
}

export type Materialized =
  | { ok: true; screens: PreparedScreen[] }
  /** Abort: the flow has no effect at all; resolution continues with `fallback`. */
  | { ok: false; fallback: string; error: string; screenIndex: number };

/**
 * queue-engine.md §3.4 steps 1-7 for the chosen flow, without touching the queue. Screens are
 * examined in list order and, per screen, in step order; the first problem wins.
 */
export async function materialize(run: Run, flow: ClientFlowDef, trigger: Trigger): Promise<Materialized> {
  // Defaults are the same for every screen; computed on first use so that check order holds.
  const server = once(() => withDefaults(flow.serverSchema, trigger.server));
  const client = once(() => withDefaults(flow.clientSchema, trigger.client));
  const screens: PreparedScreen[] = [];
  for (const [index, flowScreen] of flow.screens.entries()) {
    const abort = (fallback: string, error: string): Materialized => ({ ok: false, fallback, error, screenIndex: index });

    // At trigger time the screen is queued "now": time_in_queue is 0.
    const rule = flowScreen.rules.trigger;
    if (rule && predicateHolds(rule, predicateContext(run, run.op.now))) continue;

    const clientScreen = await run.deps.screen(flowScreen.screen.slug);
    if (!clientScreen) return abort(SpecialFlow.errorScreenMissing, `screen '${flowScreen.screen.slug}' does not exist`);

    const unsafe = findUnsafeVariable(flowScreen, clientScreen.schema, run.deps.registry);
    if (unsafe) {
      return abort(SpecialFlow.errorUnsafe, `${unsafe.type} into ${JSON.stringify(unsafe.output_path)} is not server-only input into an unsafe format`);
    }

    const s = server();
    if (!s.ok) return abort(SpecialFlow.errorFlowSchema, `server defaults: ${s.error}`);
    const transformed = await transformServerSide(run.deps.registry, flow.serverSchema, flowScreen, s.value);
    if (transformed.kind === 'skip') continue;
    if (transformed.kind === 'fail') return abort(transformed.fallback, transformed.error);

    const c = client();
    if (!c.ok) return abort(SpecialFlow.errorFlowSchema, `client defaults: ${c.error}`);

    const parts = { screen: transformed.screen, schema: clientScreen.schema, client: c.value, server: transformed.server };
    const check = await checkScreenInput(run, parts, standardFor(run, [transformed.screen]));
    if (!check.ok) return abort(SpecialFlow.errorScreenSchema, check.error);

    screens.push({ index, clientScreen, screen: transformed.screen, client: cloneJson(c.value), server: transformed.server });
  }
  return { ok: true, screens };
}

/** Clears the queue if the flow replaces it, then puts the screens in front as one batch. */
export function prependBatch(run: Run, flow: ClientFlowDef, screens: PreparedScreen[]): QueuedScreen[] {
  if (flow.replaces) {
    run.queue = [];
    run.cleared = true;
  }
  const outerCounter = nextOuterCounter(run.queue);
  const rows = screens.map(
    (p): QueuedScreen => ({
      uid: run.deps.newQueueUid(),
      outerCounter,
      innerCounter: p.index,
      clientFlowId: flow.id,
      clientScreen: p.clientScreen,
      flowClientParameters: p.client,
      flowServerParameters: p.server,
      screen: p.screen,
      addedAt: run.op.now,
    }),
  );
  run.queue = [...rows, ...run.queue];
  return rows;
}

type Defaulted = { ok: true; value: JsonObject } | { ok: false; error: string };

/** §4.1 items 1 and 5: defaults filled into a copy; `null` parameters become `{}`. */
function withDefaults(schema: Schema, value: JsonValue): Defaulted {
  const r = fillDefaults(schema, cloneJson(value ?? {}));
  if (!r.ok) return r;
  return isJsonObject(r.value) ? { ok: true, value: r.value } : { ok: false, error: 'parameters are not an object' };
}

function once<T>(compute: () => T): () => T {
  let cached: { value: T } | null = null;
  return () => (cached ??= { value: compute() }).value;
}
