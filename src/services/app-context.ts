import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config';
import type { Database } from '../db/database';
import { FLOW_PURGE_CHANNEL, SCREEN_PURGE_CHANNEL } from '../domain/definition-purge';
import { FormatRegistry } from '../domain/schema';
import { createCoreStandardParameters, type StandardParameterRegistry } from '../domain/standard-parameters';
import type { Logger } from '../lib/log';
import { Metrics } from '../lib/metrics';
import { MediaJobRunner } from '../jobs/media-processing';
import type { FileStore } from '../media/file-store';
import { TranscriptJobRunner } from '../jobs/transcripts';
import { MediaLookups } from '../media/lookups';
import { TranscriberRegistry } from '../media/transcriber';
import { PrometheusMetrics } from '../ops/prometheus';
import { QueueChanges } from '../realtime/queue-changes';
import { RedisSubscriber } from '../realtime/redis-subscriber';
import { ChartCache } from '../stats/chart-cache';
import { RedisStatsWriter } from '../stats/redis-writer';
import type { StatsSink } from '../stats/sink';
import { CustomPopRegistry } from './custom-pops';
import { DefinitionStore } from './definitions';
import { RateLimiter } from './rate-limit';

/** Everything a request or job needs, created once per process and shared by every service. */
export interface AppContext {
  config: AppConfig;
  /** The PostgreSQL pool every service reaches through `inTransaction` / `withReadConnection`. */
  db: Database;
  redis: Redis;
  log: Logger;
  registry: FormatRegistry;
  standard: StandardParameterRegistry;
  definitions: DefinitionStore;
  stats: StatsSink;
  /** Custom pop endpoints registered by plugins. */
  customPops: CustomPopRegistry;
  /** In-process counters (dropped stats writes, rollup and cleanup figures). */
  metrics: Metrics;
  /** The admin statistics charts' cache (local copy, shared Redis copy, broadcasts). */
  charts: ChartCache;
  /** The process's pub/sub connection (definition purges, live queues). */
  subscriber: RedisSubscriber;
  /** Publishes committed queue changes; serves `screenQueueChanged` subscriptions. */
  queueChanges: QueueChanges;
  /** Per-user limits on peek, pop and trace (`RATE_LIMIT_*`). */
  rateLimiter: RateLimiter;
  /** What `GET /metrics` serves: request latency plus the counters above, read at scrape time. */
  prometheus: PrometheusMetrics;
  /** Media bytes (originals, exports, upload parts): local disk or S3, per `config.fileStore`. */
  files: FileStore;
  /** Media processing jobs (completed uploads), started with the runtime. */
  mediaJobs: MediaJobRunner;
  /** Cached thumbhash and content lookups behind media realization (screens-and-media.md §2.5). */
  mediaLookups: MediaLookups;
  /** The transcriber a plugin registered, if any (screens-and-media.md §3.5.5). */
  transcribers: TranscriberRegistry;
  /** Transcript jobs, spawned by content processing; they run only when a transcriber is registered. */
  transcriptJobs: TranscriptJobRunner;
  /** Seconds since the epoch (fractional). Tests may pin it. */
  now(): number;
}

export function createAppContext(parts: { config: AppConfig; db: Database; redis: Redis; log: Logger; files: FileStore }): AppContext {
  const metrics = new Metrics();
  const dropPurges = parts.config.testDropDefinitionPurges;
  const subscriber = new RedisSubscriber(parts.redis, parts.log, (channel) =>
    dropPurges && (channel === FLOW_PURGE_CHANNEL || channel === SCREEN_PURGE_CHANNEL),
  );
  const app: AppContext = {
    ...parts,
    registry: new FormatRegistry(),
    standard: createCoreStandardParameters(),
    definitions: new DefinitionStore(parts.db, { redis: parts.redis, subscriber, log: parts.log }),
    customPops: new CustomPopRegistry(),
    stats: new RedisStatsWriter({ redis: parts.redis, log: parts.log, metrics, timeZone: parts.config.statsTimezone }),
    metrics,
    subscriber,
    // Each reads app.now() at each use, so a clock pinned after creation applies to them too.
    charts: new ChartCache(parts.redis, subscriber, parts.log, metrics, () => app.now(), parts.config.statsTimezone),
    queueChanges: new QueueChanges({ redis: parts.redis, subscriber, db: parts.db, log: parts.log, now: () => app.now() }),
    rateLimiter: new RateLimiter({ redis: parts.redis, config: parts.config.rateLimit, metrics, log: parts.log }),
    prometheus: new PrometheusMetrics({ metrics, definitions: () => app.definitions.metrics, subscriptions: () => app.queueChanges.subscriptionCount }),
    mediaJobs: new MediaJobRunner(() => app),
    mediaLookups: new MediaLookups({ redis: parts.redis, log: parts.log, metrics, now: () => app.now() }),
    transcribers: new TranscriberRegistry(),
    transcriptJobs: new TranscriptJobRunner(() => app),
    now: () => Date.now() / 1000,
  };
  return app;
}
