import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import type { Schema } from '../model';
import { FormatRegistry } from './formats';
import { containsUnsafeTarget, readPath, resolveSchemaPath, writePath } from './paths';

describe('readPath', () => {
  const root: JsonObject = { a: { b: [10, { c: 'x' }] }, n: null };

  it('indexes objects with strings and arrays with integers', () => {
    expect(readPath(root, ['a', 'b', 1, 'c'])).toEqual({ ok: true, value: 'x' });
    expect(readPath(root, [])).toEqual({ ok: true, value: root });
    expect(readPath(root, ['n'])).toEqual({ ok: true, value: null });
  });

  it.each([
    [['missing'], '$.missing: no such property'],
    [['a', 'b', 2], '$.a.b[2]: index out of range (length 2)'],
    [['a', 'b', '0'], '$.a.b["0"]: cannot read a property of an array'],
    [['a', 0], '$.a[0]: cannot index an object'],
    [['n', 'x'], '$.n.x: cannot read a property of null'],
    [['a', 'b', -1], '$.a.b[-1]: not a valid array index'],
    [['a', 'b', 0.5], '$.a.b[0.5]: not a valid array index'],
  ])('fails on %j', (path, error) => {
    expect(readPath(root, path)).toEqual({ ok: false, error });
  });

  it('does not see inherited members', () => {
    expect(readPath({}, ['constructor']).ok).toBe(false);
    expect(readPath({}, ['__proto__']).ok).toBe(false);
  });
});

describe('writePath', () => {
  it('creates missing intermediate objects and replaces intermediate nulls by {}', () => {
    const root: JsonObject = { keep: 1, n: null };
    expect(writePath(root, ['a', 'b', 'c'], 1)).toEqual({ ok: true });
    expect(writePath(root, ['n', 'x'], 'y')).toEqual({ ok: true });
    expect(root).toEqual({ keep: 1, a: { b: { c: 1 } }, n: { x: 'y' } });
  });

  it('overwrites the last member and keeps siblings', () => {
    const root: JsonObject = { a: { b: 1, c: 2 } };
    expect(writePath(root, ['a', 'b'], null)).toEqual({ ok: true });
    expect(root).toEqual({ a: { b: null, c: 2 } });
  });

  it('needs an existing index for integer steps (no appending)', () => {
    const root: JsonObject = { list: [{ a: 1 }] };
    expect(writePath(root, ['list', 0, 'b'], 2)).toEqual({ ok: true });
    expect(root).toEqual({ list: [{ a: 1, b: 2 }] });
    expect(writePath(root, ['list', 1, 'b'], 2)).toEqual({ ok: false, error: '$.list[1]: index out of range (length 1)' });
    // A missing intermediate is created as an object, which an integer step cannot index.
    expect(writePath({}, ['list', 0, 'b'], 2)).toEqual({ ok: false, error: '$.list[0]: cannot index an object' });
  });

  it('requires the last step to be a string', () => {
    const root: JsonObject = { list: [1] };
    expect(writePath(root, ['list', 0], 2).ok).toBe(false);
    expect(writePath(root, [], 2).ok).toBe(false);
    expect(root).toEqual({ list: [1] });
  });

  it('fails when an intermediate value is not an object', () => {
    expect(writePath({ a: 'text' }, ['a', 'b'], 1)).toEqual({ ok: false, error: '$.a.b: cannot set a property on a string' });
  });

  it('writes `__proto__` as an own member, never into the prototype', () => {
    const root: JsonObject = {};
    expect(writePath(root, ['__proto__', 'polluted'], true)).toEqual({ ok: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(root))).toEqual(JSON.parse('{"__proto__":{"polluted":true}}'));
  });
});

const image: Schema = { type: 'string', format: 'image_uid' };
const fade: Schema = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string', enum: ['fade'] }, ms: { type: 'integer' } },
};
const picture: Schema = {
  type: 'object',
  required: ['type', 'image'],
  properties: { type: { type: 'string', enum: ['picture'] }, image },
};
const screen: Schema = {
  type: 'object',
  required: ['header'],
  properties: {
    header: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, image } },
    optional: { type: 'object', nullable: true, default: null, properties: { inner: { type: 'string' } } },
    list: { type: 'array', items: { type: 'object', properties: { image } } },
    part: { type: 'object', 'x-enum-discriminator': 'type', oneOf: [fade, picture] },
    bag: { type: 'object' },
  },
};

