import type { JsonObject } from '../json';
import type { FlowScreen, PathStep, Schema, ScreenVariable } from '../model';
import { containsUnsafeTarget, resolveSchemaPath, type FormatRegistry } from '../schema';
import { parseStringFormat } from '../string-format';

/**
 * queue-engine.md §3.6, enforced at materialization (project rule): the first variable that
 * writes a value not coming only from server parameters into an unsafe target, or `null`.
 * `fixed` values and `server` inputs are always allowed.
 */
export function findUnsafeVariable(
  flowScreen: FlowScreen,
  screenSchema: Schema,
  registry: FormatRegistry,
): ScreenVariable | null {
  return flowScreen.screen.variable.find((v) => isUnsafeVariable(v, flowScreen.screen.fixed, screenSchema, registry)) ?? null;
}

/** One variable of the rule above; also used by save-time flow validation (admin-api.md §6.3 B). */
export function isUnsafeVariable(v: ScreenVariable, fixed: JsonObject, screenSchema: Schema, registry: FormatRegistry): boolean {
  const reachesUnsafe = (outputPath: PathStep[]) => containsUnsafeTarget(deepestNode(screenSchema, outputPath, fixed), registry);
  switch (v.type) {
    case 'extract':
      return v.input_path[0] !== 'server';
    case 'copy':
      return v.input_path[0] !== 'server' && reachesUnsafe(v.output_path);
    case 'string_format': {
      // An unparsable format cannot produce a value at all; the input check rejects it.
      const parsed = parseStringFormat(v.format);
      const untrusted = parsed.ok && parsed.parts.some((p) => p.kind === 'field' && p.root !== 'server');
      return untrusted && reachesUnsafe(v.output_path);
    }
  }
}

/**
 * The node an output path lands in. A path that does not fully resolve (a union whose
 * discriminator `fixed` does not give, a key the schema does not declare) is judged by the
 * deepest node it does reach: whatever the value becomes, it ends up inside that subtree.
 */
function deepestNode(schema: Schema, path: PathStep[], fixed: JsonObject): Schema {
  for (let n = path.length; n > 0; n--) {
    const r = resolveSchemaPath(schema, path.slice(0, n), fixed);
    if (r.ok) return r.node;
  }
  return schema;
}
