/**
 * The one flow-screen validator (admin-api.md §6.3 B, §6.4 item 1, §9.2 steps 6-9): patch
 * runs it on every flow screen of the final flow, test_screen on the screen under test, so a
 * saved flow never fails its own test. Pure: everything it needs is in the context.
 */
import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { ClientScreenDef, FlowScreen, PathStep, Schema, ScreenVariable } from '../model';
import { isUnsafeVariable } from '../engine/safety';
import {
  fillDefaults, isUnionNode, readPath, resolveSchemaPath, selectUnionBranch, validateValue, type FormatRegistry,
} from '../schema';
import { ownValue } from '../schema/nodes';
import { mediaListOf } from '../schema/references';
import { produceScreenInput, standardPathsOf } from '../screen-input';
import type { StandardParameterRegistry } from '../standard-parameters';
import { parseStringFormat } from '../string-format';
import { flagsInRange, MAX_FLAGS, pathOf, type FlowIssue, type FlowIssueCode } from './issues';
import { isAlwaysAllowedTrigger } from './slugs';

/** What the save-time check learns of a referenced resource. */
export type ResourceCheck = 'found' | 'missing' | 'wrong_list';

export interface FlowScreenContext {
  registry: FormatRegistry;
  standard: StandardParameterRegistry;
  /** The flow's parameter schemas (already checked, or their issues reported separately). */
  clientSchema: Schema;
  serverSchema: Schema;
  /** Referenced client screens, preloaded by the caller. */
  screen(slug: string): ClientScreenDef | undefined;
  /** Does a flow with this slug exist (after the change being validated)? */
  flowExists(slug: string): boolean;
  /**
   * Does the resource an unsafe-format `fixed` value names exist, and (media) is it in `list`,
   * the field's list (`x-processor.list`, `@{w}x{h}` added for dynamic sizes; null when unknown)?
   * Preloaded by the caller; undefined when the system keeps no table for that kind of resource
   * (then not checked here; test_screen's realization still surfaces it).
   */
  checkResource?(format: string, uid: string, list: string | null): ResourceCheck | undefined;
  /**
   * Also build the input from `fixed` and each variable's input `example` and validate it
   * against the screen schema (§6.4 item 1). test_screen validates the real parameters instead.
   */
  exampleInput: boolean;
}

/** Every issue of one flow screen at `at` (e.g. `screens[3]`), in test_screen's check order. */
export function checkFlowScreen(fs: FlowScreen, at: string, ctx: FlowScreenContext): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const add = (path: string, code: FlowIssueCode, message: string) => issues.push({ path, code, message });
  if (!flagsInRange(fs.flags)) add(pathOf(at, 'flags'), 'flags_out_of_range', `flags must be an integer from 0 to ${MAX_FLAGS}`);
  fs.allowed_triggers.forEach((slug, j) => {
    if (!isAlwaysAllowedTrigger(slug) && !ctx.flowExists(slug)) {
      add(pathOf(at, 'allowed_triggers', j), 'unknown_trigger_flow', `there is no flow '${slug}' (create it first)`);
    }
  });
  const screen = ctx.screen(fs.screen.slug);
  if (screen === undefined) {
    add(pathOf(at, 'screen', 'slug'), 'screen_not_found', `there is no client screen '${fs.screen.slug}'`);
    return issues;
  }
  const writes = new Set(fs.screen.variable.map((v) => JSON.stringify(v.output_path)));
  walkFixed(screen.schema, fs.screen.fixed, {
    problem: (steps, code, message) => {
      // A discriminator some variable writes: it must be fixed instead (§9.2 step 9).
      const written = code === 'discriminator_unresolved' && writes.has(JSON.stringify(steps));
      add(pathOf(at, 'screen', 'fixed', ...steps), written ? 'discriminator_must_be_fixed' : code, message);
    },
    leaf: (node, value, steps) => {
      if (node.type !== 'string' || typeof value !== 'string') return;
      const where = pathOf(at, 'screen', 'fixed', ...steps);
      if (node.format === 'flow_slug' && !isAlwaysAllowedTrigger(value) && !fs.allowed_triggers.includes(value)) {
        add(where, 'flow_slug_not_allowed', `'${value}' must be listed in this screen's allowed_triggers`);
      } else if (typeof node.format === 'string' && ctx.registry.isUnsafe(node.format) && ctx.checkResource) {
        const list = mediaListOf(node, { schema: screen.schema, input: fs.screen.fixed });
        const found = ctx.checkResource(node.format, value, list);
        if (found === 'missing') add(where, 'resource_not_found', `there is no ${node.format} '${value}'`);
        else if (found === 'wrong_list') add(where, 'resource_wrong_list', `${node.format} '${value}' is not in the list '${list}' this field takes`);
      }
    },
  });
  const extracting = { any: false };
  fs.screen.variable.forEach((v, j) => {
    for (const issue of checkVariable(v, fs.screen.fixed, screen.schema, ctx, extracting)) {
      add(pathOf(at, 'screen', 'variable', j, ...issue.steps), issue.code, issue.message);
    }
  });
  if (ctx.exampleInput && issues.length === 0 && !extracting.any) {
    const problem = exampleInputProblem(fs, screen.schema, ctx);
    if (problem !== null) add(pathOf(at, 'screen'), 'example_mismatch', problem);
  }
  return issues;
}

