import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_STATE_FILE } from '../../src/infra/redis-server';
import { putFlow } from '../support/fixtures';
import { card } from '../support/flows';
import { buildIfNeeded, processEnv, root, startServerProcess, stopServerProcess, subscribeQueue, type ServerProcess } from '../support/processes';
import { createTestDatabase } from '../support/server';
import { databaseClient, ensureUser, newLiveUser, settle } from './support';

/**
 * A server process with no REDIS_URL (it spawns its Redis and records it in DATA_DIR): the CLI
 * run beside it uses that Redis, so its triggers reach live subscribers. Then SIGTERM drains.
 */
let db: ReturnType<typeof databaseClient>;
let databaseUrl: string;
let dataDir: string;
let env: NodeJS.ProcessEnv;
let server: ServerProcess;

beforeAll(async () => {
  buildIfNeeded();
  databaseUrl = await createTestDatabase();
  db = databaseClient(databaseUrl);
  await putFlow(db, { slug: 'live_cli', screens: [card('From the CLI')] });
  dataDir = await mkdtemp(join(tmpdir(), 'clientflows-live-cli-'));
  env = processEnv({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  server = await startServerProcess(env);
}, 120_000);
afterAll(async () => {
  if (server) await stopServerProcess(server.child);
  await db?.end();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the CLI beside a running server', () => {
  it('uses the server\'s spawned Redis, so `trigger` reaches live subscribers', async () => {
    expect(existsSync(join(dataDir, REDIS_STATE_FILE))).toBe(true);
    const user = await newLiveUser('cli');
    await ensureUser(server, user.authorization);
    const live = subscribeQueue(server.url, user.authorization);
    try {
      expect((await live.next(5000)).reason).toBe('SUBSCRIBED');
      const cli = spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'trigger', '--sub', user.sub, '--flow', 'live_cli'], {
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(cli.status, cli.stderr).toBe(0);
      expect(cli.stdout).toMatch(/queued flow live_cli/);
      expect(await live.next(2000)).toMatchObject({ reason: 'FLOW_TRIGGERED', flowSlug: 'live_cli', queueVersion: 1 });
    } finally {
      await live.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('SIGTERM closes subscriptions (1001), lets an in-flight transaction commit and answer, then exits 0', async () => {
    const watcher = await newLiveUser('shutdown_watch');
    const busy = await newLiveUser('shutdown_busy');
    await Promise.all([ensureUser(server, watcher.authorization), ensureUser(server, busy.authorization)]);
    const live = subscribeQueue(server.url, watcher.authorization);
    expect((await live.next(5000)).reason).toBe('SUBSCRIBED');

    // Hold the busy user's queue lock so their peek is mid-transaction when SIGTERM arrives.
    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM users WHERE sub = $1 FOR UPDATE', [busy.sub]);
    const peek = fetch(`${server.url}/api/1/users/me/screens/peek?platform=ios`, { method: 'POST', headers: { authorization: busy.authorization } });
    await settle(300);
    const exited = stopServerProcess(server.child);
    await settle(500);
    expect(server.child.exitCode).toBeNull();
    await holder.query('COMMIT');
    await holder.end();

    const answer = await peek;
    expect(answer.status).toBe(200);
    expect(await live.closed).toBe(1001);
    expect(await exited).toBe(0);
    // The peek's transaction committed: its `empty` flow is queued.
    expect(await db.sql(`SELECT queue_version FROM users WHERE sub = $1`, [busy.sub])).toEqual([{ queue_version: 1 }]);
    // It stopped the Redis it spawned and forgot it.
    expect(existsSync(join(dataDir, REDIS_STATE_FILE))).toBe(false);
    await live.close();
  }, 30_000);
});
