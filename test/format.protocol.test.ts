/** Document and range formatting through the real server over stdio, on the 硚口 final accounts seed. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DocumentFormattingRequest, DocumentRangeFormattingRequest, type Diagnostic, type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { displayWidth, formatText } from '../server/src/format/index';
import { ROOT, TestClient } from './support/lsp';

const SEED = readFileSync(join(ROOT, 'seeds', 'qiaokou-2023-final.budget'), 'utf8');
const OPTIONS = { tabSize: 4, insertSpaces: true };

function pipeColumns(line: string): number[] {
  const out: number[] = [];
  let col = 0;
  for (const ch of line) {
    if (ch === '|') out.push(col);
    col += displayWidth(ch);
  }
  return out;
}

/** The lines of a table's first part: its `列：` line and the rows under it. */
function partLines(text: string, heading: string): string[] {
  const lines = text.split('\n');
  let i = lines.findIndex((l) => l.startsWith(heading));
  assert.ok(i >= 0, heading);
  while (!lines[i].startsWith('列：')) i++;
  const out: string[] = [];
  for (; i < lines.length && lines[i].includes('|') && !lines[i].startsWith('注'); i++) out.push(lines[i]);
  return out;
}

const key = (d: Diagnostic) => `${d.code} ${d.severity} ${typeof d.message === 'string' ? d.message : ''}`;

describe('formatting over stdio', function () {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.stop());

  it('formats the seed: aligned rows, the same findings, and a second format changes nothing', async () => {
    const uri = 'file:///tmp/format-qiaokou.budget';
    const before = await client.open(uri, SEED);
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: OPTIONS })) as TextEdit[];
    assert.ok(edits.length > 100, `${edits.length} edits`);
    for (const e of edits) assert.equal(e.range.start.line, e.range.end.line, 'one edit per line');
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'budget', 1, SEED), edits);
    assert.equal(formatted.split('\n').length, SEED.split('\n').length);

    for (const heading of ['## 表 公开03表', '## 表 公开05表', '## 表 公开02表']) {
      const part = partLines(formatted, heading);
      assert.ok(part.length > 5, heading);
      const cols = pipeColumns(part[0]);
      for (const l of part) assert.deepEqual(pipeColumns(l), cols, l);
    }
    assert.ok(formatted.includes([
      '列：科目编码 | 科目名称                         | 本年支出合计[1] | 基本支出[2] | 项目支出[3] | 上缴上级支出[4] | 经营支出[5] | 对附属单位补助支出[6]',
      '             | 合计                             |        2,098.74 |      348.21 |    1,750.53 |                 |             |',
      '201          | 一般公共服务支出                 |          261.74 |      250.03 |       11.71 |                 |             |',
    ].join('\n')));

    const after = await client.change(uri, 2, [{ text: formatted }]);
    assert.ok(after);
    assert.deepEqual(after.diagnostics.map(key).sort(), before.diagnostics.map(key).sort());

    const again = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: OPTIONS });
    assert.deepEqual(again, []);
  });

  it('keeps the findings of a seed with real mistakes (新洲 2023 budget), errors and 尾差 alike', async () => {
    const uri = 'file:///tmp/format-xinzhou.budget';
    const text = readFileSync(join(ROOT, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8');
    const before = await client.open(uri, text);
    assert.ok(before.diagnostics.filter((d) => d.severity === 1).length >= 5);
    assert.ok(before.diagnostics.some((d) => d.severity === 3));
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: OPTIONS })) as TextEdit[];
    assert.ok(edits.length > 100);
    const after = await client.change(uri, 2, [{ text: TextDocument.applyEdits(TextDocument.create(uri, 'budget', 1, text), edits) }]);
    assert.ok(after);
    assert.deepEqual(after.diagnostics.map(key).sort(), before.diagnostics.map(key).sort());
    assert.deepEqual(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: OPTIONS }), []);
  });

  it('formats a range: only its lines, with the widths of the whole part', async () => {
    const uri = 'file:///tmp/format-range.budget';
    await client.open(uri, SEED);
    const lines = SEED.split('\n');
    const first = lines.findIndex((l) => l.startsWith('201 | 一般公共服务支出 | 261.74 | 250.03 | 11.71 | | | '));
    assert.ok(first > 0);
    const range = { start: { line: first, character: 3 }, end: { line: first + 2, character: 0 } };
    const edits = (await client.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: { uri }, range, options: OPTIONS })) as TextEdit[];
    assert.deepEqual(edits.map((e) => e.range.start.line), [first, first + 1]);
    const out = TextDocument.applyEdits(TextDocument.create(uri, 'budget', 1, SEED), edits).split('\n');
    const whole = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: OPTIONS })) as TextEdit[];
    const full = TextDocument.applyEdits(TextDocument.create(uri, 'budget', 1, SEED), whole).split('\n');
    out.forEach((l, i) => assert.equal(l, i === first || i === first + 1 ? full[i] : lines[i], `line ${i}`));
    assert.equal(out[first], '201          | 一般公共服务支出                 |          261.74 |      250.03 |       11.71 |                 |             |');
  });

  it('formats right after edits that move later sections (incremental analysis)', async () => {
    const uri = 'file:///tmp/format-moved.budget';
    await client.open(uri, SEED);
    // Two edits before every table: later sections are reused with their spans shifted.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// 新的一行注释\n' }]);
    await client.change(uri, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '// 又一行，长一些的注释文字\n' }]);
    const text = `// 新的一行注释\n// 又一行，长一些的注释文字\n${SEED}`;
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: OPTIONS })) as TextEdit[];
    const out = TextDocument.applyEdits(TextDocument.create(uri, 'budget', 3, text), edits);
    assert.equal(out, formatText(text).text);
    assert.notEqual(out, text);
  });

  it('keeps CRLF line endings', async () => {
    const uri = 'file:///tmp/format-crlf.budget';
    const text = SEED.replace(/\n/g, '\r\n');
    await client.open(uri, text);
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: OPTIONS })) as TextEdit[];
    assert.ok(edits.length > 100);
    for (const e of edits) assert.doesNotMatch(e.newText, /[\r\n]/);
    const out = TextDocument.applyEdits(TextDocument.create(uri, 'budget', 1, text), edits);
    assert.equal(out.split('\r\n').length, text.split('\r\n').length);
    assert.doesNotMatch(out.replace(/\r\n/g, ''), /[\r\n]/);
  });
});
