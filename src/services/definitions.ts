import type { Redis } from 'ioredis';
import {
  findFlowBySlug, findScreenBySlug, listFlowSlugs,
} from '../db/repositories/definitions.repository';
import type { Database } from '../db/database';
import type { Sql } from '../db/sql';
import {
  decodeFlowPurge, decodeScreenPurge, encodeFlowPurge, encodeScreenPurge, FLOW_PURGE_CHANNEL, SCREEN_PURGE_CHANNEL,
} from '../domain/definition-purge';
import type { ClientFlowDef, ClientScreenDef } from '../domain/model';
import type { Logger } from '../lib/log';
import { tagUsable, VersionedCache, type CacheTag, type CacheView } from '../lib/versioned-cache';
import type { Listening, RedisSubscriber } from '../realtime/redis-subscriber';
import { withReadConnection } from './transaction';

/** Global counters INCR'd after every committed change of that kind (§5.4 item 3). */
export const FLOW_VERSION_KEY = 'client_flows:cache_version';
export const SCREEN_VERSION_KEY = 'client_screens:cache_version';

/**
 * Definitions changed outside the admin API: migrations seed and edit screens and flows. Every
 * instance's cached flows, screens and flow-slug set are then stale; bumping both versions makes
 * them unusable everywhere, and the slug-set purge makes instances re-read the versions at once.
 */
export async function announceMigratedDefinitions(redis: Redis): Promise<void> {
  await redis.multi().incr(FLOW_VERSION_KEY).incr(SCREEN_VERSION_KEY).publish(FLOW_PURGE_CHANNEL, encodeFlowPurge({ kind: 'slug_set' })).exec();
}

export interface DefinitionCacheOptions {
  /** Definitions kept per kind (§5.4 item 7). */
  capacity: number;
  /** "Does not exist" answers kept per kind (§5.4 item 6). */
  negativeCapacity: number;
  /** How often the version counters are re-read; twice this is the freshness limit. */
  refreshIntervalMs: number;
  safetyTtlMs: number;
  unavailableTtlMs: number;
}

export const DEFAULT_DEFINITION_CACHE: DefinitionCacheOptions = {
  capacity: 200,
  negativeCapacity: 1000,
  refreshIntervalMs: 5_000,
  safetyTtlMs: 600_000,
  unavailableTtlMs: 60_000,
};

/** §5.4 item 8. */
export interface DefinitionCacheMetrics {
  hits: number;
  misses: number;
  purgesReceived: number;
  versionChangeFlushes: number;
  reconnectFlushes: number;
  selfPurges: number;
  versionReadFailures: number;
}

type Kind = 'flows' | 'screens';

/** Re-tries of a failed version bump, one second apart: until it lands, other instances trust old entries. */
const BUMP_ATTEMPTS = 10;

/**
 * Flow and screen definitions by slug, cached in process per stats-cache-jobs.md §5.4 once
 * `start()`ed (the server); without it (CLI) every call reads PostgreSQL.
 *
 * Coherence: every entry is tagged with the cache epoch and the global version counter of its
 * kind as seen before its database read, and is used only while both still match. The counters
 * are re-read every 5 s and on every purge message, so a superseded definition is dropped within
 * about 5 s even when the message is lost, and at once when it arrives; a read racing a change
 * is tagged with the old version and never used. When the pub/sub connection comes back, the
 * epoch moves (everything cached is dropped). While the counters cannot be read, entries older
 * than 60 s are not used. Changes made here purge this instance before `changed()` returns.
 *
 * Inside a transaction, pass its `sql`: a second pooled connection per locked operation would let
 * operations waiting for a user's lock starve the one holding it of connections. A hit needs no
 * connection at all.
 */
export class DefinitionStore {
  private readonly options: DefinitionCacheOptions;
  private readonly flows: VersionedCache<ClientFlowDef>;
  private readonly screens: VersionedCache<ClientScreenDef>;
  /** Every existing flow slug: a slug outside it is "not found" without a query. */
  private flowSlugs: { slugs: Set<string>; tag: CacheTag } | null = null;
  private epoch = 0;
  private readonly versions: Record<Kind, number | null> = { flows: null, screens: null };
  private versionsReadAt: number | null = null;
  /** Moves with every change of `versions`: a read that started before a newer one is discarded. */
  private versionsSeq = 0;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private listening: Listening[] = [];
  private caching = false;
  private stopped = false;
  readonly metrics: DefinitionCacheMetrics = {
    hits: 0, misses: 0, purgesReceived: 0, versionChangeFlushes: 0, reconnectFlushes: 0, selfPurges: 0, versionReadFailures: 0,
  };

