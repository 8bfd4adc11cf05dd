import { Redis } from 'ioredis';
import type { AppConfig } from './config/config';
import { openDatabase } from './db/database';
import { migrate, openOrm } from './db/orm';
import { ensureBackingServices } from './infra/services';
import type { Logger } from './lib/log';
import { countPostgresStatement, countRedisCommands } from './lib/round-trips';
import { checkFfmpegTools } from './media/ffmpeg';
import { registerMediaFormats } from './media/formats';
import { openFileStore, type OpenedFileStore } from './media/open-file-store';
import { applyPlugins, loadPlugins } from './plugins';
import { createAppContext, type AppContext } from './services/app-context';
import { announceMigratedDefinitions } from './services/definitions';
import { verifySpecialFlows } from './services/startup';
import { transactionsSettled } from './services/transaction';

/** Best effort: with Redis down, other instances' caches still expire within their staleness bound. */
export async function announceDefinitionMigrations(redis: Redis, log: Logger): Promise<void> {
  await announceMigratedDefinitions(redis).catch((error: unknown) => log.warn({ err: error }, 'could not announce migrated definitions'));
}

export interface Runtime {
  app: AppContext;
  /** Names of the migrations this boot applied (empty when the database was up to date or migrations were skipped). */
  migrations: string[];
  /**
   * Waits for running transactions, closes Redis (after pending publications) and PostgreSQL
   * connections, then stops the embedded servers this process started.
   */
  stop(): Promise<void>;
}

export function connectRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, {
    // Fail a command fast rather than queue it forever while Redis is down: statistics and
    // publications are best effort and must never hold a request.
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    // Commands issued in the same event-loop tick (stats writes and publications of concurrent
    // requests) go out in one write: fewer system calls per request under load, same commands.
    enableAutoPipelining: true,
  });
  let reported = false;
  redis.on('error', (error) => {
    if (!reported) log.warn({ err: error }, 'redis connection error');
    reported = true;
  });
  redis.on('ready', () => {
    reported = false;
  });
  return redis;
}

/** MikroORM serves migrations only: it connects, applies what is pending, and disconnects. */
export async function migrateOnce(databaseUrl: string): Promise<string[]> {
  const orm = await openOrm(databaseUrl, { pool: { min: 0, max: 1 } });
  try {
    return await migrate(orm);
  } finally {
    await orm.close(true);
  }
}

/**
 * Everything but the HTTP server: backing services (embedded when no URL is configured),
 * migrations, connections, the app context and the startup checks.
 */
export async function bootRuntime(
  config: AppConfig,
  log: Logger,
  options: { migrate?: boolean; verify?: boolean; cacheDefinitions?: boolean } = {},
): Promise<Runtime> {
  // A configured ffmpeg that does not run fails the start, not the first upload.
  if (config.ffmpeg !== null) await checkFfmpegTools(config.ffmpeg);
  const services = await ensureBackingServices(config, (line) => log.info(line));
  const db = openDatabase(services.databaseUrl, {
    poolSize: config.databasePoolSize,
    log,
    count: config.debugRoundTrips ? countPostgresStatement : undefined,
  });
  let redis: Redis | undefined;
  let store: OpenedFileStore | undefined;
  try {
    const applied = options.migrate ?? true ? await migrateOnce(services.databaseUrl) : [];
    if (applied.length > 0) log.info({ migrations: applied }, 'applied migrations');
    redis = connectRedis(services.redisUrl, log);
    if (config.debugRoundTrips) countRedisCommands(redis);
    if (applied.length > 0) await announceDefinitionMigrations(redis, log);
    store = await openFileStore(config.fileStore);
    const app = createAppContext({ config, db, redis, log, files: store.files });
    // The core media formats, before plugins (which may not take their names).
    registerMediaFormats(app.registry, { lookups: app.mediaLookups, secrets: config.secrets, log });
    await applyPlugins(app, await loadPlugins(config.plugins));
    if (options.verify ?? true) await verifySpecialFlows(app);
    if (options.cacheDefinitions ?? true) await app.definitions.start();
    app.charts.start();
    app.mediaJobs.start();
    app.transcriptJobs.start();
    return {
      app,
      migrations: applied,
      stop: async () => {
        // In-flight work (say, a mutation over a WebSocket that was just closed) commits first.
        await transactionsSettled(db);
        app.definitions.stop();
        app.charts.stop();
        await app.mediaJobs.stop();
        await app.transcriptJobs.stop();
        await app.subscriber.close();
        // QUIT lets publications already sent (after-commit events) reach Redis first.
        await redis!.quit().catch(() => redis!.disconnect());
        await db.close();
        store!.close();
        await services.stop();
      },
    };
  } catch (error) {
    store?.close();
    redis?.disconnect();
    await db.close();
    await services.stop();
    throw error;
  }
}
