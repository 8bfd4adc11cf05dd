/**
 * String formats of the schema language (screens-and-media.md §1.4.2-§1.4.3) and the registry
 * through which the realizer converts custom formats and trigger time extracts objects.
 */
import type { JsonObject, JsonValue } from '../json';
import type { Schema } from '../model';

/** Formats whose realization mints references to server objects: untrusted input must never reach them. */
export const UNSAFE_FORMATS: readonly string[] = Object.freeze([
  'image_uid',
  'content_uid',
  'journey_uid',
  'course_uid',
  'interactive_prompt_uid',
  'journal_entry_uid',
]);

/** String formats copied verbatim by the realizer; annotations only (never asserted). */
export const PLAIN_STRING_FORMATS: ReadonlySet<string> = new Set([
  'date',
  'date-time',
  'password',
  'duration',
  'time',
  'email',
  'idn-email',
  'hostname',
  'idn-hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'iri',
  'iri-reference',
  'uuid',
  'uri-template',
  'regex',
  // Safe even from untrusted input: the server re-checks triggers against allowed_triggers on pop.
  'flow_slug',
]);

/** Parameterised SQL (`?` placeholders) returning rows; the engine never calls it, converters do. */
export type ReadQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface RealizeContext {
  userSub: string;
  now: number;
  /** per-response memo */
  memo: Map<string, unknown>;
  /**
   * Reads on the operation's own connection (inside its transaction during peek and pop).
   * Converters must read through it: a second pooled connection per peek can exhaust the pool
   * while every connection waits inside a peek for another one.
   */
  query: ReadQuery;
}

/** A custom (unsafe) string format whose realization mints references (media, domain objects). */
export interface ResourceFormat {
  format: string;
  /** Converts the uid string; null means "missing". `root` gives the whole screen schema + input (x-dynamic-size). */
  convert(ctx: RealizeContext, value: string, node: Schema, root: { schema: Schema; input: JsonObject }): Promise<JsonValue | null>;
}

/** Trigger-time extraction for a custom format (queue-engine §4.1 items 2-3): load the object a uid names. */
export interface FormatExtractor {
  format: string;
  /** JSON schema of the loaded object, for save-time path checks. */
  objectSchema: Schema;
  load(uid: string): Promise<JsonObject | null>;
}

export class FormatRegistry {
  private readonly resources = new Map<string, ResourceFormat>();
  private readonly extractors = new Map<string, FormatExtractor>();

  /** Throws on a plain-format name or a duplicate: both are wiring mistakes made at startup. */
  registerResourceFormat(f: ResourceFormat): void {
    this.assertCustom(f.format, this.resources.has(f.format), 'resource format');
    this.resources.set(f.format, f);
  }

  registerExtractor(e: FormatExtractor): void {
    this.assertCustom(e.format, this.extractors.has(e.format), 'extractor');
    this.extractors.set(e.format, e);
  }

  resourceFormat(format: string): ResourceFormat | undefined {
    return this.resources.get(format);
  }

  extractor(format: string): FormatExtractor | undefined {
    return this.extractors.get(format);
  }

  /** The six built-in unsafe names plus every registered resource format. */
  isUnsafe(format: string | undefined): boolean {
    return format !== undefined && (UNSAFE_FORMATS.includes(format) || this.resources.has(format));
  }

  /** Plain or unsafe; a string without a format (`undefined`) is fine too (checker rule 9). */
  isKnownStringFormat(format: string | undefined): boolean {
    return format === undefined || PLAIN_STRING_FORMATS.has(format) || this.isUnsafe(format);
  }

  private assertCustom(format: string, duplicate: boolean, what: string): void {
    if (format === '' || PLAIN_STRING_FORMATS.has(format)) {
      throw new Error(`cannot register ${what} '${format}': it is not a custom format name`);
    }
    if (duplicate) throw new Error(`${what} '${format}' is already registered`);
  }
}
