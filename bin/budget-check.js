#!/usr/bin/env node
'use strict';
// `run` returns the exit code, or a promise of it for `import` / `export`.
Promise.resolve(require('../dist/cli.js').run(process.argv.slice(2))).then((code) => { process.exitCode = code; });
