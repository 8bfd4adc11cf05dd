import { ConfigError } from '../config/config';
import { EmbeddedPostgresError } from '../infra/embedded-postgres';
import { RedisUnavailableError } from '../infra/redis-server';
import { FileStoreUnavailableError } from '../media/open-file-store';
import { runCli, UsageError } from './index';
import { UserNotFoundError } from '../services/users.service';

/** Entry of `npm run cli -- ...`: prints the command's output, or one line and exit code 1. */
runCli(process.argv.slice(2))
  .then((output) => {
    console.log(output);
    process.exit(0);
  })
  .catch((error) => {
    const expected =
      [UsageError, UserNotFoundError, ConfigError, RedisUnavailableError, EmbeddedPostgresError, FileStoreUnavailableError].some((type) => error instanceof type) ||
      String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS');
    console.error(expected ? (error as Error).message : error);
    process.exit(1);
  });
