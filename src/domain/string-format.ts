import type { JsonValue } from './json';
import type { PathStep } from './model';
import { readPath } from './schema/paths';

/**
 * The `string_format` mini-language (queue-engine.md §4.3): a subset of Python's `str.format`
 * with `{{` / `}}` escapes and placeholders `{root[key]...}` with an optional `:e164` spec.
 */

export type FormatRoot = 'client' | 'server' | 'standard';
export type FormatSpec = 'e164';

/**
 * One piece of a parsed format. A field's `path` holds the key texts exactly as written
 * (always strings after parsing): whether a digit-only key indexes an array or names an object
 * member depends on the value met at render time, so it is decided there. Numbers are also
 * accepted in `path` (for parts built in code) and are written back as their digits.
 * `index` is the 0-based position of the placeholder among the format's placeholders; trigger
 * time uses it to name the values it stores (`_<index>`, §4.1).
 */
export type FormatPart =
  | { kind: 'literal'; text: string }
  | { kind: 'field'; root: FormatRoot; path: PathStep[]; spec: FormatSpec | null; index: number };

export type ParsedFormat = { ok: true; parts: FormatPart[] } | { ok: false; error: string };

const ROOTS: readonly string[] = ['client', 'server', 'standard'] satisfies FormatRoot[];

/** Parses a format string; every syntax the project does not support is an error, not a fallback. */
export function parseStringFormat(format: string): ParsedFormat {
  const parts: FormatPart[] = [];
  let literal = '';
  let fields = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c === '}') {
      if (format[i + 1] !== '}') return { ok: false, error: `single '}' at ${i} (write '}}' for a literal brace)` };
      literal += '}';
      i += 2;
    } else if (c === '{' && format[i + 1] === '{') {
      literal += '{';
      i += 2;
    } else if (c === '{') {
      const field = parseField(format, i + 1, fields);
      if (!field.ok) return field;
      if (literal !== '') parts.push({ kind: 'literal', text: literal });
      literal = '';
      parts.push(field.part);
      fields += 1;
      i = field.end;
    } else {
      literal += c;
      i += 1;
    }
  }
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  return { ok: true, parts };
}

type ParsedField = { ok: true; part: FormatPart; end: number } | { ok: false; error: string };

/** Parses a placeholder whose opening `{` is just before `start`; `end` is the index after its `}`. */
function parseField(format: string, start: number, index: number): ParsedField {
  const fail = (why: string): ParsedField => ({ ok: false, error: `placeholder at ${start - 1}: ${why}` });
  let i = start;
  while (i < format.length && !'[]{}:!.'.includes(format[i])) i += 1;
  const root = format.slice(start, i);
  if (!ROOTS.includes(root)) return fail(`root must be client, server or standard, not ${JSON.stringify(root)}`);
  const path: string[] = [];
  while (format[i] === '[') {
    const close = format.indexOf(']', i + 1);
    if (close < 0) return fail("unclosed '['");
    if (close === i + 1) return fail('empty key []');
    path.push(format.slice(i + 1, close));
    i = close + 1;
  }
  if (path.length === 0) return fail(`at least one [key] is required after ${root}`);
  let spec: FormatSpec | null = null;
  if (format[i] === ':') {
    const close = format.indexOf('}', i + 1);
    const text = close < 0 ? format.slice(i + 1) : format.slice(i + 1, close);
    if (text !== 'e164') return fail(`unsupported format spec ${JSON.stringify(text)} (only e164)`);
    spec = 'e164';
    i = close;
  }
  if (i < 0 || i >= format.length) return fail("missing closing '}'");
  if (format[i] === '!') return fail('conversions (!r, !s, !a) are not supported');
  if (format[i] === '.') return fail('dots are not path separators; write [key]');
  if (format[i] !== '}') return fail(`unexpected ${JSON.stringify(format[i])} after the path`);
  return { ok: true, part: { kind: 'field', root: root as FormatRoot, path, spec, index }, end: i + 1 };
}

