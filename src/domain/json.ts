/** JSON values as they travel through the engine (parameters, schemas, snapshots). */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy of a JSON value (structuredClone keeps the types we need and is fast in Node 20). */
export function cloneJson<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

/**
 * The one canonical JSON encoder of the project: object keys sorted recursively, no
 * insignificant whitespace. Used for schema hashes and for showing expected/actual values.
 */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** How deep parameters may nest: far beyond any real screen, well below what recursion survives. */
export const MAX_JSON_DEPTH = 64;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PostgreSQL text and jsonb cannot hold U+0000, nor (as UTF-8) an unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/**
 * Walks a value iteratively (hostile depth cannot overflow the stack): false as soon as it nests
 * deeper than `maxDepth` or `acceptText` refuses a string or key.
 */
function walkJson(value: unknown, maxDepth: number, acceptText: (text: string) => boolean): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current === 'string') {
      if (!acceptText(current)) return false;
    } else if (typeof current === 'object' && current !== null) {
      if (depth >= maxDepth) return false;
      const entries = Array.isArray(current) ? current.map((item) => ['', item] as const) : Object.entries(current);
      for (const [key, item] of entries) {
        if (!acceptText(key)) return false;
        pending.push({ value: item, depth: depth + 1 });
      }
    }
  }
  return true;
}

/** Whether a value can be stored as jsonb and walked safely: storable text, at most `maxDepth` levels. */
export function isStorableJson(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  return walkJson(value, maxDepth, isStorableText);
}

/** Whether a value nests at most `maxDepth` levels (recursive code downstream stays safe). */
export function isShallowJson(value: unknown, maxDepth: number): boolean {
  return walkJson(value, maxDepth, () => true);
}
