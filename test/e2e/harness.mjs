// What test/e2e/run.mjs and test/vscode/run-in-code-server.mjs share: finding code-server (installed by
// .ci/setup-e2e.sh), a sandboxed profile (HOME, XDG_*, TMPDIR, user-data, extensions, config), installing .vsix files
// plus the zh-cn display-language stand-in, and a code-server on 127.0.0.1 in its own process group.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { packZhCn } from './vsix.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const E2E_HOME = process.env.BUDGET_E2E_HOME || path.join(os.homedir(), '.cache', 'budget-tables-e2e');
export const CHROMIUM = process.env.BUDGET_E2E_CHROMIUM || '/usr/bin/chromium';
// Debian's Chromium on a machine without internet: no sandbox (root), no background traffic, and every host name
// but 127.0.0.1 fails to resolve, so nothing can leave the machine.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-features=Translate,MediaRouter',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function loud(msg) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n${msg.split('\n').map((l) => `!! ${l}`).join('\n')}\n${bar}\n`);
}

export function findCodeServer() {
  const candidates = [
    process.env.BUDGET_E2E_CODE_SERVER,
    path.join(E2E_HOME, 'bin', 'code-server'),
    path.join(E2E_HOME, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server'),
  ].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  const which = spawnSync('sh', ['-c', 'command -v code-server'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export const USER_SETTINGS = {
  // typing in a test must not rewrite files; no welcome page, no workspace trust, nothing online
  'files.autoSave': 'off', 'files.hotExit': 'off', 'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false, 'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false, 'security.workspace.trust.startupPrompt': 'never',
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true, 'workbench.enableExperiments': false, 'workbench.settings.enableNaturalLanguageSearch': false,
  'chat.commandCenter.enabled': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true,
  'git.enabled': false, 'git.autoRepositoryDetection': false, 'npm.autoDetect': 'off', 'typescript.disableAutomaticTypeAcquisition': true,
  // what the screenshots show
  'editor.minimap.enabled': false, 'editor.unicodeHighlight.ambiguousCharacters': false, 'editor.unicodeHighlight.invisibleCharacters': false,
  // a monospace CJK font: 汉字 exactly two columns wide, as the formatter counts them
  'editor.fontFamily': "'WenQuanYi Zen Hei Mono', monospace",
  'editor.hover.delay': 300, 'editor.lightbulb.enabled': 'on', 'editor.fontSize': 15, 'workbench.editor.enablePreview': false, 'window.zoomLevel': 0,
};

/** A fresh profile under `root`: sandboxed HOME, XDG_* and TMPDIR, user-data (with settings), extensions, config. */
export function makeProfile(root) {
  const home = path.join(root, 'home');
  const p = { root, home, userData: path.join(root, 'user-data'), extDir: path.join(root, 'extensions'),
    config: path.join(root, 'config', 'config.yaml'), log: path.join(root, 'code-server.log') };
  for (const d of [home, p.extDir, path.dirname(p.config), path.join(p.userData, 'User')]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(p.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  fs.writeFileSync(path.join(p.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'), XDG_STATE_HOME: path.join(home, 'state'), XDG_RUNTIME_DIR: path.join(home, 'run'),
    TMPDIR: path.join(home, 'tmp'), TMP: path.join(home, 'tmp'), TEMP: path.join(home, 'tmp'),
    // the extension gallery points at a closed local port: nothing ever leaves 127.0.0.1
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item',
      resourceUrlTemplate: 'http://127.0.0.1:9/r/{publisher}/{name}/{version}/{path}' }) };
  for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR', 'TMPDIR']) fs.mkdirSync(env[k], { recursive: true, mode: 0o700 });
  delete env.VSCODE_IPC_HOOK_CLI; delete env.NODE_OPTIONS; delete env.ELECTRON_RUN_AS_NODE;
  p.env = env;
  return p;
}

/**
 * Installs the given .vsix files and the zh-cn display-language stand-in (test/e2e/zh-cn-pack) into the profile.
 * The server writes its messages in the editor's display language; a Chinese user's VS Code has the Chinese language
 * pack, which cannot be downloaded here. The stand-in has no translations: VS Code's menus stay English, while
 * vscode.env.language is zh-cn.
 */
export function installExtensions(cs, p, vsixes) {
  const zh = packZhCn(path.join(p.root, 'budget-tables-e2e-zh-cn.vsix'));
  const args = ['--config', p.config, '--user-data-dir', p.userData, '--extensions-dir', p.extDir];
  for (const v of [...vsixes, zh]) args.push('--install-extension', v);
  const r = spawnSync(cs, args, { env: p.env, encoding: 'utf8', timeout: 60_000, cwd: p.root });
  const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
  const installed = fs.readdirSync(p.extDir).filter((d) => !d.startsWith('.') && d !== 'extensions.json');
  // code-server's CLI install does not register language packs: write the languagepacks.json VS Code itself writes
  const packs = path.join(p.userData, 'languagepacks.json');
  const zhDir = installed.find((d) => d.startsWith('budget-tables.budget-tables-e2e-zh-cn-'));
  if (!fs.existsSync(packs) && zhDir) {
    fs.writeFileSync(packs, JSON.stringify({ 'zh-cn': { hash: `e2e-${zhDir}`, label: '中文(简体)',
      extensions: [{ extensionIdentifier: { id: 'budget-tables.budget-tables-e2e-zh-cn' }, version: '1.100.0' }],
      translations: { vscode: path.join(p.extDir, zhDir, 'translations', 'main.i18n.json') } } }));
  }
  return { ok: r.status === 0 && installed.length >= vsixes.length + 1, status: r.status, out, installed };
}

const running = new Set(); // process-group leaders we started
process.on('exit', () => { for (const pid of running) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } } });

/** code-server for the profile on 127.0.0.1:port, in its own process group (detached). */
export async function startCodeServer(cs, p, { port, folder, extraEnv = {}, extraArgs = [] }) {
  const fd = fs.openSync(p.log, 'a');
  const proc = spawn(cs, ['--config', p.config, '--user-data-dir', p.userData, '--extensions-dir', p.extDir,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override',
    // Chinese display language (see installExtensions)
    '--locale', 'zh-cn', ...extraArgs, folder],
  { env: { ...p.env, ...extraEnv }, cwd: p.root, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  running.add(proc.pid);
  const alive = () => { try { process.kill(-proc.pid, 0); return true; } catch { return false; } };
  const kill = (sig) => { try { process.kill(-proc.pid, sig); } catch { /* gone */ } };
  const server = {
    proc, port, url: `http://127.0.0.1:${port}`,
    async waitHealthy(ms = 30_000) {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        if (proc.exitCode !== null) throw new Error(`code-server exited early (code ${proc.exitCode}); log: ${p.log}`);
        try { const r = await fetch(`http://127.0.0.1:${port}/healthz`); if (r.ok) return; } catch { /* not yet */ }
        await sleep(200);
      }
      throw new Error(`code-server did not answer on 127.0.0.1:${port} within ${ms / 1000} s`);
    },
    /** Ends the whole process group (code-server, its extension hosts, their language servers). */
    async stop() {
      if (!running.has(proc.pid)) return;
      kill('SIGTERM');
      for (let i = 0; i < 50 && alive(); i++) await sleep(100);
      if (alive()) kill('SIGKILL');
      for (let i = 0; i < 30 && alive(); i++) await sleep(100);
      if (alive()) loud(`process group ${proc.pid} survived SIGKILL`);
      running.delete(proc.pid);
    },
    logTail(n = 25) { return fs.existsSync(p.log) ? fs.readFileSync(p.log, 'utf8').trim().split('\n').slice(-n).join('\n') : ''; },
  };
  return server;
}

export async function launchChromium(p, { headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless, timeout: 30_000, args: CHROMIUM_ARGS,
    env: { ...p.env, XDG_CONFIG_HOME: path.join(p.root, 'chromium', 'config'), XDG_CACHE_HOME: path.join(p.root, 'chromium', 'cache') } });
}

// ------------------------------------------------------------------------------------------------ page helpers

/** Resolves with the first truthy value of `fn`, polled every `every` ms; throws after `ms`. */
export async function poll(fn, ms, what, every = 150) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    last = await fn();
    if (last) return last;
    await sleep(every);
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
}

/**
 * Shows the editor's hover over a target as a person would and returns `{ text, how }` once a hover whose text `accept`s
 * is visible. `target()` gives the target's box (`{ x, y, width, height }`) afresh each try: the editor may re-render
 * it. The mouse moves off the target and onto it, up to `tries` times (a move made while the workbench is still laying
 * out or re-rendering can be lost: seen in CI, where one move gave no hover in 10 s); then the hover is asked for with
 * the keyboard: `placeCursor()` (by default a click on the target) and Ctrl+K Ctrl+I, VS Code's "show hover" at the
 * cursor. Throws with the hover texts it saw.
 */
export async function hoverText(page, target, accept, { selector = '.monaco-hover:not(.hidden)', tries = 3, each = 4_000, placeCursor } = {}) {
  let seenTexts = [];
  const shown = async () => {
    seenTexts = await visibleTexts(page, selector);
    const text = seenTexts.join(' ');
    return text && accept(text) ? text : null;
  };
  for (let i = 1; i <= tries; i++) {
    const b = await target();
    await page.mouse.move(b.x + b.width + 300, b.y + 200);
    await sleep(200);
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
    const text = await poll(shown, each, 'a hover').catch(() => null);
    if (text) return { text, how: i === 1 ? 'mouse' : `mouse (try ${i})` };
  }
  if (placeCursor) await placeCursor();
  else { const b = await target(); await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2); }
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const text = await poll(shown, each, `a hover (${tries} mouse moves, then Ctrl+K Ctrl+I)`).catch((e) => {
    throw new Error(`${e.message}; hover texts seen: ${JSON.stringify(seenTexts).slice(0, 300)}`);
  });
  return { text, how: 'keyboard (Ctrl+K Ctrl+I)' };
}

/** Opens the quick input with `opener` (F1, Ctrl+G …) and types `text` into it. */
export async function quickInput(page, opener, text) {
  await page.keyboard.press('Escape');
  await page.keyboard.press(opener);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(text);
  return input;
}

/** The visible elements of `selector`, as text (their content and aria-label). */
export async function visibleTexts(page, selector) {
  return page.evaluate((selector) => [...document.querySelectorAll(selector)]
    .filter((el) => { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0 && getComputedStyle(el).visibility !== 'hidden'; })
    .map((el) => `${el.textContent || ''} ${el.getAttribute('aria-label') || ''}`.replace(/\s+/g, ' ').trim()), selector);
}
