'use strict';
// `npm start`: build if needed, then run the server in this process (signals reach it directly).
const path = require('node:path');
const { buildIfNeeded, root } = require('./build-if-needed');

buildIfNeeded();
require(path.join(root, 'dist', 'src', 'main.js'));
