#!/usr/bin/env node
// The preview webview in a real browser: Debian's Chromium (playwright-core) loads the page the extension gives the
// webview (client/src/preview/html.ts: its CSP, dist/preview.css, dist/preview.js) from a server on 127.0.0.1, with a
// stand-in for VS Code's `acquireVsCodeApi`, and checks what the script does:
//   the page raises no CSP violation and no error; the script says `ready`; a view model renders into tables;
//   document text with <script> / <img onerror> stays text and runs nothing; a click on a cell posts `reveal` with its
//   id and version; the summary's counts step through the errors; an update of the same document keeps the scroll
//   position, another document starts at its own; the scroll position survives a reload (webview state);
//   `highlight` marks the cursor's cell.
// Screenshots go to $BUDGET_E2E_SCREENSHOTS (default: a temporary folder, printed). Ends with "N passed, N failed".
// Needs `npm run build` (dist/ and out/) and Chromium (.ci/setup-e2e.sh installs it).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const require = createRequire(path.join(ROOT, 'package.json'));
const { chromium } = require('playwright-core');
const { previewPage } = require(path.join(ROOT, 'out/client/src/preview/html.js'));
const { analyze } = require(path.join(ROOT, 'out/server/src/analysis.js'));
const { buildPreview } = require(path.join(ROOT, 'out/server/src/preview/model.js'));

const SHOTS = process.env.BUDGET_E2E_SCREENSHOTS || fs.mkdtempSync(path.join(os.tmpdir(), 'budget-preview-'));
fs.mkdirSync(SHOTS, { recursive: true });
if (!fs.existsSync(path.join(ROOT, 'dist', 'preview.js'))) { console.log('dist/preview.js is missing: run  npm run build  first.\n0 passed, 1 failed'); process.exit(1); }
if (!fs.existsSync(CHROMIUM)) { console.log(`Chromium is missing (${CHROMIUM}): run  bash .ci/setup-e2e.sh\n0 passed, 1 failed`); process.exit(1); }

