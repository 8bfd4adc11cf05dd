import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runInfraInChild } from './child.testkit';
import {
  ROOT_FALLBACK_BASE,
  APP_DATABASE,
  CLUSTER_DIR,
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  STATE_FILE,
  type DatabaseHandle,
} from './embedded-postgres';
import { isProcessAlive, waitForProcessExit } from './processes';

// mkdtemp makes a 0700 directory owned by us: as root this also covers opening DATA_DIR to `postgres`.
const dataDir = mkdtempSync(path.join(tmpdir(), 'clientflows-pg-test-'));
const lockFile = path.join(dataDir, CLUSTER_DIR, 'postmaster.pid');
const lines: string[] = [];
const log = (line: string) => lines.push(line);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The process-wide hooks that embedded-postgres's exit-hook dependency would otherwise install. */
const hookedEvents = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const listenerCounts = () => hookedEvents.map((event) => process.listenerCount(event));
const listenersBefore = listenerCounts();

function lockPid(): number {
  return Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
}

/** Runs startEmbeddedPostgres on our data in a child process; `then` receives `db`. */
const startInChild = (then: string) =>
  runInfraInChild(
    `require('./embedded-postgres.js').startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, log() {} })` +
      `.then(async (db) => { ${then} })`,
  );

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Starts, runs the check, and always stops. */
async function withServer(check: (db: DatabaseHandle) => Promise<void>): Promise<void> {
  const db = await startEmbeddedPostgres({ dataDir, log });
  try {
    await check(db);
  } finally {
    await db.stop();
  }
}

function exitedPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('true');
    child.once('exit', () => resolve(child.pid!));
  });
}

describe('startEmbeddedPostgres', () => {
  it('initialises a cluster in DATA_DIR whose url reaches the application database', async () => {
    let url = '';
    await withServer(async (db) => {
      url = db.url;
      const parsed = new URL(db.url);
      expect(parsed.hostname).toBe('127.0.0.1');
      expect(parsed.pathname).toBe(`/${APP_DATABASE}`);
      const [row] = await query(db.url, "SELECT current_database() AS db, current_setting('server_encoding') AS enc");
      expect(row).toEqual({ db: APP_DATABASE, enc: 'UTF8' });
      await query(db.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives restarts')");
    });
    expect(lines.some((line) => line.startsWith('initialising'))).toBe(true);
    expect(listenerCounts()).toEqual(listenersBefore);
    expect(statSync(path.join(dataDir, STATE_FILE)).mode & 0o777).toBe(0o600);
    await expect(query(url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('reuses the same data on the next start', async () => {
    lines.length = 0;
    await withServer(async (db) => {
      expect(await query(db.url, 'SELECT note FROM kept')).toEqual([{ note: 'survives restarts' }]);
    });
    expect(lines.some((line) => line.startsWith('initialising'))).toBe(false);
  });

  it('removes a stale postmaster.pid naming a dead process or another program', async () => {
    const otherProgram = spawn('sleep', ['60']);
    try {
      for (const pid of [await exitedPid(), otherProgram.pid!]) {
        lines.length = 0;
        writeFileSync(lockFile, `${pid}\n${path.join(dataDir, CLUSTER_DIR)}\n1700000000\n5432\n\n127.0.0.1\n0 0\nready\n`);
        await withServer(async (db) => {
          expect(await query(db.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
        });
        expect(lines.some((line) => line.includes('stale') && line.includes(`pid ${pid}`))).toBe(true);
      }
    } finally {
      otherProgram.kill();
    }
  });

  it('shuts down the server a crashed run left behind, then starts on the same data', async () => {
    const child = startInChild('console.log(db.url);');
    try {
      await child.firstLine;
      await child.crash();
    } finally {
      child.dispose();
    }
    const orphan = lockPid();
    expect(isProcessAlive(orphan)).toBe(true);

    lines.length = 0;
    await withServer(async (db) => {
      expect(isProcessAlive(orphan)).toBe(false);
      expect(await query(db.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
    });
    expect(lines.some((line) => line.includes(`stopping the PostgreSQL (pid ${orphan})`))).toBe(true);
  });

  it('a process that exits without stop() exits cleanly and takes its server down', async () => {
    const child = startInChild('console.log(db.url); process.exit(0);');
    try {
      await child.firstLine;
      const postmaster = lockPid();
      expect(await child.exited).toEqual({ code: 0, stderr: '' });
      expect(await waitForProcessExit(postmaster, 10_000)).toBe(true);
    } finally {
      child.dispose();
    }
  });

  it('a process that stops its server then ends by itself exits cleanly', async () => {
    const child = startInChild("await db.stop(); console.log('stopped');");
    try {
      expect(await child.firstLine).toBe('stopped');
      expect(await child.exited).toEqual({ code: 0, stderr: '' });
    } finally {
      child.dispose();
    }
  });

  it('shares a cluster that a live process of ours is running (the CLI beside the server)', async () => {
    await withServer(async (first) => {
      const second = await startEmbeddedPostgres({ dataDir, log });
      expect(second.url).toBe(first.url);
      expect(await query(second.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await second.stop();
      // Stopping the sharer leaves the owner's server running.
      expect(await query(first.url, 'SELECT 2 AS two')).toEqual([{ two: 2 }]);
    });
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, keeps the cluster of an unreachable DATA_DIR (a private home) under /var/lib/clientflows',
    async () => {
      const privateHome = mkdtempSync(path.join(tmpdir(), 'clientflows-private-home-'));
      const hiddenDataDir = path.join(privateHome, '.data');
      const seen: string[] = [];
      try {
        const db = await startEmbeddedPostgres({ dataDir: hiddenDataDir, log: (line) => seen.push(line) });
        try {
          expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
        } finally {
          await db.stop();
        }
        const moved = seen.find((line) => line.includes('cannot enter'));
        expect(moved).toContain(ROOT_FALLBACK_BASE);
        // The closed ancestor was left closed.
        expect(statSync(privateHome).mode & 0o777).toBe(0o700);
        const clusterDir = /kept in (\S+)/.exec(moved!)![1];
        expect(statSync(path.join(clusterDir, 'PG_VERSION')).isFile()).toBe(true);
        rmSync(path.dirname(clusterDir), { recursive: true, force: true });
      } finally {
        rmSync(privateHome, { recursive: true, force: true });
      }
    },
  );
});
