#!/usr/bin/env node
// Offline end-to-end test of the Budget Tables extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3,
// Node extension host), driven through Debian's Chromium by playwright-core. Checks what a person sees:
//   (a) the red squiggle under a wrong 合计 figure, and its row in the Problems panel (应为 / 实为 / 相差),
//   (b) the hover on functional code 2150502 (一般行政管理事务),
//   (c) the completion list after typing 21505 in the code cell of a new row,
//   (d) a quick fix (Ctrl+.) on the wrong figure,
//   (e) the inlay hint with the computed value, (f) Format Document aligning a seed, (g) the preview panel.
// Screenshots of every step go to docs/screenshots/e2e-*.png. Ends with "N passed, N failed"; exit 1 on any failure.
//
// Usage:  node test/e2e/run.mjs [--vsix PATH] [--fixture] [--keep] [--headed]
//   --vsix PATH  the extension to install (default: <repo>/budget-tables.vsix, built by `npm run package`)
//   --fixture    build and install the stand-in extension in test/e2e/fixture-ext/ instead (harness self-test)
//   --keep       keep the temporary folders (printed) instead of deleting them
// Environment: BUDGET_E2E_HOME (where .ci/setup-e2e.sh installed code-server), BUDGET_E2E_CODE_SERVER,
//   BUDGET_E2E_CHROMIUM (default /usr/bin/chromium), BUDGET_E2E_SCREENSHOTS (default <repo>/docs/screenshots).
// Prerequisites: `bash .ci/setup-e2e.sh` (as root; apt + npm only). All traffic stays on 127.0.0.1.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CODE_SERVER_VERSION, E2E_HOME, findCodeServer, freePort, installExtensions, launchChromium, loud,
  hoverText, makeProfile, poll, quickInput, sleep, startCodeServer, visibleTexts } from './harness.mjs';
import { buildWorkspace, glossaryFor } from './workspace.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const T0 = Date.now();
const DEADLINE_MS = 270_000; // the whole run, setup included, stays under 5 minutes
const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const opt = (f) => { const i = args.indexOf(f); return i >= 0 ? args[i + 1] : undefined; };

const SHOTS = path.resolve(process.env.BUDGET_E2E_SCREENSHOTS || path.join(ROOT, 'docs', 'screenshots'));
const KEEP = flag('--keep') || process.env.BUDGET_E2E_KEEP === '1';
const HEADED = flag('--headed');

const secs = () => ((Date.now() - T0) / 1000).toFixed(1).padStart(5);
const log = (...m) => console.log(`[e2e ${secs()}s]`, ...m);

const results = []; // { name, ok, ms, info }
let codeServer = null; // startCodeServer() handle (own process group)
let browser = null;
let tmpRoot = null;
let finished = false;
let currentPage = null; // for a screenshot when a step fails

// ------------------------------------------------------------------------------------------------ clean-up
async function cleanup() {
  if (browser) { const b = browser; browser = null; await Promise.race([b.close().catch(() => {}), sleep(5000)]); }
  if (codeServer) { const c = codeServer; codeServer = null; await c.stop(); }
  if (tmpRoot) {
    if (KEEP) log(`kept temporary folder ${tmpRoot}`);
    else fs.rmSync(tmpRoot, { recursive: true, force: true });
    tmpRoot = null;
  }
}
// (harness.mjs also SIGKILLs every process group it started when this process exits: never leave code-server behind)
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => { loud(`interrupted by ${sig}`); await cleanup(); process.exit(130); });
}

