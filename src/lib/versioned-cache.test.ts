import { describe, expect, it } from 'vitest';
import { Lru, tagUsable, VersionedCache, type CacheView } from './versioned-cache';

const policy = { safetyTtlMs: 600_000, unavailableTtlMs: 60_000 };
const view = (version: number | null, fresh = true, epoch = 0): CacheView => ({ epoch, version, fresh });

describe('tagUsable', () => {
  it('needs the same epoch and version as the current view', () => {
    expect(tagUsable({ epoch: 0, version: 3, at: 0 }, view(3), 1000, policy)).toBe(true);
    expect(tagUsable({ epoch: 0, version: 3, at: 0 }, view(4), 1000, policy)).toBe(false);
    expect(tagUsable({ epoch: 0, version: 3, at: 0 }, view(3, true, 1), 1000, policy)).toBe(false);
    // An entry filled while the version was unknown is not trusted once it is known.
    expect(tagUsable({ epoch: 0, version: null, at: 0 }, view(0), 1000, policy)).toBe(false);
  });

  it('drops entries past the safety TTL, and past 60 s while the version cannot be refreshed', () => {
    expect(tagUsable({ epoch: 0, version: 3, at: 0 }, view(3), 599_999, policy)).toBe(true);
    expect(tagUsable({ epoch: 0, version: 3, at: 0 }, view(3), 600_000, policy)).toBe(false);
    expect(tagUsable({ epoch: 0, version: 3, at: 0 }, view(3, false), 59_999, policy)).toBe(true);
    expect(tagUsable({ epoch: 0, version: 3, at: 0 }, view(3, false), 60_000, policy)).toBe(false);
  });
});

describe('Lru', () => {
  it('forgets the least recently used key beyond its capacity', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.size).toBe(2);
  });
});

describe('VersionedCache', () => {
  it('answers hits, "does not exist", and misses', () => {
    const cache = new VersionedCache<string>({ capacity: 2, negativeCapacity: 2 }, policy);
    cache.store('a', 'A', { epoch: 0, version: 1, at: 0 });
    cache.store('gone', null, { epoch: 0, version: 1, at: 0 });
    expect(cache.lookup('a', view(1), 1)).toEqual({ found: true, value: 'A' });
    expect(cache.lookup('gone', view(1), 1)).toEqual({ found: true, value: null });
    expect(cache.lookup('b', view(1), 1)).toEqual({ found: false });
  });

  it('misses once the version moved, and forgets the stale entry', () => {
    const cache = new VersionedCache<string>({ capacity: 2, negativeCapacity: 2 }, policy);
    cache.store('a', 'A', { epoch: 0, version: 1, at: 0 });
    expect(cache.lookup('a', view(2), 1)).toEqual({ found: false });
    expect(cache.size.positive).toBe(0);
  });

  it('defeats the fill race: an entry read before a change is tagged with the old version', () => {
    const cache = new VersionedCache<string>({ capacity: 2, negativeCapacity: 2 }, policy);
    const tagBeforeRead = { epoch: 0, version: 1, at: 0 };
    // The purge (version 2) lands while the old row is being read; the fill comes after it.
    cache.store('a', 'old', tagBeforeRead);
    expect(cache.lookup('a', view(2), 5)).toEqual({ found: false });
  });

  it('bounds negative entries separately from definitions', () => {
    const cache = new VersionedCache<string>({ capacity: 1, negativeCapacity: 2 }, policy);
    const tag = { epoch: 0, version: 1, at: 0 };
    for (const key of ['x', 'y', 'z']) cache.store(key, null, tag);
    cache.store('a', 'A', tag);
    expect(cache.size).toEqual({ positive: 1, negative: 2 });
    expect(cache.lookup('x', view(1), 1)).toEqual({ found: false });
    // Creating a slug replaces its negative entry.
    cache.store('z', 'Z', tag);
    expect(cache.lookup('z', view(1), 1)).toEqual({ found: true, value: 'Z' });
  });
});
