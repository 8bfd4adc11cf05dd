/**
 * The realizer (screens-and-media.md §2.3): walks the screen input through the screen schema,
 * converting custom formats into references. It trusts earlier checks for constraints (enum,
 * ranges, patterns) and asserts only structure: types, formats, presence of defaults.
 */
import { canonicalJson, cloneJson, isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { PathStep, Schema } from '../model';
import type { FormatRegistry, RealizeContext } from './formats';
import { formatPath } from './json-path';
import { isUnionNode, kindOf, ownValue, selectUnionBranch, setOwn } from './nodes';
import { resolveDynamicSize } from './references';

export type RealizeResult = { ok: true; value: JsonObject } | { ok: false; path: string; error: string };

export interface RealizeOptions {
  registry: FormatRegistry;
  /** 'full' converts custom formats; 'dry-run' (queue-engine §3.7) only checks they are strings. */
  mode: 'full' | 'dry-run';
  context: RealizeContext;
}

type Walked = { ok: true; value: JsonValue } | { ok: false; path: string; error: string };

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const NUMBER_FORMATS = new Set(['float', 'double']);

/** mode 'full' converts custom formats through the registry; 'dry-run' (queue-engine §3.7) checks they are strings and keeps them. */
export async function realizeScreenInput(schema: Schema, input: JsonObject, options: RealizeOptions): Promise<RealizeResult> {
  const walked = await new Walk(schema, input, options).realize(schema, input, true, []);
  if (!walked.ok) return walked;
  if (!isJsonObject(walked.value)) return { ok: false, path: '$', error: `the screen schema must describe an object, got ${kindOf(walked.value)}` };
  return { ok: true, value: walked.value };
}

class Walk {
  constructor(
    private readonly schema: Schema,
    private readonly input: JsonObject,
    private readonly options: RealizeOptions,
  ) {}

  async realize(node: Schema, given: JsonValue | undefined, present: boolean, at: PathStep[]): Promise<Walked> {
    let value = given as JsonValue;
    if (!present) {
      if (!Object.hasOwn(node, 'default')) return fail(at, 'is missing and has no default');
      // Defaults are realized like given values (a default image uid is converted too).
      value = cloneJson(node.default);
    }
    if (node.nullable === true && value === null) return ok(null);
    switch (node.type) {
      case 'object':
        return this.object(node, value, at);
      case 'array':
        return this.array(node, value, at);
      case 'string':
        return this.string(node, value, at);
      case 'integer':
        return integer(node, value, at);
      case 'number':
        if (!NUMBER_FORMATS.has(node.format as string) && node.format !== undefined) return badFormat(node, at);
        return typeof value === 'number' && Number.isFinite(value) ? ok(value) : expected('a finite number', value, at);
      case 'boolean':
        if (node.format !== undefined) return badFormat(node, at);
        return typeof value === 'boolean' ? ok(value) : expected('a boolean', value, at);
      case 'null':
        return value === null ? ok(null) : expected('null', value, at);
      default:
        return fail(at, node.type === undefined ? 'the schema node has no type' : `the schema node has an unknown type ${JSON.stringify(node.type)}`);
    }
  }

  private async object(node: Schema, value: JsonValue, at: PathStep[]): Promise<Walked> {
    if (isUnionNode(node)) {
      const selected = selectUnionBranch(node, value);
      return selected.ok ? this.realize(selected.branch, value, true, at) : fail(at, selected.error);
    }
    if (node.format !== undefined) return badFormat(node, at);
    if (!isJsonObject(value)) return expected('an object', value, at);
    // Free-form bags (e.g. trigger parameters) are copied through.
    if (!isJsonObject(node.properties)) return ok(value);
    const entries = Object.entries(node.properties);
    const walked = await Promise.all(
      entries.map(([key, child]) => {
        const member = ownValue(value, key);
        return isJsonObject(child)
          ? this.realize(child, member, member !== undefined, [...at, key])
          : fail([...at, key], 'the property schema is not an object');
      }),
    );
    // Undeclared keys are dropped: the output has exactly the declared properties.
    const out: JsonObject = {};
    for (const [i, [key]] of entries.entries()) {
      const r = walked[i];
      if (!r.ok) return r;
      setOwn(out, key, r.value);
    }
    return ok(out);
  }

  private async array(node: Schema, value: JsonValue, at: PathStep[]): Promise<Walked> {
    if (node.format !== undefined) return badFormat(node, at);
    if (!Array.isArray(value)) return expected('an array', value, at);
    const items = node.items;
    if (!isJsonObject(items)) return fail(at, 'the array schema has no items schema');
    const walked = await Promise.all(value.map((item, i) => this.realize(items, item, true, [...at, i])));
    const out: JsonValue[] = [];
    for (const r of walked) {
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  }

  private async string(node: Schema, value: JsonValue, at: PathStep[]): Promise<Walked> {
    if (typeof value !== 'string') return expected('a string', value, at);
    const { registry, mode } = this.options;
    const format = node.format;
    if (format === undefined) return ok(value);
    if (typeof format !== 'string' || !registry.isKnownStringFormat(format)) return badFormat(node, at);
    if (!registry.isUnsafe(format) || mode === 'dry-run') return ok(value);
    const converter = registry.resourceFormat(format);
    if (!converter) return fail(at, `no converter is registered for format '${format}'`);
    const converted = await this.memoized(format, value, node, () =>
      converter.convert(this.options.context, value, node, { schema: this.schema, input: this.input }),
    );
    if (converted !== null) return ok(converted);
    // A missing object for a required field fails the screen (§2.4.3 project rule).
    return node.nullable === true ? ok(null) : fail(at, `${format} ${JSON.stringify(value)} does not resolve and the field is not nullable`);
  }

  /**
   * One conversion per response for the same uid and conversion-relevant node settings
   * (extensions, and the resolved dynamic size, which depends on this screen's input).
   * The promise is stored so concurrent identical conversions share it.
   */
  private memoized(format: string, value: string, node: Schema, convert: () => Promise<JsonValue | null>): Promise<JsonValue | null> {
    const extensions = Object.fromEntries(Object.entries(node).filter(([k]) => k.startsWith('x-')));
    const size = node['x-dynamic-size'] === undefined ? null : resolveDynamicSize({ schema: this.schema, input: this.input }, node);
    const key = `realize\u0000${format}\u0000${value}\u0000${canonicalJson(extensions)}\u0000${JSON.stringify(size)}`;
    const memo = this.options.context.memo;
    let pending = memo.get(key) as Promise<JsonValue | null> | undefined;
    if (!pending) {
      pending = convert();
      memo.set(key, pending);
    }
    return pending;
  }
}

function integer(node: Schema, value: JsonValue, at: PathStep[]): Walked {
  // Booleans are not integers here (the reference accepted them).
  if (typeof value !== 'number' || !Number.isInteger(value)) return expected('an integer', value, at);
  switch (node.format) {
    case undefined:
      return ok(value);
    case 'int32':
      return value >= INT32_MIN && value <= INT32_MAX ? ok(value) : fail(at, `${value} is outside the int32 range`);
    case 'int64':
      // Beyond 2^53 a JavaScript number no longer holds the exact integer.
      return Number.isSafeInteger(value) ? ok(value) : fail(at, `${value} is not a safe int64 (|n| must be below 2^53)`);
    default:
      return badFormat(node, at);
  }
}

const ok = (value: JsonValue): Walked => ({ ok: true, value });
const fail = (at: PathStep[], error: string): Walked => ({ ok: false, path: formatPath(at), error });
const expected = (what: string, value: JsonValue, at: PathStep[]) => fail(at, `expected ${what}, got ${kindOf(value)}`);
const badFormat = (node: Schema, at: PathStep[]) =>
  fail(at, `format ${JSON.stringify(node.format)} is not allowed on ${String(node.type)} values`);
