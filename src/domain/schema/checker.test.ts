import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import type { Schema } from '../model';
import { checkSchema, collectMediaDefaults, type CheckOptions } from './checker';
import { FormatRegistry } from './formats';

const registry = new FormatRegistry();
const required: CheckOptions = { examples: 'required', registry };

/** A screen schema that uses every feature the checker knows; each test breaks one thing. */
function valid(): Schema {
  return {
    type: 'object',
    required: ['title', 'image', 'sized', 'items'],
    example: {
      title: 'Hi',
      image: 'oseh_if_1',
      sized: { image: 'oseh_if_2', width: 100, height: 50 },
      items: [{ kind: 'a', n: 1 }],
    },
    properties: {
      title: { type: 'string', example: 'Hi', format: 'flow_slug' },
      count: { type: 'integer', format: 'int32', example: 3, default: 1 },
      ratio: { type: 'number', format: 'double', example: 0.5, default: 1, minimum: 0, exclusiveMinimum: true },
      note: { type: 'string', nullable: true, example: 'x', default: null, enum: ['x', 'y'] },
      image: {
        type: 'string',
        format: 'image_uid',
        example: 'oseh_if_1',
        'x-processor': { job: 'runners.screens.image_interstitial_process_image', list: 'image_interstitial' },
        'x-thumbhash': { width: 342, height: 215 },
        'x-preview': { width: 342, height: 215 },
      },
      video: {
        type: 'string',
        format: 'content_uid',
        nullable: true,
        example: 'oseh_cf_1',
        default: null,
        'x-preview': { type: 'video', width: 180, height: 320 },
      },
      sized: {
        type: 'object',
        required: ['image', 'width', 'height'],
        example: { image: 'oseh_if_2', width: 100, height: 50 },
        properties: {
          image: {
            type: 'string',
            format: 'image_uid',
            example: 'oseh_if_2',
            'x-dynamic-size': { width: ['sized', 'width'], height: ['sized', 'height'] },
          },
          width: { type: 'integer', example: 100 },
          height: { type: 'integer', example: 50 },
        },
      },
      transition: {
        type: 'object',
        'x-enum-discriminator': 'type',
        example: { type: 'fade', ms: 125 },
        default: { type: 'fade', ms: 125 },
        oneOf: [
          {
            type: 'object',
            required: ['type', 'ms'],
            example: { type: 'fade', ms: 125 },
            properties: {
              type: { type: 'string', enum: ['fade'], example: 'fade' },
              ms: { type: 'integer', example: 125 },
            },
          },
          {
            type: 'object',
            required: ['type'],
            example: { type: 'none' },
            properties: {
              type: { type: 'string', enum: ['none'], example: 'none' },
              slow: { type: 'boolean', example: true, default: false },
            },
          },
        ],
      },
      items: {
        type: 'array',
        minItems: 1,
        example: [{ kind: 'a', n: 1 }],
        items: {
          type: 'object',
          required: ['kind'],
          example: { kind: 'a', n: 1 },
          properties: {
            kind: { type: 'string', example: 'a' },
            n: { type: 'integer', example: 1, default: 0 },
          },
          additionalProperties: false,
        },
      },
      bag: { type: 'object', example: { any: 1 }, default: {} },
    },
  };
}

type Mutation = (s: Schema) => void;
const props = (s: Schema) => s.properties as Record<string, Schema>;
const transitionBranches = (s: Schema) => props(s).transition.oneOf as Schema[];

function issuesAfter(mutate: Mutation, options: CheckOptions = required) {
  const schema = valid();
  mutate(schema);
  return checkSchema(schema, options).map(({ path, rule }) => ({ path, rule }));
}

