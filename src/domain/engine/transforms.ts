import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { FlowScreen, PathStep, Schema, ScreenVariable } from '../model';
import { readPath, resolveSchemaPath, writePath, type FormatRegistry } from '../schema';
import { formatE164, formatKeyStep, formatToString, parseStringFormat, type FormatPart } from '../string-format';
import { SpecialFlow } from './special-flows';

/** Result of the server-side trigger-time transforms of one flow screen (queue-engine.md §4.1 items 2-4). */
export type ServerTransform =
  | { kind: 'ok'; screen: FlowScreen; server: JsonObject }
  /** `extract` with `skip_if_missing` met a null/absent input: the screen is not queued. */
  | { kind: 'skip' }
  | { kind: 'fail'; fallback: string; error: string };

type Failure = Extract<ServerTransform, { kind: 'fail' }>;
const fail = (fallback: string, error: string): Failure => ({ kind: 'fail', fallback, error });
/** A value that cannot be produced is the screen-input failure of §3.7. */
const productionFailure = (error: string) => fail(SpecialFlow.errorScreenSchema, error);

const EXTRACTED = '__extracted';
const NONE: PathStep[] = [EXTRACTED, '__none'];

/**
 * Runs `extract` and the `string_format` rewrites on a copy of the (defaulted) server
 * parameters, and returns the rewritten flow screen snapshot. Extraction happens here, once,
 * because the flow's server schema (which says what to extract) is not available at peek.
 */
export async function transformServerSide(
  registry: FormatRegistry,
  serverSchema: Schema,
  flowScreen: FlowScreen,
  serverParameters: JsonObject,
): Promise<ServerTransform> {
  const ctx: Ctx = { registry, serverSchema, server: cloneJson(serverParameters) };
  const variable: ScreenVariable[] = [];
  for (const v of flowScreen.screen.variable) {
    if (v.type === 'extract') {
      const r = await applyExtract(ctx, v);
      if (r) return r;
      variable.push(v);
    } else if (v.type === 'string_format') {
      const r = await rewriteStringFormat(ctx, v);
      if (typeof r !== 'string') return r;
      variable.push({ ...v, format: r });
    } else {
      variable.push(v);
    }
  }
  const screen = structuredClone(flowScreen);
  screen.screen.variable = structuredClone(variable);
  return { kind: 'ok', screen, server: ctx.server };
}

interface Ctx {
  registry: FormatRegistry;
  serverSchema: Schema;
  /** The row's server parameters being built. */
  server: JsonObject;
}

/** §4.1 item 2: stores the extracted value at `__extracted.<output_path>`, where production reads it. */
async function applyExtract(
  ctx: Ctx,
  v: Extract<ScreenVariable, { type: 'extract' }>,
): Promise<ServerTransform | null> {
  // Safety (§3.6) already guaranteed the input starts at `server`.
  const uidPath = v.input_path.slice(1);
  const input = readPath(ctx.server, uidPath);
  let value: JsonValue = null;
  if (input.ok && input.value !== null) {
    const loaded = await extractFrom(ctx, uidPath, input.value, v.extracted_path);
    if (!loaded.ok) return loaded.failure;
    value = loaded.value;
  } else if (v.skip_if_missing) {
    return { kind: 'skip' };
  }
  return store(ctx, [EXTRACTED, ...v.output_path], value);
}

/**
 * §4.1 items 3-4: server placeholders that walk into an extractable uid are extracted, those
 * that run into a null/absent value read `__extracted.__none`, and `e164` values are formatted
 * now; each rewritten placeholder then reads its stored value. Returns the new format string.
 */
