import { describe, expect, it } from 'vitest';
import { decodeFlowPurge, decodeScreenPurge, encodeFlowPurge, encodeScreenPurge } from './definition-purge';

describe('definition purge messages (stats-cache-jobs.md §5.2)', () => {
  it('encode a flow slug as 0x00, a big-endian uint32 byte length, then UTF-8', () => {
    expect(encodeFlowPurge({ kind: 'flow', slug: 'welcome' }).toString('hex')).toBe(`00${'00000007'}${Buffer.from('welcome').toString('hex')}`);
    expect(encodeFlowPurge({ kind: 'flow', slug: 'é' }).toString('hex')).toBe('0000000002c3a9');
  });

  it('encode the valid-slug-set purge as the single byte 0x01', () => {
    expect(encodeFlowPurge({ kind: 'slug_set' })).toEqual(Buffer.from([1]));
  });

  it('encode a screen slug as a uint32 length then UTF-8, with no type byte', () => {
    expect(encodeScreenPurge('home').toString('hex')).toBe(`00000004${Buffer.from('home').toString('hex')}`);
  });

  it('decode what they encode', () => {
    for (const slug of ['a', 'take_journey', '', 'ünï']) {
      expect(decodeFlowPurge(encodeFlowPurge({ kind: 'flow', slug }))).toEqual({ kind: 'flow', slug });
      expect(decodeScreenPurge(encodeScreenPurge(slug))).toBe(slug);
    }
    expect(decodeFlowPurge(encodeFlowPurge({ kind: 'slug_set' }))).toEqual({ kind: 'slug_set' });
  });

  it('reject messages of another shape', () => {
    expect(decodeFlowPurge(Buffer.alloc(0))).toBeNull();
    expect(decodeFlowPurge(Buffer.from([2]))).toBeNull();
    expect(decodeFlowPurge(Buffer.from([1, 0]))).toBeNull();
    expect(decodeFlowPurge(Buffer.from([0, 0, 0, 0, 5, 0x61]))).toBeNull();
    expect(decodeScreenPurge(Buffer.from([0, 0, 0]))).toBeNull();
    expect(decodeScreenPurge(Buffer.from([0, 0, 0, 1]))).toBeNull();
  });
});
