import { describe, expect, it } from 'vitest';
import { canonicalJson, isStorableJson, MAX_JSON_DEPTH } from './json';

describe('canonicalJson', () => {
  it('sorts keys recursively and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('isStorableJson', () => {
  it('accepts ordinary JSON and refuses what jsonb cannot store or recursion cannot walk', () => {
    expect(isStorableJson({ a: ['x', 1, null, { b: 'é😀' }] })).toBe(true);
    expect(isStorableJson({ a: 'x\u0000y' })).toBe(false);
    expect(isStorableJson({ 'k\u0000': 1 })).toBe(false);
    expect(isStorableJson(['\ud800'])).toBe(false);
    expect(isStorableJson(['\udc00x'])).toBe(false);
    const nest = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
    expect(isStorableJson(nest(MAX_JSON_DEPTH))).toBe(true);
    expect(isStorableJson(nest(MAX_JSON_DEPTH + 1))).toBe(false);
    expect(isStorableJson(nest(100_000))).toBe(false);
  });
});
