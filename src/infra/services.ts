import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { shareOrSpawnRedis } from './redis-server';

export interface BackingServices {
  databaseUrl: string;
  redisUrl: string;
  /** Stops what this call started (nothing for configured URLs); idempotent. */
  stop(): Promise<void>;
}

interface Started {
  url: string;
  stop(): Promise<void>;
}

const external = (url: string): Started => ({ url, stop: async () => {} });

/**
 * PostgreSQL and Redis for the process: DATABASE_URL / REDIS_URL when configured, otherwise the
 * embedded PostgreSQL in DATA_DIR and a redis-server, started side by side. A process finding
 * them already run by another process of ours on the same DATA_DIR (the CLI beside a running
 * server) uses theirs, so its publications reach that server's subscribers. If one fails
 * the other is stopped before the error is rethrown.
 */
export async function ensureBackingServices(
  config: AppConfig,
  log: (line: string) => void,
): Promise<BackingServices> {
  const [database, redis] = await Promise.allSettled([
    config.databaseUrl !== null
      ? external(config.databaseUrl)
      : startEmbeddedPostgres({ dataDir: config.dataDir, log }),
    config.redisUrl !== null ? external(config.redisUrl) : shareOrSpawnRedis({ dataDir: config.dataDir, log }),
  ]);
  if (database.status === 'rejected' || redis.status === 'rejected') {
    await Promise.all([database, redis].map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw database.status === 'rejected' ? database.reason : (redis as PromiseRejectedResult).reason;
  }
  let stopped: Promise<unknown> | undefined;
  return {
    databaseUrl: database.value.url,
    redisUrl: redis.value.url,
    stop: async () => {
      stopped ??= Promise.all([database.value.stop(), redis.value.stop()]);
      await stopped;
    },
  };
}
