import type { JsonObject } from '../json';
import type { FlowScreen, Schema } from '../model';
import { realizeScreenInput, validateValue } from '../schema';
import { produceScreenInput, standardPathsOf } from '../screen-input';
import { standardContext, type Run } from './run';

/** The stored, unrealized parts of a queue row (or of a flow screen about to become one). */
export interface ScreenParts {
  screen: FlowScreen;
  schema: Schema;
  client: JsonObject;
  server: JsonObject;
}

export type Built = { ok: true; value: JsonObject } | { ok: false; error: string };

/** Standard parameters computed once for every path the given flow screens read (§4.4). */
export function standardFor(run: Run, screens: readonly FlowScreen[]): JsonObject {
  const paths = screens.flatMap((fs) => standardPathsOf(fs.screen));
  return run.deps.standard.compute(paths, standardContext(run));
}

/**
 * The materialization input check (queue-engine.md §3.7): produce the input, validate it
 * against the screen schema, then dry-run the plain-value walk (no references minted).
 */
export async function checkScreenInput(run: Run, parts: ScreenParts, standard: JsonObject): Promise<Built> {
  const input = produce(parts, standard);
  if (!input.ok) return { ok: false, error: input.error };
  const valid = validateValue(parts.schema, input.value);
  if (!valid.ok) {
    return { ok: false, error: valid.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
  }
  return realize(run, parts.schema, input.value, 'dry-run', new Map());
}

/** Realization for a response (§4.5): produce the input and convert it, minting references. */
export async function realizeScreen(
  run: Run,
  parts: ScreenParts,
  standard: JsonObject,
  memo: Map<string, unknown>,
): Promise<Built> {
  const input = produce(parts, standard);
  if (!input.ok) return { ok: false, error: input.error };
  return realize(run, parts.schema, input.value, 'full', memo);
}

const produce = (parts: ScreenParts, standard: JsonObject) =>
  produceScreenInput(parts.screen.screen, { client: parts.client, server: parts.server, standard });

async function realize(
  run: Run,
  schema: Schema,
  input: JsonObject,
  mode: 'full' | 'dry-run',
  memo: Map<string, unknown>,
): Promise<Built> {
  const context = { userSub: run.op.user.sub, now: run.op.now, memo, query: run.deps.query };
  const r = await realizeScreenInput(schema, input, { registry: run.deps.registry, mode, context });
  return r.ok ? r : { ok: false, error: `${r.path}: ${r.error}` };
}
