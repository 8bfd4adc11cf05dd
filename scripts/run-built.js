'use strict';
// `npm run cli -- ...`, `npm run job -- ...`, `npm run bench`: build if needed, run a compiled entry.
const path = require('node:path');
const { buildIfNeeded, root } = require('./build-if-needed');

const [entry, ...args] = process.argv.slice(2);
buildIfNeeded();
process.argv = [process.argv[0], path.join(root, entry), ...args];
require(path.join(root, entry));
