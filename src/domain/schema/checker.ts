/**
 * The schema checker (screens-and-media.md §1.5), run whenever a screen or a flow's parameter
 * schemas are stored. Structure is checked first; examples, defaults and cross-node references
 * are checked only on a structurally sound schema, so one mistake is not reported many times.
 */
import { isJsonObject, type JsonValue } from '../json';
import type { Schema } from '../model';
import type { FormatRegistry } from './formats';
import { keyPath } from './json-path';
import { childrenOf, kindOf, type NodeRole } from './nodes';
import { resolveSchemaPath } from './paths';
import { collectMediaReferences, MEDIA_FORMATS, type MediaReference } from './references';
import { validateValue } from './validator';

/** Which rule an issue breaks; the numbers refer to §1.5. */
export type SchemaRule =
  | 'oas' // 1: a valid OAS 3.0 schema object
  | 'no-ref' // 2
  | 'example' // 3
  | 'default-forbidden' // 4
  | 'default' // 5: required, and valid
  | 'properties' // 6: properties / required shapes
  | 'union' // 7 and §1.4.5
  | 'items' // 8
  | 'root' // the root describes an object
  | 'type' // 9: every node typed
  | 'format' // 9
  | 'combinator' // 9: no allOf / anyOf / not / OAS discriminator
  | 'extension' // 9: x-… placement and shape
  | 'dynamic-size' // 9
  | 'processor' // 9
  | 'media-default'; // 9

export interface SchemaIssue {
  /** `$.a.b[*].c`; `.oneOf[i]` names a union branch. */
  path: string;
  rule: SchemaRule | string;
  message: string;
}

export interface CheckOptions {
  examples: 'required' | 'optional';
  registry: FormatRegistry;
  /** optional hook (media issue): does a processor job exist and produce this list? */
  processorMatches?: (job: string, list: string) => boolean;
  /**
   * Optional hook: does the asset a non-null `image_uid` / `content_uid` default names exist
   * (in `ref.list` when known)? The checker is pure; callers preload what
   * `collectMediaDefaults` lists.
   */
  mediaDefaultExists?: (ref: MediaReference) => boolean;
  /** Flow parameter schemas may not use the screen-only extensions. Default 'screen'. */
  target?: 'screen' | 'flow';
}

const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

/** OAS 3.0 Schema Object fields; anything else must be an `x-` extension. */
const OAS_KEYWORDS = new Set([
  'title', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength',
  'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxProperties', 'minProperties',
  'required', 'enum', 'type', 'not', 'allOf', 'oneOf', 'anyOf', 'items', 'properties',
  'additionalProperties', 'description', 'format', 'default', 'nullable', 'discriminator',
  'readOnly', 'writeOnly', 'example', 'externalDocs', 'deprecated', 'xml', '$ref',
]);

const COMBINATORS = ['allOf', 'anyOf', 'not', 'discriminator'];

type Shape = 'string' | 'boolean' | 'number' | 'positive number' | 'non-negative integer' | 'object' | 'non-empty array';
const KEYWORD_SHAPES: Record<string, Shape> = {
  title: 'string', description: 'string', format: 'string', pattern: 'string',
  nullable: 'boolean', uniqueItems: 'boolean', readOnly: 'boolean', writeOnly: 'boolean', deprecated: 'boolean',
  exclusiveMinimum: 'boolean', exclusiveMaximum: 'boolean',
  minimum: 'number', maximum: 'number', multipleOf: 'positive number',
  minLength: 'non-negative integer', maxLength: 'non-negative integer', minItems: 'non-negative integer',
  maxItems: 'non-negative integer', minProperties: 'non-negative integer', maxProperties: 'non-negative integer',
  externalDocs: 'object', xml: 'object', enum: 'non-empty array',
};

