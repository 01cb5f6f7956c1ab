/**
 * A long random session against the real server: 10,000 edits, completions and hovers in random order.
 * No crash; the diagnostics published for the final version equal a fresh analysis of the final text; memory stays flat.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/analysis';
import { LineIndex } from '../server/src/syntax/positions';
import { GOOD } from './support/docs';
import { ROOT, TestClient } from './support/lsp';

function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

describe('a long random editing session against the server', function () {
  this.timeout(300000);

  it('10,000 random edits, completions and hovers: no crash, final diagnostics = fresh analysis, memory flat', async () => {
    const client = new TestClient();
    await client.initialize();
    const uri = 'file:///tmp/session.budget';
    const start = readFileSync(join(ROOT, 'seeds', 'qiaokou-2023-final.budget'), 'utf8').slice(0, 6000) + GOOD;
    let doc = TextDocument.create(uri, 'budget', 1, start);
    await client.open(uri, start);
    const snippets = ['1', '0', '.', ',', ' | ', '\n', '\r\n', '合计', '201', '2150502', '规则：1栏各行=(2+3)栏各行\n', '(', '「', '😀', '表', '## 表 表9 新\n', '-', '%', '　'];
    const ops = fc.sample(fc.tuple(fc.nat({ max: 99 }), fc.nat(), fc.nat({ max: 8 }), fc.constantFrom(...snippets)), { numRuns: 10000, seed: 42 });
    const pid = (client as unknown as { child: { pid: number } }).child.pid;
    let rssAt2k = 0;
    let requests: Promise<unknown>[] = [];
    for (let i = 0; i < ops.length; i++) {
      const [kind, where, len, text] = ops[i];
      const off = where % (doc.getText().length + 1);
      const pos = doc.positionAt(off);
      if (kind < 80) {
        const end = doc.positionAt(Math.min(doc.getText().length, off + (kind < 40 ? 0 : len)));
        const change = { range: { start: pos, end }, text: kind < 60 ? text : '' };
        doc = TextDocument.update(doc, [change], doc.version + 1);
        await client.change(uri, doc.version, [change], false);
      } else if (kind < 90) {
        requests.push(client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: pos }).catch(() => undefined));
      } else {
        requests.push(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: pos }).catch(() => undefined));
      }
      if (requests.length >= 50) { await Promise.all(requests); requests = []; }
      if (i === 2000) rssAt2k = rssKiB(pid);
    }
    await Promise.all(requests);
    // One more edit that we wait for: its diagnostics are for the final text.
    const final = TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// end\n' }], doc.version + 1);
    const published = await client.change(uri, final.version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// end\n' }]);
    assert.ok(published);
    const text = final.getText();
    const fresh = analyze(text);
    const idx = new LineIndex(text);
    const expected = fresh.findings.map((f) => `${JSON.stringify({ start: idx.position(f.span.start), end: idx.position(f.span.end) })} ${f.rule} ${f.message}`);
    const got = published.diagnostics.map((d) => `${JSON.stringify(d.range)} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`);
    assert.deepEqual(got, expected);
    const rssEnd = rssKiB(pid);
    await client.stop();
    assert.ok(rssEnd < rssAt2k * 1.5 + 20000, `memory grew from ${rssAt2k} KiB to ${rssEnd} KiB`);
  });
});
