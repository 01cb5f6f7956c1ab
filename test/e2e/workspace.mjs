// The test workspace shared by test/e2e/run.mjs (code-server + Chromium) and test/vscode/runTest.mjs (@vscode/test-electron):
// copies of seeds/*.budget (the 硚口 document among them: the seed with a 2150502 row), and e2e-wrong-total.budget:
// a copy of a seed in which ONE 合计 figure is made wrong by +10 (the e2e types that same wrong figure itself).
import fs from 'node:fs';
import path from 'node:path';

const FIG = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const splitCells = (line) => {
  const cells = []; let start = 0;
  for (const part of line.split(/[|｜]/)) {
    cells.push({ text: part.trim(), col: start + (part.length - part.trimStart().length) });
    start += part.length + 1;
  }
  return cells;
};
function formatLike(orig, value) {
  const decimals = (orig.split('.')[1] || '').length;
  let s = Math.abs(value).toFixed(decimals);
  if (orig.includes(',')) { const [i, f] = s.split('.'); s = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? `.${f}` : ''); }
  return (value < 0 ? '-' : '') + s;
}

/** Finds a `合计` row with at least 3 figures in a table (preferring one with a code column) and bumps its first figure by 10. */
export function mutateTotal(text) {
  const lines = text.split('\n');
  let cols = '', inTable = false;
  const candidates = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^##\s/.test(line)) { inTable = /^##\s*表/.test(line); cols = ''; return; }
    if (/^列[:：]/.test(line)) { cols = line; return; }
    if (!inTable || !/[|｜]/.test(line) || line.trimStart().startsWith('//')) return;
    const cells = splitCells(line);
    if (!cells.some((c) => c.text === '合计')) return;
    const figs = cells.filter((c) => FIG.test(c.text));
    if (figs.length < 3) return;
    const coded = /科目编码|编码|代码/.test(cols);
    const rule = /1栏各行\s*=\s*[（(]\s*2\s*\+\s*3\s*[）)]/.test(lines.slice(i, i + 80).join('\n'));
    candidates.push({ i, figs, score: (coded ? 2 : 0) + (rule ? 1 : 0) });
  });
  if (!candidates.length) return null;
  candidates.sort((a, b) => b.score - a.score || a.i - b.i);
  const { i, figs } = candidates[0];
  const fig = figs[0];
  const value = Number(fig.text.replace(/,/g, ''));
  const wrong = formatLike(fig.text, value + 10);
  const line = lines[i];
  lines[i] = line.slice(0, fig.col) + wrong + line.slice(fig.col + fig.text.length);
  return { text: lines.join('\n'), line: i, col: fig.col, original: fig.text, wrong,
    wrongPlain: wrong.replace(/,/g, ''), lineText: lines[i].replace(/\r$/, '') };
}

export function findCodeRow(text, code) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!/[|｜]/.test(line)) continue;
    const cells = splitCells(line);
    if (cells[0]?.text === code) return { line: i, col: cells[0].col, lineText: line };
  }
  return null;
}

export function buildWorkspace(ws, root) {
  fs.mkdirSync(ws, { recursive: true });
  const seedDir = path.join(root, 'seeds');
  const seeds = fs.existsSync(seedDir) ? fs.readdirSync(seedDir).filter((f) => f.endsWith('.budget')).sort() : [];
  for (const f of seeds) fs.copyFileSync(path.join(seedDir, f), path.join(ws, f));
  // The 硚口 document: the seed with a 2150502 row (qiaokou-2023-final.budget first).
  const order = ['qiaokou-2023-final.budget', ...seeds];
  let qk = null;
  for (const f of order) {
    if (!seeds.includes(f)) continue;
    const text = fs.readFileSync(path.join(ws, f), 'utf8');
    const row = findCodeRow(text, '2150502');
    if (row) { qk = { file: f, text, row }; break; }
  }
  if (!qk) return { seeds, qk: null, wrong: null };
  // The copy with ONE wrong 合计: the 硚口 document if it has a usable 合计 row, else another seed.
  let wrong = null;
  for (const f of [qk.file, ...seeds.filter((s) => s !== qk.file)]) {
    const m = mutateTotal(fs.readFileSync(path.join(ws, f), 'utf8'));
    if (m) { wrong = { ...m, from: f, file: 'e2e-wrong-total.budget' }; break; }
  }
  if (wrong) fs.writeFileSync(path.join(ws, wrong.file), wrong.text);
  return { seeds, qk, wrong };
}

/** The glossary (## 名词解释) definition of the code whose name is `name` (term ending in `name(项)`), or null. */
export function glossaryFor(text, name) {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  let inGlossary = false;
  for (const line of lines) {
    if (/^##\s/.test(line)) { inGlossary = /^##\s*名词解释/.test(line); continue; }
    if (!inGlossary || line.trimStart().startsWith('//')) continue;
    const m = /^(.*?)[:：]\s*(.+)$/.exec(line);
    if (m && new RegExp(`${name}\\s*[(（]项[)）]\\s*$`).test(m[1])) return m[2].trim();
  }
  return null;
}
