#!/usr/bin/env node
// The same mocha suite as test/vscode/runTest.mjs, offline: instead of a downloaded desktop VS Code it runs in the
// Node extension host of code-server 4.100.3 (VS Code 1.100.3, installed by .ci/setup-e2e.sh), with the repository
// loaded as the extension under development and the suite as extensionTestsPath, both through the workbench URL
// payload; Debian's Chromium (playwright-core) opens the workbench. The suite's output comes back through
// code-server's log. Ends with the suite's "N passed, N failed" line; exit 1 on any failure.
// Needs `npm run build` first (the extension's dist/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, findCodeServer, freePort, installExtensions, launchChromium, loud, makeProfile, sleep, startCodeServer } from '../e2e/harness.mjs';
import { writeTestInfo } from './info.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const DEADLINE_MS = 240_000;
const T0 = Date.now();
const log = (...m) => console.log(`[vscode-offline ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)}s]`, ...m);

function bail(msg) {
  loud(msg);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const cs = findCodeServer();
if (!cs || !fs.existsSync(CHROMIUM)) bail('code-server or Chromium is missing: run  bash .ci/setup-e2e.sh  (as root; apt + npm only).');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
if (!fs.existsSync(path.resolve(ROOT, manifest.main || 'dist/client.js'))) bail('The extension is not built: run  npm run build  first.');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-vscode-offline-'));
let server = null;
let browser = null;
let code = 1;
const cleanup = async () => {
  if (browser) { const b = browser; browser = null; await Promise.race([b.close().catch(() => {}), sleep(5000)]); }
  if (server) { const s = server; server = null; await s.stop(); }
  if (process.env.BUDGET_VSCODE_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, async () => { await cleanup(); process.exit(130); });

try {
  const prof = makeProfile(tmp);
  const ws = path.join(tmp, 'workspace');
  const { infoPath, qk, wrong } = writeTestInfo(ws, tmp, ROOT);
  if (!wrong) throw new Error('no seed has a 合计 row with three figures to make wrong');
  log(`workspace ${ws}: 硚口 = ${qk.file}; wrong 合计 in ${wrong.file} line ${wrong.line + 1}: ${wrong.original} → ${wrong.wrong}`);
  const inst = installExtensions(cs, prof, []); // the zh-cn display-language stand-in only
  if (!inst.ok) throw new Error(`installing the zh-cn stand-in failed: ${inst.out}`);

  const port = await freePort();
  server = await startCodeServer(cs, prof, { port, folder: ws, extraEnv: { BUDGET_VSCODE_TEST_INFO: infoPath } });
  await server.waitHealthy(30_000);
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(path.join(HERE, 'suite', 'index.cjs'))]];
  const url = `${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`code-server on 127.0.0.1:${port}; opening the workbench with the suite as extensionTestsPath`);

  browser = await launchChromium(prof);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });

  // the suite prints its closing line through the extension host: code-server's log or the page's console
  const closing = /(\d+) passed, (\d+) failed/;
  let seen = 0;
  let printed = 0;
  const until = Date.now() + DEADLINE_MS;
  let result = null;
  while (Date.now() < until && !result) {
    await sleep(500);
    const text = fs.existsSync(prof.log) ? fs.readFileSync(prof.log, 'utf8') : '';
    const fresh = text.slice(seen); seen = text.length;
    for (const line of fresh.split('\n')) if (/\[suite\]/.test(line)) console.log(line.slice(line.indexOf('[suite]')));
    for (; printed < consoleLines.length; printed++) {
      const l = consoleLines[printed];
      if (l.includes('[suite]')) console.log(l.slice(l.indexOf('[suite]')));
    }
    result = closing.exec(text) || consoleLines.map((l) => closing.exec(l)).find(Boolean) || null;
    if (server.proc.exitCode !== null) break;
  }
  if (!result) throw new Error(`no "N passed, N failed" line from the suite within ${DEADLINE_MS / 1000} s`);
  code = Number(result[2]) === 0 && Number(result[1]) > 0 ? 0 : 1;
  console.log(`${result[1]} passed, ${result[2]} failed`);
} catch (e) {
  loud(`offline VS Code suite: ${e?.message || e}${server ? `\n--- code-server log ---\n${server.logTail(30)}` : ''}`);
  console.log('0 passed, 1 failed');
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