const modelOf = (text, name, version = 1) => ({ uri: `file:///ws/${name}`, version, ...buildPreview(analyze(text), { name }) });
const XINZHOU = modelOf(fs.readFileSync(path.join(ROOT, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8'), 'xinzhou.budget', 3);
const QIAOKOU = modelOf(fs.readFileSync(path.join(ROOT, 'seeds', 'qiaokou-2023-final.budget'), 'utf8'), 'qiaokou.budget');
const EVIL_TEXT = '# <script>window.__ran = 1</script>\n年度：2023\n金额单位：万元\n\n## 表 表1 <img src=x onerror="window.__ran = 2">\n'
  + '列：科目编码 | 科目名称 | 金额[1]\n | 合计 | 3.00\n201 | <script>window.__ran = 3</script> | 1.00\n202 | <img src=x onerror="window.__ran = 4"> | 1.00\n';
const EVIL = modelOf(EVIL_TEXT, 'evil.budget');

let page = '';
const server = http.createServer((req, res) => {
  if (req.url === '/') { res.setHeader('content-type', 'text/html; charset=utf-8'); res.end(page); return; }
  const file = path.join(ROOT, 'dist', path.basename(req.url ?? ''));
  if (!/^\/preview\.(js|css)$/.test(req.url ?? '') || !fs.existsSync(file)) { res.statusCode = 404; res.end(); return; }
  res.setHeader('content-type', file.endsWith('.css') ? 'text/css' : 'text/javascript');
  res.end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
page = previewPage({ cspSource: base, nonce: 'dGVzdC1ub25jZQ==', scriptUri: `${base}/preview.js`, styleUri: `${base}/preview.css`, lang: 'zh', loading: '正在生成预览…' });

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
let passed = 0;
let failed = 0;
const problems = [];

/** A page with the webview stand-in: what the script posts is kept in window.__posted, its state in window.__state. */
async function open(state) {
  const p = await browser.newPage({ viewport: { width: 900, height: 800 } });
  p.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  p.on('pageerror', (e) => problems.push(`page error: ${e}`));
  await p.addInitScript((initial) => {
    window.__posted = [];
    window.__state = initial ?? undefined;
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => window.__state, setState: (s) => { window.__state = s; } });
  }, state);
  await p.goto(`${base}/`);
  await p.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  return p;
}
const update = (p, model) => p.evaluate((m) => window.postMessage({ type: 'update', model: m }, '*'), model);
const scrollY = (p) => p.evaluate(() => Math.round(window.scrollY));

async function test(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (e) {
    failed++;
    console.log(`  ✘ ${name}\n      ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n      ')}`);
  }
}

try {
  console.log('preview webview in Chromium');
  const p = await open();

  await test('loads under its CSP without violations or errors, says ready, renders the tables', async () => {
    await update(p, XINZHOU);
    await p.waitForSelector('table');
    assert.equal(await p.locator('section.table').count(), XINZHOU.sections.filter((s) => s.kind === 'table').length);
    assert.equal(await p.locator('th.group', { hasText: '基本支出' }).first().getAttribute('colspan'), '3');
    assert.match(await p.locator('td.st-tail').first().getAttribute('title'), /^尾差：/);
    // The stylesheet applied: figures are right-aligned in a tabular font.
    assert.equal(await p.locator('td.num').first().evaluate((e) => getComputedStyle(e).textAlign), 'right');
    assert.deepEqual(await p.evaluate(() => window.__violations), []);
    await p.screenshot({ path: path.join(SHOTS, 'preview-webview-top.png') });
  });

  await test('a click on a cell posts reveal with its id, the document and the model version', async () => {
    const cell = p.locator('td.st-error', { hasText: '42.40%' });
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    const id = await cell.getAttribute('data-id');
    assert.deepEqual(await p.evaluate(() => window.__posted.at(-1)), { type: 'reveal', id, uri: XINZHOU.uri, version: 3 });
    assert.match(await cell.getAttribute('class'), /\bselected\b/);
  });

  await test('the error count steps through the errors', async () => {
    await p.evaluate(() => window.scrollTo(0, 0));
    const seen = [];
    for (let i = 0; i < 3; i++) {
      await p.locator('button[data-nav="error"]').click();
      await p.waitForTimeout(150);
      seen.push(await p.evaluate(() => {
        const all = [...document.querySelectorAll('.sections .st-error')];
        const inView = all.filter((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
        return inView.map((e) => e.getAttribute('data-id')).join(',');
      }));
    }
    for (const s of seen) assert.ok(s.length > 0, 'an error is in view');
    assert.notEqual(seen[0], seen[2]);
    await p.screenshot({ path: path.join(SHOTS, 'preview-webview-error.png') });
  });

  await test('an update of the same document keeps the scroll position; another starts at its top', async () => {
    await p.evaluate(() => window.scrollTo(0, 2400));
    await p.waitForTimeout(300);
    const before = await scrollY(p);
    assert.ok(before > 2000);
    await update(p, { ...XINZHOU, version: 4 });
    await p.waitForTimeout(100);
    assert.equal(await scrollY(p), before);
    await update(p, QIAOKOU);
    await p.waitForTimeout(100);
    assert.equal(await scrollY(p), 0);
    await update(p, { ...XINZHOU, version: 5 });
    await p.waitForTimeout(100);
    assert.equal(await scrollY(p), before, 'back where the reader was in it');
    assert.equal((await p.evaluate(() => window.__state)).scroll[XINZHOU.uri], before);
  });

  await test('highlight marks the cursor’s cell and brings it into view', async () => {
    const id = XINZHOU.sections.find((s) => s.number === '附表4-5').blocks.find((b) => b.kind === 'parts').parts[0].rows[3].cells[2].id;
    await p.evaluate((x) => window.postMessage({ type: 'highlight', id: x }, '*'), id);
    await p.waitForTimeout(200);
    const current = p.locator('.current');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('data-id'), id);
    assert.ok(await current.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }));
    await p.screenshot({ path: path.join(SHOTS, 'preview-webview-highlight.png') });
  });

  await test('after a reload the saved state brings the reader back to where they were', async () => {
    const state = await p.evaluate(() => window.__state);
    const again = await open(state);
    await update(again, XINZHOU);
    await again.waitForTimeout(100);
    assert.equal(await scrollY(again), state.scroll[XINZHOU.uri]);
    await again.close();
  });

  await test('document text with <script> and <img onerror> is shown as text and runs nothing', async () => {
    const q = await open();
    await update(q, EVIL);
    await q.waitForSelector('table');
    await q.waitForTimeout(300);
    assert.equal(await q.evaluate(() => window.__ran), undefined);
    assert.equal(await q.locator('h1').textContent(), '<script>window.__ran = 1</script>');
    assert.equal(await q.locator('td', { hasText: '<img src=x onerror="window.__ran = 4">' }).count(), 1);
    assert.equal(await q.locator('main script, main img').count(), 0);
    await q.screenshot({ path: path.join(SHOTS, 'preview-webview-escaped.png') });
    await q.close();
  });

  await test('no page raised an error', async () => {
    assert.deepEqual(problems, []);
  });
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots: ${SHOTS}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
