/**
 * One document published as several files (server/src/interchange/join.ts): 中共江苏省委办公厅's 2018 部门预算, printed as
 * a text PDF (概况, 情况说明, 名词解释) and a tables PDF (公开01–12表) — test/fixtures/pdf (../shared/corpus/jiangsu)
 * Imported together they are one document: the narrative checked against the tables (the
 * audit's one real mistake, 80.92 % for 80.91 %, is found there against the 表's “三公”经费 小计; the text alone finds it
 * only through the whole its shares imply), no line and no figure lost; the CLI and the
 * language server's command take several files.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { importDocument, numbersIn, type ImportedDocument } from '../server/src/interchange/document';
import { joinImported } from '../server/src/interchange/join';
import { registerNodePdfEngine } from '../server/src/interchange/pdfNode';
import { ROOT } from './support/lsp';

registerNodePdfEngine();

const PDFS = join(ROOT, 'test', 'fixtures', 'pdf');
const TEXT = 'jiangsu-party-office-2018-budget-文件.pdf';
const TABLES = 'jiangsu-party-office-2018-budget-表.pdf';

async function imported(name: string): Promise<ImportedDocument> {
  const r = await importDocument(readFileSync(join(PDFS, name)), { name });
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r;
}

/** Each figure as often as it is printed (a multiset, as text). */
function counted(texts: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of texts) for (const n of numbersIn(t)) out.set(n, (out.get(n) ?? 0) + 1);
  return out;
}

describe('one document published as several files (interchange/join.ts)', () => {
  it('joins the text and the tables of 省委办公厅 2018: the tables where the text says they follow, its header, nothing lost', async () => {
    const text = await imported(TEXT);
    const tables = await imported(TABLES);
    // Given in either order, the file with the narrative is the document.
    for (const files of [[text, tables], [tables, text]]) {
      const names = files.map((f) => (f === text ? TEXT : TABLES));
      const j = joinImported(files.map((document, k) => ({ name: names[k], document })));
      const lines = j.text.split('\n');
      assert.equal(lines.filter((l) => l.startsWith('# ')).length, 1);
      assert.equal(lines.filter((l) => /^## 目录\s*$/.test(l)).length, 1, 'one 目录 (the tables file’s kept as comments)');
      // The tables right after the part that announces them.
      const part = lines.findIndex((l) => /^## 第二部分.*表/.test(l));
      const first = lines.findIndex((l) => l.startsWith('## 表 '));
      const narrative = lines.findIndex((l) => /^## 第三部分/.test(l));
      assert.ok(part >= 0 && part < first && first < narrative, `${part} < ${first} < ${narrative}`);
      assert.equal(analyze(j.text).document.tables.filter((t) => t.kind === 'table').length, tables.summary.tables);
      assert.match(j.message, /^已合为一份文档：正文取自 jiangsu-party-office-2018-budget-文件\.pdf，jiangsu-party-office-2018-budget-表\.pdf 的各表插在「第二部分/);
      // No figure lost: every number either file printed is printed as often in the joined text.
      const before = counted([text.text, tables.text]);
      const after = counted([j.text]);
      for (const [n, c] of before) assert.ok((after.get(n) ?? 0) >= c, `${n}: ${after.get(n) ?? 0} < ${c}`);
      assert.equal(j.summary.tables, text.summary.tables + tables.summary.tables);
      assert.deepEqual(analyze(j.text).findings.filter((f) => f.rule === 'syntax'), []);
    }
  });

  it('checks the narrative against the tables: the audit’s mistake (80.92 % for 411.20 ÷ 508.20) is found in the joined document against the 表', async () => {
    const text = await imported(TEXT);
    const tables = await imported(TABLES);
    const mistake = (t: string) => analyze(t).findings.filter((f) => f.severity === 'error').map((f) => `${t.slice(f.span.start, f.span.end)} ${f.message.replace(/（.*/, '')}`);
    // The text alone: its 三公 shares make 100 %, so the parts listed are the whole (70 + 411.20 + 27, not printed there).
    assert.deepEqual(mistake(text.text), ['80.92% 比例不符：列示 80.92%，按 411.20 ÷ (70 + 411.20 + 27) 应为 80.91%，相差 0.01%']);
    // Joined: against the 表's “三公”经费 小计 508.20 (the implied whole is not checked where a table prints it).
    assert.deepEqual(mistake(joinImported([{ name: TEXT, document: text }, { name: TABLES, document: tables }]).text), ['80.92% 比例不符：列示 80.92%，按 411.20 ÷ 508.20 应为 80.91%，相差 0.01%']);
  });

  it('a tables file whose header says another 年度 is a doubt at its place; another 金额单位 goes with each table that does not print one', async () => {
    const text = await imported(TEXT);
    // The same tables, their header in 元 and of another year; their tables without a unit line of their own.
    const tables = await imported(TABLES);
    const edited: ImportedDocument = {
      ...tables,
      text: tables.text.replace(/^年度：2018$/m, '年度：2017').replace(/^金额单位：万元$/m, '金额单位：元').replace(/\n(?:金额)?单位：万元(?=\n)/g, ''),
    };
    const j = joinImported([{ name: TEXT, document: text }, { name: TABLES, document: edited }]);
    const lines = j.text.split('\n');
    const doubt = j.doubts.find((d) => d.message.includes('年度：2017'));
    assert.ok(doubt, j.doubts.map((d) => d.message).join('; '));
    assert.match(lines[doubt.outputLine], /^\/\/ 导入存疑：jiangsu-party-office-2018-budget-表\.pdf 的表头为「年度：2017」，与本文档的「年度：2018」不同/);
    // Every doubt points at its comment.
    for (const d of j.doubts) assert.match(lines[d.outputLine], /^\/\/ 导入存疑：/);
    // The 部门, printed in full by one file and for short by the other, is one unit: no doubt.
    assert.ok(!j.doubts.some((d) => d.message.includes('部门：')));
    const first = lines.findIndex((l) => l.startsWith('## 表 '));
    assert.equal(lines[first + 1], '金额单位：元');
  });

  it('the CLI imports several files as one document; a table file among them is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'join-'));
    const out = join(dir, 'doc.budget');
    const cli = join(ROOT, 'bin', 'budget-check.js');
    execFileSync(process.execPath, [cli, 'import', join(PDFS, TEXT), join(PDFS, TABLES), '-o', out], { stdio: 'pipe' });
    const joined = readFileSync(out, 'utf8');
    assert.equal(analyze(joined).document.tables.filter((t) => t.kind === 'table').length, 12);
    assert.ok(joined.includes(`// 以下导入自 ${TABLES}`));
    const csv = join(dir, 't.csv');
    writeFileSync(csv, '项目,金额\n合计,1\n');
    const r = spawnSync(process.execPath, [cli, 'import', join(PDFS, TEXT), csv], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /一次只能导入一个表格文件/);
  });
});
