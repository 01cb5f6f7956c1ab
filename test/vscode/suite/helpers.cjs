// Shared by the suite: the test-info.json written by test/vscode/runTest.mjs, and small waiting helpers.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const info = JSON.parse(fs.readFileSync(process.env.BUDGET_VSCODE_TEST_INFO, 'utf8'));
const uriOf = (file) => vscode.Uri.file(path.join(info.ws, file));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(fn, ms, what) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    last = await fn();
    if (last) return last;
    await sleep(100);
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
}

async function open(file) {
  const doc = await vscode.workspace.openTextDocument(uriOf(file));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

async function activeExtension() {
  const ext = vscode.extensions.getExtension(info.extensionId);
  if (!ext) throw new Error(`extension ${info.extensionId} is not loaded`);
  await waitFor(() => ext.isActive, 30_000, `${info.extensionId} to activate`);
  return ext;
}

const chinese = () => /^zh/i.test(vscode.env.language);
const codeOf = (d) => (d.code && typeof d.code === 'object' ? d.code.value : d.code);
const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);
const textOf = (item) => [labelOf(item), typeof item.label === 'object' ? `${item.label.detail ?? ''} ${item.label.description ?? ''}` : '',
  item.detail ?? '', typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '',
  item.filterText ?? '', typeof item.insertText === 'string' ? item.insertText : item.insertText?.value ?? ''].join(' ');
const hoverText = (hovers) => hovers.flatMap((h) => h.contents)
  .map((c) => (typeof c === 'string' ? c : c.value ?? '')).join('\n');
// no white space, no Markdown escapes (the hover is Markdown: `\(`, `\,` …)
const squash = (s) => s.replace(/\\(?=[^\w\s])/g, '').replace(/\s+/g, '');

module.exports = { info, uriOf, sleep, waitFor, open, activeExtension, chinese, codeOf, labelOf, textOf, hoverText, squash, vscode };
