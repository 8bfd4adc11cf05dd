import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's first command, for real: the compiled server as its own process, with no
 * DATABASE_URL or REDIS_URL (embedded PostgreSQL, spawned Redis), stopped with SIGTERM and
 * started again on the same DATA_DIR.
 */
const root = join(__dirname, '..');
const { buildIfNeeded } = require('../scripts/build-if-needed') as { buildIfNeeded(): void };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  token: string;
  output: () => string;
}

function startServer(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], { env, cwd: root });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /development admin token.*?(oseh_ut_\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, token: match[1], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

function stopServer(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function viewer(baseUrl: string, authorization?: string) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: '{ viewer { sub admin createdAt } }' }),
  });
  return (await response.json()) as { data?: { viewer: { sub: string; admin: boolean; createdAt: number } } | null; errors?: { extensions: { code: string } }[] };
}

let dataDir: string;
let env: NodeJS.ProcessEnv;
let baseUrl: string;
beforeAll(async () => {
  buildIfNeeded();
  dataDir = await mkdtemp(join(tmpdir(), 'clientflows-process-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
}, 180_000);
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start as a process', () => {
  it('serves, stops cleanly on SIGTERM, and reuses its data on the next start', async () => {
    const first = await startServer(env);
    let firstExit: number | null;
    let createdAt: number;
    try {
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
      const ready = await fetch(`${baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', checks: { postgres: true, redis: true } });

      const anonymous = await viewer(baseUrl);
      expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      const admin = await viewer(baseUrl, `bearer ${first.token}`);
      expect(admin.data?.viewer.admin).toBe(true);

      // The CLI reads the same environment: its id token (signed with the generated secret) works.
      const cli = spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'token', '--sub', 'oseh_u_process'], { env, encoding: 'utf8' });
      expect(cli.status, cli.stderr).toBe(0);
      const idToken = cli.stdout.trim();
      const created = await viewer(baseUrl, `bearer ${idToken}`);
      expect(created.data?.viewer.sub).toBe('oseh_u_process');
      createdAt = created.data!.viewer.createdAt;
    } finally {
      firstExit = await stopServer(first.child);
    }
    expect(firstExit).toBe(0);

    const second = await startServer(env);
    try {
      expect(second.token).toBe(first.token);
      const cli = spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'token', '--sub', 'oseh_u_process'], { env, encoding: 'utf8' });
      const again = await viewer(baseUrl, `bearer ${cli.stdout.trim()}`);
      expect(again.data?.viewer.createdAt).toBe(createdAt);
    } finally {
      expect(await stopServer(second.child)).toBe(0);
    }
  }, 240_000);

  it('refuses to start in production without its secrets, naming them', () => {
    const result = spawnSync(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: 'postgres://127.0.0.1:1/x', REDIS_URL: 'redis://127.0.0.1:1' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/OSEH_ID_TOKEN_SECRET/);
  });
});
