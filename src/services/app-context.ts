import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config';
import type { Orm } from '../db/orm';
import { FormatRegistry } from '../domain/schema';
import { createCoreStandardParameters, type StandardParameterRegistry } from '../domain/standard-parameters';
import type { Logger } from '../lib/log';
import { noStats, type StatsSink } from '../stats/sink';
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
  /** Seconds since the epoch (fractional). Tests may pin it. */
  now(): number;
}

export function createAppContext(parts: { config: AppConfig; orm: Orm; redis: Redis; log: Logger }): AppContext {
  return {
    ...parts,
    registry: new FormatRegistry(),
    standard: createCoreStandardParameters(),
    definitions: new DefinitionStore(parts.orm),
    stats: noStats,
    customPops: new CustomPopRegistry(),
    now: () => Date.now() / 1000,
  };
}
