import { existsSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInfraInChild } from './child.testkit';
import { freeLoopbackPort } from './ports';
import { isProcessAlive, processCommandLine, readJsonFile, waitForProcessExit, writePrivateJson } from './processes';
import {
  locateRedisServer,
  REDIS_INSTALL_HINT,
  redisPing,
  RedisUnavailableError,
  REDIS_STATE_FILE,
  shareOrSpawnRedis,
  spawnRedisServer,
  type RedisInstallHost,
} from './redis-server';

/** A TCP server that answers every connection's first bytes with a fixed reply. */
async function fakeServer(reply: string): Promise<{ port: number; close(): void }> {
  const server = net.createServer((socket) => socket.once('data', () => socket.end(reply)));
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

describe('redisPing', () => {
  it('is true only for a +PONG reply', async () => {
    const pong = await fakeServer('+PONG\r\n');
    const loading = await fakeServer('-LOADING Redis is loading the dataset in memory\r\n');
    try {
      expect(await redisPing(pong.port)).toBe(true);
      expect(await redisPing(loading.port)).toBe(false);
      expect(await redisPing(await freeLoopbackPort())).toBe(false);
    } finally {
      pong.close();
      loading.close();
    }
  });
});

describe('spawnRedisServer', () => {
  it('starts a private redis-server that answers PING, then stops it and removes its directory', async () => {
    const lines: string[] = [];
    const redis = await spawnRedisServer({ log: (line) => lines.push(line) });
    const url = new URL(redis.url);
    expect(url.protocol).toBe('redis:');
    expect(url.hostname).toBe('127.0.0.1');
    const port = Number(url.port);
    expect(await redisPing(port)).toBe(true);

    const argv = processCommandLine(redis.pid)!;
    expect(path.basename(argv[0]!)).toMatch(/^redis-server/);
    expect(lines.some((line) => line.includes(`127.0.0.1:${port}`))).toBe(true);
    const workDir = readlinkSync(`/proc/${redis.pid}/cwd`); // redis-server runs in its --dir
    expect(path.basename(workDir)).toMatch(/^clientflows-redis-/);

    await redis.stop();
    expect(isProcessAlive(redis.pid)).toBe(false);
    expect(await redisPing(port)).toBe(false);
    expect(existsSync(workDir)).toBe(false);
    await redis.stop(); // idempotent
  });

  it('keeps a given working directory', async () => {
    const workDir = mkdtempSync(path.join(tmpdir(), 'clientflows-redis-test-'));
    try {
      const redis = await spawnRedisServer({ log: () => {}, workDir });
      await redis.stop();
      expect(existsSync(workDir)).toBe(true);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});

describe('shareOrSpawnRedis', () => {
  it('ignores a record whose owner is gone, spawns and records its own, and forgets it on stop', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'clientflows-redis-share-'));
    const statePath = path.join(dataDir, REDIS_STATE_FILE);
    try {
      // A crashed server's record: its owner and Redis pids no longer run.
      writePrivateJson(statePath, { ownerPid: 2 ** 22 + 1, pid: 2 ** 22 + 2, port: 1 });
      const handle = await shareOrSpawnRedis({ dataDir, log: () => {} });
      const port = Number(new URL(handle.url).port);
      expect(await redisPing(port)).toBe(true);
      expect(readJsonFile(statePath)).toMatchObject({ ownerPid: process.pid, port });
      await handle.stop();
      expect(await redisPing(port)).toBe(false);
      expect(existsSync(statePath)).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('spawnRedisServer when its process is killed', () => {
  it('takes redis-server along even on SIGKILL', async () => {
    const child = runInfraInChild(
      "require('./redis-server.js').spawnRedisServer({ log() {} }).then((r) => console.log(r.pid))",
    );
    try {
      const redisPid = Number(await child.firstLine);
      expect(isProcessAlive(redisPid)).toBe(true);
      const workDir = readlinkSync(`/proc/${redisPid}/cwd`); // a crashed parent cannot remove it
      await child.crash();
      expect(await waitForProcessExit(redisPid, 5000)).toBe(true);
      rmSync(workDir, { recursive: true, force: true });
    } finally {
      await child.crash();
      child.dispose();
    }
  });
});

describe('locateRedisServer', () => {
  function host(opts: { root: boolean; installs: boolean; failing?: string }) {
    const calls: string[] = [];
    let installed = false;
    const fake: RedisInstallHost = {
      find: () => (installed ? '/usr/bin/redis-server' : null),
      isRoot: () => opts.root,
      run: async (command, args) => {
        calls.push([command, ...args].join(' '));
        if (args.includes(opts.failing ?? '-')) return { code: 100, output: 'E: no network' };
        if (args.includes('install')) installed = opts.installs;
        return { code: 0, output: '' };
      },
    };
    return { fake, calls };
  }

  it('uses redis-server from PATH without installing', async () => {
    const { fake, calls } = host({ root: true, installs: true });
    fake.find = () => '/opt/bin/redis-server';
    expect(await locateRedisServer(() => {}, fake)).toBe('/opt/bin/redis-server');
    expect(calls).toEqual([]);
  });

  it('without root: one line telling the user to install it or set REDIS_URL', async () => {
    const { fake, calls } = host({ root: false, installs: true });
    const error = await locateRedisServer(() => {}, fake).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as Error).message).toBe(REDIS_INSTALL_HINT);
    expect(REDIS_INSTALL_HINT).not.toContain('\n');
    expect(REDIS_INSTALL_HINT).toContain('apt-get install redis-server');
    expect(REDIS_INSTALL_HINT).toContain('REDIS_URL');
    expect(calls).toEqual([]);
  });

  it('as root: apt-get update then install, saying so', async () => {
    const { fake, calls } = host({ root: true, installs: true });
    const lines: string[] = [];
    expect(await locateRedisServer((line) => lines.push(line), fake)).toBe('/usr/bin/redis-server');
    expect(calls).toEqual([
      'apt-get -o DPkg::Lock::Timeout=300 update',
      'apt-get -o DPkg::Lock::Timeout=300 install -y redis-server',
    ]);
    expect(lines[0]).toContain('installing');
  });

  it('as root: a failed apt-get is a RedisUnavailableError', async () => {
    const { fake, calls } = host({ root: true, installs: true, failing: 'update' });
    await expect(locateRedisServer(() => {}, fake)).rejects.toThrow(/apt-get update failed/);
    expect(calls).toEqual(['apt-get -o DPkg::Lock::Timeout=300 update']);
    const { fake: silent } = host({ root: true, installs: false });
    await expect(locateRedisServer(() => {}, silent)).rejects.toBeInstanceOf(RedisUnavailableError);
  });
});