async function finish(extraFailure) {
  if (finished) return; finished = true;
  if (extraFailure) results.push({ name: extraFailure.name, ok: false, ms: 0, info: extraFailure.info });
  const failed = results.filter((r) => !r.ok);
  if (failed.length && codeServer) console.log(`--- last lines of the code-server log ---\n${codeServer.logTail()}\n---`);
  await cleanup();
  console.log(`\nE2E summary (${((Date.now() - T0) / 1000).toFixed(1)} s):`);
  for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.info ? ` — ${r.info}` : ''}`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}
const watchdog = setTimeout(() => {
  loud(`e2e run exceeded ${DEADLINE_MS / 1000} s: aborting`);
  finish({ name: 'whole run within time', info: `exceeded ${DEADLINE_MS / 1000} s` });
}, DEADLINE_MS);
watchdog.unref?.();

// ------------------------------------------------------------------------------------------------ prerequisites
function prerequisites() {
  const problems = [];
  if (!fs.existsSync(CHROMIUM)) problems.push(`Chromium not found at ${CHROMIUM} (Debian package "chromium").`);
  const cs = findCodeServer();
  if (!cs) problems.push(`code-server ${CODE_SERVER_VERSION} not found (looked in ${E2E_HOME} and on PATH).`);
  let playwright = null;
  try { playwright = path.dirname(fileURLToPath(import.meta.resolve('playwright-core/package.json'))); } catch {
    problems.push('playwright-core is not installed in the project (npm ci).');
  }
  if (problems.length) {
    loud(['The e2e test cannot run: its tools are missing.', ...problems, '',
      'Install them (as root; uses only Debian apt and the npm registry):', '    bash .ci/setup-e2e.sh',
      'then run again:  npm run test:e2e'].join('\n'));
    return null;
  }
  return { cs, playwright };
}

function pickVsix() {
  if (flag('--fixture')) {
    log('building the stand-in extension (test/e2e/fixture-ext)');
    return execFileSync(process.execPath, [path.join(HERE, 'fixture-ext', 'build.mjs')], { encoding: 'utf8' }).trim().split('\n').pop();
  }
  const vsix = path.resolve(opt('--vsix') || path.join(ROOT, 'budget-tables.vsix'));
  if (!fs.existsSync(vsix)) {
    loud(`The extension package ${vsix} does not exist.\nBuild it first:  npm run package\n(or run the harness self-test:  node test/e2e/run.mjs --fixture)`);
    return null;
  }
  return vsix;
}

// ------------------------------------------------------------------------------------------------ page helpers
const ACTIVE_EDITOR = '.part.editor .editor-group-container.active .monaco-editor';

async function record(name, fn) {
  const t = Date.now();
  try {
    const info = await fn();
    results.push({ name, ok: true, ms: Date.now() - t, info });
    log(`PASS ${name}${info ? ` — ${info}` : ''}`);
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - t, info: String(e?.message || e).split('\n')[0] });
    log(`FAIL ${name}: ${e?.stack || e}`);
    // what the screen showed when it failed (kept with --keep, else deleted with the temporary folder)
    if (currentPage && tmpRoot) {
      const file = path.join(tmpRoot, `failed-${results.length}.png`);
      await currentPage.screenshot({ path: file }).then(() => log(`  screen at the failure: ${file}`), () => {});
    }
  }
}

async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file }).catch((e) => log(`screenshot ${name} failed: ${e.message}`));
  return file;
}

/** Runs a command from the Command Palette (F1) by its title, as a person would. */
async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await quickInput(page, 'F1', `>${title}`).catch(async (e) => { await shot(page, 'e2e-palette-failed.png'); throw e; });
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 10_000 })
    .catch(async (e) => { throw new Error(`${e.message}; palette rows: ${JSON.stringify((await visibleTexts(page, '.quick-input-widget .monaco-list-row')).slice(0, 5))}`); });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

async function openFile(page, file) {
  // F1 opens the same quick input as Ctrl+P (a file name instead of ">" makes it Quick Open), and reaches it whatever
  // part of the workbench has the focus
  await quickInput(page, 'F1', file);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.part.editor .tab.active[aria-label*="${file}"], .part.editor .tab.active:has-text("${file}")`).first()
    .waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator(`${ACTIVE_EDITOR} .view-lines`).first().waitFor({ state: 'visible', timeout: 10_000 });
}

async function gotoLine(page, line0, col0) {
  const input = await quickInput(page, 'Control+G', `:${line0 + 1}:${col0 + 1}`);
  await sleep(150);
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  await sleep(250);
}