async function rewriteStringFormat(
  ctx: Ctx,
  v: Extract<ScreenVariable, { type: 'string_format' }>,
): Promise<string | Failure> {
  const parsed = parseStringFormat(v.format);
  if (!parsed.ok) return productionFailure(`string_format: ${parsed.error}`);
  // Stored values live under object keys only, so the placeholders can read them back verbatim.
  const out = v.output_path.map(String);
  const parts: FormatPart[] = [];
  for (const part of parsed.parts) {
    if (part.kind !== 'field') {
      parts.push(part);
      continue;
    }
    if (part.root !== 'server') {
      if (part.spec !== null) return productionFailure(`format spec '${part.spec}' on a ${part.root} placeholder`);
      parts.push(part);
      continue;
    }
    const found = await serverFieldValue(ctx, part.path);
    if ('failure' in found) return found.failure;
    const suffix = `_${part.index}`;
    let path: PathStep[] | null = null;
    let stored: JsonValue = null;
    if (!found.present) {
      path = NONE;
    } else if (part.spec === 'e164') {
      if (typeof found.value !== 'string') return productionFailure(`e164 needs a string at server${bracketed(part.path)}`);
      path = ['__bonus_format_specs', 'e164', ...out, suffix];
      stored = formatE164(found.value);
    } else if (found.extracted) {
      path = [EXTRACTED, ...out, suffix];
      stored = found.value;
    }
    if (path === null) {
      parts.push(part);
      continue;
    }
    const r = store(ctx, path, stored);
    if (r) return r;
    parts.push({ ...part, path, spec: null });
  }
  try {
    return formatToString(parts);
  } catch (e) {
    // An output key no format string can express (flow validation rejects those at save).
    return productionFailure(`string_format: ${(e as Error).message}`);
  }
}

type FieldValue =
  | { present: false }
  | { present: true; value: JsonValue; extracted: boolean }
  | { failure: Failure };

/** Walks a placeholder's server path; a uid string met before the end is extracted through. */
async function serverFieldValue(ctx: Ctx, path: PathStep[]): Promise<FieldValue> {
  let current: JsonValue = ctx.server;
  const walked: PathStep[] = [];
  for (const [i, raw] of path.entries()) {
    if (current === null) return { present: false };
    if (typeof current === 'string') {
      const loaded = await extractFrom(ctx, walked, current, path.slice(i));
      return loaded.ok ? { present: true, value: loaded.value, extracted: true } : { failure: loaded.failure };
    }
    const step = formatKeyStep(current, raw);
    if (isJsonObject(current) && !Object.hasOwn(current, String(step))) return { present: false };
    const next = readPath(current, [step]);
    if (!next.ok) return { failure: productionFailure(`server${bracketed(path)}: ${next.error}`) };
    walked.push(step);
    current = next.value;
  }
  return current === null ? { present: false } : { present: true, value: current, extracted: false };
}

type Loaded = { ok: true; value: JsonValue } | { ok: false; failure: Failure };

/** Loads the object a uid names (through the extractor of its server-schema format) and reads a path in it. */
async function extractFrom(ctx: Ctx, uidPath: PathStep[], uid: JsonValue, extractedPath: PathStep[]): Promise<Loaded> {
  const node = resolveSchemaPath(ctx.serverSchema, uidPath, ctx.server);
  const format = node.ok && typeof node.node.format === 'string' ? node.node.format : undefined;
  const extractor = format === undefined ? undefined : ctx.registry.extractor(format);
  const where = `server${bracketed(uidPath)}`;
  if (!extractor) return { ok: false, failure: productionFailure(`${where} has no extractable format`) };
  if (typeof uid !== 'string') return { ok: false, failure: productionFailure(`${where} is not a string`) };
  const object = await extractor.load(uid);
  // The target object is gone: the same outcome as a missing resource (§3.4 step 4).
  if (object === null) return { ok: false, failure: fail(SpecialFlow.notFound, `${extractor.format} ${uid} not found`) };
  const value = readPath(object, extractedPath);
  if (!value.ok) return { ok: false, failure: productionFailure(`${extractor.format} ${uid}${bracketed(extractedPath)}: ${value.error}`) };
  return { ok: true, value: value.value };
}

function store(ctx: Ctx, path: PathStep[], value: JsonValue): Failure | null {
  const r = writePath(ctx.server, path, value);
  return r.ok ? null : productionFailure(`cannot store server${bracketed(path)}: ${r.error}`);
}

const bracketed = (path: readonly PathStep[]) => path.map((s) => `[${String(s)}]`).join('');
