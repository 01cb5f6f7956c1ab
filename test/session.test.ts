/**
 * A long random session against the real server: 10,000 edits, completions and hovers in random order.
 * No crash; the diagnostics published for the final version equal a fresh analysis of the final text; memory stays flat.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/analysis';
import { Catalog } from '../server/src/knowledge/catalog';
import { shippedKnowledge } from '../server/src/knowledge/load';
import { WorkspaceIndex } from '../server/src/knowledge/workspace';
import { buildDocument } from '../server/src/model/build';
import { parse } from '../server/src/syntax/parser';
import { LineIndex } from '../server/src/syntax/positions';
import { generate } from '../bench/generate';
import { GOOD } from './support/docs';
import { fileUri, ROOT, TestClient } from './support/lsp';

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
    // One more edit that we wait for, at the end (an edit of the header would start the analysis afresh): its
    // diagnostics are for the final text, reached by edits.
    const endAt = doc.positionAt(doc.getText().length);
    const last = { range: { start: endAt, end: endAt }, text: '\n' };
    const final = TextDocument.update(doc, [last], doc.version + 1);
    const published = await client.change(uri, final.version, [last]);
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

  it('in a table of 10,000 rows: figures retyped, added and deleted, codes changed, rows added and deleted — at every checkpoint the diagnostics equal a fresh analysis', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-session-'));
    const start = generate(10000, 9, 10000).text;
    // The table's made-up codes are known to the workspace: another file prints them.
    writeFileSync(join(dir, 'codes.budget'), start);
    const client = new TestClient();
    try {
      await client.initialize('zh-cn', fileUri(dir));
      const uri = fileUri(join(dir, 'table.budget'));
      let doc = TextDocument.create(uri, 'budget', 1, start);
      let published = await client.open(uri, start);
      // Until the workspace is indexed, the codes are unknown (then the diagnostics are published again).
      for (let tries = 0; published.diagnostics.some((x) => x.code === 'code-unknown'); tries++) {
        if (tries > 100) throw new Error('the workspace was not indexed');
        await new Promise((r) => setTimeout(r, 100));
        published = client.published.get(uri) ?? published;
      }
      const ws = new WorkspaceIndex();
      ws.update(fileUri(join(dir, 'codes.budget')), buildDocument(parse(start)));
      const shipped = shippedKnowledge();
      const knowledge = { catalog: new Catalog(shipped.records), glossary: shipped.glossary, workspace: ws, self: uri };
      const rows = (t: string) => [...t.matchAll(/^\d{3,7} \|[^\n]*\n/gm)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
      const ops = fc.sample(fc.tuple(fc.nat({ max: 6 }), fc.nat()), { numRuns: 600, seed: 13 });
      for (let i = 0; i < ops.length; i++) {
        const [kind, pick] = ops[i];
        const text = doc.getText();
        const all = rows(text);
        const row = all[pick % all.length];
        const fig = row.start + row.text.lastIndexOf('| ') + 2;
        const point = row.start + row.text.lastIndexOf('.') + 1;
        const [at, remove, insert] = [
          [fig, 1, String((Number(text[fig]) + 1) % 10)], // retype a digit
          [point, 0, '7'], // add a decimal
          [point, 1, ''], // delete one
          [row.start + 2, 1, String((Number(text[row.start + 2]) + 5) % 10)], // change a code
          [row.end, 0, row.text], // add a row
          [row.start, row.text.length, ''], // delete a row
          [row.start + (pick % row.text.length), 0, ['|', ' ', '合计', '\n', '0'][pick % 5]], // anything
        ][kind] as [number, number, string];
        const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at + remove) }, text: insert };
        doc = TextDocument.update(doc, [change], doc.version + 1);
        const checkpoint = i % 60 === 59;
        const p = await client.change(uri, doc.version, [change], checkpoint);
        if (!checkpoint) continue;
        const final = doc.getText();
        const fresh = analyze(final, { locale: 'zh', knowledge });
        const idx = new LineIndex(final);
        const expected = fresh.findings.map((f) => `${JSON.stringify({ start: idx.position(f.span.start), end: idx.position(f.span.end) })} ${f.rule} ${f.message}`);
        const got = p!.diagnostics.map((d) => `${JSON.stringify(d.range)} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`);
        assert.deepEqual(got, expected, `after edit ${i}`);
      }
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
