import { describe, expect, it, vi } from 'vitest';
import type { JsonObject, JsonValue } from '../json';
import type { Schema } from '../model';
import { FormatRegistry, type RealizeContext } from './formats';
import { realizeScreenInput } from './realize';

const image = (extra: JsonObject = {}): Schema => ({ type: 'string', format: 'image_uid', ...extra });

function setup(convert = async (_ctx: RealizeContext, uid: string): Promise<JsonValue | null> => ({ uid, jwt: `jwt:${uid}` })) {
  const registry = new FormatRegistry();
  const spy = vi.fn(convert);
  registry.registerResourceFormat({ format: 'image_uid', convert: spy });
  const context: RealizeContext = { userSub: 'oseh_u_1', now: 1000, memo: new Map(), query: async () => [] };
  const realize = (schema: Schema, input: JsonObject, mode: 'full' | 'dry-run' = 'full') =>
    realizeScreenInput(schema, input, { registry, mode, context });
  return { registry, spy, context, realize };
}

const obj = (properties: Record<string, Schema>, extra: JsonObject = {}): Schema => ({ type: 'object', properties, ...extra });

describe('realizeScreenInput', () => {
  it('realizes absent optional properties from their defaults, converting a default image uid too', async () => {
    const { realize } = setup();
    const schema = obj({
      title: { type: 'string', default: 'Hello' },
      image: image({ default: 'oseh_if_default' }),
      settings: obj({ dark: { type: 'boolean', default: true } }, { default: {} }),
    });
    expect(await realize(schema, {})).toEqual({
      ok: true,
      value: { title: 'Hello', image: { uid: 'oseh_if_default', jwt: 'jwt:oseh_if_default' }, settings: { dark: true } },
    });
  });

  it('fails on an absent property without a default', async () => {
    const { realize } = setup();
    expect(await realize(obj({ a: obj({ b: { type: 'string' } }) }), { a: {} })).toEqual({
      ok: false,
      path: '$.a.b',
      error: 'is missing and has no default',
    });
  });

  it('returns null for nullable nulls before looking at the type, and rejects null elsewhere', async () => {
    const { realize, spy } = setup();
    const schema = obj({ img: image({ nullable: true }), n: { type: 'integer', nullable: true } });
    expect(await realize(schema, { img: null, n: null })).toEqual({ ok: true, value: { img: null, n: null } });
    expect(spy).not.toHaveBeenCalled();
    expect(await realize(obj({ s: { type: 'string' } }), { s: null })).toEqual({ ok: false, path: '$.s', error: 'expected a string, got null' });
  });

  it('drops undeclared keys and passes objects without properties through', async () => {
    const { realize } = setup();
    const schema = obj({ keep: { type: 'string' }, bag: { type: 'object' } });
    const bag = { anything: [1, { deep: null }], image: 'oseh_if_x' };
    expect(await realize(schema, { keep: 'k', drop: 'd', bag })).toEqual({ ok: true, value: { keep: 'k', bag } });
  });

  it('selects the union branch by discriminator and realizes the value against it', async () => {
    const { realize } = setup();
    const union: Schema = {
      type: 'object',
      'x-enum-discriminator': 'type',
      oneOf: [
        obj({ type: { type: 'string', enum: ['text'] }, text: { type: 'string' } }, { required: ['type', 'text'] }),
        obj({ type: { type: 'string', enum: ['picture'] }, image: image(), width: { type: 'integer', default: 100 } }, { required: ['type', 'image'] }),
      ],
    };
    const schema = obj({ parts: { type: 'array', items: union } });
    const input: JsonObject = { parts: [{ type: 'text', text: 'hi', image: 'ignored' }, { type: 'picture', image: 'oseh_if_p' }] };
    expect(await realize(schema, input)).toEqual({
      ok: true,
      value: { parts: [{ type: 'text', text: 'hi' }, { type: 'picture', image: { uid: 'oseh_if_p', jwt: 'jwt:oseh_if_p' }, width: 100 }] },
    });
    expect(await realize(schema, { parts: [{ text: 'hi' }] })).toEqual({
      ok: false,
      path: '$.parts[0]',
      error: "the union discriminator 'type' must be a string, not nothing",
    });
    expect(await realize(schema, { parts: [{ type: 'video' }] })).toMatchObject({ ok: false, path: '$.parts[0]' });
  });

  it('does not take a missing discriminator from the union default', async () => {
    const { realize } = setup();
    const union: Schema = {
      type: 'object',
      'x-enum-discriminator': 'type',
      default: { type: 'fade' },
      oneOf: [obj({ type: { type: 'string', enum: ['fade'] }, ms: { type: 'integer', default: 1 } }, { required: ['type'] })],
    };
    expect(await realize(obj({ t: union }), {})).toEqual({ ok: true, value: { t: { type: 'fade', ms: 1 } } });
    expect(await realize(obj({ t: union }), { t: { ms: 5 } })).toMatchObject({ ok: false, path: '$.t' });
  });

  it.each([
    ['int32 lower bound', { type: 'integer', format: 'int32' }, -(2 ** 31), true],
    ['int32 below range', { type: 'integer', format: 'int32' }, -(2 ** 31) - 1, false],
    ['int32 upper bound', { type: 'integer', format: 'int32' }, 2 ** 31 - 1, true],
    ['int32 above range', { type: 'integer', format: 'int32' }, 2 ** 31, false],
    ['int64 safe integer', { type: 'integer', format: 'int64' }, Number.MAX_SAFE_INTEGER, true],
    ['int64 beyond safe integers', { type: 'integer', format: 'int64' }, 2 ** 53, false],
    ['boolean as integer', { type: 'integer' }, true, false],
    ['fraction as integer', { type: 'integer' }, 1.5, false],
    ['zero-fraction integer', { type: 'integer' }, 2.0, true],
    ['unknown integer format', { type: 'integer', format: 'int16' }, 1, false],
    ['finite number', { type: 'number', format: 'float' }, 0.25, true],
    ['infinite number', { type: 'number' }, Number.POSITIVE_INFINITY, false],
    ['string as number', { type: 'number' }, '1', false],
    ['boolean', { type: 'boolean' }, false, true],
    ['number as boolean', { type: 'boolean' }, 0, false],
    ['plain string format', { type: 'string', format: 'flow_slug' }, 'skip', true],
    ['unknown string format', { type: 'string', format: 'mystery' }, 'x', false],
    ['format on an object', { type: 'object', format: 'date' }, {}, false],
    ['format on an array', { type: 'array', format: 'date', items: { type: 'string' } }, [], false],
    ['missing type', { example: 1 }, 1, false],
    ['unknown type', { type: 'date' }, 1, false],
    ['type null (tolerated)', { type: 'null' }, null, true],
  ] as [string, Schema, JsonValue, boolean][])('%s', async (_, node, value, accepted) => {
    const { realize } = setup();
    const r = await realize(obj({ v: node }), { v: value });
    if (accepted) expect(r).toEqual({ ok: true, value: { v: value } });
    else expect(r).toMatchObject({ ok: false, path: '$.v' });
  });

  it('reports error paths in $.a[0].b style', async () => {
    const { realize } = setup();
    const schema = obj({ a: { type: 'array', items: obj({ b: { type: 'integer' } }) } });
    expect(await realize(schema, { a: [{ b: 1 }, { b: 'x' }] })).toEqual({ ok: false, path: '$.a[1].b', error: 'expected an integer, got a string' });
  });

  it('passes the node and the whole screen to converters and treats null results per nullability', async () => {
    const { realize, spy, context } = setup(async (_ctx, uid) => (uid === 'gone' ? null : { uid }));
    const schema = obj({ a: image({ nullable: true }), b: image() });
    expect(await realize(schema, { a: 'gone', b: 'here' })).toEqual({ ok: true, value: { a: null, b: { uid: 'here' } } });
    expect(spy).toHaveBeenCalledWith(context, 'here', schema.properties && (schema.properties as JsonObject).b, {
      schema,
      input: { a: 'gone', b: 'here' },
    });
    // A missing object for a non-nullable field fails the screen (§2.4.3 project rule).
    expect(await realize(schema, { a: 'x', b: 'gone' })).toEqual({
      ok: false,
      path: '$.b',
      error: 'image_uid "gone" does not resolve and the field is not nullable',
    });
  });

  it('fails on a custom format without a converter in full mode only', async () => {
    const { realize } = setup();
    const schema = obj({ c: { type: 'string', format: 'course_uid' } });
    expect(await realize(schema, { c: 'oseh_c_1' })).toEqual({ ok: false, path: '$.c', error: "no converter is registered for format 'course_uid'" });
    expect(await realize(schema, { c: 'oseh_c_1' }, 'dry-run')).toEqual({ ok: true, value: { c: 'oseh_c_1' } });
  });

  it('in dry-run mode keeps custom-format strings without converting, but still checks they are strings', async () => {
    const { realize, spy } = setup();
    const schema = obj({ img: image() });
    expect(await realize(schema, { img: 'oseh_if_1' }, 'dry-run')).toEqual({ ok: true, value: { img: 'oseh_if_1' } });
    expect(await realize(schema, { img: 5 }, 'dry-run')).toMatchObject({ ok: false, path: '$.img' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('converts the same uid and node settings once per response, but separately for another thumbhash size', async () => {
    const { realize, spy, context } = setup();
    const small = image({ 'x-thumbhash': { width: 10, height: 10 } });
    const large = image({ 'x-thumbhash': { width: 99, height: 99 } });
    const schema = obj({ a: small, b: { type: 'array', items: small }, c: large });
    const r = await realize(schema, { a: 'u', b: ['u', 'u'], c: 'u' });
    expect(r.ok).toBe(true);
    expect(spy).toHaveBeenCalledTimes(2);
    // A second screen of the same response reuses the memo.
    await realize(obj({ again: small }), { again: 'u' });
    expect(spy).toHaveBeenCalledTimes(2);
    context.memo.clear();
    await realize(obj({ again: small }), { again: 'u' });
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('keys dynamic-size conversions by the size each screen input resolves to', async () => {
    const { realize, spy } = setup();
    const schema = obj({
      img: image({ 'x-dynamic-size': { width: ['w'], height: ['h'] } }),
      w: { type: 'integer' },
      h: { type: 'integer', default: 50 },
    });
    await realize(schema, { img: 'u', w: 10 });
    await realize(schema, { img: 'u', w: 10, h: 50 });
    expect(spy).toHaveBeenCalledTimes(1);
    await realize(schema, { img: 'u', w: 20 });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('does not hand out the schema default objects themselves', async () => {
    const { realize } = setup();
    const schema = obj({ bag: { type: 'object', default: { a: 1 } } });
    const r = await realize(schema, {});
    if (!r.ok) throw new Error(r.error);
    (r.value.bag as JsonObject).a = 2;
    expect((schema.properties as JsonObject).bag).toEqual({ type: 'object', default: { a: 1 } });
  });

  it('requires the schema to describe an object', async () => {
    const { realize } = setup();
    expect(await realize({ type: 'string' }, {})).toMatchObject({ ok: false, path: '$' });
  });

  it('lets converter exceptions propagate (an infrastructure failure is not a bad screen)', async () => {
    const { realize } = setup(async () => {
      throw new Error('database down');
    });
    await expect(realize(obj({ img: image() }), { img: 'u' })).rejects.toThrow('database down');
  });
});
