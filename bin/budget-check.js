#!/usr/bin/env node
'use strict';
process.exitCode = require('../dist/cli.js').run(process.argv.slice(2));
