import { describe, expect, it } from 'vitest';
import { FormatRegistry, PLAIN_STRING_FORMATS, UNSAFE_FORMATS } from './formats';

const convert = async () => null;

describe('FormatRegistry', () => {
  it('knows the six unsafe formats and registered resource formats as unsafe, plain formats as safe', () => {
    const registry = new FormatRegistry();
    expect([...UNSAFE_FORMATS].every((f) => registry.isUnsafe(f))).toBe(true);
    expect(UNSAFE_FORMATS).toHaveLength(6);
    expect(registry.isUnsafe('flow_slug')).toBe(false);
    expect(registry.isUnsafe(undefined)).toBe(false);
    expect(registry.isUnsafe('playlist_uid')).toBe(false);
    registry.registerResourceFormat({ format: 'playlist_uid', convert });
    expect(registry.isUnsafe('playlist_uid')).toBe(true);
    expect(registry.resourceFormat('playlist_uid')?.format).toBe('playlist_uid');
  });

  it('knows plain, unsafe and absent formats, and nothing else', () => {
    const registry = new FormatRegistry();
    for (const f of ['date-time', 'uuid', 'flow_slug', 'image_uid', undefined]) expect(registry.isKnownStringFormat(f)).toBe(true);
    expect(PLAIN_STRING_FORMATS.has('flow_slug')).toBe(true);
    expect(registry.isKnownStringFormat('image')).toBe(false);
  });

  it('refuses plain-format names and duplicates', () => {
    const registry = new FormatRegistry();
    expect(() => registry.registerResourceFormat({ format: 'date', convert })).toThrow(/not a custom format/);
    registry.registerResourceFormat({ format: 'image_uid', convert });
    expect(() => registry.registerResourceFormat({ format: 'image_uid', convert })).toThrow(/already registered/);
  });

  it('registers extractors separately from resource formats', () => {
    const registry = new FormatRegistry();
    const extractor = { format: 'course_uid', objectSchema: { type: 'object' }, load: async () => ({ title: 't' }) };
    registry.registerExtractor(extractor);
    expect(registry.extractor('course_uid')).toBe(extractor);
    expect(registry.resourceFormat('course_uid')).toBeUndefined();
    expect(() => registry.registerExtractor(extractor)).toThrow(/already registered/);
  });
});