// ---- fixed values (§9.2 steps 6-7 and 9) ----

export interface FixedVisitor {
  /** A value that can never satisfy the node at `steps`. */
  problem(steps: PathStep[], code: FlowIssueCode, message: string): void;
  /** A scalar (or null) that fits its node. */
  leaf(node: Schema, value: JsonValue, steps: PathStep[]): void;
}

/**
 * Walks `fixed` along the screen schema: union branches chosen by the discriminators `fixed`
 * gives, every leaf checked against its node. Required properties are not demanded here
 * (variables may provide them); the example-input check does that.
 */
export function walkFixed(schema: Schema, fixed: JsonValue, visitor: FixedVisitor): void {
  const visit = (node: Schema, value: JsonValue, steps: PathStep[]): void => {
    if (value === null) {
      if (node.nullable !== true) visitor.problem(steps, 'fixed_mismatch', 'null is not allowed here');
      else visitor.leaf(node, value, steps);
      return;
    }
    if (isUnionNode(node)) {
      const d = node['x-enum-discriminator'] as string;
      if (!isJsonObject(value)) return visitor.problem(steps, 'fixed_mismatch', 'must be an object');
      if (!Object.hasOwn(value, d)) {
        return visitor.problem([...steps, d], 'discriminator_unresolved', `'${d}' must be given here: it chooses the variant`);
      }
      const selected = selectUnionBranch(node, value);
      if (!selected.ok) return visitor.problem([...steps, d], 'discriminator_not_allowed', selected.error);
      node = selected.branch;
    }
    if (node.type === 'object') {
      if (!isJsonObject(value)) return visitor.problem(steps, 'fixed_mismatch', 'must be an object');
      if (!isJsonObject(node.properties)) return; // a free-form object: anything goes
      for (const [key, member] of Object.entries(value)) {
        const child = ownValue(node.properties, key);
        if (isJsonObject(child)) visit(child, member, [...steps, key]);
        else visitor.problem([...steps, key], 'fixed_mismatch', `the screen declares no property '${key}'`);
      }
      return;
    }
    if (node.type === 'array') {
      if (!Array.isArray(value)) return visitor.problem(steps, 'fixed_mismatch', 'must be an array');
      const items = node.items;
      if (isJsonObject(items)) value.forEach((item, i) => visit(items, item, [...steps, i]));
      return;
    }
    const valid = validateValue(node, value);
    if (!valid.ok) return visitor.problem(steps, 'fixed_mismatch', valid.issues.map((i) => i.message).join('; '));
    visitor.leaf(node, value, steps);
  };
  visit(schema, fixed, []);
}

