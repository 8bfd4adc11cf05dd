import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfNeeded, freePort, root, startServerProcess, stopServerProcess } from './support/processes';

/**
 * The README's first command, for real: the compiled server as its own process, with no
 * DATABASE_URL or REDIS_URL (embedded PostgreSQL, spawned Redis), stopped with SIGTERM and
 * started again on the same DATA_DIR.
 */
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
    const first = await startServerProcess(env);
    let firstExit: number | null;
    let createdAt: number;
    try {
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
      const ready = await fetch(`${baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', checks: { postgres: true, redis: true } });

      const anonymous = await viewer(baseUrl);
      expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      const admin = await viewer(baseUrl, `bearer ${first.adminToken}`);
      expect(admin.data?.viewer.admin).toBe(true);

      // The CLI reads the same environment: its id token (signed with the generated secret) works.
      const cli = spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'token', '--sub', 'oseh_u_process'], { env, encoding: 'utf8' });
      expect(cli.status, cli.stderr).toBe(0);
      const idToken = cli.stdout.trim();
      const created = await viewer(baseUrl, `bearer ${idToken}`);
      expect(created.data?.viewer.sub).toBe('oseh_u_process');
      createdAt = created.data!.viewer.createdAt;
    } finally {
      firstExit = await stopServerProcess(first.child);
    }
    expect(firstExit).toBe(0);

    const second = await startServerProcess(env);
    try {
      expect(second.adminToken).toBe(first.adminToken);
      const cli = spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'token', '--sub', 'oseh_u_process'], { env, encoding: 'utf8' });
      const again = await viewer(baseUrl, `bearer ${cli.stdout.trim()}`);
      expect(again.data?.viewer.createdAt).toBe(createdAt);
    } finally {
      expect(await stopServerProcess(second.child)).toBe(0);
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
