// Builds the suite's workspace (test/e2e/workspace.mjs) and writes test-info.json, which the suite (running inside
// VS Code's extension host) reads through BUDGET_VSCODE_TEST_INFO.
import fs from 'node:fs';
import path from 'node:path';
import { buildWorkspace, glossaryFor } from '../e2e/workspace.mjs';

export function writeTestInfo(ws, dir, root) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const { seeds, qk, wrong } = buildWorkspace(ws, root);
  if (!qk) throw new Error('no seed has a 2150502 row (the 硚口 final accounts)');
  const info = {
    root, ws, extensionId: `${manifest.publisher}.${manifest.name}`, seeds,
    qk: { file: qk.file, line: qk.row.line, col: qk.row.col,
      glossary: { 一般行政管理事务: glossaryFor(qk.text, '一般行政管理事务'), 事业运行: glossaryFor(qk.text, '事业运行') } },
    wrong: wrong && { file: wrong.file, from: wrong.from, line: wrong.line, col: wrong.col, original: wrong.original,
      wrong: wrong.wrong, wrongPlain: wrong.wrongPlain },
  };
  const infoPath = path.join(dir, 'test-info.json');
  fs.writeFileSync(infoPath, JSON.stringify(info, null, 2));
  return { info, infoPath, seeds, qk, wrong };
}
