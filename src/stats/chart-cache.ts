import type { Redis } from 'ioredis';
import { chartCacheKey, chartChannel, chartLifetime, decodeChartMessage, encodeChartMessage, familyOfChartChannel } from '../domain/stats-charts';
import { startOfStatsDay, statsDay } from '../domain/stats-day';
import { STATS_FAMILIES, type StatsFamilyName } from '../domain/stats-keys';
import type { Logger } from '../lib/log';
import type { Metrics } from '../lib/metrics';
import type { Listening, RedisSubscriber } from '../realtime/redis-subscriber';

export interface CachedChart {
  /** The gzip-compressed JSON body. */
  body: Buffer;
  /** Seconds since the epoch after which the body must be recomputed. */
  expiresAt: number;
}

/** A freshly computed chart and the `earliest` it was computed with (decides how long it may live). */
export interface ComputedChart {
  body: Buffer;
  earliest: number | null;
}

type Window = { start: number; end: number };

/** Where chart answers came from (app.metrics): local copy, shared copy, computed; broadcasts received. */
export const CHART_METRICS = {
  localHits: 'stats_chart_local_hits',
  sharedHits: 'stats_chart_shared_hits',
  computed: 'stats_chart_computed',
  received: 'stats_chart_broadcasts_received',
} as const;

/** Local copies kept at most: a couple of windows per family in practice (one per stats day). */
const MAX_LOCAL_ENTRIES = 16;

/**
 * The historical charts' cache (stats-cache-jobs.md §4.3): an in-process copy in front of one
 * shared copy in Redis under `daily_{family}:{start}:{end}`. The instance that computes a final
 * body (all days rolled up) stores it in Redis until the next stats day and broadcasts it on
 * `ps:stats:{family}:daily`, so every instance fills its local copy without recomputing. A body
 * with un-rolled days lives a minute at most and is not broadcast (the message carries no
 * lifetime; receivers keep what they get until the next stats day). Cache failures never fail a
 * request: the chart is then computed.
 */
export class ChartCache {
  private readonly local = new Map<string, CachedChart>();
  private readonly inflight = new Map<string, Promise<CachedChart>>();
  private listening: Listening[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly subscriber: RedisSubscriber,
    private readonly log: Logger,
    private readonly metrics: Metrics,
    private readonly clock: () => number,
    private readonly zone: string,
  ) {}

  /**
   * Listens to both broadcast channels on the process's pub/sub connection, which subscribes
   * them again after every reconnect (so an instance booted while Redis was down still joins).
   */
  start(): void {
    if (this.listening.length > 0) return;
    this.listening = STATS_FAMILIES.map((family) => {
      const channel = chartChannel(family);
      return this.subscriber.listen(channel, (message) => this.receive(channel, message));
    });
  }

  /** Resolves once the broadcasts are subscribed (tests wait for it). */
  async ready(): Promise<void> {
    await Promise.all(this.listening.map((listening) => listening.subscribed));
  }

  stop(): void {
    for (const listening of this.listening) listening.stop();
    this.listening = [];
  }

  /** The window's body from the local copy, the shared copy, or `compute` (one computation per window at a time). */
  async get(family: StatsFamilyName, window: Window, compute: () => Promise<ComputedChart>): Promise<CachedChart> {
    const key = chartCacheKey(family, window);
    const hit = this.fresh(key);
    if (hit !== null) {
      this.metrics.increment(CHART_METRICS.localHits);
      return hit;
    }
    let pending = this.inflight.get(key);
    if (pending === undefined) {
      pending = this.fill(family, window, key, compute).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private fresh(key: string): CachedChart | null {
    const entry = this.local.get(key);
    if (entry === undefined) return null;
    if (entry.expiresAt > this.clock()) return entry;
    this.local.delete(key);
    return null;
  }

  private remember(key: string, entry: CachedChart): void {
    const now = this.clock();
    for (const [k, e] of this.local) if (e.expiresAt <= now) this.local.delete(k);
    this.local.delete(key);
    this.local.set(key, entry);
    while (this.local.size > MAX_LOCAL_ENTRIES) this.local.delete(this.local.keys().next().value!);
  }

  private async fill(family: StatsFamilyName, window: Window, key: string, compute: () => Promise<ComputedChart>): Promise<CachedChart> {
    const shared = await this.readShared(key);
    if (shared !== null) {
      this.metrics.increment(CHART_METRICS.sharedHits);
      this.remember(key, shared);
      return shared;
    }
    const computed = await compute();
    this.metrics.increment(CHART_METRICS.computed);
    const now = this.clock();
    const { expiresAt, final } = chartLifetime({
      now,
      nextDayStart: this.nextDayStart(now),
      earliest: computed.earliest,
      end: window.end,
    });
    const entry = { body: computed.body, expiresAt };
    this.remember(key, entry);
    await this.writeShared(family, window, key, entry, final, now);
    return entry;
  }

  private nextDayStart(now: number): number {
    return startOfStatsDay(statsDay(now, this.zone) + 1, this.zone);
  }

  private async readShared(key: string): Promise<CachedChart | null> {
    try {
      const results = await this.redis.multi().getBuffer(key).pttl(key).exec();
      const body = results?.[0]?.[1] as Buffer | null | undefined;
      const ttlMs = results?.[1]?.[1] as number | undefined;
      if (body === null || body === undefined || ttlMs === undefined || ttlMs <= 0) return null;
      return { body, expiresAt: this.clock() + ttlMs / 1000 };
    } catch (error) {
      this.log.warn({ err: error, key }, 'chart cache: reading the shared copy failed');
      return null;
    }
  }

  private async writeShared(family: StatsFamilyName, window: Window, key: string, entry: CachedChart, final: boolean, now: number): Promise<void> {
    const ttlMs = Math.floor((entry.expiresAt - now) * 1000);
    if (ttlMs <= 0) return;
    try {
      const multi = this.redis.multi().set(key, entry.body, 'PX', ttlMs);
      if (final) multi.publish(chartChannel(family), encodeChartMessage(window, entry.body));
      await multi.exec();
    } catch (error) {
      this.log.warn({ err: error, key }, 'chart cache: storing the shared copy failed');
    }
  }

  /** A broadcast body: kept until the next stats day, like the reference's receivers. */
  private receive(channel: string, message: Buffer): void {
    const family = familyOfChartChannel(channel);
    const decoded = family === null ? null : decodeChartMessage(message);
    if (family === null || decoded === null) {
      this.log.warn({ channel }, 'chart cache: ignored a malformed broadcast');
      return;
    }
    this.metrics.increment(CHART_METRICS.received);
    // Copy: the decoded body is a view into the message buffer.
    this.remember(chartCacheKey(family, decoded), { body: Buffer.from(decoded.body), expiresAt: this.nextDayStart(this.clock()) });
  }
}
