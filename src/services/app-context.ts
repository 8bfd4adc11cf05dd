import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config';
import type { Orm } from '../db/orm';
import { FormatRegistry } from '../domain/schema';
import { createCoreStandardParameters, type StandardParameterRegistry } from '../domain/standard-parameters';
import type { Logger } from '../lib/log';
import { Metrics } from '../lib/metrics';
import { ChartCache } from '../stats/chart-cache';
import { RedisStatsWriter } from '../stats/redis-writer';
import type { StatsSink } from '../stats/sink';
import { CustomPopRegistry } from './custom-pops';
import { DefinitionStore } from './definitions';

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
  /** Custom pop endpoints registered by plugins. */
  customPops: CustomPopRegistry;
  /** In-process counters (dropped stats writes, rollup and cleanup figures). */
  metrics: Metrics;
  /** The admin statistics charts' cache (local copy, shared Redis copy, broadcasts). */
  charts: ChartCache;
  /** Seconds since the epoch (fractional). Tests may pin it. */
  now(): number;
}

export function createAppContext(parts: { config: AppConfig; orm: Orm; redis: Redis; log: Logger }): AppContext {
  const metrics = new Metrics();
  const app: AppContext = {
    ...parts,
    registry: new FormatRegistry(),
    standard: createCoreStandardParameters(),
    definitions: new DefinitionStore(parts.orm),
    customPops: new CustomPopRegistry(),
    stats: new RedisStatsWriter({ redis: parts.redis, log: parts.log, metrics, timeZone: parts.config.statsTimezone }),
    metrics,
    // Reads app.now() at each use, so a pinned clock applies to the cache too.
    charts: new ChartCache(parts.redis, parts.log, metrics, () => app.now(), parts.config.statsTimezone),
    now: () => Date.now() / 1000,
  };
  return app;
}
