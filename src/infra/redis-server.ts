import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { PortInUseError, startOnFreePort } from './ports';
import { locateOrInstall, machineHost, type InstallHost } from './debian-package';
import {
  findExecutable, isProcessAlive, OutputTail, parentProcessId, readJsonFile, settlesWithin, writePrivateJson,
} from './processes';

/** Redis cannot be found or installed; the message is the one line to show before exiting 1. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

export interface RedisHandle {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  pid: number;
  /** SIGTERM, then waits for the exit (idempotent). */
  stop(): Promise<void>;
}

export const REDIS_INSTALL_HINT =
  'redis-server is not installed: run `apt-get install redis-server` (as root), or set REDIS_URL to an existing Redis';

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;

/** What locateRedisServer needs from the machine (replaced in tests). */
export type RedisInstallHost = InstallHost;

/**
 * The redis-server binary. No npm package ships one, so on a fresh machine running as root we
 * install Debian's package; without root the user has to.
 */
export function locateRedisServer(log: (line: string) => void, host: RedisInstallHost = machineHost('redis-server')): Promise<string> {
  return locateOrInstall({
    binary: 'redis-server', pkg: 'redis-server', hint: REDIS_INSTALL_HINT, unavailable: (message) => new RedisUnavailableError(message), log, host,
  });
}

/** True when a Redis at host:port answers PING with PONG (RESP over a raw socket). */
export function redisPing(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    let reply = '';
    const socket = net.connect({ host, port });
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      // A loading server answers -LOADING: not ready yet.
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}

/**
 * A private redis-server on a free loopback port, with no persistence, in `workDir` (a new
 * temporary directory, removed on stop, when not given). It never outlives this process.
 */
export async function spawnRedisServer(opts: { log: (line: string) => void; workDir?: string }): Promise<RedisHandle> {
  const binary = await locateRedisServer(opts.log);
  const workDir = opts.workDir ?? (await mkdtemp(path.join(tmpdir(), 'clientflows-redis-')));
  const removeWorkDir = async () => {
    if (opts.workDir === undefined) await rm(workDir, { recursive: true, force: true });
  };
  try {
    const handle = await startOnFreePort((port) => startRedis(binary, port, workDir));
    opts.log(`redis-server ready on 127.0.0.1:${handle.port}`);
    let stopped: Promise<void> | undefined;
    return {
      url: `redis://127.0.0.1:${handle.port}`,
      pid: handle.pid,
      stop: () => (stopped ??= handle.stop().then(removeWorkDir)),
    };
  } catch (error) {
    await removeWorkDir();
    throw error;
  }
}

/**
 * A redis-server on a given loopback port (tests that restart Redis on the same address). No
 * persistence: a restart comes back empty, as after a failover to a fresh replica.
 */
export async function spawnRedisServerOnPort(opts: { port: number; workDir: string; log: (line: string) => void }): Promise<RedisHandle> {
  const handle = await startRedis(await locateRedisServer(opts.log), opts.port, opts.workDir);
  return { url: `redis://127.0.0.1:${handle.port}`, pid: handle.pid, stop: handle.stop };
}

async function startRedis(
  binary: string,
  port: number,
  workDir: string,
): Promise<{ port: number; pid: number; stop(): Promise<void> }> {
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', 'no',
    '--dir', workDir,
    '--daemonize', 'no',
    '--logfile', '',
    '--loglevel', 'warning',
  ];
  // setpriv execs redis-server with a parent-death signal: even a SIGKILLed parent takes it along.
  const setpriv = process.platform === 'linux' ? findExecutable('setpriv') : null;
  const child = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'SIGTERM', binary, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = new OutputTail();
  let spawnError: Error | null = null;
  child.stdout!.on('data', (chunk: Buffer) => tail.push(chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => tail.push(chunk.toString('utf8')));
  child.once('error', (error) => (spawnError = error));
  // The fallback for platforms without setpriv; harmless alongside it.
  const killOnExit = () => child.kill('SIGTERM');
  process.on('exit', killOnExit);
  const stop = async () => {
    await terminate(child);
    process.removeListener('exit', killOnExit);
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (spawnError !== null || hasExited(child)) {
      await stop();
      if (tail.includes('Address already in use')) throw new PortInUseError(`port ${port} is taken`);
      throw new Error(`redis-server did not start: ${spawnError ?? `exit code ${child.exitCode}`}\n${tail}`);
    }
    if (await redisPing(port)) return { port, pid: child.pid!, stop };
    if (Date.now() >= deadline) {
      await stop();
      throw new Error(`redis-server did not answer PING within ${READY_TIMEOUT_MS} ms\n${tail}`);
    }
    await delay(25);
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM and wait for the exit; SIGKILL if it does not come. */
async function terminate(child: ChildProcess): Promise<void> {
  if (hasExited(child) || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  if (!(await settlesWithin(exited, STOP_TIMEOUT_MS))) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Inside DATA_DIR: which process runs the spawned redis-server, and where. */
export const REDIS_STATE_FILE = 'redis-server.json';

interface RedisState {
  ownerPid: number;
  pid: number;
  port: number;
}

function readRedisState(file: string): RedisState | null {
  try {
    const state = readJsonFile(file) as Partial<RedisState> | null;
    return typeof state?.ownerPid === 'number' && typeof state.pid === 'number' && typeof state.port === 'number' ? (state as RedisState) : null;
  } catch {
    return null;
  }
}

/**
 * The redis-server of another live process of ours on this DATA_DIR (a running server, when this
 * is the CLI), else a new one recorded in `DATA_DIR/redis-server.json` for the next process. The
 * record is trusted only while its owner runs, the Redis is that owner's child, and it answers.
 */
export async function shareOrSpawnRedis(opts: { dataDir: string; log: (line: string) => void }): Promise<Pick<RedisHandle, 'url' | 'stop'>> {
  const statePath = path.join(opts.dataDir, REDIS_STATE_FILE);
  const state = readRedisState(statePath);
  if (
    state !== null &&
    state.ownerPid !== process.pid &&
    isProcessAlive(state.ownerPid) &&
    parentProcessId(state.pid) === state.ownerPid &&
    (await redisPing(state.port))
  ) {
    opts.log(`using the redis-server of process ${state.ownerPid} on 127.0.0.1:${state.port}`);
    return { url: `redis://127.0.0.1:${state.port}`, stop: async () => {} };
  }
  const handle = await spawnRedisServer({ log: opts.log });
  await mkdir(opts.dataDir, { recursive: true });
  writePrivateJson(statePath, { ownerPid: process.pid, pid: handle.pid, port: Number(new URL(handle.url).port) } satisfies RedisState);
  return {
    url: handle.url,
    stop: async () => {
      // Forget the record only if it is still ours (a later process may have replaced it).
      if (readRedisState(statePath)?.ownerPid === process.pid) await rm(statePath, { force: true });
      await handle.stop();
    },
  };
}
