import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import type { Schema } from '../model';
import { collectMediaReferences, resolveDynamicSize } from './references';

const dynamicImage: Schema = {
  type: 'string',
  format: 'image_uid',
  'x-processor': { job: 'runners.screens.exact_dynamic_process_image', list: 'exact_dynamic' },
  'x-dynamic-size': { width: ['box', 'width'], height: ['box', 'height'] },
};
const schema: Schema = {
  type: 'object',
  properties: {
    box: {
      type: 'object',
      nullable: true,
      default: { width: 30, height: 40 },
      properties: {
        image: dynamicImage,
        width: { type: 'integer' },
        height: { type: 'integer', default: 20 },
      },
    },
    gallery: {
      type: 'array',
      items: { type: 'string', format: 'image_uid', 'x-processor': { job: 'p', list: 'gallery' } },
    },
    audio: { type: 'string', format: 'content_uid' },
    course: { type: 'string', format: 'course_uid' },
  },
};
const size = (input: JsonObject) => resolveDynamicSize({ schema, input }, dynamicImage);

describe('resolveDynamicSize', () => {
  it('reads the size from the input, falling back to defaults along the way', () => {
    expect(size({ box: { width: 10, height: 12 } })).toEqual({ ok: true, size: { width: 10, height: 12 } });
    expect(size({ box: { width: 10 } })).toEqual({ ok: true, size: { width: 10, height: 20 } });
    expect(size({})).toEqual({ ok: true, size: { width: 30, height: 40 } });
  });

  it('is irrelevant (null) through a nullable null, and for nodes without x-dynamic-size', () => {
    expect(size({ box: null })).toEqual({ ok: true, size: null });
    expect(resolveDynamicSize({ schema, input: {} }, { type: 'string', format: 'image_uid' })).toEqual({ ok: true, size: null });
  });

  it('fails when a value is absent without default, or is not a positive integer', () => {
    expect(size({ box: { height: 1 } })).toEqual({ ok: false, error: 'x-dynamic-size.width: $.box.width is absent and has no default' });
    expect(size({ box: { width: 0, height: 1 } })).toEqual({
      ok: false,
      error: 'x-dynamic-size.width: $.box.width must be a positive integer, not an integer',
    });
  });
});

describe('collectMediaReferences', () => {
  it('lists image and content uids with their lists, resolving dynamic-size lists', () => {
    const input: JsonObject = { box: { image: 'oseh_if_a', width: 10, height: 12 }, gallery: ['oseh_if_b'], audio: 'oseh_cf_c', course: 'oseh_c_d' };
    expect(collectMediaReferences(schema, input)).toEqual([
      { path: '$.box.image', format: 'image_uid', uid: 'oseh_if_a', list: 'exact_dynamic@10x12' },
      { path: '$.gallery[0]', format: 'image_uid', uid: 'oseh_if_b', list: 'gallery' },
      { path: '$.audio', format: 'content_uid', uid: 'oseh_cf_c', list: null },
    ]);
  });

  it('gives a null list when the dynamic size cannot be resolved from a partial value', () => {
    expect(collectMediaReferences(schema, { box: { image: 'oseh_if_a' } })).toEqual([
      { path: '$.box.image', format: 'image_uid', uid: 'oseh_if_a', list: null },
    ]);
  });
});