/** Screen rectangle of `needle` on the rendered editor line whose text equals `lineText` (what a person sees). */
async function textRect(page, lineText, needle) {
  return page.evaluate(({ sel, lineText, needle }) => {
    // an inlay hint (`= 2,098.74`) may stand in the rendered line: what the source says is the text without it
    const norm = (s) => s.replace(/\u00a0/g, ' ').replace(/\s*= -?[\d,]+(?:\.\d+)?%?/g, '').replace(/\s+$/, '');
    const editor = document.querySelector(sel);
    if (!editor) return null;
    for (const vl of editor.querySelectorAll('.view-lines .view-line')) {
      const text = vl.textContent || '';
      if (norm(text) !== norm(lineText)) continue;
      const at = text.replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) continue;
      const walker = document.createTreeWalker(vl, NodeFilter.SHOW_TEXT);
      let pos = 0, startNode = null, startOff = 0, endNode = null, endOff = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent.length;
        if (!startNode && at < pos + len) { startNode = n; startOff = at - pos; }
        if (startNode && at + needle.length <= pos + len) { endNode = n; endOff = at + needle.length - pos; break; }
        pos += len;
      }
      if (!startNode || !endNode) return null;
      const r = document.createRange(); r.setStart(startNode, startOff); r.setEnd(endNode, endOff);
      const b = r.getBoundingClientRect();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    }
    return null;
  }, { sel: ACTIVE_EDITOR, lineText, needle });
}

async function squigglesOver(page, rect) {
  return page.evaluate(({ sel, rect }) => {
    const editor = document.querySelector(sel);
    if (!editor || !rect) return [];
    return [...editor.querySelectorAll('.squiggly-error')].map((el) => el.getBoundingClientRect())
      .filter((b) => b.width > 0 && b.bottom > rect.y && b.top < rect.y + rect.h && b.right > rect.x && b.left < rect.x + rect.w)
      .map((b) => ({ x: b.x, y: b.y, w: b.width, h: b.height }));
  }, { sel: ACTIVE_EDITOR, rect });
}

