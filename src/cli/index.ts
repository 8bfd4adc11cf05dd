import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig, type AppConfig } from '../config/config';
import { isJsonObject, type JsonObject } from '../domain/json';
import { findJob, JOBS, runJob } from '../jobs';
import { streamProgress } from '../jobs/progress';
import { createLogger } from '../lib/log';
import { bootRuntime, type Runtime } from '../runtime';
import { triggerForUser } from '../services/queue.service';
import { createUser, issueIdToken, issueUserToken, setAdmin, UserNotFoundError } from '../services/users.service';

const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  user create --sub S [--given-name G] [--family-name F] [--admin] [--created-at UNIX_SECONDS]
                        create a user (runs the signup flow, as any account creation does)
  user admin --sub S [--off]
                        grant (or with --off revoke) admin rights
  token --sub S [--ttl SECONDS]
                        print an HS256 id token for the sub, signed with OSEH_ID_TOKEN_SECRET
  user-token --sub S [--ttl SECONDS]
                        print a new opaque oseh_ut_ user token for an existing user
  trigger --sub S --flow SLUG [--client JSON] [--server JSON]
                        trusted server trigger of a flow on the user's queue (no pop)
  migrate               apply pending database migrations
  job NAME              run one daily job now (also \`npm run job -- NAME\`); \`job\` alone lists them.
                        Progress goes to stderr; SIGTERM/SIGINT stop it cleanly between batches
  help                  show this text

The CLI reads the same environment as the server (DATABASE_URL, REDIS_URL, DATA_DIR, secrets).`;

export class UsageError extends Error {}

function requireString(value: string | boolean | undefined, name: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new UsageError(`--${name} is required`);
  return value;
}

function optionalNumber(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a non-negative number`);
  return n;
}

function optionalJsonObject(value: string | boolean | undefined, name: string): JsonObject {
  if (value === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(value));
  } catch {
    throw new UsageError(`--${name} must be a JSON object`);
  }
  if (!isJsonObject(parsed)) throw new UsageError(`--${name} must be a JSON object`);
  return parsed;
}

const OPTIONS = {
  sub: { type: 'string' },
  'given-name': { type: 'string' },
  'family-name': { type: 'string' },
  admin: { type: 'boolean' },
  off: { type: 'boolean' },
  'created-at': { type: 'string' },
  ttl: { type: 'string' },
  flow: { type: 'string' },
  client: { type: 'string' },
  server: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs one CLI command; returns the text to print. Exposed for tests. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const command = positionals.join(' ');
  if (values.help || command === '' || command === 'help') return HELP;
  const config = loadConfig(env, { log: (line) => console.error(line) });

  if (command === 'token') {
    return issueIdToken(config, requireString(values.sub, 'sub'), { ttlSeconds: optionalNumber(values.ttl, 'ttl') });
  }
  if (positionals[0] === 'job') return runJobCommand(config, positionals.slice(1));
  const known = ['user create', 'user admin', 'user-token', 'trigger', 'migrate'];
  if (!known.includes(command)) throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
  return withRuntime(config, async (runtime) => {
    const app = runtime.app;
    switch (command) {
      case 'migrate': {
        // bootRuntime migrated (and announced the changed definitions) on its way up.
        const applied = runtime.migrations;
        return applied.length === 0 ? 'database is up to date' : `applied: ${applied.join(', ')}`;
      }
      case 'user create': {
        const { user, created } = await createUser(app, {
          sub: requireString(values.sub, 'sub'),
          givenName: values['given-name'] ?? null,
          familyName: values['family-name'] ?? null,
          admin: values.admin ?? false,
          createdAt: optionalNumber(values['created-at'], 'created-at'),
        });
        return created ? `created user ${user.sub}` : `user ${user.sub} already exists (unchanged)`;
      }
      case 'user admin': {
        const sub = requireString(values.sub, 'sub');
        await setAdmin(app, sub, !values.off);
        return `${sub} is ${values.off ? 'no longer' : 'now'} an admin`;
      }
      case 'user-token': {
        const ttl = optionalNumber(values.ttl, 'ttl');
        return issueUserToken(app, requireString(values.sub, 'sub'), { ttlSeconds: ttl ?? null });
      }
      default: {
        const result = await triggerForUser(app, {
          userSub: requireString(values.sub, 'sub'),
          slug: requireString(values.flow, 'flow'),
          clientParameters: optionalJsonObject(values.client, 'client'),
          serverParameters: optionalJsonObject(values.server, 'server'),
          platform: 'server',
          version: null,
        });
        if (result.kind === 'user_not_found') throw new UserNotFoundError(requireString(values.sub, 'sub'));
        return result.chosenSlug === null
          ? `trigger of ${result.requestedSlug} was dropped (replacement chain too long); queue has ${result.queueLength} screens`
          : `queued flow ${result.chosenSlug}; queue has ${result.queueLength} screens`;
      }
    }
  });
}

const jobList = () => JOBS.map((job) => `  ${job.name.padEnd(34)}${job.description}`).join('\n');

/** `job NAME`: one job, with a progress bar (or lines) on stderr and a clean stop on SIGTERM/SIGINT. */
async function runJobCommand(config: AppConfig, names: string[]): Promise<string> {
  if (names.length === 0) return `Jobs:\n${jobList()}`;
  const job = names.length === 1 ? findJob(names[0]) : undefined;
  if (job === undefined) throw new UsageError(`unknown job "${names.join(' ')}"; jobs:\n${jobList()}`);
  return withRuntime(config, async (runtime) => {
    const abort = new AbortController();
    const stop = (signal: string) => {
      process.stderr.write(`\n${signal}: stopping after the current batch\n`);
      abort.abort();
    };
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
    const progress = streamProgress(job.name, process.stderr);
    try {
      const result = await runJob(runtime.app, job, { signal: abort.signal, progress, log: createLogger('warn') });
      return `${job.name}: ${result.summary}`;
    } finally {
      progress.finish();
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
    }
  });
}

async function withRuntime<T>(config: AppConfig, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await bootRuntime(config, createLogger('warn'), { verify: false, cacheDefinitions: false });
  try {
    return await work(runtime);
  } finally {
    await runtime.stop();
  }
}
