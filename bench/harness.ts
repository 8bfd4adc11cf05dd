import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type DatabaseHandle } from '../src/infra/embedded-postgres';
import { spawnRedisServer, type RedisHandle } from '../src/infra/redis-server';
import type { BenchmarkResult } from './options';

/** Fixed secrets: the server refuses production without them (the media benchmark signs with them in process). */
export const BENCH_SECRETS = {
  OSEH_ID_TOKEN_SECRET: 'bench-id-token-secret-0123456789abcdef',
  OSEH_CLIENT_SCREEN_JWT_SECRET: 'bench-client-screen-secret-0123456789abcdef',
  OSEH_IMAGE_FILE_JWT_SECRET: 'bench-image-file-secret-0123456789abcdef',
  OSEH_CONTENT_FILE_JWT_SECRET: 'bench-content-file-secret-0123456789abcdef',
  OSEH_TRANSCRIPT_JWT_SECRET: 'bench-transcript-secret-0123456789abcdef',
  OSEH_FILE_UPLOAD_JWT_SECRET: 'bench-file-upload-secret-0123456789abcdef',
  OSEH_PROGRESS_JWT_SECRET: 'bench-progress-secret-0123456789abcdef',
};

/** The compiled server entry, next to this compiled file (dist/bench → dist/src/main.js). */
const SERVER_ENTRY = path.resolve(__dirname, '..', 'src', 'main.js');
const SERVER_START_TIMEOUT_MS = 60_000;
const SERVER_STOP_TIMEOUT_MS = 15_000;
/** USER_HZ: /proc reports CPU time in these ticks (100 on every Linux build Node supports). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Ctrl-C or SIGTERM end the run through process.exit, so the `exit` handlers of what it started
 * (server process, PostgreSQL, Redis) stop them; a default signal death would orphan them.
 */
export function exitOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping (the temporary data directory may stay behind in ${tmpdir()})`);
      process.exit(130);
    });
  }
}

/**
 * Runs one benchmark as its own script (`node dist/bench/<name>.js`): stops on signals, prints
 * its summary lines unless it printed them itself, exits non-zero on errors.
 */
export function runStandalone(run: () => Promise<BenchmarkResult>, options: { printSummary: boolean } = { printSummary: true }): void {
  exitOnSignals();
  run()
    .then((result) => {
      if (options.printSummary) for (const line of result.summary) console.log(line);
      if (result.errors > 0) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

export interface BenchEnvironment {
  databaseUrl: string;
  /** The environment a server process (or the in-process runtime) needs to use these services. */
  serverEnv: Record<string, string>;
  /** A small pool for setup and for reading pg_stat_statements. */
  admin: pg.Pool;
  /** The postmaster: its children are the backends whose CPU time we count. */
  postmasterPid: number;
  stop(): Promise<void>;
}

/**
 * A private embedded PostgreSQL (with pg_stat_statements loaded, so each phase can count the
 * statements it caused) and a private Redis, in a new temporary DATA_DIR removed on stop.
 */
export async function startBenchEnvironment(log: (line: string) => void): Promise<BenchEnvironment> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'clientflows-bench-'));
  const stops: (() => Promise<void>)[] = [() => rm(dataDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step();
  };
  try {
    // shared_preload_libraries only takes effect at start: configure, then restart once.
    const first = await startEmbeddedPostgres({ dataDir, log });
    await withClient(first.url, (client) => client.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`));
    await first.stop();
    const database: DatabaseHandle = await startEmbeddedPostgres({ dataDir, log });
    stops.push(() => database.stop());
    const redis: RedisHandle = await spawnRedisServer({ log });
    stops.push(() => redis.stop());

    const admin = new pg.Pool({ connectionString: database.url, max: 2 });
    stops.push(() => admin.end());
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const [{ pid }] = (await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    return {
      databaseUrl: database.url,
      serverEnv: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        // No daily jobs during a measurement: their statements would skew the census.
        JOB_SCHEDULER: 'off',
        // The per-user rate limit (one Redis call per request) would refuse a closed loop with no
        // think time; the floor has none either. Its cost is the one EVALSHA it adds per request.
        RATE_LIMIT_PER_SECOND: '0',
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: '0',
        ...BENCH_SECRETS,
      },
      admin,
      postmasterPid: parentPid(pid),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * `node dist/src/main.js` as `npm start` runs it; resolves once it prints its URL. `nodeArgs`
 * go before the entry (e.g. `--cpu-prof`, whose profile is written at the graceful exit).
 */
export async function spawnServer(env: Record<string, string>, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, SERVER_ENTRY], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stderr!.on('data', collect);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start within ${SERVER_START_TIMEOUT_MS} ms`)), SERVER_START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output}`));
    };
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`the server exited (${code ?? signal}) before listening`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      collect(chunk);
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(found[1]);
      }
    });
  });
  // Keep draining its output so a chatty server never blocks on a full pipe.
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      await terminate(child);
      process.removeListener('exit', killOnExit);
    },
  };
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), SERVER_STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Fields of /proc/<pid>/stat after the parenthesised command name (which may hold spaces). */
function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // exited meanwhile
  }
}