// ---- variables (§6.3 B.2-B.3, §9.2 step 8) ----

interface VariableIssue {
  steps: PathStep[];
  code: FlowIssueCode;
  message: string;
}

type Usage = ScreenVariable['type'];

function checkVariable(
  v: ScreenVariable,
  fixed: JsonObject,
  schema: Schema,
  ctx: FlowScreenContext,
  extracting: { any: boolean },
): VariableIssue[] {
  const issues: VariableIssue[] = [];
  const add = (steps: PathStep[], code: FlowIssueCode, message: string) => issues.push({ steps, code, message });
  const out = v.output_path;

  // Target (the screen schema along output_path, fixed tracked for union choices).
  let target: Schema | null = null;
  const parent = resolveSchemaPath(schema, out.slice(0, -1), fixed);
  if (parent.ok && isUnionNode(parent.node) && parent.node['x-enum-discriminator'] === out.at(-1)) {
    add(['output_path'], 'discriminator_must_be_fixed', 'a union discriminator must be fixed, not variable');
  } else {
    const resolved = resolveSchemaPath(schema, out, fixed);
    if (resolved.ok) target = resolved.node;
    else add(['output_path'], 'bad_target_path', resolved.error);
  }
  if (readPath(fixed, out).ok) add(['output_path'], 'redundant_fixed', 'fixed already has a value here; remove one of them');
  if (isUnsafeVariable(v, fixed, schema, ctx.registry)) {
    if (v.type === 'extract') add(['input_path'], 'extract_not_server', 'extract reads server parameters only');
    else add(['output_path'], 'unsafe_target', 'only fixed values and server parameters may fill this format (it becomes a signed reference)');
  }

  // Inputs.
  if (v.type === 'string_format') {
    const parsed = parseStringFormat(v.format);
    if (!parsed.ok) {
      add(['format'], 'bad_format_string', parsed.error);
      return issues;
    }
    for (const part of parsed.parts) {
      if (part.kind !== 'field') continue;
      const input = walkInput(ctx, [part.root, ...part.path], 'string_format', true);
      if (!input.ok) {
        add(['format'], input.code, `{${part.root}${part.path.map((s) => `[${String(s)}]`).join('')}}: ${input.message}`);
        continue;
      }
      if (input.extracted) extracting.any = true;
      const type = input.node.type;
      if (type !== 'string' && type !== 'integer' && type !== 'number' && type !== 'boolean') {
        add(['format'], 'type_mismatch', `{${part.root}${part.path.map((s) => `[${String(s)}]`).join('')}} must be a string, number, integer or boolean`);
      }
    }
    if (target !== null && target.type !== undefined && target.type !== 'string') {
      add(['output_path'], 'type_mismatch', `a formatted string cannot fill a ${String(target.type)} node`);
    }
    return issues;
  }

  const input = walkInput(ctx, v.input_path, v.type, v.type === 'extract' && v.skip_if_missing);
  if (!input.ok) {
    add(['input_path'], input.code, input.message);
    return issues;
  }
  if (v.type === 'copy') {
    if (target === null) return issues;
    if (input.nullable && target.nullable !== true && Object.keys(target).length > 0) {
      add(['output_path'], 'nullable_mismatch', 'the input may be null but the target is not nullable');
    }
    if (Object.hasOwn(input.node, 'example') && Object.keys(target).length > 0) {
      const valid = validateValue(target, input.node.example);
      if (!valid.ok) add(['input_path'], 'example_mismatch', `the input's example does not fit the target: ${valid.issues.map((i) => i.message).join('; ')}`);
    }
    return issues;
  }
  // extract
  extracting.any = true;
  if (v.input_path[0] !== 'server') return issues; // reported as extract_not_server above
  const format = typeof input.node.format === 'string' ? input.node.format : undefined;
  const extractor = input.node.type === 'string' && format !== undefined ? ctx.registry.extractor(format) : undefined;
  if (extractor === undefined) {
    add(['input_path'], 'extract_bad_source', 'must point at a string whose format has an extractor (e.g. course_uid)');
    return issues;
  }
  const extracted = walkModel(extractor.objectSchema, v.extracted_path);
  if (!extracted.ok) {
    add(['extracted_path'], 'extract_bad_path', extracted.message);
    return issues;
  }
  if (target !== null && target.type !== undefined && extracted.node.type !== target.type) {
    add(['output_path'], 'type_mismatch', `the extracted value is ${String(extracted.node.type ?? 'untyped')}, the target ${String(target.type)}`);
  }
  if (target !== null && extracted.nullable && !v.skip_if_missing && target.nullable !== true) {
    add(['output_path'], 'nullable_mismatch', 'the extracted value may be null: make the target nullable or set skip_if_missing');
  }
  return issues;
}