describe('resolveSchemaPath', () => {
  it('walks properties and array items', () => {
    expect(resolveSchemaPath(screen, ['header', 'title'])).toMatchObject({ ok: true, node: { type: 'string' } });
    expect(resolveSchemaPath(screen, ['list', 3, 'image'])).toMatchObject({ ok: true, node: image });
    expect(resolveSchemaPath(screen, [])).toMatchObject({ ok: true, node: screen });
  });

  it('enters a union only with a concrete discriminator', () => {
    expect(resolveSchemaPath(screen, ['part', 'image'])).toEqual({
      ok: false,
      error: "$.part: cannot choose a union branch: no value to read the union discriminator 'type' from",
    });
    expect(resolveSchemaPath(screen, ['part', 'image'], { part: { type: 'picture' } })).toMatchObject({ ok: true, node: image });
    expect(resolveSchemaPath(screen, ['part', 'ms'], { part: { type: 'fade' } })).toMatchObject({ ok: true, node: { type: 'integer' } });
    expect(resolveSchemaPath(screen, ['part', 'image'], { part: { type: 'fade' } }).ok).toBe(false);
    expect(resolveSchemaPath(screen, ['part', 'image'], { part: { type: 3 } }).ok).toBe(false);
    // The union node itself needs no branch.
    expect(resolveSchemaPath(screen, ['part'])).toMatchObject({ ok: true, node: screen.properties && (screen.properties as JsonObject).part });
  });

  it('resolves into a free-form object as the any-schema {}', () => {
    expect(resolveSchemaPath(screen, ['bag', 'x', 0])).toEqual({ ok: true, node: {}, passesNullable: false, passesOptional: true });
  });

  it('reports passing through a nullable node or an optional property that the concrete value does not supply', () => {
    expect(resolveSchemaPath(screen, ['optional', 'inner'])).toMatchObject({ ok: true, passesNullable: true, passesOptional: true });
    expect(resolveSchemaPath(screen, ['optional', 'inner'], { optional: { inner: 'x' } })).toMatchObject({
      passesNullable: false,
      passesOptional: false,
    });
    expect(resolveSchemaPath(screen, ['header', 'image'])).toMatchObject({ passesNullable: false, passesOptional: false });
    // The last step is the target: being optional there is fine.
    expect(resolveSchemaPath(screen, ['optional'])).toMatchObject({ passesNullable: false, passesOptional: false });
  });

  it('fails on undeclared properties and on stepping into scalars or with the wrong step kind', () => {
    expect(resolveSchemaPath(screen, ['nope'])).toEqual({ ok: false, error: "$ declares no property 'nope'" });
    expect(resolveSchemaPath(screen, ['header', 'title', 'x'])).toEqual({
      ok: false,
      error: "$.header.title is of type string, so it has no property 'x'",
    });
    expect(resolveSchemaPath(screen, ['list', 'image']).ok).toBe(false);
    expect(resolveSchemaPath(screen, ['header', 0]).ok).toBe(false);
  });
});

describe('containsUnsafeTarget', () => {
  const registry = new FormatRegistry();

  it('finds unsafe formats in the node or below it (properties, items, oneOf branches)', () => {
    expect(containsUnsafeTarget(image, registry)).toBe(true);
    expect(containsUnsafeTarget(screen.properties ? (screen.properties as JsonObject).header as Schema : {}, registry)).toBe(true);
    expect(containsUnsafeTarget({ type: 'array', items: { type: 'array', items: image } }, registry)).toBe(true);
    expect(containsUnsafeTarget({ type: 'object', 'x-enum-discriminator': 'type', oneOf: [fade, picture] }, registry)).toBe(true);
    expect(containsUnsafeTarget(screen, registry)).toBe(true);
  });

  it('is false for safe subtrees, plain formats and free-form objects', () => {
    expect(containsUnsafeTarget(fade, registry)).toBe(false);
    expect(containsUnsafeTarget({ type: 'string', format: 'flow_slug' }, registry)).toBe(false);
    expect(containsUnsafeTarget({ type: 'object' }, registry)).toBe(false);
    // Undeclared keys never reach a converter, so additionalProperties is not followed.
    expect(containsUnsafeTarget({ type: 'object', properties: {}, additionalProperties: image }, registry)).toBe(false);
  });

  it('covers every built-in unsafe format and registered resource formats', () => {
    for (const format of ['content_uid', 'journey_uid', 'course_uid', 'interactive_prompt_uid', 'journal_entry_uid']) {
      expect(containsUnsafeTarget({ type: 'string', format }, registry)).toBe(true);
    }
    const custom: Schema = { type: 'string', format: 'playlist_uid' };
    expect(containsUnsafeTarget(custom, registry)).toBe(false);
    const withPlaylist = new FormatRegistry();
    withPlaylist.registerResourceFormat({ format: 'playlist_uid', convert: async () => null });
    expect(containsUnsafeTarget(custom, withPlaylist)).toBe(true);
  });
});
