import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config';
import { startHttpServer } from './http/server';
import { RedisUnavailableError } from './infra/redis-server';
import { createLogger } from './lib/log';
import { bootRuntime } from './runtime';
import { StartupCheckError } from './services/startup';
import { ensureDevAdminToken } from './services/users.service';

/** `npm start`: the whole service in one process, on one port. */
async function main(): Promise<void> {
  const log = createLogger(process.env.LOG_LEVEL ?? 'info');
  const config = loadConfig(process.env, { log: (line) => console.log(line) });
  const runtime = await bootRuntime(config, log);
  const server = await startHttpServer(runtime.app, { port: config.port, host: config.host }).catch(async (error) => {
    await runtime.stop();
    throw error;
  });
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
      await server.close();
      await runtime.stop();
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
  if (error instanceof ConfigError || error instanceof RedisUnavailableError || error instanceof StartupCheckError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