type Walked = { ok: true; node: Schema; nullable: boolean; extracted: boolean } | { ok: false; code: FlowIssueCode; message: string };

/**
 * The input side of a variable (§9.2 step 8.1): where its value comes from, and the schema it
 * has there. `fixed` is not consulted (the reference's input-side tracking of it was a defect).
 */
function walkInput(ctx: FlowScreenContext, path: readonly PathStep[], usage: Usage, missingAllowed: boolean): Walked {
  const [root, ...rest] = path;
  if (root === 'standard') {
    const node = ctx.standard.schemaOf(rest.map(String));
    if (node !== undefined) return { ok: true, node, nullable: false, extracted: false };
    const known = ctx.standard.leafPaths().map((p) => p.join('.')).join(', ');
    return { ok: false, code: 'unknown_standard_parameter', message: `standard${rest.map((s) => `[${String(s)}]`).join('')} is not a standard parameter (known: ${known})` };
  }
  if (root !== 'client' && root !== 'server') return { ok: false, code: 'bad_input_path', message: 'must start with client, server or standard' };
  let node = root === 'client' ? ctx.clientSchema : ctx.serverSchema;
  let nullable = false;
  for (let i = 0; i < rest.length; i++) {
    const step = rest[i];
    const fail = (why: string): Walked => ({ ok: false, code: 'bad_input_path', message: `${root}${rest.slice(0, i).map((s) => `[${String(s)}]`).join('')}: ${why}` });
    if (!isJsonObject(node)) return fail('not a schema');
    if (node.nullable === true) {
      if (!missingAllowed) return fail('may be null, so nothing can be read below it');
      nullable = true;
    }
    if (node.type === 'string') {
      const extractor = typeof node.format === 'string' ? ctx.registry.extractor(node.format) : undefined;
      if (extractor === undefined) return fail('a string has no members');
      if (root !== 'server' || usage !== 'string_format') {
        return fail(`only a server placeholder of a string_format can read into a ${String(node.format)} object`);
      }
      const inner = walkModel(extractor.objectSchema, rest.slice(i));
      if (!inner.ok) return fail(inner.message);
      return { ok: true, node: inner.node, nullable: nullable || inner.nullable, extracted: true };
    }
    if (isUnionNode(node)) return fail('cannot read through a union (oneOf) of the parameters');
    if (node.type === 'object') {
      if (!isJsonObject(node.properties)) return { ok: true, node: {}, nullable, extracted: false }; // free-form: anything
      const child = ownValue(node.properties, String(step));
      if (!isJsonObject(child)) return fail(`declares no property '${String(step)}'`);
      const required = Array.isArray(node.required) && node.required.includes(String(step));
      if (!required && !Object.hasOwn(child, 'default') && !missingAllowed) return fail(`'${String(step)}' is optional: require it or give it a default`);
      node = child;
      continue;
    }
    if (node.type === 'array') {
      const index = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : NaN;
      if (!Number.isInteger(index)) return fail(`'${String(step)}' is not an array index`);
      if (!isJsonObject(node.items)) return fail('the array has no items schema');
      if (!(typeof node.minItems === 'number' && node.minItems > index)) return fail(`index ${index} needs minItems > ${index}`);
      node = node.items;
      continue;
    }
    return fail(`a ${String(node.type ?? 'untyped')} value has no members`);
  }
  return { ok: true, node, nullable: nullable || node.nullable === true, extracted: false };
}

