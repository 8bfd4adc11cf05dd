/**
 * The in-process cache policy of stats-cache-jobs.md §5.4, with no I/O: entries are tagged with
 * the cache epoch and the global version counter seen before their database read, and used only
 * while both still match, within a safety TTL, and (while the version cannot be refreshed) only
 * when young. Time is passed in (milliseconds).
 */

/** What the instance currently believes about the global version counter. */
export interface CacheView {
  /** Bumped when everything is flushed (subscriber reconnect): older entries never match again. */
  epoch: number;
  /** The counter's value, or null while unknown. */
  version: number | null;
  /** Whether the counter was read recently enough to trust (Redis reachable). */
  fresh: boolean;
}

export interface CacheTag {
  epoch: number;
  version: number | null;
  /** When the database read started. */
  at: number;
}

export interface CachePolicy {
  /** Never use an entry older than this (§5.4 item 7), whatever the version says. */
  safetyTtlMs: number;
  /** While the view is not fresh, entries older than this are not used (§5.4 item 5). */
  unavailableTtlMs: number;
}

export function tagUsable(tag: CacheTag, view: CacheView, now: number, policy: CachePolicy): boolean {
  if (tag.epoch !== view.epoch || tag.version !== view.version) return false;
  const age = now - tag.at;
  return age < policy.safetyTtlMs && (view.fresh || age < policy.unavailableTtlMs);
}

/** A bounded map that forgets the least recently used key first. */
export class Lru<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

export type CacheLookup<V> = { found: true; value: V | null } | { found: false };

/**
 * Positive entries (capped, an LRU) and "does not exist" entries (capped separately, since
 * client-chosen slugs reach lookups), under one tag rule.
 */
export class VersionedCache<V> {
  private readonly positive: Lru<{ value: V; tag: CacheTag }>;
  private readonly negative: Lru<CacheTag>;

  constructor(options: { capacity: number; negativeCapacity: number }, private readonly policy: CachePolicy) {
    this.positive = new Lru(options.capacity);
    this.negative = new Lru(options.negativeCapacity);
  }

  lookup(key: string, view: CacheView, now: number): CacheLookup<V> {
    const entry = this.positive.get(key);
    if (entry !== undefined) {
      if (tagUsable(entry.tag, view, now, this.policy)) return { found: true, value: entry.value };
      this.positive.delete(key);
    }
    const absent = this.negative.get(key);
    if (absent !== undefined) {
      if (tagUsable(absent, view, now, this.policy)) return { found: true, value: null };
      this.negative.delete(key);
    }
    return { found: false };
  }

  store(key: string, value: V | null, tag: CacheTag): void {
    if (value === null) {
      this.positive.delete(key);
      this.negative.set(key, tag);
    } else {
      this.negative.delete(key);
      this.positive.set(key, { value, tag });
    }
  }

  delete(key: string): void {
    this.positive.delete(key);
    this.negative.delete(key);
  }

  clear(): void {
    this.positive.clear();
    this.negative.clear();
  }

  get size(): { positive: number; negative: number } {
    return { positive: this.positive.size, negative: this.negative.size };
  }
}
