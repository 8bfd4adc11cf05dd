'use strict';
// `npm test`: the whole suite. Builds first (end-to-end tests start the compiled server as a real
// process, exactly as `npm start` does), then runs vitest once.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { buildIfNeeded, root } = require('./build-if-needed');

buildIfNeeded();
// Tests are TypeScript too: a type error in a test is a defect even where vitest would run it.
const typecheck = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.test.json')], {
  stdio: 'inherit',
  cwd: root,
});
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status === null ? 1 : result.status);
