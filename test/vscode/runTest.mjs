#!/usr/bin/env node
// Runs the mocha suite in test/vscode/suite/ inside a real desktop VS Code, through @vscode/test-electron:
// extensionDevelopmentPath = the repository (build it first: `npm run build`), a temporary workspace made of copies
// of seeds/*.budget plus e2e-wrong-total.budget (one 合计 made wrong, see test/e2e/workspace.mjs).
//
// @vscode/test-electron DOWNLOADS VS Code (from update.code.visualstudio.com) at test time. That works on GitHub
// Actions (.github/workflows/vscode.yml, under xvfb-run) but not on this project's offline machines, where the
// offline equivalent is `npm run test:e2e` (code-server from npm + Debian Chromium). When the download fails this
// runner says so loudly and exits 1.
//
// Environment: BUDGET_VSCODE_VERSION (default "stable"; e.g. 1.100.3 for the oldest supported engine),
//   BUDGET_E2E_HOME (cache folder, default ~/.cache/budget-tables-e2e; VS Code is kept in its vscode-test/ folder).
import { downloadAndUnzipVSCode, resolveCliPathFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packZhCn } from '../e2e/vsix.mjs';
import { writeTestInfo } from './info.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const VERSION = process.env.BUDGET_VSCODE_VERSION || 'stable';
const CACHE = path.join(process.env.BUDGET_E2E_HOME || path.join(os.homedir(), '.cache', 'budget-tables-e2e'), 'vscode-test');
const DOWNLOAD_TIMEOUT_MS = 300_000;

function loud(msg) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n${msg.split('\n').map((l) => `!! ${l}`).join('\n')}\n${bar}\n`);
}
function fail(msg) {
  loud(msg);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const main = path.resolve(ROOT, manifest.main || './dist/client.js');
if (!fs.existsSync(main)) fail(`The extension is not built: ${main} is missing.\nRun  npm run build  first.`);

// ------------------------------------------------------------------------------------------------ VS Code
let exe;
try {
  console.log(`[vscode-test] getting VS Code ${VERSION} (cache ${CACHE}) …`);
  exe = await Promise.race([
    downloadAndUnzipVSCode({ version: VERSION, cachePath: CACHE, timeout: 60_000 }),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no VS Code after ${DOWNLOAD_TIMEOUT_MS / 1000} s`)), DOWNLOAD_TIMEOUT_MS).unref()),
  ]);
} catch (e) {
  fail([
    `@vscode/test-electron could not download VS Code ${VERSION}:`,
    `    ${String(e?.message || e).split('\n')[0]}`,
    '',
    'This suite needs a desktop VS Code, which @vscode/test-electron downloads from Microsoft at test time.',
    'That is impossible on a machine whose only network is the npm registry and Debian apt (this project\'s',
    'development and CI machines). It runs on GitHub Actions: .github/workflows/vscode.yml (xvfb-run, ubuntu-latest).',
    'Offline, run the equivalent end-to-end test in code-server instead:',
    '    bash .ci/setup-e2e.sh && npm run package && npm run test:e2e',
  ].join('\n'));
}
console.log(`[vscode-test] VS Code: ${exe}`);

// ------------------------------------------------------------------------------------------------ workspace + profile
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-vscode-test-'));
const ws = path.join(tmp, 'workspace');
const userData = path.join(tmp, 'user-data');
const extDir = path.join(tmp, 'extensions');
for (const d of [ws, path.join(userData, 'User'), extDir]) fs.mkdirSync(d, { recursive: true });
const { infoPath, qk, wrong } = writeTestInfo(ws, tmp, ROOT);
if (!wrong) fail('No seed has a 合计 row with three figures to make wrong.');
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
  'files.autoSave': 'off', 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
  'git.enabled': false,
}, null, 2));
console.log(`[vscode-test] workspace ${ws}: 硚口 = ${qk.file}; wrong 合计 in ${wrong.file} line ${wrong.line + 1}: ${wrong.original} → ${wrong.wrong}`);

// The server writes its messages in the editor's display language: give this VS Code the zh-cn display language
// through the test-only language-pack stand-in (the real Chinese pack would be a Marketplace download).
try {
  const cli = resolveCliPathFromVSCodeExecutablePath(exe);
  const zh = packZhCn(path.join(tmp, 'budget-tables-e2e-zh-cn.vsix'));
  const r = spawnSync(cli, [`--extensions-dir=${extDir}`, `--user-data-dir=${userData}`, '--install-extension', zh],
    { encoding: 'utf8', timeout: 120_000, shell: process.platform === 'win32' });
  if (r.status !== 0) console.warn(`[vscode-test] warning: could not install the zh-cn stand-in (${r.status}): ${r.stderr || r.stdout}`);
  const packs = path.join(userData, 'languagepacks.json');
  const zhDir = fs.readdirSync(extDir).find((d) => d.startsWith('budget-tables.budget-tables-e2e-zh-cn-'));
  if (!fs.existsSync(packs) && zhDir) {
    fs.writeFileSync(packs, JSON.stringify({ 'zh-cn': { hash: `e2e-${zhDir}`, label: '中文(简体)',
      extensions: [{ extensionIdentifier: { id: 'budget-tables.budget-tables-e2e-zh-cn' }, version: '1.100.0' }],
      translations: { vscode: path.join(extDir, zhDir, 'translations', 'main.i18n.json') } } }));
  }
} catch (e) {
  console.warn(`[vscode-test] warning: zh-cn stand-in not installed (${e.message}); messages may be English`);
}

// ------------------------------------------------------------------------------------------------ run
let code = 0;
try {
  await runTests({
    vscodeExecutablePath: exe,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(HERE, 'suite', 'index.cjs'),
    extensionTestsEnv: { BUDGET_VSCODE_TEST_INFO: infoPath },
    launchArgs: [ws, '--locale=zh-cn', `--extensions-dir=${extDir}`, `--user-data-dir=${userData}`,
      '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-telemetry'],
  });
} catch (e) {
  console.error(`[vscode-test] the suite failed: ${e?.message || e}`);
  code = 1;
} finally {
  if (process.env.BUDGET_VSCODE_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
