import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { generate } from '../bench/generate';
import { analyze } from '../server/src/analysis';
import { RELATED_UP_TO_FINDINGS } from '../server/src/lsp/diagnostics';
import { GOOD, ONE_WRONG_TOTAL } from './support/docs';
import { TestClient } from './support/lsp';

const text = (d: { message: string | { value: string } }) => (typeof d.message === 'string' ? d.message : d.message.value);

/** The range of the first `length` characters of `needle` in `source`. */
function rangeIn(source: string, needle: string, length: number) {
  const doc = TextDocument.create('file:///x', 'budget', 1, source);
  const at = source.indexOf(needle);
  return { start: doc.positionAt(at), end: doc.positionAt(at + length) };
}

describe('language server over stdio', function () {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.stop());

  it('publishes the diagnostics of a wrong 合计 at that figure, in Chinese, with related information', async () => {
    const uri = 'file:///tmp/wrong.budget';
    const p = await client.open(uri, ONE_WRONG_TOTAL);
    const doc = TextDocument.create(uri, 'budget', 1, ONE_WRONG_TOTAL);
    const errors = p.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.ok(errors.length >= 2);
    for (const e of errors) {
      assert.equal(doc.getText(e.range), '317.24');
      assert.equal(e.source, '预决算公开表');
      assert.equal(e.codeDescription?.href, `https://github.com/budget-tables/budget-tables/blob/main/docs/rules.md#${String(e.code)}`);
    }
    const col = errors.find((e) => e.code === 'column-formula');
    assert.ok(col);
    assert.match(text(col), /^合计 ≠ 小计 \+ 项目支出：应为 307\.24，实为 317\.24，相差 10\.00/);
    assert.ok(col.relatedInformation?.some((r) => doc.getText(r.location.range) === '109.99'));
  });

  it('publishes a document of more findings than the cap without related information, the same findings otherwise', async () => {
    const many = generate(6000, 3, 120, { mistakes: 0.12 }).text;
    const uri = 'file:///tmp/many-findings.budget';
    const p = await client.open(uri, many);
    const fresh = analyze(many, { locale: 'zh' }).findings;
    assert.ok(fresh.length > RELATED_UP_TO_FINDINGS && fresh.some((f) => f.related.length), `${fresh.length} findings`);
    assert.equal(p.diagnostics.length, fresh.length);
    assert.ok(p.diagnostics.every((d) => d.relatedInformation === undefined));
    // Fixed down to a few findings: related information again.
    const few = generate(300, 3, 120, { mistakes: 0.12 }).text;
    const q = await client.change(uri, 2, [{ text: few }]);
    assert.ok(q && q.diagnostics.length <= RELATED_UP_TO_FINDINGS);
    assert.ok(q.diagnostics.some((d) => d.relatedInformation?.length));
  });

  it('re-analyses on incremental changes: fixing the figure clears the errors', async () => {
    const uri = 'file:///tmp/fix.budget';
    await client.open(uri, ONE_WRONG_TOTAL);
    const p = await client.change(uri, 2, [{ range: rangeIn(ONE_WRONG_TOTAL, '317.24', 3), text: '307' }]);
    assert.ok(p);
    assert.equal(p.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length, 0);
    assert.ok(p.diagnostics.some((d) => d.severity === DiagnosticSeverity.Information && /尾差/.test(text(d))));
  });

  it('analyses a burst of changes that arrive together once, for the last version', async () => {
    const uri = 'file:///tmp/burst.budget';
    await client.open(uri, GOOD);
    const range = rangeIn(GOOD, '307.24', 1);
    // A few keystrokes one by one first, so that the server is warm and answers each at once (a slow analysis would
    // make it wait for a pause in typing, which coalesces by itself).
    for (let v = 2; v <= 6; v++) await client.change(uri, v, [{ range, text: '3' }]);
    const before = client.publications.get(uri) ?? 0;
    // Twenty keystrokes sent at once (as a fast typist's, queued while the server was busy): 3 → 0, 1, … 9, 0, … 9.
    const last = client.diagnostics(uri, 26);
    for (let v = 7; v <= 26; v++) void client.change(uri, v, [{ range, text: String((v - 7) % 10) }], false);
    const p = await last;
    // The last keystroke typed 9: 907.24 where 307.24 is right.
    assert.ok(p.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error && /应为 307\.24，实为 907\.24/.test(text(d))), JSON.stringify(p.diagnostics.map(text)));
    const count = (client.publications.get(uri) ?? 0) - before;
    assert.ok(count <= 3, `${count} publications for 20 changes sent together`);
  });

  it('a document that only differs by rounding has no error', async () => {
    const p = await client.open('file:///tmp/good.budget', GOOD);
    assert.deepEqual(p.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error), []);
  });

  it('speaks English when the editor does', async () => {
    const en = new TestClient();
    try {
      await en.initialize('en');
      const p = await en.open('file:///tmp/en.budget', ONE_WRONG_TOTAL);
      assert.ok(p.diagnostics.some((d) => /expected 307\.24, found 317\.24, difference 10\.00/.test(text(d))));
      assert.ok(p.diagnostics.every((d) => d.source === 'Budget Tables'));
    } finally {
      await en.stop();
    }
  });
});
