import { describe, expect, it } from 'vitest';
import type { Schema } from '../model';
import { compiledValidator, validateValue } from './validator';

const issues = (schema: Schema, value: unknown) => {
  const r = validateValue(schema, value);
  return r.ok ? [] : r.issues;
};

const union: Schema = {
  type: 'object',
  'x-enum-discriminator': 'type',
  oneOf: [
    { type: 'object', required: ['type', 'ms'], properties: { type: { type: 'string', enum: ['fade'] }, ms: { type: 'integer' } } },
    { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['none'] } } },
  ],
};

describe('validateValue', () => {
  it('accepts null only where nullable is true', () => {
    expect(validateValue({ type: 'string', nullable: true }, null)).toEqual({ ok: true });
    expect(issues({ type: 'string' }, null)).toEqual([{ path: '$', message: 'must be string, not null' }]);
    expect(issues({ type: 'string', nullable: false }, null)).toHaveLength(1);
  });

  it('accepts null on a nullable enum and a nullable union, as the realizer does', () => {
    expect(validateValue({ type: 'string', nullable: true, enum: ['a'] }, null).ok).toBe(true);
    expect(validateValue({ type: 'string', nullable: true, enum: ['a'] }, 'b').ok).toBe(false);
    expect(validateValue({ ...union, nullable: true }, null).ok).toBe(true);
    expect(validateValue(union, null).ok).toBe(false);
  });

  it('treats a zero-fraction number as an integer and rejects booleans and non-finite numbers', () => {
    expect(validateValue({ type: 'integer' }, JSON.parse('1.0')).ok).toBe(true);
    expect(validateValue({ type: 'integer' }, 1.5).ok).toBe(false);
    expect(validateValue({ type: 'integer' }, true).ok).toBe(false);
    expect(validateValue({ type: 'number' }, Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(validateValue({ type: 'number' }, Number.NaN).ok).toBe(false);
  });

  it('checks enum, required and additionalProperties, with readable paths', () => {
    const schema: Schema = {
      type: 'object',
      required: ['a', 'c'],
      additionalProperties: false,
      properties: {
        a: { type: 'array', items: { type: 'integer', enum: [1, 2] } },
        c: { type: 'string' },
      },
    };
    expect(issues(schema, { a: [1, 3], b: true })).toEqual([
      { path: '$.c', message: 'is required' },
      { path: '$.b', message: 'is not an allowed property' },
      { path: '$.a[1]', message: 'must be one of 1, 2' },
    ]);
    expect(validateValue(schema, { a: [2], c: 'x' }).ok).toBe(true);
  });

  it('checks OAS 3.0 draft-04 keywords (boolean exclusiveMinimum) and ignores formats and annotations', () => {
    expect(validateValue({ type: 'number', minimum: 1, exclusiveMinimum: true }, 1).ok).toBe(false);
    expect(validateValue({ type: 'number', minimum: 1, exclusiveMinimum: true }, 1.5).ok).toBe(true);
    const annotated: Schema = { type: 'string', format: 'email', example: 'x', deprecated: true, 'x-anything': { a: 1 } };
    expect(validateValue(annotated, 'not an email').ok).toBe(true);
    expect(validateValue({ type: 'string', format: 'image_uid' }, 'oseh_if_1').ok).toBe(true);
  });

  it('validates a union against the branch its discriminator names only', () => {
    expect(validateValue(union, { type: 'fade', ms: 3 }).ok).toBe(true);
    expect(issues(union, { type: 'fade', ms: 'x' })).toEqual([{ path: '$.ms', message: 'must be integer, not a string' }]);
    expect(issues(union, { type: 'wipe' })).toEqual([{ path: '$', message: 'no union branch has type = "wipe"' }]);
    expect(issues(union, { ms: 1 })).toEqual([{ path: '$', message: "the union discriminator 'type' must be a string" }]);
  });

  it('reports a schema that cannot be compiled instead of throwing', () => {
    expect(issues({ $ref: '#/nowhere' }, 1)).toEqual([{ path: '$', message: expect.stringMatching(/cannot be used/) }]);
  });

  it('accepts `nullable` without `type` (no effect in OAS 3.0.3) instead of failing to compile', () => {
    expect(validateValue({ nullable: true }, 'anything').ok).toBe(true);
  });

  it('tells array indices from keys that look like numbers', () => {
    const schema: Schema = { type: 'object', properties: { '0': { type: 'array', items: { type: 'string' } } } };
    expect(issues(schema, { '0': ['a', 1] })).toEqual([{ path: '$["0"][1]', message: 'must be string, not an integer' }]);
  });

  it('reuses compiled validators for the same object and for equal schemas loaded again', () => {
    const schema: Schema = { type: 'object', properties: { a: { type: 'integer' } } };
    const first = compiledValidator(schema);
    expect(compiledValidator(schema)).toBe(first);
    expect(compiledValidator(structuredClone(schema))).toBe(first);
    expect(compiledValidator({ type: 'object', properties: { a: { type: 'string' } } })).not.toBe(first);
  });
});