// ------------------------------------------------------------------------------------------------ main
async function main() {
  log(`Budget Tables e2e — repo ${ROOT}`);
  const pre = prerequisites();
  if (!pre) return finish({ name: 'prerequisites (chromium, code-server, playwright-core)', info: 'missing: run bash .ci/setup-e2e.sh' });
  let vsix;
  try { vsix = pickVsix(); } catch (e) { loud(`building the stand-in failed: ${e.message}`); }
  if (!vsix) return finish({ name: 'extension package present', info: 'no .vsix: run npm run package' });
  const st = fs.statSync(vsix);
  log(`extension: ${vsix} (${st.size} bytes, modified ${st.mtime.toISOString()})`);
  log(`code-server: ${pre.cs}`);

  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-e2e-'));
  const prof = makeProfile(tmpRoot);
  const ws = path.join(tmpRoot, 'workspace');

  const { seeds, qk, wrong } = buildWorkspace(ws, ROOT);
  log(`workspace ${ws}: ${seeds.length} seed(s)${seeds.length ? ` (${seeds.join(', ')})` : ''}`);
  if (!qk) return finish({ name: 'a seed with a 2150502 row (the 硚口 final accounts)', info: 'not found in seeds/' });
  log(`硚口 document: ${qk.file}, 2150502 on line ${qk.row.line + 1}`);
  if (!wrong) return finish({ name: 'a seed with a 合计 row to make wrong', info: 'no 合计 row with 3 figures found' });
  log(`wrong total to type: ${wrong.from}, line ${wrong.line + 1}: ${wrong.original} → ${wrong.wrong}`);

  // install the .vsix (and the zh-cn display-language stand-in) into the fresh extensions folder
  const inst = installExtensions(pre.cs, prof, [vsix]);
  if (!inst.ok) {
    loud(`code-server --install-extension failed (exit ${inst.status}):\n${inst.out}`);
    return finish({ name: 'install the .vsix', info: `exit ${inst.status}` });
  }
  log(`installed: ${inst.installed.join(', ')}`);

  // code-server in its own process group, Chromium
  const port = await freePort();
  codeServer = await startCodeServer(pre.cs, prof, { port, folder: ws });
  codeServer.proc.on('exit', (code, sig) => { if (!finished) log(`code-server exited (${code ?? sig})`); });
  log(`code-server pid ${codeServer.proc.pid} (own process group) on 127.0.0.1:${port}`);
  await codeServer.waitHealthy(30_000);
  log('code-server answers');
  browser = await launchChromium(prof, { headless: !HEADED });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'en-US' });
  const page = await context.newPage();
  currentPage = page;
  page.setDefaultTimeout(15_000);
  let pageErrors = 0;
  page.on('pageerror', () => { pageErrors++; });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`;
  log(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 40_000 });
  await page.locator('.explorer-folders-view .monaco-list-row, .explorer-viewlet .monaco-list-row').first()
    .waitFor({ state: 'visible', timeout: 20_000 }).catch(() => log('explorer rows not seen (continuing)'));
  log('workbench is up');
  await sleep(1000);
  await page.keyboard.press('Escape');

  // (a) squiggle under the wrong 合计 figure
  let wrongRect = null;
  await record('(a) red squiggle under a wrong 合计 typed into the seed', async () => {
    // What a person does: open the seed, select the printed 合计 figure and type a wrong one over it.
    await openFile(page, wrong.from);
    await gotoLine(page, wrong.line, wrong.col);
    for (let i = 0; i < wrong.original.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type(wrong.wrong, { delay: 40 });
    const got = await poll(async () => {
      wrongRect = await textRect(page, wrong.lineText, wrong.wrong);
      if (!wrongRect) return null;
      const sq = await squigglesOver(page, wrongRect);
      return sq.length ? sq : null;
    }, 60_000, `.squiggly-error over "${wrong.wrong}" on line ${wrong.line + 1}`);
    await page.keyboard.press('Escape'); // no suggest widget over the figure
    await page.mouse.move(5, 450);
    await sleep(300);
    await shot(page, 'e2e-squiggle.png');
    return `line ${wrong.line + 1}, ${got.length} squiggle(s) over ${wrong.wrong}`;
  });
  if (!fs.existsSync(path.join(SHOTS, 'e2e-squiggle.png')) || results.at(-1)?.ok === false) await shot(page, 'e2e-squiggle.png');

  // (a) the Problems panel row with the Chinese message
  await record('(a) Problems panel row: 应为 / 实为 / 相差', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 10_000 });
    // the row of a diagnostic ON the wrong figure's line ([Ln N, Col M]), in Chinese, naming the wrong figure
    const onLine = new RegExp(`\\bLn ${wrong.line + 1}\\b|\\bline ${wrong.line + 1}\\b`);
    const want = (t) => t.includes('应为') && t.includes('实为') && t.includes('相差') && onLine.test(t)
      && (t.includes(wrong.wrong) || t.includes(wrong.wrongPlain));
    let row = await poll(async () => (await visibleTexts(page, '.markers-panel .monaco-list-row')).find(want), 8_000, 'a Problems row').catch(() => null);
    if (!row) { // many problems: narrow the list with the panel's filter box
      const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
      // (the filter splits on commas: type the part of the wrong figure after its last comma)
      if (await filter.isVisible().catch(() => false)) await filter.fill(wrong.wrong.split(',').pop());
      row = await poll(async () => (await visibleTexts(page, '.markers-panel .monaco-list-row')).find(want), 8_000,
        `a Problems row on line ${wrong.line + 1} with 应为/实为/相差 and ${wrong.wrong}`).catch(async (e) => {
        const seen = await visibleTexts(page, '.markers-panel .monaco-list-row');
        throw new Error(`${e.message}; rows seen: ${JSON.stringify(seen.slice(0, 8))}`);
      });
    }
    await shot(page, 'e2e-problems.png');
    return row.slice(0, 160);
  });
  if (results.at(-1)?.ok === false) await shot(page, 'e2e-problems.png');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+J').catch(() => {}); // hide the panel again: room for the editor

  // (d) quick fix on the wrong figure
  await record('(d) quick fix (Ctrl+.) on the wrong 合计 offers a code action', async () => {
    await openFile(page, wrong.from);
    await gotoLine(page, wrong.line, wrong.col + 1);
    await page.keyboard.press('Control+.');
    const rowSel = '.action-widget .monaco-list-row.action, .action-widget .monaco-list-row:not(.group-header), .context-view .monaco-list-row.action';
    const titles = await poll(async () => {
      const t = (await visibleTexts(page, rowSel)).filter(Boolean);
      return t.length ? t : null;
    }, 15_000, 'the code action list').catch(async (e) => {
      const msg = (await visibleTexts(page, '.monaco-editor-overlaymessage')).join(' ');
      await shot(page, 'e2e-quickfix.png');
      throw new Error(`${e.message}${msg ? ` (editor says: ${msg})` : ''}`);
    });
    await sleep(200);
    await shot(page, 'e2e-quickfix.png');
    await page.keyboard.press('Escape');
    const fix = titles.find((t) => t.includes('改为'));
    return `${titles.length} action(s): ${titles.slice(0, 4).map((t) => JSON.stringify(t.slice(0, 60))).join(', ')}${fix ? '' : ' (none says 改为)'}`;
  });

  // (b) hover on 2150502 in the 硚口 document
  await record('(b) hover on 2150502 shows 一般行政管理事务', async () => {
    await openFile(page, qk.file);
    await gotoLine(page, qk.row.line, qk.row.col);
    const target = async () => {
      const r = await poll(() => textRect(page, qk.row.lineText, '2150502'), 10_000, 'the rendered 2150502');
      return { x: r.x, y: r.y, width: r.w, height: r.h };
    };
    const { text, how } = await hoverText(page, target, (t) => t.includes('一般行政管理事务'), {
      selector: '.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden)', tries: 2, each: 6_000,
      placeCursor: () => gotoLine(page, qk.row.line, qk.row.col + 2),
    }).catch(async (e) => { await shot(page, 'e2e-hover.png'); throw e; });
    await sleep(200);
    await shot(page, 'e2e-hover.png');
    const def = glossaryFor(qk.text, '一般行政管理事务');
    const squash = (x) => x.replace(/\s+/g, '');
    const gloss = def ? (squash(text).includes(squash(def).slice(0, 12)) ? '; shows the 名词解释 text' : '; 名词解释 text NOT shown') : '';
    return `${how}: ${JSON.stringify(text.slice(0, 100))}${gloss}`;
  });
  await page.keyboard.press('Escape');

  // (c) completion after typing 21505 in the code cell of a new row: the list opens by itself (digits are trigger
  // characters of the server; VS Code never suggests on its own while the word is a number)
  await record('(c) typing 21505 in a new row opens the list by itself, with 2150502', async () => {
    await openFile(page, qk.file);
    await gotoLine(page, qk.row.line, qk.row.lineText.length);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Home'); // typing replaces any auto-indent: the code starts the row
    await page.keyboard.type('21505', { delay: 90 });
    const rowSel = '.suggest-widget.visible .monaco-list-row';
    const items = await poll(async () => { const t = await visibleTexts(page, rowSel); return t.some((x) => x.includes('2150502')) ? t : null; }, 8_000,
      'the suggest widget listing 2150502, opened by typing (no Ctrl+Space)').catch(async (e) => {
      await shot(page, 'e2e-completion.png');
      throw new Error(`${e.message}; rows: ${JSON.stringify((await visibleTexts(page, rowSel)).slice(0, 6))}`);
    });
    await sleep(250);
    await shot(page, 'e2e-completion.png');
    await page.keyboard.press('Escape');
    // a figure typed in the same row gets no list in its way
    await page.keyboard.type(' | 一般行政管理事务 | 1', { delay: 60 });
    await sleep(1500);
    const inFigure = await visibleTexts(page, rowSel);
    await page.keyboard.press('Escape');
    if (inFigure.length) throw new Error(`a list opened in a figure cell: ${JSON.stringify(inFigure.slice(0, 3))}`);
    return `as typed: ${items.length} item(s), e.g. ${JSON.stringify(items.find((x) => x.includes('2150502')).slice(0, 60))}; none in a figure cell`;
  });

  // (e) the computed value next to the wrong 合计, as an inlay hint
  await record('(e) inlay hint with the computed value beside the wrong 合计', async () => {
    await openFile(page, wrong.from);
    await gotoLine(page, wrong.line, 0);
    const line = await poll(async () => (await visibleTexts(page, `${ACTIVE_EDITOR} .view-line`))
      .find((t) => t.includes(wrong.wrong) && t.includes(`= ${wrong.original}`)), 15_000, `a rendered line with ${wrong.wrong} and "= ${wrong.original}"`);
    await page.mouse.move(5, 450);
    await sleep(200);
    await shot(page, 'e2e-inlay.png');
    return JSON.stringify(line.slice(0, 90));
  });

  // (f) Format Document aligns a seed's tables: the pipes of consecutive rows stand at the same x on screen
  await record('(f) Format Document aligns the columns by display width', async () => {
    const file = seeds.find((f) => /huangpi/.test(f)) ?? seeds.find((f) => f !== wrong.from);
    await openFile(page, file);
    // to the first table with three columns or more (the document opens with its narrative)
    const text = fs.readFileSync(path.join(ws, file), 'utf8');
    const first = text.split('\n').findIndex((l) => /^列：.*\|.*\|.*\|/.test(l));
    await gotoLine(page, first + 12, 0);
    const aligned = () => page.evaluate((sel) => {
      const editor = document.querySelector(sel);
      if (!editor) return 0;
      const rows = [...editor.querySelectorAll('.view-lines .view-line')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      const xs = rows.map((vl) => {
        const out = [];
        const walker = document.createTreeWalker(vl, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (let i = n.textContent.indexOf('|'); i >= 0; i = n.textContent.indexOf('|', i + 1)) {
            const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
            out.push(Math.round(r.getBoundingClientRect().x));
          }
        }
        return out;
      });
      // the longest run of consecutive lines with at least 3 pipes, all at the same x (±2 px)
      let best = 0; let run = 0;
      for (let i = 0; i < xs.length; i++) {
        const same = i > 0 && xs[i].length >= 3 && xs[i].length === xs[i - 1].length && xs[i].every((x, k) => Math.abs(x - xs[i - 1][k]) <= 2);
        run = same ? run + 1 : (xs[i].length >= 3 ? 1 : 0);
        best = Math.max(best, run);
      }
      return best;
    }, ACTIVE_EDITOR);
    const before = await aligned();
    await runCommand(page, 'Format Document');
    const after = await poll(async () => { const n = await aligned(); return n >= 6 && n > before ? n : null; }, 15_000, 'six or more aligned rows after formatting')
      .catch(async (e) => { await shot(page, 'e2e-format.png'); throw new Error(`${e.message} (before: ${before}, now: ${await aligned()})`); });
    await sleep(200);
    await shot(page, 'e2e-format.png');
    return `longest run of aligned rows on screen: ${before} before, ${after} after`;
  });

  // (g) the preview panel: the document's tables, the wrong 合计 marked as an error
  await record('(g) preview panel shows the tables with the wrong 合计 marked', async () => {
    await openFile(page, wrong.from);
    await gotoLine(page, wrong.line, 0);
    await runCommand(page, '预览表格');
    const marked = await poll(async () => {
      for (const f of page.frames()) {
        const t = await f.evaluate((w) => [...document.querySelectorAll('.st-error')].map((e) => e.textContent || '').find((x) => x.includes(w)) ?? null, wrong.wrong).catch(() => null);
        if (t) return t;
      }
      return null;
    }, 20_000, `a .st-error cell with ${wrong.wrong} in the preview`);
    // the summary's “N 处错误” steps to the first error: what a reader does first
    for (const f of page.frames()) {
      const button = f.locator('button, a, [role="button"]', { hasText: '处错误' }).first();
      if (await button.count().catch(() => 0)) { await button.click().catch(() => {}); break; }
    }
    await sleep(800);
    await shot(page, 'e2e-preview.png');
    return `error cell ${JSON.stringify(marked.trim().slice(0, 30))}`;
  });

  if (pageErrors) log(`note: ${pageErrors} uncaught page error(s) in the workbench`);
  // the documents were never saved: the temporary workspace on disk is unchanged
  const onDisk = fs.readFileSync(path.join(ws, qk.file), 'utf8');
  if (onDisk !== qk.text) log('warning: the 硚口 copy changed on disk (auto-save?)');
}

main().then(() => finish(), async (e) => {
  loud(`e2e harness error: ${e?.stack || e}`);
  await finish({ name: 'harness', info: String(e?.message || e).split('\n')[0] });
});
