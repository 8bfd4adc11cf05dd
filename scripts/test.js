'use strict';
// `npm test`: the whole suite. Builds first (end-to-end tests start the compiled server as a real
// process, exactly as `npm start` does), then runs vitest once.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { buildIfNeeded, root } = require('./build-if-needed');

buildIfNeeded();
const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status === null ? 1 : result.status);
