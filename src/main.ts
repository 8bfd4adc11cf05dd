import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { startHttpServer } from './http/server';
import { EmbeddedPostgresError } from './infra/embedded-postgres';
import { RedisUnavailableError } from './infra/redis-server';
import { JobScheduler } from './jobs/scheduler';
import { createLogger } from './lib/log';
import { FileStoreUnavailableError } from './media/open-file-store';
import { bootRuntime } from './runtime';
import { StartupCheckError } from './services/startup';
import { ensureDevAdminToken } from './services/users.service';

/** `npm start`: the whole service in one process, on one port. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, { log: (line) => console.log(line) });
  const log = createLogger(config.logLevel);
  const runtime = await bootRuntime(config, log);
  const server = await startHttpServer(runtime.app, { port: config.port, host: config.host }).catch(async (error) => {
    await runtime.stop();
    throw error;
  });
  // Daily jobs (stats rollups, cleanups), each once per stats day across all instances.
  const scheduler = new JobScheduler(runtime.app);
  if (config.jobScheduler) scheduler.start();
  log.info({ url: server.url }, 'clientflows is serving');
  console.log(`clientflows listening on ${server.url} (GraphQL at ${server.url}/graphql)`);
  if (config.nodeEnv !== 'production') {
    const token = await ensureDevAdminToken(runtime.app);
    console.log(`development admin token (Authorization: bearer <token>): ${token}`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    try {
      await Promise.all([server.close(), scheduler.stop()]);
      log.info('connections drained');
      await runtime.stop();
      log.info('stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  // Expected start failures get one readable line; anything else its stack.
  if ([ConfigError, RedisUnavailableError, EmbeddedPostgresError, StartupCheckError, FileStoreUnavailableError].some((type) => error instanceof type)) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
