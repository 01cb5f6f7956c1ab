#!/usr/bin/env node
// The .vsix as the Marketplace receives it (`npm run package` first): it holds only what the extension loads — the
// minified bundles of the desktop and web extension and their language servers, exceljs, the preview, the English
// snippets — and no CLI bundle, no source map, no source; its README's images are absolute URLs (relative ones are
// broken on the Marketplace details page); its manifest names the icon it ships. Ends with "N passed, N failed".
// Usage: node test/e2e/package-contents.mjs [path/to/budget-tables.vsix]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const JSZip = createRequire(path.join(ROOT, 'package.json'))('jszip');
const vsix = path.resolve(process.argv[2] || path.join(ROOT, 'budget-tables.vsix'));

const results = [];
const check = (name, fn) => {
  try {
    const info = fn();
    results.push({ name, ok: true, info });
  } catch (e) {
    results.push({ name, ok: false, info: e.message });
  }
};

if (!fs.existsSync(vsix)) {
  console.log(`${vsix} does not exist: run  npm run package  first.\n0 passed, 1 failed`);
  process.exit(1);
}
const zip = await JSZip.loadAsync(fs.readFileSync(vsix));
const files = Object.keys(zip.files).filter((f) => !zip.files[f].dir);
const text = (f) => zip.file(f).async('string');
const readme = await text('extension/readme.md');
const manifest = JSON.parse(await text('extension/package.json'));

check('dist/ holds exactly the bundles the extension loads', () => {
  // pdf.js (dist/pdfjs/: its legacy build, CMaps and fonts) is loaded by the desktop server to import a PDF
  const dist = files.filter((f) => f.startsWith('extension/dist/') && !f.startsWith('extension/dist/pdfjs/')).map((f) => f.slice('extension/dist/'.length)).sort();
  const expected = ['client.js', 'exceljs.js', 'preview.css', 'preview.js', 'server.js', 'snippets/budget.en.json', 'web/client.js', 'web/server.js'];
  if (JSON.stringify(dist) !== JSON.stringify(expected)) throw new Error(`dist/: ${dist.join(', ')}`);
  return dist.join(', ');
});

check('no CLI bundle, source map, TypeScript source or node_modules', () => {
  const bad = files.filter((f) => /cli(-worker)?\.js$|\.map$|(?<!\.d)\.ts$|node_modules\//.test(f));
  if (bad.length) throw new Error(bad.slice(0, 5).join(', '));
});

const sizes = {};
for (const f of ['client.js', 'server.js', 'web/client.js', 'web/server.js']) {
  const src = await text(`extension/dist/${f}`);
  sizes[f] = { bytes: src.length, lines: src.split('\n').length };
}
check('the bundles are minified', () => {
  const loose = Object.entries(sizes).filter(([, s]) => s.bytes / s.lines < 300);
  if (loose.length) throw new Error(`not minified: ${loose.map(([f, s]) => `${f} (${s.lines} lines)`).join(', ')}`);
  return Object.entries(sizes).map(([f, s]) => `${f} ${(s.bytes / 1024).toFixed(0)} KiB`).join(', ');
});

check('README images are absolute URLs (they resolve on the Marketplace details page)', () => {
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  if (!images.length) throw new Error('no image in the README');
  const relative = images.filter((u) => !/^https:\/\//.test(u));
  if (relative.length) throw new Error(`relative: ${relative.join(', ')}`);
  const repo = manifest.repository.url.replace(/\.git$/, '');
  if (!images.every((u) => u.startsWith(`${repo}/raw/`))) throw new Error(`not from ${repo}: ${images[0]}`);
  return `${images.length} images from ${repo}`;
});

check('the manifest names an icon the package holds, and a change log ships', () => {
  if (!files.includes(`extension/${manifest.icon}`)) throw new Error(`${manifest.icon} missing`);
  if (!files.includes('extension/changelog.md')) throw new Error('no changelog');
  return manifest.icon;
});

console.log(`${path.basename(vsix)}: ${files.length} files, ${(fs.statSync(vsix).size / 1024 / 1024).toFixed(2)} MiB`);
for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.info ? ` — ${r.info}` : ''}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
