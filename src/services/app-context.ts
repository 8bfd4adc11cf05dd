import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config';
import type { Orm } from '../db/orm';
import { FormatRegistry } from '../domain/schema';
import { createCoreStandardParameters, type StandardParameterRegistry } from '../domain/standard-parameters';
import type { Logger } from '../lib/log';
import { QueueChanges } from '../realtime/queue-changes';
import { RedisSubscriber } from '../realtime/redis-subscriber';
import { noStats, type StatsSink } from '../stats/sink';
import { DefinitionStore } from './definitions';
import { FLOW_PURGE_CHANNEL, SCREEN_PURGE_CHANNEL } from '../domain/definition-purge';

/** Everything a request or job needs, created once per process and shared by every service. */
export interface AppContext {
  config: AppConfig;
  orm: Orm;
  redis: Redis;
  log: Logger;
  registry: FormatRegistry;
  standard: StandardParameterRegistry;
  definitions: DefinitionStore;
  stats: StatsSink;
  /** The process's pub/sub connection (definition purges, live queues). */
  subscriber: RedisSubscriber;
  /** Publishes committed queue changes; serves `screenQueueChanged` subscriptions. */
  queueChanges: QueueChanges;
  /** Seconds since the epoch (fractional). Tests may pin it. */
  now(): number;
}

export function createAppContext(parts: { config: AppConfig; orm: Orm; redis: Redis; log: Logger }): AppContext {
  const dropPurges = parts.config.testDropDefinitionPurges;
  const subscriber = new RedisSubscriber(parts.redis, parts.log, (channel) =>
    dropPurges && (channel === FLOW_PURGE_CHANNEL || channel === SCREEN_PURGE_CHANNEL),
  );
  const app: AppContext = {
    ...parts,
    registry: new FormatRegistry(),
    standard: createCoreStandardParameters(),
    definitions: new DefinitionStore(parts.orm, { redis: parts.redis, subscriber, log: parts.log }),
    stats: noStats,
    subscriber,
    // Reads app.now at each use: tests may pin the clock after creation.
    queueChanges: new QueueChanges({ redis: parts.redis, subscriber, orm: parts.orm, log: parts.log, now: () => app.now() }),
    now: () => Date.now() / 1000,
  };
  return app;
}