describe('checkSchema', () => {
  it('accepts the fixture that uses every feature', () => {
    expect(checkSchema(valid(), required)).toEqual([]);
  });

  it('reports readable messages', () => {
    const [issue] = checkSchema({ type: 'object', properties: {}, example: {}, $ref: '#/x' }, required);
    expect(issue).toEqual({ path: '$', rule: 'no-ref', message: expect.stringMatching(/\$ref is not allowed/) });
  });

  // One failing fixture per rule; `valid()` above is the passing one for each.
  it.each<[string, Mutation, { path: string; rule: string }]>([
    // rule 1: OAS 3.0 shape
    ['root properties that are not an object', (s) => Object.assign(s, { properties: 'x' }), { path: '$', rule: 'properties' }],
    ['unknown keyword', (s) => Object.assign(props(s).title, { const: 'Hi' }), { path: '$.title', rule: 'oas' }],
    ['keyword of the wrong JSON type', (s) => Object.assign(props(s).title, { minLength: -1 }), { path: '$.title', rule: 'oas' }],
    ['keyword on the wrong node type', (s) => Object.assign(props(s).title, { minimum: 1 }), { path: '$.title', rule: 'oas' }],
    ['invalid pattern', (s) => Object.assign(props(s).title, { pattern: '(' }), { path: '$.title', rule: 'oas' }],
    ['exclusiveMinimum without minimum', (s) => delete props(s).ratio.minimum, { path: '$.ratio', rule: 'oas' }],
    ['empty enum', (s) => Object.assign(props(s).note, { enum: [] }), { path: '$.note', rule: 'oas' }],
    // rule 2
    ['$ref', (s) => Object.assign(props(s).title, { $ref: '#/defs/x' }), { path: '$.title', rule: 'no-ref' }],
    // rule 3
    ['missing example', (s) => delete props(s).title.example, { path: '$.title', rule: 'example' }],
    ['missing example in a branch', (s) => delete transitionBranches(s)[1].example, { path: '$.transition.oneOf[1]', rule: 'example' }],
    ['missing example on items', (s) => delete (props(s).items.items as Schema).example, { path: '$.items[*]', rule: 'example' }],
    ['example that does not validate', (s) => Object.assign(props(s).count, { example: 'three' }), { path: '$.count', rule: 'example' }],
    ['example violating additionalProperties', (s) => Object.assign(props(s).items.items as Schema, { example: { kind: 'a', z: 1 } }), { path: '$.items[*]', rule: 'example' }],
    // rule 4
    ['default on the root', (s) => Object.assign(s, { default: {} }), { path: '$', rule: 'default-forbidden' }],
    ['default on a required property', (s) => Object.assign(props(s).title, { default: 'x' }), { path: '$.title', rule: 'default-forbidden' }],
    ['default on items', (s) => Object.assign(props(s).items.items as Schema, { default: { kind: 'a' } }), { path: '$.items[*]', rule: 'default-forbidden' }],
    ['default on a union branch', (s) => Object.assign(transitionBranches(s)[1], { default: { type: 'none' } }), { path: '$.transition.oneOf[1]', rule: 'default-forbidden' }],
    // rule 5
    ['optional property without default', (s) => delete props(s).count.default, { path: '$.count', rule: 'default' }],
    ['optional branch property without default', (s) => delete ((transitionBranches(s)[1].properties as JsonObject).slow as Schema).default, { path: '$.transition.oneOf[1].slow', rule: 'default' }],
    ['default that does not validate', (s) => Object.assign(props(s).count, { default: 2 ** 40 + 0.5 }), { path: '$.count', rule: 'default' }],
    ['null default on a non-nullable property', (s) => Object.assign(props(s).count, { default: null }), { path: '$.count', rule: 'default' }],
    // rule 6
    ['properties not an object', (s) => Object.assign(props(s).sized, { properties: [] }), { path: '$.sized', rule: 'properties' }],
    ['required with duplicates', (s) => Object.assign(props(s).sized, { required: ['image', 'image', 'width', 'height'] }), { path: '$.sized', rule: 'properties' }],
    ['required naming an undeclared property', (s) => (s.required as string[]).push('ghost'), { path: '$', rule: 'properties' }],
    ['empty required', (s) => Object.assign(props(s).items.items as Schema, { required: [] }), { path: '$.items[*]', rule: 'properties' }],
    // rule 7 (§1.4.5 rules 1-4)
    ['oneOf without discriminator', (s) => delete props(s).transition['x-enum-discriminator'], { path: '$.transition', rule: 'union' }],
    ['union with its own properties', (s) => Object.assign(props(s).transition, { properties: {} }), { path: '$.transition', rule: 'union' }],
    ['oneOf that is not a list', (s) => Object.assign(props(s).transition, { oneOf: {} }), { path: '$.transition', rule: 'union' }],
    ['union that is not an object', (s) => Object.assign(props(s).transition, { type: 'string' }), { path: '$.transition', rule: 'union' }],
    ['branch not listing the discriminator as required', (s) => Object.assign(transitionBranches(s)[0], { required: ['ms'] }), { path: '$.transition.oneOf[0]', rule: 'union' }],
    ['discriminator with two enum values', (s) => Object.assign((transitionBranches(s)[0].properties as JsonObject).type as Schema, { enum: ['fade', 'x'] }), { path: '$.transition.oneOf[0].type', rule: 'union' }],
    ['nullable discriminator', (s) => Object.assign((transitionBranches(s)[0].properties as JsonObject).type as Schema, { nullable: true }), { path: '$.transition.oneOf[0].type', rule: 'union' }],
    ['duplicate branch values', (s) => Object.assign((transitionBranches(s)[1].properties as JsonObject).type as Schema, { enum: ['fade'], example: 'fade' }), { path: '$.transition.oneOf[1]', rule: 'union' }],
    [
      'nested union',
      (s) => Object.assign((transitionBranches(s)[0].properties as JsonObject), { inner: { ...structuredClone(props(s).transition) } }),
      { path: '$.transition.oneOf[0].inner', rule: 'union' },
    ],
    // rule 8
    ['array without items', (s) => delete props(s).items.items, { path: '$.items', rule: 'items' }],
    ['array with list items', (s) => Object.assign(props(s).items, { items: [{ type: 'string' }] }), { path: '$.items[*]', rule: 'items' }],
    // rule 9
    ['root that is not an object', (s) => Object.assign(s, { type: 'array', items: { type: 'string', example: 'x' }, example: ['x'] }), { path: '$', rule: 'root' }],
    ['node without type', (s) => delete props(s).title.type, { path: '$.title', rule: 'type' }],
    ['type null', (s) => Object.assign(props(s).title, { type: 'null', example: null, format: undefined }), { path: '$.title', rule: 'type' }],
    ['allOf', (s) => Object.assign(props(s).bag, { allOf: [{ type: 'object' }] }), { path: '$.bag', rule: 'combinator' }],
    ['anyOf', (s) => Object.assign(props(s).bag, { anyOf: [{ type: 'object' }] }), { path: '$.bag', rule: 'combinator' }],
    ['not', (s) => Object.assign(props(s).bag, { not: { type: 'string' } }), { path: '$.bag', rule: 'combinator' }],
    ['OAS discriminator', (s) => Object.assign(props(s).transition, { discriminator: { propertyName: 'type' } }), { path: '$.transition', rule: 'combinator' }],
    ['unknown string format', (s) => Object.assign(props(s).title, { format: 'image' }), { path: '$.title', rule: 'format' }],
    ['integer format other than int32/int64', (s) => Object.assign(props(s).count, { format: 'int16' }), { path: '$.count', rule: 'format' }],
    ['number format other than float/double', (s) => Object.assign(props(s).ratio, { format: 'int32' }), { path: '$.ratio', rule: 'format' }],
    ['format on a boolean', (s) => Object.assign(transitionBranches(s)[1].properties as JsonObject, { slow: { type: 'boolean', format: 'int32', example: true, default: false } }), { path: '$.transition.oneOf[1].slow', rule: 'format' }],
    ['format on an object', (s) => Object.assign(props(s).bag, { format: 'date' }), { path: '$.bag', rule: 'format' }],
    ['unknown extension', (s) => Object.assign(props(s).title, { 'x-size': 1 }), { path: '$.title', rule: 'extension' }],
    ['x-processor on a plain string', (s) => Object.assign(props(s).title, { 'x-processor': { job: 'a', list: 'b' } }), { path: '$.title', rule: 'extension' }],
    ['x-processor of the wrong shape', (s) => Object.assign(props(s).image, { 'x-processor': { job: 'a' } }), { path: '$.image["x-processor"]', rule: 'extension' }],
    ['x-thumbhash on content', (s) => Object.assign(props(s).video, { 'x-thumbhash': { width: 1, height: 1 } }), { path: '$.video', rule: 'extension' }],
    ['x-thumbhash with a zero size', (s) => Object.assign(props(s).image, { 'x-thumbhash': { width: 0, height: 1 } }), { path: '$.image["x-thumbhash"]', rule: 'extension' }],
    ['x-preview of the wrong kind for content', (s) => Object.assign(props(s).video, { 'x-preview': { width: 1, height: 1 } }), { path: '$.video["x-preview"]', rule: 'extension' }],
    ['x-dynamic-size on content', (s) => Object.assign(props(s).video, { 'x-dynamic-size': { width: ['a'], height: ['b'] } }), { path: '$.video', rule: 'extension' }],
    ['x-enum-discriminator without oneOf', (s) => Object.assign(props(s).bag, { 'x-enum-discriminator': 'type' }), { path: '$.bag', rule: 'union' }],
    ['x-dynamic-size to a missing property', (s) => Object.assign((props(s).sized.properties as JsonObject).image as Schema, { 'x-dynamic-size': { width: ['sized', 'w'], height: ['sized', 'height'] } }), { path: '$.sized.image["x-dynamic-size"].width', rule: 'dynamic-size' }],
    ['x-dynamic-size to a string', (s) => Object.assign((props(s).sized.properties as JsonObject).image as Schema, { 'x-dynamic-size': { width: ['title'], height: ['sized', 'height'] } }), { path: '$.sized.image["x-dynamic-size"].width', rule: 'dynamic-size' }],
    ['x-dynamic-size through a union', (s) => Object.assign((props(s).sized.properties as JsonObject).image as Schema, { 'x-dynamic-size': { width: ['transition', 'ms'], height: ['sized', 'height'] } }), { path: '$.sized.image["x-dynamic-size"].width', rule: 'dynamic-size' }],
  ])('rejects %s', (_, mutate, expected) => {
    expect(issuesAfter(mutate)).toContainEqual(expected);
  });

  it('rejects a schema that is not an object at all', () => {
    expect(checkSchema([], required)).toEqual([{ path: '$', rule: 'oas', message: expect.any(String) }]);
  });

  it('requires examples only when asked to, but still validates the ones given', () => {
    const noExample = valid();
    delete props(noExample).title.example;
    expect(checkSchema(noExample, { examples: 'optional', registry })).toEqual([]);
    const badExample = valid();
    props(badExample).count.example = 'three';
    expect(checkSchema(badExample, { examples: 'optional', registry }).map((i) => i.rule)).toEqual(['example']);
  });

  it('accepts registered custom formats and rejects them before registration', () => {
    const schema = valid();
    Object.assign(props(schema).title, { format: 'playlist_uid' });
    expect(checkSchema(schema, required).map((i) => i.rule)).toEqual(['format']);
    const withPlaylist = new FormatRegistry();
    withPlaylist.registerResourceFormat({ format: 'playlist_uid', convert: async () => null });
    expect(checkSchema(schema, { examples: 'required', registry: withPlaylist })).toEqual([]);
  });

  it('does not validate examples of a structurally broken schema (one mistake, one issue)', () => {
    const issues = issuesAfter((s) => delete props(s).sized.properties);
    // `required` now names undeclared keys and x-dynamic-size cannot resolve, but only structure is reported.
    expect(issues.every((i) => i.rule !== 'example' && i.rule !== 'dynamic-size')).toBe(true);
  });

  it('still validates examples when only presence rules are broken', () => {
    const issues = issuesAfter((s) => {
      delete props(s).count.default;
      props(s).title.example = 1;
    });
    expect(issues).toEqual([
      { path: '$.count', rule: 'default' },
      { path: '$.title', rule: 'example' },
    ]);
  });

  it('asks the processor hook about every x-processor', () => {
    const asked: string[] = [];
    const processorMatches = (job: string, list: string) => {
      asked.push(`${job}:${list}`);
      return job === 'runners.screens.image_interstitial_process_image';
    };
    expect(checkSchema(valid(), { ...required, processorMatches })).toEqual([]);
    expect(asked).toEqual(['runners.screens.image_interstitial_process_image:image_interstitial']);
    const other = valid();
    Object.assign(props(other).image, { 'x-processor': { job: 'runners.screens.other_process_image', list: 'image_interstitial' } });
    expect(checkSchema(other, { ...required, processorMatches }).map(({ path, rule }) => ({ path, rule }))).toEqual([
      { path: '$.image["x-processor"]', rule: 'processor' },
    ]);
  });

  it('checks non-null media defaults through the existence hook', () => {
    const schema = valid();
    Object.assign(props(schema).video, { default: 'oseh_cf_gone', 'x-processor': { job: 'p', list: 'audio_interstitial' } });
    expect(checkSchema(schema, required)).toEqual([]);
    const issues = checkSchema(schema, { ...required, mediaDefaultExists: (ref) => ref.uid !== 'oseh_cf_gone' });
    expect(issues).toEqual([
      { path: '$.video.default', rule: 'media-default', message: "content_uid default 'oseh_cf_gone' does not exist in list 'audio_interstitial'" },
    ]);
  });

  it('keeps the screen-only extensions out of flow schemas', () => {
    const flow: Schema = {
      type: 'object',
      example: {},
      properties: {
        course: { type: 'string', format: 'course_uid', nullable: true, example: 'oseh_c_1', default: null },
        image: { type: 'string', format: 'image_uid', example: 'i', default: 'i', 'x-thumbhash': { width: 1, height: 1 } },
      },
    };
    expect(checkSchema(flow, required)).toEqual([]);
    expect(checkSchema(flow, { ...required, target: 'flow' }).map(({ path, rule }) => ({ path, rule }))).toEqual([
      { path: '$.image', rule: 'extension' },
    ]);
  });
});

describe('collectMediaDefaults', () => {
  it('finds media uids in defaults, including inside the defaults of enclosing objects', () => {
    const schema: Schema = {
      type: 'object',
      example: {},
      properties: {
        header: {
          type: 'object',
          required: ['image'],
          example: { image: 'oseh_if_a' },
          default: { image: 'oseh_if_b' },
          properties: {
            image: { type: 'string', format: 'image_uid', example: 'oseh_if_a', 'x-processor': { job: 'j', list: 'l' } },
          },
        },
        none: { type: 'string', format: 'image_uid', nullable: true, example: 'x', default: null },
      },
    };
    expect(collectMediaDefaults(schema)).toEqual([{ path: '$.header.default.image', format: 'image_uid', uid: 'oseh_if_b', list: 'l' }]);
  });
});