const SHAPE_TESTS: Record<Shape, (v: JsonValue) => boolean> = {
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  number: (v) => typeof v === 'number',
  'positive number': (v) => typeof v === 'number' && v > 0,
  'non-negative integer': (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0,
  object: (v) => isJsonObject(v),
  'non-empty array': (v) => Array.isArray(v) && v.length > 0,
};

/** Keywords that only mean something for one kind of node (the realizer and validator ignore them elsewhere). */
const KEYWORD_TYPES: Record<string, string[]> = {
  properties: ['object'], required: ['object'], additionalProperties: ['object'], minProperties: ['object'],
  maxProperties: ['object'], items: ['array'], minItems: ['array'], maxItems: ['array'], uniqueItems: ['array'],
  minLength: ['string'], maxLength: ['string'], pattern: ['string'], minimum: ['integer', 'number'],
  maximum: ['integer', 'number'], exclusiveMinimum: ['integer', 'number'], exclusiveMaximum: ['integer', 'number'],
  multipleOf: ['integer', 'number'],
};

/** Structural rules after which phase 2 (examples, defaults, references) is not attempted. */
const BLOCKING_RULES = new Set<string>(['oas', 'no-ref', 'properties', 'union', 'items', 'type', 'combinator']);

const SCREEN_ONLY_EXTENSIONS = ['x-processor', 'x-thumbhash', 'x-preview', 'x-dynamic-size'];

interface Visit {
  node: Schema;
  path: string;
  role: NodeRole;
}

export function checkSchema(schema: unknown, options: CheckOptions): SchemaIssue[] {
  if (!isJsonObject(schema)) return [{ path: '$', rule: 'oas', message: `a schema must be a JSON object, not ${kindOf(schema)}` }];
  const checker = new Checker(schema, options);
  const visits = checker.structure();
  // Validating examples against a malformed schema would only repeat the structural mistake.
  if (!checker.issues.some((i) => BLOCKING_RULES.has(i.rule))) checker.values(visits);
  return checker.issues;
}

/**
 * The image_uid / content_uid values named by defaults anywhere in the schema (defaults of
 * enclosing objects included), for the existence check of §1.5 rule 9.
 */
export function collectMediaDefaults(schema: Schema): MediaReference[] {
  const refs: MediaReference[] = [];
  const visit = (node: Schema, path: string) => {
    if (Object.hasOwn(node, 'default')) {
      refs.push(...collectMediaReferences(node, node.default, { schema, input: {} }, `${path}.default`));
    }
    for (const child of childrenOf(node, path)) if (isJsonObject(child.node)) visit(child.node, child.path);
  };
  visit(schema, '$');
  return refs;
}

class Checker {
  readonly issues: SchemaIssue[] = [];

  constructor(
    private readonly root: Schema,
    private readonly options: CheckOptions,
  ) {}

  private report(path: string, rule: SchemaRule, message: string): void {
    this.issues.push({ path, rule, message });
  }

  /** Phase 1: shapes and placement of every node. Returns the nodes visited, for phase 2. */
  structure(): Visit[] {
    const visits: Visit[] = [];
    if (this.root.type !== 'object') this.report('$', 'root', 'the root of a screen or flow schema must have type "object"');
    const walk = (node: Schema, path: string, role: NodeRole, union: string | null) => {
      visits.push({ node, path, role });
      this.keywords(node, path);
      this.typeAndFormat(node, path);
      this.defaultPlacement(node, path, role);
      if (this.options.examples === 'required' && !Object.hasOwn(node, 'example')) {
        this.report(path, 'example', 'every schema node needs an example');
      }
      this.objectShape(node, path);
      this.extensions(node, path);
      const isUnion = Object.hasOwn(node, 'oneOf') || Object.hasOwn(node, 'x-enum-discriminator');
      if (isUnion && union !== null) {
        this.report(path, 'union', `unions cannot be nested: this one is inside the union at ${union}`);
      } else if (isUnion) {
        this.unionShape(node, path);
      }
      for (const child of childrenOf(node, path)) {
        if (!isJsonObject(child.node)) {
          this.report(child.path, child.role === 'items' ? 'items' : 'oas', `must be a schema object, not ${kindOf(child.node)}`);
          continue;
        }
        walk(child.node, child.path, child.role, union ?? (isUnion ? path : null));
      }
    };
    walk(this.root, '$', 'root', null);
    return visits;
  }

  /** Rules 1, 2 and the combinator part of 9. */
  private keywords(node: Schema, path: string): void {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) continue;
      if (key === '$ref') {
        this.report(path, 'no-ref', '$ref is not allowed; write the schema out in place');
      } else if (COMBINATORS.includes(key)) {
        this.report(path, 'combinator', `${key} is not supported; the only union form is oneOf with x-enum-discriminator`);
      } else if (!OAS_KEYWORDS.has(key)) {
        this.report(path, 'oas', `unknown keyword '${key}' (OpenAPI 3.0 schemas allow no other fields; extensions start with x-)`);
      } else if (key in KEYWORD_SHAPES && !SHAPE_TESTS[KEYWORD_SHAPES[key]](value)) {
        this.report(path, 'oas', `${key} must be a ${KEYWORD_SHAPES[key]}`);
      } else if (typeof node.type === 'string' && key in KEYWORD_TYPES && !KEYWORD_TYPES[key].includes(node.type)) {
        this.report(path, 'oas', `${key} applies to ${KEYWORD_TYPES[key].join('/')} nodes, not ${node.type}`);
      }
    }
    if (typeof node.pattern === 'string' && !isRegex(node.pattern)) this.report(path, 'oas', `pattern is not a valid regular expression`);
    for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']]) {
      if (Object.hasOwn(node, flag) && !Object.hasOwn(node, bound)) this.report(path, 'oas', `${flag} needs ${bound}`);
    }
  }

  /** Rule 9: a type from §1.4.1 on every node, formats per §1.4.2-§1.4.3. */
  private typeAndFormat(node: Schema, path: string): void {
    const { type, format } = node;
    if (type === undefined) {
      this.report(path, 'type', `every schema node needs a type (one of ${[...TYPES].join(', ')})`);
      return;
    }
    if (typeof type !== 'string' || !TYPES.has(type)) {
      this.report(path, 'type', `type must be one of ${[...TYPES].join(', ')}, not ${JSON.stringify(type)}`);
      return;
    }
    if (format === undefined || typeof format !== 'string') return;
    const allowed: Record<string, (f: string) => boolean> = {
      string: (f) => this.options.registry.isKnownStringFormat(f),
      integer: (f) => f === 'int32' || f === 'int64',
      number: (f) => f === 'float' || f === 'double',
    };
    if (!(allowed[type]?.(format) ?? false)) {
      const hint = type === 'string' ? 'unknown string format' : type in allowed ? `not a format for ${type}` : `${type} nodes take no format`;
      this.report(path, 'format', `format '${format}': ${hint}`);
    }
  }

  /** Rules 4 and 5 (presence; validity is phase 2). */
  private defaultPlacement(node: Schema, path: string, role: NodeRole): void {
    const has = Object.hasOwn(node, 'default');
    if (has && role !== 'optional-property') {
      const where: Record<Exclude<NodeRole, 'optional-property'>, string> = {
        root: 'the root',
        'required-property': 'a required property',
        items: 'array items',
        branch: 'a union branch',
        additional: 'additionalProperties',
      };
      this.report(path, 'default-forbidden', `a default is not allowed on ${where[role]}`);
    } else if (!has && role === 'optional-property') {
      this.report(path, 'default', 'an optional property needs a default (or list it in required)');
    }
  }

  /** Rules 6 and 8. */
  private objectShape(node: Schema, path: string): void {
    if (Object.hasOwn(node, 'properties') && !isJsonObject(node.properties)) {
      this.report(path, 'properties', 'properties must be an object');
    }
    if (Object.hasOwn(node, 'required')) {
      const r = node.required;
      if (!Array.isArray(r) || r.length === 0 || !r.every((k) => typeof k === 'string') || new Set(r).size !== r.length) {
        this.report(path, 'properties', 'required must be a non-empty array of unique strings');
      } else if (isJsonObject(node.properties)) {
        // The realizer outputs declared properties only, so an undeclared required key could never arrive.
        const properties = node.properties;
        for (const key of r.filter((k) => typeof k === 'string' && !Object.hasOwn(properties, k))) {
          this.report(path, 'properties', `required lists '${String(key)}', which properties does not declare`);
        }
      }
    }
    if (node.type === 'array' && !isJsonObject(node.items)) this.report(path, 'items', 'an array node needs an items schema object');
    const extra = node.additionalProperties;
    if (extra !== undefined && typeof extra !== 'boolean' && !isJsonObject(extra)) {
      this.report(path, 'oas', 'additionalProperties must be a boolean or a schema object');
    }
  }

  /** Rule 9: extensions only where §1.4.4 allows them, with the stated shapes. */
  private extensions(node: Schema, path: string): void {
    const format = node.type === 'string' ? node.format : undefined;
    const isMedia = typeof format === 'string' && MEDIA_FORMATS.includes(format);
    for (const [key, value] of Object.entries(node)) {
      if (!key.startsWith('x-')) continue;
      const at = keyPath(path, key);
      const misplaced = (where: string) => this.report(path, 'extension', `${key} is only allowed on ${where}`);
      // Most extensions belong on one kind of node and have one exact shape there.
      const placedAndShaped = (allowed: boolean, where: string, tests: KeyTests, shape: string) => {
        if (!allowed) misplaced(where);
        else if (!exactKeys(value, tests)) this.report(at, 'extension', `must be ${shape}`);
      };
      if (this.options.target === 'flow' && SCREEN_ONLY_EXTENSIONS.includes(key)) {
        this.report(path, 'extension', `${key} is only allowed in screen schemas`);
        continue;
      }
      switch (key) {
        case 'x-enum-discriminator':
          break; // checked with the union
        case 'x-processor':
          placedAndShaped(isMedia, 'image_uid and content_uid strings', { job: isNonEmptyString, list: isNonEmptyString }, '{"job": string, "list": string}');
          break;
        case 'x-thumbhash':
          placedAndShaped(format === 'image_uid', 'image_uid strings', SIZE, SIZE_SHAPE);
          break;
        case 'x-preview':
          if (format === 'image_uid') {
            if (!exactKeys(value, SIZE)) this.report(at, 'extension', `on an image must be ${SIZE_SHAPE}`);
          } else if (format === 'content_uid') {
            const audio = exactKeys(value, { type: (v) => v === 'audio' });
            const video = exactKeys(value, { type: (v) => v === 'video', ...SIZE });
            if (!audio && !video) {
              this.report(at, 'extension', 'on content must be {"type": "audio"} or {"type": "video", "width": …, "height": …}');
            }
          } else misplaced('image_uid and content_uid strings');
          break;
        case 'x-dynamic-size':
          placedAndShaped(
            format === 'image_uid',
            'image_uid strings',
            { width: isPropertyPath, height: isPropertyPath },
            '{"width": [property names…], "height": [property names…]} (paths from the schema root)',
          );
          break;
        default:
          this.report(path, 'extension', `unknown extension ${key}`);
      }
    }
  }

  /** Rule 7: §1.4.5 rules 1-3 (rule 4, nesting, is checked by the walk; rule 5 by default placement). */
  private unionShape(node: Schema, path: string): void {
    const bad = (message: string, at = path) => this.report(at, 'union', message);
    const d = node['x-enum-discriminator'];
    if (node.type !== 'object') bad('a union (oneOf) must have type "object"');
    if (!isNonEmptyString(d)) bad('oneOf needs x-enum-discriminator: the name of the property that selects the branch');
    if (!Array.isArray(node.oneOf) || node.oneOf.length === 0) bad('x-enum-discriminator needs a non-empty oneOf list');
    if (Object.hasOwn(node, 'properties')) bad('a union cannot have its own properties; put them in every branch');
    if (node.additionalProperties === false) bad('additionalProperties: false on a union would reject every branch property');
    if (!isNonEmptyString(d) || !Array.isArray(node.oneOf)) return;
    const seen = new Map<string, number>();
    node.oneOf.forEach((branch, i) => {
      const at = `${path}.oneOf[${i}]`;
      if (!isJsonObject(branch)) return; // reported by the walk
      if (branch.type !== 'object') bad('every union branch must have type "object"', at);
      if (!Array.isArray(branch.required) || !branch.required.includes(d)) bad(`every union branch must list '${d}' in required`, at);
      const prop = isJsonObject(branch.properties) ? branch.properties[d] : undefined;
      const value = isJsonObject(prop) && Array.isArray(prop.enum) && prop.enum.length === 1 ? prop.enum[0] : undefined;
      if (!isJsonObject(prop) || prop.type !== 'string' || !isNonEmptyString(value) || prop.nullable === true || prop.format !== undefined) {
        bad(`the discriminator property must be {"type": "string", "enum": [one non-empty string]}, not nullable`, keyPath(at, d));
        return;
      }
      const first = seen.get(value);
      if (first !== undefined) bad(`branches ${first} and ${i} both use ${d} = ${JSON.stringify(value)}`, at);
      else seen.set(value, i);
    });
  }

  /** Phase 2: examples and defaults validate; x-dynamic-size and x-processor refer to real things. */
  values(visits: Visit[]): void {
    for (const { node, path } of visits) {
      for (const [keyword, rule] of [['example', 'example'], ['default', 'default']] as const) {
        if (!Object.hasOwn(node, keyword)) continue;
        const result = validateValue(node, node[keyword]);
        if (!result.ok) {
          const detail = result.issues.map((i) => `${keyword}${i.path.slice(1)}: ${i.message}`).join('; ');
          this.report(path, rule, `the ${keyword} does not match the schema: ${detail}`);
        }
      }
      this.dynamicSize(node, path);
      this.processor(node, path);
    }
    const exists = this.options.mediaDefaultExists;
    if (exists) {
      for (const ref of collectMediaDefaults(this.root)) {
        if (!exists(ref)) {
          const where = ref.list === null ? '' : ` in list '${ref.list}'`;
          this.report(ref.path, 'media-default', `${ref.format} default '${ref.uid}' does not exist${where}`);
        }
      }
    }
  }

  private dynamicSize(node: Schema, path: string): void {
    const spec = node['x-dynamic-size'];
    if (!isJsonObject(spec)) return;
    for (const dimension of ['width', 'height'] as const) {
      const steps = spec[dimension];
      if (!isPropertyPath(steps)) continue; // a shape issue, reported in phase 1
      const at = `${keyPath(path, 'x-dynamic-size')}.${dimension}`;
      const resolved = resolveSchemaPath(this.root, steps);
      if (!resolved.ok) this.report(at, 'dynamic-size', `does not resolve: ${resolved.error}`);
      else if (resolved.node.type !== 'integer' || resolved.node.nullable === true) {
        this.report(at, 'dynamic-size', 'must point at a non-nullable integer property');
      }
    }
  }

  private processor(node: Schema, path: string): void {
    const processor = node['x-processor'];
    const matches = this.options.processorMatches;
    if (!matches || !isJsonObject(processor)) return;
    const { job, list } = processor;
    if (typeof job !== 'string' || typeof list !== 'string') return; // a shape issue, reported in phase 1
    if (!matches(job, list)) {
      this.report(keyPath(path, 'x-processor'), 'processor', `no processor '${job}' registers assets in list '${list}'`);
    }
  }
}

const isNonEmptyString = (v: JsonValue | undefined): v is string => typeof v === 'string' && v !== '';
const isPositiveInteger = (v: JsonValue) => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isPropertyPath = (v: JsonValue | undefined): v is string[] => Array.isArray(v) && v.length > 0 && v.every(isNonEmptyString);

/** A pixel size, as `x-thumbhash` and an image's `x-preview` state it. */
const SIZE = { width: isPositiveInteger, height: isPositiveInteger };
const SIZE_SHAPE = '{"width": positive integer, "height": positive integer}';

type KeyTests = Record<string, (v: JsonValue) => boolean>;

/** The value is an object with exactly these keys, each passing its test. */
function exactKeys(value: JsonValue, tests: KeyTests): boolean {
  if (!isJsonObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === Object.keys(tests).length && keys.every((k) => Object.hasOwn(tests, k) && tests[k](value[k]));
}

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