  constructor(
    private readonly db: Database,
    private readonly live?: { redis: Redis; subscriber: RedisSubscriber; log: Logger },
    options: Partial<DefinitionCacheOptions> = {},
    private readonly nowMs: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_DEFINITION_CACHE, ...options };
    const policy = { safetyTtlMs: this.options.safetyTtlMs, unavailableTtlMs: this.options.unavailableTtlMs };
    this.flows = new VersionedCache(this.options, policy);
    this.screens = new VersionedCache(this.options, policy);
  }

  /** Turns caching on: listens for purges, reads the counters, re-reads them periodically. */
  async start(): Promise<void> {
    if (this.live === undefined || this.caching) return;
    const { subscriber } = this.live;
    this.listening = [
      subscriber.listen(FLOW_PURGE_CHANNEL, (message) => this.onFlowPurge(message)),
      subscriber.listen(SCREEN_PURGE_CHANNEL, (message) => this.onScreenPurge(message)),
    ];
    subscriber.onReconnect(() => this.flushOnReconnect());
    this.caching = true;
    // Redis may be down at start: entries then follow the unavailable rule until it is back.
    await Promise.all(this.listening.map((l) => l.subscribed)).catch(() => {});
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.refreshIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    this.caching = false;
    clearInterval(this.timer);
    for (const l of this.listening) l.stop();
    this.listening = [];
  }

  async flow(slug: string, sql?: Sql): Promise<ClientFlowDef | null> {
    if (!this.caching) return this.read(sql, (s) => findFlowBySlug(s, slug));
    const now = this.nowMs();
    const view = this.view('flows', now);
    const cached = this.flows.lookup(slug, view, now);
    if (cached.found) {
      this.metrics.hits++;
      return cached.value;
    }
    const set = this.flowSlugs;
    const setUsable = set !== null && tagUsable(set.tag, view, now, this.options);
    if (setUsable && !set.slugs.has(slug)) {
      this.metrics.hits++;
      return null;
    }
    this.metrics.misses++;
    const tag = this.tag(view, now);
    const flow = await this.read(sql, (s) => findFlowBySlug(s, slug));
    this.flows.store(slug, flow, tag);
    // A miss is what a client-chosen slug costs: learn every slug once, answer the next ones here.
    if (flow === null && !setUsable) this.flowSlugs = { slugs: new Set(await this.read(sql, listFlowSlugs)), tag };
    return flow;
  }

  async screen(slug: string, sql?: Sql): Promise<ClientScreenDef | null> {
    if (!this.caching) return this.read(sql, (s) => findScreenBySlug(s, slug));
    const now = this.nowMs();
    const view = this.view('screens', now);
    const cached = this.screens.lookup(slug, view, now);
    if (cached.found) {
      this.metrics.hits++;
      return cached.value;
    }
    this.metrics.misses++;
    const tag = this.tag(view, now);
    const screen = await this.read(sql, (s) => findScreenBySlug(s, slug));
    this.screens.store(slug, screen, tag);
    return screen;
  }

  /**
   * Called after a committed change to flow or screen definitions (admin-api.md §6.6,
   * stats-cache-jobs.md §5.2): `flows`/`screens` are the slugs whose definitions changed,
   * `flowSetChanged` whether a flow slug was created, removed or renamed. Purges this instance
   * before anything else, then bumps the version counters and publishes the §5.2 messages.
   * Never throws: the change is committed whatever happens here.
   */
  async changed(change: DefinitionChange): Promise<void> {
    const flows = change.flows ?? [];
    const screens = change.screens ?? [];
    for (const slug of flows) this.flows.delete(slug);
    if (change.flowSetChanged) this.flowSlugs = null;
    for (const slug of screens) this.screens.delete(slug);
    this.metrics.selfPurges++;
    if (this.live === undefined) return;
    const kinds: Kind[] = [];
    if (flows.length > 0 || change.flowSetChanged) kinds.push('flows');
    if (screens.length > 0) kinds.push('screens');
    if (kinds.length === 0) return;
    await this.bumpVersions(kinds, 1);
    const { redis, log } = this.live;
    const messages: [string, Buffer][] = [
      ...flows.map((slug): [string, Buffer] => [FLOW_PURGE_CHANNEL, encodeFlowPurge({ kind: 'flow', slug })]),
      ...(change.flowSetChanged ? [[FLOW_PURGE_CHANNEL, encodeFlowPurge({ kind: 'slug_set' })] as [string, Buffer]] : []),
      ...screens.map((slug): [string, Buffer] => [SCREEN_PURGE_CHANNEL, encodeScreenPurge(slug)]),
    ];
    try {
      const pipeline = redis.pipeline();
      for (const [channel, message] of messages) pipeline.publish(channel, message);
      await pipeline.exec();
    } catch (error) {
      log.warn({ err: error }, 'could not publish definition purges (other instances catch up within 5 s)');
    }
  }

  /** Entries currently held, per kind. */
  get size() {
    return { flows: this.flows.size, screens: this.screens.size, flowSlugs: this.flowSlugs?.slugs.size ?? null };
  }

  private read<T>(sql: Sql | undefined, work: (sql: Sql) => Promise<T>): Promise<T> {
    return sql ? work(sql) : withReadConnection(this.db, work);
  }

  private view(kind: Kind, now: number): CacheView {
    const fresh = this.versionsReadAt !== null && now - this.versionsReadAt <= 2 * this.options.refreshIntervalMs;
    return { epoch: this.epoch, version: this.versions[kind], fresh };
  }

  private tag(view: CacheView, now: number): CacheTag {
    return { epoch: view.epoch, version: view.version, at: now };
  }

  private async bumpVersions(kinds: Kind[], attempt: number): Promise<void> {
    const { redis, log } = this.live!;
    try {
      const multi = redis.multi();
      for (const kind of kinds) multi.incr(kind === 'flows' ? FLOW_VERSION_KEY : SCREEN_VERSION_KEY);
      const results = (await multi.exec()) ?? [];
      const values = results.map(([error, value]) => {
        if (error) throw error;
        return Number(value);
      });
      this.adoptVersions(Object.fromEntries(kinds.map((kind, i) => [kind, values[i]])), this.nowMs(), false);
    } catch (error) {
      if (attempt === 1) log.warn({ err: error }, 'could not bump the definition cache version; retrying');
      if (attempt >= BUMP_ATTEMPTS || this.stopped) {
        log.error({ err: error }, 'gave up bumping the definition cache version: other instances may use old definitions for up to 10 min');
        return;
      }
      const retry = setTimeout(() => void this.bumpVersions(kinds, attempt + 1), 1000);
      retry.unref();
    }
  }

  /** Re-reads the counters; concurrent callers share one read, and a call during a read causes another. */
  private refresh(): Promise<void> {
    if (this.refreshing !== null) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        const seq = this.versionsSeq;
        try {
          const [flows, screens] = await this.live!.redis.mget(FLOW_VERSION_KEY, SCREEN_VERSION_KEY);
          if (seq === this.versionsSeq) this.adoptVersions({ flows: Number(flows ?? 0), screens: Number(screens ?? 0) }, this.nowMs(), true);
        } catch {
          this.metrics.versionReadFailures++;
        }
      } while (this.refreshAgain && !this.stopped);
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private adoptVersions(values: Partial<Record<Kind, number>>, now: number, complete: boolean): void {
    for (const kind of ['flows', 'screens'] as const) {
      const value = values[kind];
      if (value === undefined || value === this.versions[kind]) continue;
      if (this.versions[kind] !== null) this.metrics.versionChangeFlushes++;
      this.versions[kind] = value;
      // Entries of the old version can never be used again: free them now.
      this.cacheOf(kind).clear();
      if (kind === 'flows') this.flowSlugs = null;
    }
    this.versionsSeq++;
    if (complete) this.versionsReadAt = now;
  }

  private cacheOf(kind: Kind): VersionedCache<unknown> {
    return kind === 'flows' ? this.flows : this.screens;
  }

  private onFlowPurge(message: Buffer): void {
    this.metrics.purgesReceived++;
    const purge = decodeFlowPurge(message);
    if (purge === null) this.flows.clear();
    else if (purge.kind === 'flow') this.flows.delete(purge.slug);
    if (purge === null || purge.kind === 'slug_set') this.flowSlugs = null;
    void this.refresh();
  }

  private onScreenPurge(message: Buffer): void {
    this.metrics.purgesReceived++;
    const slug = decodeScreenPurge(message);
    if (slug === null) this.screens.clear();
    else this.screens.delete(slug);
    void this.refresh();
  }

  /** Messages may have been lost while the subscriber was away: forget everything (§5.4 item 4). */
  private async flushOnReconnect(): Promise<void> {
    this.epoch++;
    this.flows.clear();
    this.screens.clear();
    this.flowSlugs = null;
    this.versions.flows = null;
    this.versions.screens = null;
    this.versionsReadAt = null;
    this.versionsSeq++;
    this.metrics.reconnectFlushes++;
    this.live?.log.info({ metrics: this.metrics }, 'definition caches flushed after the redis subscriber reconnected');
    await this.refresh();
  }
}

export interface DefinitionChange {
  flows?: readonly string[];
  flowSetChanged?: boolean;
  screens?: readonly string[];
}