function parentPid(pid: number): number {
  const fields = statFields(pid);
  if (fields === null) throw new Error(`process ${pid} vanished`);
  return Number(fields[1]);
}

/** utime + stime (fields 14 and 15 of the line: 12 and 13 after the name), in seconds. */
const cpuSecondsOf = (fields: string[]) => (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;

/** CPU seconds a process has used so far; 0 once it is gone. */
function processCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return fields === null ? 0 : cpuSecondsOf(fields);
}

/** CPU seconds so far of the postmaster and of every process it forked, by pid. */
function postgresCpuByPid(postmasterPid: number): Map<number, number> {
  const byPid = new Map([[postmasterPid, processCpuSeconds(postmasterPid)]]);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(Number(name));
    if (fields !== null && Number(fields[1]) === postmasterPid) byPid.set(Number(name), cpuSecondsOf(fields));
  }
  return byPid;
}

/**
 * PostgreSQL's CPU between two samples, backend by backend. A plain difference of totals is
 * wrong whenever a backend exits in between (a pool closing idle connections): its whole past
 * CPU would be subtracted. A backend that exited is left out (its last moments are lost); one
 * that started is counted from zero.
 */
function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** Busy CPU seconds of the whole machine, all cores (everything but idle and iowait in /proc/stat). */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND;
}

export interface CpuSample {
  /** CPU seconds used so far by: the server process (null when none runs), PostgreSQL, this process. */
  server: number | null;
  postgres: number;
  /** In a sample (not in a difference or sum): PostgreSQL's processes one by one. */
  postgresByPid?: Map<number, number>;
  client: number;
  /** The whole machine, so that other work competing for the cores shows. */
  machine: number;
}

export function sampleCpu(env: BenchEnvironment, serverPid: number | null): CpuSample {
  const own = process.cpuUsage();
  const postgresByPid = postgresCpuByPid(env.postmasterPid);
  return {
    server: serverPid === null ? null : processCpuSeconds(serverPid),
    postgres: [...postgresByPid.values()].reduce((sum, seconds) => sum + seconds, 0),
    postgresByPid,
    client: (own.user + own.system) / 1e6,
    machine: machineBusySeconds(),
  };
}

function combine(a: CpuSample, b: CpuSample, op: (x: number, y: number) => number): CpuSample {
  return {
    server: a.server === null || b.server === null ? null : op(a.server, b.server),
    postgres: op(a.postgres, b.postgres),
    client: op(a.client, b.client),
    machine: op(a.machine, b.machine),
  };
}

export function cpuBetween(before: CpuSample, after: CpuSample): CpuSample {
  const difference = combine(after, before, (x, y) => x - y);
  if (before.postgresByPid !== undefined && after.postgresByPid !== undefined) {
    difference.postgres = postgresCpuBetween(before.postgresByPid, after.postgresByPid);
  }
  return difference;
}
export const addCpu = (a: CpuSample, b: CpuSample) => combine(a, b, (x, y) => x + y);
