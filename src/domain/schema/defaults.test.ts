import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import type { Schema } from '../model';
import { fillDefaults } from './defaults';

const transition: Schema = {
  type: 'object',
  'x-enum-discriminator': 'type',
  default: { type: 'fade' },
  oneOf: [
    {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string', enum: ['fade'] }, ms: { type: 'integer', default: 125 } },
    },
    {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string', enum: ['swipe'] }, direction: { type: 'string', default: 'left' } },
    },
  ],
};

const schema: Schema = {
  type: 'object',
  properties: {
    name: { type: 'string', default: 'friend' },
    required: { type: 'string' },
    nested: {
      type: 'object',
      default: {},
      properties: { a: { type: 'integer', default: 1 }, deeper: { type: 'object', default: { b: 2 }, properties: { c: { type: 'boolean', default: true } } } },
    },
    list: { type: 'array', default: [], items: { type: 'object', properties: { x: { type: 'integer', default: 0 } } } },
    transition,
    maybe: { type: 'object', nullable: true, default: null, properties: { z: { type: 'string', default: 'z' } } },
  },
};

describe('fillDefaults', () => {
  it('fills missing properties, recursively into object defaults, and leaves absent ones without default absent', () => {
    expect(fillDefaults(schema, {})).toEqual({
      ok: true,
      value: {
        name: 'friend',
        nested: { a: 1, deeper: { b: 2, c: true } },
        list: [],
        transition: { type: 'fade', ms: 125 },
        maybe: null,
      },
    });
  });

  it('walks given values: arrays through items, unions through the branch their discriminator names', () => {
    const r = fillDefaults(schema, { list: [{}, { x: 5 }], transition: { type: 'swipe' }, maybe: {} });
    expect(r).toMatchObject({
      ok: true,
      value: { list: [{ x: 0 }, { x: 5 }], transition: { type: 'swipe', direction: 'left' }, maybe: { z: 'z' } },
    });
  });

  it('keeps extra keys and given values', () => {
    const r = fillDefaults(schema, { name: 'Ann', extra: { any: 1 }, nested: { a: 7, more: true } });
    expect(r.ok && r.value).toMatchObject({ name: 'Ann', extra: { any: 1 }, nested: { a: 7, more: true, deeper: { b: 2, c: true } } });
  });

  it('fails on a union value without a string discriminator or with an unknown one', () => {
    expect(fillDefaults(schema, { transition: { ms: 3 } })).toEqual({
      ok: false,
      error: "$.transition: the union discriminator 'type' must be a string, not nothing",
    });
    expect(fillDefaults(schema, { transition: { type: 'wipe' } })).toEqual({
      ok: false,
      error: '$.transition: no union branch has type = "wipe"',
    });
  });

  it('does not modify its input or share the schema default objects', () => {
    const input: JsonObject = { nested: {} };
    const r = fillDefaults(schema, input);
    expect(input).toEqual({ nested: {} });
    if (!r.ok || r.value === null || typeof r.value !== 'object' || Array.isArray(r.value)) throw new Error('expected an object');
    ((r.value.nested as JsonObject).deeper as JsonObject).b = 99;
    expect(((schema.properties as JsonObject).nested as JsonObject).properties).toMatchObject({ deeper: { default: { b: 2 } } });
  });
});