type ModelWalk = { ok: true; node: Schema; nullable: boolean } | { ok: false; message: string };

/**
 * A path inside an extractor's object schema (generated model schemas): `$ref` to `#/$defs/…`,
 * a one-member `allOf` and an `anyOf` with one non-null member are followed.
 */
function walkModel(model: Schema, path: readonly PathStep[]): ModelWalk {
  let nullable = false;
  const unwrap = (node: Schema): Schema | null => {
    for (let hops = 0; hops < 32; hops++) {
      const ref = node.$ref;
      if (typeof ref === 'string') {
        const name = ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : null;
        const defs = model.$defs;
        const next = name !== null && isJsonObject(defs) ? ownValue(defs, name) : undefined;
        if (!isJsonObject(next)) return null;
        node = next;
      } else if (Array.isArray(node.allOf) && node.allOf.length === 1 && isJsonObject(node.allOf[0])) {
        node = node.allOf[0];
      } else if (Array.isArray(node.anyOf)) {
        const members = node.anyOf.filter((m): m is JsonObject => isJsonObject(m) && m.type !== 'null');
        if (members.length !== 1) return null;
        if (members.length !== node.anyOf.length) nullable = true;
        node = members[0];
      } else {
        if (node.nullable === true) nullable = true;
        return node;
      }
    }
    return null;
  };
  let node = unwrap(model);
  for (const [i, step] of path.entries()) {
    const where = `extracted${path.slice(0, i).map((s) => `[${String(s)}]`).join('')}`;
    if (node === null) return { ok: false, message: `${where}: cannot be resolved` };
    if (node.type === 'object' && isJsonObject(node.properties)) {
      const child = ownValue(node.properties, String(step));
      if (!isJsonObject(child)) return { ok: false, message: `${where} has no property '${String(step)}'` };
      if (!(Array.isArray(node.required) && node.required.includes(String(step)))) nullable = true;
      node = unwrap(child);
    } else {
      return { ok: false, message: `${where} is not an object with properties` };
    }
  }
  return node === null ? { ok: false, message: 'cannot be resolved' } : { ok: true, node, nullable };
}

// ---- the input built from examples (§6.4 item 1) ----

/** Sample moment for standard parameters: their values vary, their types do not. */
const SAMPLE_STANDARD_CONTEXT = { user: null, now: 0, requestTimezone: null };

function exampleInputProblem(fs: FlowScreen, schema: Schema, ctx: FlowScreenContext): string | null {
  const example = (s: Schema): JsonObject => {
    const filled = isJsonObject(s.example) ? fillDefaults(s, cloneJson(s.example)) : null;
    return filled?.ok && isJsonObject(filled.value) ? filled.value : {};
  };
  const standard = ctx.standard.compute(standardPathsOf(fs.screen), SAMPLE_STANDARD_CONTEXT);
  const input = produceScreenInput(fs.screen, { client: example(ctx.clientSchema), server: example(ctx.serverSchema), standard });
  if (!input.ok) return `the screen input cannot be built from fixed and the parameter examples: ${input.error}`;
  const valid = validateValue(schema, input.value);
  if (valid.ok) return null;
  return `the screen input built from fixed and the parameter examples does not match the screen: ${valid.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
}
