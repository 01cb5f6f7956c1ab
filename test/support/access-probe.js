// Preloaded into the language server by test/sandbox.test.ts (NODE_OPTIONS=--require): records every file the
// server's code opens, reads, lists, stats or writes through Node's fs API, and every network, DNS or process call,
// one JSON line each, to the file named by BUDGET_ACCESS_LOG. Plain JavaScript: it must load before anything else.
'use strict';
const fs = require('node:fs');
const log = process.env.BUDGET_ACCESS_LOG;
// The log is opened before anything is wrapped, and written with writeSync (not wrapped): the probe logs only others.
const fd = fs.openSync(log, 'a');
const write = (kind, what) => { try { fs.writeSync(fd, JSON.stringify({ kind, what: String(what) }) + '\n'); } catch { /* best effort */ } };
const pathOf = (p) => (p instanceof URL ? p.pathname : Buffer.isBuffer(p) ? p.toString() : typeof p === 'number' ? `fd:${p}` : p);

function wrap(obj, names, kind) {
  for (const name of names) {
    const orig = obj[name];
    if (typeof orig !== 'function') continue;
    obj[name] = function (...args) { write(kind(name), pathOf(args[0])); return orig.apply(this, args); };
  }
}
const READ = ['readFile', 'readFileSync', 'open', 'openSync', 'createReadStream', 'readdir', 'readdirSync', 'opendir', 'opendirSync',
  'stat', 'statSync', 'lstat', 'lstatSync', 'existsSync', 'access', 'accessSync', 'realpath', 'realpathSync', 'watch', 'watchFile'];
const WRITE = ['writeFile', 'writeFileSync', 'appendFile', 'createWriteStream', 'mkdir', 'mkdirSync', 'rm', 'rmSync', 'unlink', 'unlinkSync',
  'rename', 'renameSync', 'copyFile', 'copyFileSync', 'truncate', 'truncateSync'];
wrap(fs, READ, () => 'read');
wrap(fs, WRITE, () => 'write');
wrap(fs.promises, ['readFile', 'open', 'readdir', 'opendir', 'stat', 'lstat', 'access', 'realpath'], () => 'read');
wrap(fs.promises, ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename', 'copyFile', 'truncate'], () => 'write');
const net = require('node:net');
wrap(net, ['connect', 'createConnection', 'createServer'], () => 'network');
for (const m of ['node:http', 'node:https', 'node:http2', 'node:tls', 'node:dgram']) {
  const mod = require(m);
  wrap(mod, ['request', 'get', 'connect', 'createSocket', 'createServer'], () => 'network');
}
wrap(require('node:dns'), ['lookup', 'resolve', 'resolve4', 'resolve6'], () => 'network');
wrap(require('node:dns').promises, ['lookup', 'resolve', 'resolve4', 'resolve6'], () => 'network');
wrap(require('node:child_process'), ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], () => 'process');
if (typeof globalThis.fetch === 'function') {
  const f = globalThis.fetch;
  globalThis.fetch = (...args) => { write('network', args[0]); return f(...args); };
}
