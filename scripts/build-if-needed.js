'use strict';
// Compiles the TypeScript sources when dist/ is missing or older than any source file.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const sourceDirs = ['src', 'migrations', 'bench'];

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const sources = Math.max(
    ...sourceDirs.map((d) => newestMtime(path.join(root, d))),
    fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs,
  );
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  if (built >= sources) return;
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc');
  } catch {
    // A production install (npm ci --omit=dev) ships a prebuilt dist/ and no compiler.
    if (fs.existsSync(path.join(root, 'dist', 'src', 'main.js'))) return;
    throw new Error('dist/ is missing and TypeScript is not installed: run `npm ci` (with dev dependencies) first');
  }
  console.error('building (tsc)...');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], {
    stdio: 'inherit',
    cwd: root,
  });
  fs.writeFileSync(stamp, new Date().toISOString());
}

module.exports = { buildIfNeeded, root };
if (require.main === module) buildIfNeeded();
