#!/usr/bin/env node
'use strict';
const { existsSync } = require('fs');
const { join } = require('path');

const entry = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('bonus-engine: the project is not built; run npm run build first\n');
  process.exit(2);
}
require(entry).main(process.argv);
