/**
 * Quick fixes through the real server: each is asked for where a user would ask (Ctrl+. on the figure, the rows or
 * the note), applied as the editor applies it, and the document analysed again.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/analysis';
import { GOOD, ONE_WRONG_TOTAL, XINZHOU_HEAD } from './support/docs';
import { TestClient } from './support/lsp';

function apply(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits?.length, `no edits in ${JSON.stringify(action)}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'budget', 1, text), edits);
}

const errors = (text: string) => analyze(text).findings.filter((f) => f.severity === 'error');

describe('quick fixes over stdio', function () {
  this.timeout(30000);
  const client = new TestClient();
  before(() => client.initialize('zh-cn'));
  after(() => client.stop());

  async function actions(uri: string, range: Range, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
    return (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) as CodeAction[];
  }

  it('sets a wrong 合计 to the value its parts add up to, and the errors are gone', async () => {
    const uri = 'file:///tmp/fix-total.budget';
    const p = await client.open(uri, ONE_WRONG_TOTAL);
    const doc = TextDocument.create(uri, 'budget', 1, ONE_WRONG_TOTAL);
    const onFigure = p.diagnostics.filter((d) => d.severity === 1 && doc.getText(d.range) === '317.24');
    assert.ok(onFigure.length >= 1, JSON.stringify(p.diagnostics.map((d) => d.message)));
    const list = await actions(uri, onFigure[0].range, onFigure);
    const fix = list.find((a) => a.title === '将此数改为计算值 307.24');
    assert.ok(fix, JSON.stringify(list.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    // One fix for both findings at the figure (its column formula and its Σ类): the figure is their one culprit.
    assert.deepEqual(fix.diagnostics?.map((d) => d.message).sort(), onFigure.map((d) => d.message).sort());
    const fixed = apply(ONE_WRONG_TOTAL, uri, fix);
    assert.equal(fixed, GOOD);
    assert.deepEqual(errors(fixed), []);
  });

  it('finds the figure from the diagnostic\'s data when the client sends another range back (Neovim 0.7: byte columns)', async () => {
    const uri = 'file:///tmp/fix-bytes.budget';
    const p = await client.open(uri, ONE_WRONG_TOTAL);
    const doc = TextDocument.create(uri, 'budget', 1, ONE_WRONG_TOTAL);
    const d = p.diagnostics.find((x) => x.code === 'column-formula' && x.severity === 1 && doc.getText(x.range) === '317.24')!;
    assert.ok(d);
    // The same place counted in UTF-8 bytes: the line holds 合计 (6 bytes, 2 UTF-16 units), so the columns move by 4.
    const line = ONE_WRONG_TOTAL.split('\n')[d.range.start.line];
    const bytes = (ch: number) => Buffer.byteLength(line.slice(0, ch), 'utf8');
    const sent: Diagnostic = { ...d, range: { start: { line: d.range.start.line, character: bytes(d.range.start.character) }, end: { line: d.range.end.line, character: bytes(d.range.end.character) } } };
    assert.notEqual(doc.getText(sent.range), '317.24');
    const list = await actions(uri, sent.range, [sent]);
    const fix = list.find((a) => a.title === '将此数改为计算值 307.24');
    assert.ok(fix, JSON.stringify(list.map((a) => a.title)));
    assert.equal(apply(ONE_WRONG_TOTAL, uri, fix), GOOD);
  });

  it('inserts a missing 款 row with the sums of its 项 rows, named from the catalog', async () => {
    // GOOD without its 20103 row: the 项 row 2010302 stands under 201 with no 款 above it.
    const text = GOOD.replace('20103 | 政府办公厅（室）及相关机构事务 | 214.39 | 111.90 | 72.14 | 39.76 | 102.49\n', '');
    assert.notEqual(text, GOOD);
    const uri = 'file:///tmp/fix-parent.budget';
    await client.open(uri, text);
    const doc = TextDocument.create(uri, 'budget', 1, text);
    const at = doc.positionAt(text.indexOf('2010302 |') + 2);
    const list = await actions(uri, { start: at, end: at });
    const fix = list.find((a) => /^插入缺少的款行 20103/.test(a.title));
    assert.ok(fix, JSON.stringify(list.map((a) => a.title)));
    assert.equal(fix.title, '插入缺少的款行 20103 政府办公厅（室）及相关机构事务（按其下各行合计）');
    const fixed = apply(text, uri, fix);
    const row = fixed.split('\n').find((l) => l.startsWith('20103 '));
    assert.equal(row, '20103 | 政府办公厅（室）及相关机构事务 | 214.39 | 111.90 | 72.14 | 39.76 | 102.49');
    assert.ok(fixed.indexOf(row!) < fixed.indexOf('2010302 |'), 'the 款 row goes above its 项 rows');
    assert.deepEqual(errors(fixed), []);
  });

  it('declares the rule a 注 line prints, and the rule then checks the table', async () => {
    const text = `${XINZHOU_HEAD}
## 表 表1 收支表
列：项目 | 行次 | 金额
一、收入 | 1 | 10.00
二、其他 | 2 | 5.00
合计 | 3 | 16.00
注：本表 3行=（1+2）行。
`;
    const uri = 'file:///tmp/fix-note.budget';
    const p = await client.open(uri, text);
    assert.deepEqual(p.diagnostics.filter((d) => d.severity === 1), [], 'without the rule nothing checks the 合计');
    const doc = TextDocument.create(uri, 'budget', 1, text);
    const at = doc.positionAt(text.indexOf('注：') + 3);
    const list = await actions(uri, { start: at, end: at });
    const fix = list.find((a) => a.title.startsWith('声明注中印出的规则'));
    assert.ok(fix, JSON.stringify(list.map((a) => a.title)));
    assert.equal(fix.title, '声明注中印出的规则：本表3行=（1+2）行'); // as printed: 本表 names this table
    const fixed = apply(text, uri, fix);
    assert.match(fixed, /注：本表 3行=（1\+2）行。\n规则：本表3行=（1\+2）行\n$/);
    const found = errors(fixed);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /应为 15\.00，实为 16\.00，相差 1\.00/);
  });

  it('offers nothing where nothing is wrong', async () => {
    const uri = 'file:///tmp/fix-none.budget';
    await client.open(uri, GOOD);
    const doc = TextDocument.create(uri, 'budget', 1, GOOD);
    const at = doc.positionAt(GOOD.indexOf('307.24'));
    assert.deepEqual(await actions(uri, { start: at, end: at }), []);
  });
});
