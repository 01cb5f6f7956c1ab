import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DidChangeConfigurationNotification, InlayHintRequest, type InlayHint, type InlayHintLabelPart } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PreviewCell, PreviewSection, TableSection } from '../server/src/preview/model';
import { PREVIEW_REQUEST, SUMMARY_REQUEST, type PreviewResponse, type SummaryResponse } from '../server/src/preview/protocol';
import { ONE_WRONG_TOTAL } from './support/docs';
import { ROOT, TestClient } from './support/lsp';

const XINZHOU = readFileSync(join(ROOT, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8');
const isTable = (s: PreviewSection): s is TableSection => s.kind === 'table' || s.kind === 'form';
const cells = (m: PreviewResponse): PreviewCell[] =>
  m.sections.filter(isTable).flatMap((t) => t.blocks.flatMap((b) => (b.kind === 'parts' ? b.parts.flatMap((p) => p.rows.flatMap((r) => r.cells)) : [])));
const labels = (h: InlayHint) => (h.label as InlayHintLabelPart[]).map((p) => p.value).join('');

describe('preview, summary and inlay hints over stdio', function () {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.stop());

  const preview = (uri: string) => client.connection.sendRequest<PreviewResponse | null>(PREVIEW_REQUEST, { uri });
  const summary = (uri: string) => client.connection.sendRequest<SummaryResponse | null>(SUMMARY_REQUEST, { uri });
  const hints = (uri: string, text: string, from = 0, to = text.length) => {
    const doc = TextDocument.create(uri, 'budget', 1, text);
    return client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: doc.positionAt(from), end: doc.positionAt(to) } });
  };
  const configure = (budgetTables: Record<string, unknown>) =>
    client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { budgetTables } });

  it('budgetTables/preview answers the view model of the current version, its ranges on the right text', async () => {
    const uri = 'file:///tmp/preview-wrong.budget';
    await client.open(uri, ONE_WRONG_TOTAL);
    const m = await preview(uri);
    assert.ok(m);
    assert.equal(m.uri, uri);
    assert.equal(m.version, 1);
    assert.equal(m.strings.title, '预览：preview-wrong.budget');
    assert.deepEqual(m.counts, { errors: 2, warnings: 0, tails: 2, information: 0 });
    const doc = TextDocument.create(uri, 'budget', 1, ONE_WRONG_TOTAL);
    const wrong = cells(m).find((c) => c.text === '317.24')!;
    assert.equal(doc.getText(wrong.range), '317.24');
    assert.equal(wrong.status, 'error');
    assert.equal(wrong.messages!.length, 2);

    // Fixing the figure: the next version's model has it as a 尾差 only (307.25 printed as 307.24).
    const at = ONE_WRONG_TOTAL.indexOf('317.24');
    await client.change(uri, 2, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + 3) }, text: '307' }]);
    const fixed = await preview(uri);
    assert.equal(fixed?.version, 2);
    const cell = cells(fixed!).find((c) => c.id === wrong.id)!;
    assert.equal(cell.text, '307.24');
    assert.equal(cell.status, 'tail');
    assert.deepEqual(fixed!.counts, { errors: 0, warnings: 0, tails: 3, information: 0 });
  });

  it('a seed: every table, statuses on the failing cells; null for a document the server does not have', async () => {
    const uri = 'file:///tmp/xinzhou.budget';
    await client.open(uri, XINZHOU);
    const m = (await preview(uri))!;
    assert.equal(m.sections.filter(isTable).length, 15);
    const doc = TextDocument.create(uri, 'budget', 1, XINZHOU);
    for (const c of cells(m).filter((x) => x.status === 'error')) assert.equal(doc.getText(c.range), c.text);
    assert.ok(cells(m).some((c) => c.text === '42.40%' && c.status === 'error'));
    assert.equal(await preview('file:///tmp/never-opened.budget'), null);

    // A line typed near the top moves every table below it: the next version's ranges are on the moved text.
    const at = XINZHOU.indexOf('### (一) 部门主要职能');
    await client.change(uri, 2, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: '新增的一行。\n' }]);
    const v2 = `${XINZHOU.slice(0, at)}新增的一行。\n${XINZHOU.slice(at)}`;
    const doc2 = TextDocument.create(uri, 'budget', 2, v2);
    const moved = (await preview(uri))!;
    assert.equal(moved.version, 2);
    const all = cells(moved).filter((c) => c.kind !== 'missing');
    assert.equal(all.length, cells(m).filter((c) => c.kind !== 'missing').length);
    for (const c of all) assert.equal(doc2.getText(c.range), c.text, c.id);
    assert.equal(all.find((c) => c.text === '42.40%')!.range.start.line, cells(m).find((c) => c.text === '42.40%')!.range.start.line + 1);
  });

  it('budgetTables/summary counts errors, warnings and 尾差, the 尾差 even when diagnostics hide them', async () => {
    const uri = 'file:///tmp/summary.budget';
    await client.open(uri, XINZHOU);
    const s = (await summary(uri))!;
    // The seed's 11 pinned errors (test/seeds.findings.ts) and one warning: 附表4-8 is empty and does not say so. The 14th
    // 尾差: the narrative's L48 list, 157.5 + 39.76 + 109.99 = 307.25 against 307.24, as the tables print it.
    assert.deepEqual([s.errors, s.warnings, s.tails, s.information], [11, 1, 14, 0]);
    assert.equal(s.version, 1);
    assert.equal(s.text.tails, '尾差');
    assert.match(s.text.tooltip, /11 处错误，1 处警告，14 处尾差/);

    const published = client.diagnostics(uri);
    await configure({ roundingDiagnostics: false });
    const p = await published;
    assert.ok(!p.diagnostics.some((d) => /尾差/.test(String(d.message))), 'the editor hides the 尾差');
    const hidden = (await summary(uri))!;
    assert.equal(hidden.tails, 14);
    await configure({ roundingDiagnostics: true });
    assert.equal(await summary('file:///tmp/never-opened.budget'), null);
  });

  it('inlay hints show computed totals: differences by default, all, off, only in the range asked', async () => {
    const uri = 'file:///tmp/hints.budget';
    await client.open(uri, ONE_WRONG_TOTAL);
    const doc = TextDocument.create(uri, 'budget', 1, ONE_WRONG_TOTAL);
    const at = ONE_WRONG_TOTAL.indexOf('317.24');

    const byDefault = (await hints(uri, ONE_WRONG_TOTAL))!;
    const wrong = byDefault.find((h) => doc.offsetAt(h.position) === at + 6)!;
    assert.equal(labels(wrong), '= 307.25 / 307.24');
    assert.equal(wrong.paddingLeft, true);
    const parts = wrong.label as InlayHintLabelPart[];
    assert.match(String(parts[1].tooltip), /^按规则计算：规则 1栏各行=\(2\+5\)栏各行\n不成立/);
    const stated = byDefault.map((h) => ONE_WRONG_TOTAL.slice(ONE_WRONG_TOTAL.lastIndexOf('|', doc.offsetAt(h.position)) + 1, doc.offsetAt(h.position)).trim());
    assert.deepEqual(stated.sort(), ['197.25', '317.24']);

    await configure({ inlayHints: { computedTotals: 'all' } });
    const all = (await hints(uri, ONE_WRONG_TOTAL))!;
    assert.ok(all.length > byDefault.length + 10, `${all.length} hints`);
    assert.ok(all.some((h) => labels(h) === '= 262.40'));
    const line = ONE_WRONG_TOTAL.indexOf('20103 |');
    const end = ONE_WRONG_TOTAL.indexOf('\n', line);
    const inLine = (await hints(uri, ONE_WRONG_TOTAL, line, end))!;
    assert.ok(inLine.length >= 4);
    for (const h of inLine) assert.equal(h.position.line, doc.positionAt(line).line);

    await configure({ inlayHints: { computedTotals: 'off' } });
    assert.deepEqual(await hints(uri, ONE_WRONG_TOTAL), []);
    await configure({ inlayHints: { computedTotals: 'nonsense' } });
    assert.deepEqual(await hints(uri, ONE_WRONG_TOTAL), [], 'an unknown value keeps the last mode');
    await configure({ inlayHints: { computedTotals: 'differences' } });
    assert.equal((await hints(uri, ONE_WRONG_TOTAL))!.length, byDefault.length);
  });

  it('speaks English when the editor does', async () => {
    const en = new TestClient();
    try {
      await en.initialize('en');
      const uri = 'file:///tmp/en-preview.budget';
      await en.open(uri, ONE_WRONG_TOTAL);
      const m = (await en.connection.sendRequest<PreviewResponse | null>(PREVIEW_REQUEST, { uri }))!;
      assert.equal(m.strings.errors, '2 errors');
      assert.equal(m.strings.title, 'Preview: en-preview.budget');
      const s = (await en.connection.sendRequest<SummaryResponse | null>(SUMMARY_REQUEST, { uri }))!;
      assert.equal(s.text.tails, 'tails');
      const doc = TextDocument.create(uri, 'budget', 1, ONE_WRONG_TOTAL);
      const h = (await en.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: doc.positionAt(0), end: doc.positionAt(ONE_WRONG_TOTAL.length) } }))!;
      assert.ok(h.some((x) => String((x.label as InlayHintLabelPart[])[0].tooltip).startsWith('Computed by')));
    } finally {
      await en.stop();
    }
  });
});