export type Rendered = { ok: true; value: string } | { ok: false; error: string };

/**
 * Renders parsed parts (project value rendering, §4.3): strings as is, integers in decimal,
 * other numbers as `String(n)`, booleans `true`/`false`, null as ""; objects and arrays, and
 * any path that does not resolve, are failures.
 */
export function renderStringFormat(
  parts: FormatPart[],
  roots: { client: JsonValue; server: JsonValue; standard: JsonValue },
): Rendered {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'literal') {
      out += part.text;
      continue;
    }
    const where = describeField(part);
    const found = readFormatPath(roots[part.root], part.path);
    if (!found.ok) return { ok: false, error: `${where}: ${found.error}` };
    const text = renderValue(found.value);
    if (text === null) return { ok: false, error: `${where}: cannot render ${Array.isArray(found.value) ? 'an array' : 'an object'}` };
    if (part.spec === 'e164') {
      // Trigger time normally rewrites e164 placeholders away (§4.1 item 4); one left on a
      // server string still renders the same, anything else cannot.
      if (part.root !== 'server' || typeof found.value !== 'string') {
        return { ok: false, error: `${where}: e164 needs a string server value` };
      }
      out += formatE164(text);
    } else {
      out += text;
    }
  }
  return { ok: true, value: out };
}

type Read = { ok: true; value: JsonValue } | { ok: false; error: string };

/** Walks a placeholder path with the project's one path reader, deciding each key's kind on the way. */
function readFormatPath(root: JsonValue, path: readonly PathStep[]): Read {
  let current = root;
  const resolved: PathStep[] = [];
  for (const key of path) {
    resolved.push(formatKeyStep(current, key));
    // Read from the root so an error names the whole resolved path.
    const next = readPath(root, resolved);
    if (!next.ok) return next;
    current = next.value;
  }
  return { ok: true, value: current };
}

/**
 * The path step a placeholder key stands for in `container`: a digit-only key indexes an
 * array, any other key (and any key into a non-array) names an object member (§4.3).
 */
export function formatKeyStep(container: JsonValue, key: PathStep): PathStep {
  const text = String(key);
  return Array.isArray(container) && /^\d+$/.test(text) ? Number(text) : text;
}

/** The text of a scalar, or `null` for objects and arrays (§4.3 project rule). */
function renderValue(value: JsonValue): string | null {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    // BigInt keeps large integers in plain decimal where String() would switch to 1e+21.
    return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  }
  return null;
}

/**
 * Writes parts back as a format string that parses to the same parts (literal braces are
 * doubled). Throws on a key containing `]`, which no format string can express: keys come
 * from parsing or from output paths that flow validation has already accepted.
 */
export function formatToString(parts: FormatPart[]): string {
  return parts.map((p) => (p.kind === 'literal' ? p.text.replace(/[{}]/g, '$&$&') : fieldToString(p))).join('');
}

type FieldPart = Extract<FormatPart, { kind: 'field' }>;

function fieldToString(part: FieldPart): string {
  for (const step of part.path) {
    const key = String(step);
    if (key === '' || key.includes(']')) throw new RangeError(`key ${JSON.stringify(key)} cannot be written in a string_format`);
  }
  return `{${describeField(part)}${part.spec === null ? '' : `:${part.spec}`}}`;
}

/** `root[key]...`, for messages (never throws). */
const describeField = (part: FieldPart) => `${part.root}${part.path.map((k) => `[${String(k)}]`).join('')}`;

/**
 * North-American display of an E.164 number: `+1` followed by exactly 10 characters becomes
 * `+1 AAA-BBB-CCCC`; anything else is returned unchanged. Lengths count code points, as the
 * reference (Python) does.
 */
export function formatE164(value: string): string {
  const chars = [...value];
  if (chars.length !== 12 || !value.startsWith('+1')) return value;
  const digits = (from: number, to: number) => chars.slice(from, to).join('');
  return `+1 ${digits(2, 5)}-${digits(5, 8)}-${digits(8, 12)}`;
}
