/**
 * Justifications (`说明：<figure or rule>：<reason>`): an accepted finding is shown as acknowledged with its reason,
 * in the editor and the CLI, and not counted as an error unless `--count-acknowledged`; a justification whose finding
 * has gone is reported.
 */
import { strict as assert } from 'node:assert';
import { CodeActionRequest } from 'vscode-languageserver-protocol';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { parseReference, shown } from '../server/src/checks/justifications';
import { justifyFix } from '../server/src/fixes/justify';
import { vary } from './fixtures/narrative/document';
import { cli } from './support/cli';
import { TestClient } from './support/lsp';

const LINE = '2024 年度机关运行经费支出 45.6 万元。比上年减少了 5.4 万元，减少 10.59%。';
/** The test document with a wrong rate (9.81% copied from another sentence). */
const WRONG = vary(LINE, '2024 年度机关运行经费支出 45.6 万元。比上年减少了 5.4 万元，减少 9.81%。');
const said = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

describe('justifications (说明)', () => {
  it('reads what a 说明 line names: a figure, a rule (id or title), or both; a plain note names nothing', () => {
    assert.deepEqual(parseReference('95.22%'), { figure: '95.22%' });
    assert.deepEqual(parseReference('2,108.74 万元'), { figure: '2108.74' });
    assert.deepEqual(parseReference('narrative 49.98'), { rule: 'narrative', figure: '49.98' });
    assert.deepEqual(parseReference('情况说明核对'), { rule: 'narrative' });
    assert.deepEqual(parseReference('变动原因 45.6'), { rule: 'narrative-reason', figure: '45.6' });
    assert.equal(parseReference('本部门 2023 年度无财政拨款“三公”经费支出。'), undefined);
    assert.equal(parseReference('单位'), undefined);
  });

  it('a finding accepted under its line is acknowledged with the reason, shown as information', () => {
    const text = vary('减少 9.81%。', '减少 9.81%。\n说明：9.81%：原文如此，照录（应为 10.59%）', WRONG);
    const a = analyze(text);
    const f = a.findings.find((x) => said(text, x) === '9.81%')!;
    assert.ok(f);
    assert.equal(f.severity, 'error', 'the finding itself is kept');
    assert.equal(f.acknowledged?.reason, '原文如此，照录（应为 10.59%）');
    const view = shown(f);
    assert.equal(view.severity, 'information');
    assert.match(view.message, /^〔已说明〕比例不符.*（说明：原文如此，照录（应为 10\.59%））$/);
    assert.match(shown(f, 'en').message, /^\[acknowledged\] .*\(justified: 原文如此/);
    assert.ok(f.related.some((r) => said(text, r).startsWith('说明：9.81%')));
    // Nothing else: the 说明 line claims no figure of its own, and it is used.
    assert.deepEqual(a.findings.filter((x) => x.severity !== 'information' && !x.acknowledged && x.rule !== 'table-missing').map((x) => x.message), []);
  });

  it('a figure accepted as printed accepts too the findings whose one culprit it is', () => {
    // 其中 parts that do not add up because one part is mistyped: the sum's finding names that part as the culprit.
    const line = '公务接待费支出决算为 1.7 万元。';
    const wrong = vary(line, '公务接待费支出决算为 1.5 万元。');
    const sum = analyze(wrong).findings.find((f) => f.rule === 'narrative' && f.fixes?.length === 1 && said(wrong, f.fixes[0]) === '1.5');
    assert.ok(sum, 'the sum names 1.5 as its culprit');
    const text = vary('公务接待费支出决算为 1.5 万元。', '公务接待费支出决算为 1.5 万元。\n说明：1.5：原文如此', wrong);
    const a = analyze(text);
    const open = a.findings.filter((f) => f.severity === 'error' && !f.acknowledged && f.rule === 'narrative');
    assert.deepEqual(open.map((f) => f.message), [], 'every finding about 1.5 is accepted');
    assert.ok(a.findings.some((f) => f.acknowledged && said(text, f) !== '1.5'), 'one that stands on another figure among them');
  });

  it('a justification by rule accepts that rule’s findings of its section; by rule and figure, only that one', () => {
    const big = vary(LINE, '2024 年度机关运行经费支出 145.6 万元，比上年增加 45.6 万元，增长 45.60%。');
    let text = `${big}说明：变动原因：新增办公用房，另文说明\n`;
    assert.ok(analyze(big).findings.some((f) => f.rule === 'narrative-reason' && !f.acknowledged));
    let a = analyze(text);
    const w = a.findings.find((f) => f.rule === 'narrative-reason')!;
    assert.equal(w.acknowledged?.reason, '新增办公用房，另文说明');
    text = `${big}说明：narrative-reason 45.6：新增办公用房\n`;
    a = analyze(text);
    assert.ok(a.findings.find((f) => f.rule === 'narrative-reason')!.acknowledged);
  });

  it('a justification whose finding has gone is reported; a plain 说明 note is not', () => {
    const text = vary(LINE, `${LINE}\n说明：9.81%：原文如此`);
    const a = analyze(text);
    const j = a.findings.filter((f) => f.rule === 'justification');
    assert.equal(j.length, 1);
    assert.equal(j[0].severity, 'warning');
    assert.equal(said(text, j[0]), '说明：9.81%：原文如此');
    assert.match(j[0].message, /此说明没有对应的核对结果/);
    // The seeds' own 说明 lines are notes under tables.
    const note = vary('## 情况说明', '说明：本部门当年无政府性基金预算财政拨款收入支出。\n\n## 情况说明');
    assert.deepEqual(analyze(note).findings.filter((f) => f.rule === 'justification'), []);
  });

  it('the quick fix writes a 说明 line naming the figure under the finding’s line; with a reason it accepts it', () => {
    const a = analyze(WRONG);
    const f = a.findings.find((x) => said(WRONG, x) === '9.81%')!;
    const fix = justifyFix(WRONG, f.span, f.rule)!;
    assert.equal(fix.title, '记录说明：接受此结果（说明：…）');
    const [e] = fix.edits;
    const withLine = WRONG.slice(0, e.span.start) + e.text + WRONG.slice(e.span.end);
    assert.ok(withLine.includes('减少 9.81%。\n说明：9.81%：\n'));
    // Without a reason, not yet a justification: the finding stays.
    assert.equal(analyze(withLine).findings.find((x) => said(withLine, x) === '9.81%')!.acknowledged, undefined);
    const reasoned = withLine.replace('说明：9.81%：\n', '说明：9.81%：照录原文\n');
    assert.equal(analyze(reasoned).findings.find((x) => said(reasoned, x) === '9.81%')!.acknowledged?.reason, '照录原文');
  });

  it('the CLI does not count an acknowledged finding as an error; --count-acknowledged does', function () {
    this.timeout(60000);
    const dir = mkdtempSync(join(tmpdir(), 'budget-justify-'));
    writeFileSync(join(dir, 'wrong.budget'), WRONG);
    writeFileSync(join(dir, 'accepted.budget'), vary('减少 9.81%。', '减少 9.81%。\n说明：9.81%：原文如此', WRONG));
    assert.equal(cli(['wrong.budget'], dir).code, 1);
    const r = cli(['--format', 'json', 'accepted.budget'], dir);
    assert.equal(r.code, 0, r.out + r.err);
    const found = JSON.parse(r.out) as { severity: string; message: string; acknowledged?: string }[];
    const f = found.find((x) => x.acknowledged)!;
    assert.equal(f.severity, 'information');
    assert.equal(f.acknowledged, '原文如此');
    assert.match(f.message, /^〔已说明〕/);
    assert.equal(cli(['--count-acknowledged', 'accepted.budget'], dir).code, 1);
    const sarif = JSON.parse(cli(['--format', 'sarif', 'accepted.budget'], dir).out) as { runs: { results: { suppressions?: { kind: string; justification: string }[] }[] }[] };
    assert.deepEqual(sarif.runs[0].results.flatMap((x) => x.suppressions ?? []), [{ kind: 'inSource', justification: '原文如此' }]);
  });
});

describe('justifications in the editor', function () {
  this.timeout(30000);
  const client = new TestClient();
  before(() => client.initialize('zh-cn'));
  after(() => client.stop());

  it('an accepted finding is an information diagnostic saying why; an error offers to accept it', async () => {
    const accepted = await client.open('file:///tmp/justify-accepted.budget', vary('减少 9.81%。', '减少 9.81%。\n说明：9.81%：原文如此', WRONG));
    const d = accepted.diagnostics.find((x) => /9\.81%/.test(String(x.message)) && x.code === 'narrative')!;
    assert.ok(d, JSON.stringify(accepted.diagnostics.map((x) => x.message)));
    assert.equal(d.severity, 3);
    assert.match(String(d.message), /^〔已说明〕.*（说明：原文如此）$/);
    const uri = 'file:///tmp/justify-wrong.budget';
    const wrong = await client.open(uri, WRONG);
    const e = wrong.diagnostics.find((x) => x.severity === 1 && x.code === 'narrative')!;
    const list = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: e.range, context: { diagnostics: [e] } });
    const accept = (list ?? []).find((a) => a.title === '记录说明：接受此结果（说明：…）');
    assert.ok(accept && 'edit' in accept, JSON.stringify((list ?? []).map((a) => a.title)));
    assert.deepEqual(accept.edit?.changes?.[uri]?.map((x) => x.newText), ['说明：9.81%：\n']);
  });
});
