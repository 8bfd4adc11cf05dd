import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, UsageError } from '../src/cli';
import { verifyHs256 } from '../src/lib/jwt';
import { confirmationScreen, putFlow, queueSlugs } from './support/fixtures';
import { startTestServer, TEST_ID_TOKEN_SECRET, TEST_MEDIA_SECRETS, TEST_SCREEN_JWT_SECRET, type TestServer } from './support/server';

let server: TestServer;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  server = await startTestServer();
  env = {
    NODE_ENV: 'test',
    DATABASE_URL: server.databaseUrl,
    REDIS_URL: inject('redisUrl'),
    OSEH_ID_TOKEN_SECRET: TEST_ID_TOKEN_SECRET,
    OSEH_CLIENT_SCREEN_JWT_SECRET: TEST_SCREEN_JWT_SECRET,
    ...TEST_MEDIA_SECRETS,
    DATA_DIR: await mkdtemp(join(tmpdir(), 'clientflows-cli-')),
  };
});
afterAll(async () => {
  await server?.close();
});

async function user(sub: string) {
  const rows = await server.sql<{ admin: boolean; given_name: string | null; created_at: number }>(
    `SELECT admin, given_name, created_at FROM users WHERE sub = $1`,
    [sub],
  );
  return rows[0];
}

describe('npm run cli', () => {
  it('prints help', async () => {
    expect(await runCli(['--help'], env)).toMatch(/user create --sub S/);
    expect(await runCli([], env)).toMatch(/Commands:/);
  });

  it('creates users, grants and revokes admin', async () => {
    expect(await runCli(['user', 'create', '--sub', 'cli_alice', '--given-name', 'Alice', '--created-at', '1700000000'], env)).toBe('created user cli_alice');
    expect(await user('cli_alice')).toMatchObject({ admin: false, given_name: 'Alice', created_at: 1700000000 });
    expect(await runCli(['user', 'create', '--sub', 'cli_alice'], env)).toMatch(/already exists/);
    await runCli(['user', 'admin', '--sub', 'cli_alice'], env);
    expect((await user('cli_alice')).admin).toBe(true);
    await runCli(['user', 'admin', '--sub', 'cli_alice', '--off'], env);
    expect((await user('cli_alice')).admin).toBe(false);
    await runCli(['user', 'create', '--sub', 'cli_root', '--admin'], env);
    expect((await user('cli_root')).admin).toBe(true);
  });

  it('issues id tokens and user tokens the server accepts', async () => {
    const idToken = await runCli(['token', '--sub', 'cli_bob', '--ttl', '120'], env);
    const verified = await verifyHs256(TEST_ID_TOKEN_SECRET, idToken, { audience: 'oseh-id', requiredClaims: ['sub', 'iss', 'aud', 'exp', 'iat', 'jti'] });
    expect(verified.ok).toBe(true);
    if (verified.ok) expect((verified.payload.exp as number) - (verified.payload.iat as number)).toBe(121);

    await runCli(['user', 'create', '--sub', 'cli_carol'], env);
    const userToken = await runCli(['user-token', '--sub', 'cli_carol'], env);
    expect(userToken).toMatch(/^oseh_ut_[A-Za-z0-9_-]{32}$/);
    const peek = await fetch(`${server.url}/api/1/users/me/screens/peek?platform=browser`, { method: 'POST', headers: { authorization: `bearer ${userToken}` } });
    expect(peek.status).toBe(200);
  });

  it('runs a trusted trigger', async () => {
    await putFlow(server, { slug: 'cli_welcome', screens: [confirmationScreen('From the CLI')] });
    await runCli(['user', 'create', '--sub', 'cli_dave'], env);
    expect(await runCli(['trigger', '--sub', 'cli_dave', '--flow', 'cli_welcome', '--client', '{}'], env)).toMatch(/queued flow cli_welcome/);
    expect(await queueSlugs(server, 'cli_dave')).toEqual(['From the CLI']);
  });

  it('applies migrations idempotently', async () => {
    expect(await runCli(['migrate'], env)).toBe('database is up to date');
  });

  it('refuses bad usage with a readable error', async () => {
    await expect(runCli(['frobnicate'], env)).rejects.toBeInstanceOf(UsageError);
    await expect(runCli(['user', 'create'], env)).rejects.toThrow('--sub is required');
    await expect(runCli(['trigger', '--sub', 'cli_dave', '--flow', 'x', '--client', '[1]'], env)).rejects.toThrow('--client must be a JSON object');
    await expect(runCli(['user', 'admin', '--sub', 'nobody_here'], env)).rejects.toThrow('no user with sub nobody_here');
    await expect(runCli(['user-token', '--sub', 'nobody_here'], env)).rejects.toThrow('no user with sub nobody_here');
  });
});
