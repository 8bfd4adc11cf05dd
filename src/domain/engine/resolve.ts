import type { ClientFlowDef } from '../model';
import { predicateHolds } from '../predicate';
import { isStorableJson } from '../json';
import { validateValue } from '../schema';
import { materialize, prependBatch } from './materialize';
import { flowTriggerableFrom } from './platform';
import { predicateContext, type Run } from './run';
import { SpecialFlow } from './special-flows';
import { replacedEvent } from './stats';
import { EngineInternalError, type StatsEvent, type Trigger } from './types';

/** Project rule (queue-engine.md §3.2): at most 10 hops, no slug twice. */
export const MAX_HOPS = 10;

export interface ResolveOptions {
  /** Set for the slug a client asked for at pop: `replaced` keys then name the popped screen. */
  poppedScreenSlug?: string | null;
  /** Events that belong to this trigger and share its fate (the `…:{asked}:forbidden` hop). */
  leadingStats?: StatsEvent[];
}

/** A trigger run by the engine itself: empty parameters, source server, trusted (§3.5). */
export const engineTrigger = (slug: string): Trigger => ({ slug, client: {}, server: {}, source: 'server', trusted: true });

/**
 * Resolves a trigger (§3.2) and applies the chosen flow to the run's queue (§3.4). Returns the
 * chosen flow's slug, or `null` when the hop limit dropped the trigger; then nothing of it
 * applies, not even its statistics (stats-cache-jobs.md §1.6 defect B).
 */
export async function resolve(run: Run, trigger: Trigger, options: ResolveOptions = {}): Promise<string | null> {
  const scratch: StatsEvent[] = [...(options.leadingStats ?? [])];
  const visited = new Set([trigger.slug]);
  let current = trigger;
  let poppedScreenSlug = options.poppedScreenSlug ?? null;
  for (;;) {
    const step = await checkFlow(run, current);
    let next: Trigger;
    let nextPopped = poppedScreenSlug;
    if (step.kind === 'hop') {
      next = step.next;
    } else {
      const m = await materialize(run, step.flow, current);
      if (m.ok) {
        const rows = prependBatch(run, step.flow, m.screens);
        const { source, trusted } = current;
        const version = run.op.version;
        for (const row of rows) scratch.push({ event: 'queued', source, version, screenSlug: row.screen.screen.slug });
        scratch.push({ event: 'triggered', source, version, flowSlug: step.flow.slug, trusted });
        run.stats.push(...scratch);
        run.flowsTriggered.push(step.flow.slug);
        return step.flow.slug;
      }
      run.deps.warn('flow aborted at materialization', {
        flow: current.slug,
        screenIndex: m.screenIndex,
        fallback: m.fallback,
        error: m.error,
      });
      next = fallback(current, m.fallback);
      // stats-cache-jobs.md §1.4 row 6: the fallback no longer counts as the client's pop trigger.
      nextPopped = null;
    }
    scratch.push(replacedEvent(current.source, run.op.version, poppedScreenSlug, current.slug, next.slug));
    if (visited.size > MAX_HOPS || visited.has(next.slug)) {
      run.deps.warn('trigger dropped: resolution exceeded the hop limit or revisited a flow', {
        trigger: trigger.slug,
        path: [...visited, next.slug],
      });
      return null;
    }
    visited.add(next.slug);
    current = next;
    poppedScreenSlug = nextPopped;
  }
}

type Step = { kind: 'hop'; next: Trigger } | { kind: 'chosen'; flow: ClientFlowDef };

/** §3.2 steps 1-5 for one slug. */
async function checkFlow(run: Run, t: Trigger): Promise<Step> {
  const hop = (next: Trigger): Step => ({ kind: 'hop', next });

  const flow = await run.deps.flow(t.slug);
  if (!flow) return hop(fallback(t, SpecialFlow.notFound));

  if (t.source !== 'server' && !flowTriggerableFrom(flow.flags, t.source)) {
    return hop(fallback(t, SpecialFlow.wrongPlatform));
  }

  // Checked for trusted triggers too.
  // Parameters jsonb cannot store (U+0000, lone surrogates) or too deep to walk fail like a schema.
  const storable = isStorableJson(t.client) && isStorableJson(t.server);
  if (!storable || !validateValue(flow.clientSchema, t.client).ok || !validateValue(flow.serverSchema, t.server).ok) {
    return hop(fallback(t, SpecialFlow.errorFlowSchema));
  }

  // Rules see the trigger as if queued now (§3.2 step 4).
  const ctx = predicateContext(run, run.op.now);
  for (const rule of flow.rules) {
    if (!predicateHolds(rule.condition, ctx)) continue;
    const effect = rule.effect;
    switch (effect.type) {
      case 'replace':
        return hop({
          ...t,
          slug: effect.slug,
          client: effect.client_parameters?.type === 'copy' ? t.client : {},
          server: effect.server_parameters?.type === 'copy' ? t.server : {},
        });
      case 'skip':
        return hop({ ...engineTrigger(SpecialFlow.skip), source: t.source });
      default:
        run.deps.warn('ignoring flow rule with an unknown effect', { flow: flow.slug, effect });
    }
  }
  return { kind: 'chosen', flow };
}

/**
 * The engine's fallback for a failed check. A special flow that needs its own fallback (a
 * missing `not_found`, an `error_flow_schema` rejecting `{}`, ...) is a misconfiguration.
 */
function fallback(current: Trigger, slug: string): Trigger {
  if (current.slug === slug) {
    throw new EngineInternalError(`special flow '${slug}' is missing or misconfigured`, { slug });
  }
  return engineTrigger(slug);
}
