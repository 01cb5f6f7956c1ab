/** Navigation through the real server over stdio: outline, folding, semantic tokens, definition, references, highlights. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DefinitionRequest, DocumentHighlightKind, DocumentHighlightRequest, DocumentSymbolRequest, FoldingRangeRequest, InitializedNotification,
  InitializeRequest, ReferencesRequest, SemanticTokensDeltaRequest, SemanticTokensRangeRequest, SemanticTokensRequest, SymbolKind,
  type ClientCapabilities, type DocumentHighlight, type DocumentSymbol, type InitializeResult, type Location, type LocationLink,
  type Position, type Range, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensLegend, type SymbolInformation,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generate } from '../bench/generate';
import { fileUri, ROOT, TestClient } from './support/lsp';
import { crlf, lineOf, SMALL, smallFolds } from './support/navigation';
import { qiaokouWithUserRules } from './support/userRules';

// The seed with the cross-table rules a user may write (test/support/userRules.ts).
const QIAOKOU = qiaokouWithUserRules(readFileSync(join(ROOT, 'seeds', 'qiaokou-2023-final.budget'), 'utf8'));

/** What VS Code says it supports for these features. */
const CAPABILITIES: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: true },
    foldingRange: { lineFoldingOnly: true },
    semanticTokens: {
      requests: { full: { delta: true }, range: true },
      tokenTypes: [], tokenModifiers: [], formats: ['relative'],
    },
  },
  workspace: { configuration: false },
};

/** A client that announces VS Code's capabilities (TestClient.initialize announces few). */
async function vscodeLike(rootUri: string | null = null): Promise<{ client: TestClient; init: InitializeResult }> {
  const client = new TestClient();
  const init = await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri, locale: 'zh-cn', capabilities: CAPABILITIES,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return { client, init };
}

const inside = (outer: Range, inner: Range) => !earlier(inner.start, outer.start) && !earlier(outer.end, inner.end);
const earlier = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

interface Decoded { line: number; char: number; length: number; text: string; type: string; modifiers: string[] }

/** Relative semantic tokens back to positions, read through an independent TextDocument (UTF-16, CRLF). */
function decode(data: number[], legend: SemanticTokensLegend, doc: TextDocument): Decoded[] {
  const out: Decoded[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const length = data[i + 2];
    const modifiers = legend.tokenModifiers.filter((_, k) => data[i + 4] & (1 << k));
    const text = doc.getText({ start: { line, character: char }, end: { line, character: char + length } });
    out.push({ line, char, length, text, type: legend.tokenTypes[data[i + 3]], modifiers });
  }
  return out;
}
const show = (t: Decoded) => `${t.text} ${t.type}${t.modifiers.length ? `.${t.modifiers.join('.')}` : ''}`;

describe('navigation over stdio', function () {
  let client: TestClient;
  let init: InitializeResult;
  before(async () => {
    ({ client, init } = await vscodeLike());
  });
  after(() => client.stop());

  let n = 0;
  async function open(text: string): Promise<{ uri: string; doc: TextDocument }> {
    const uri = `file:///tmp/navigation-${++n}.budget`;
    await client.open(uri, text);
    return { uri, doc: TextDocument.create(uri, 'budget', 1, text) };
  }

  it('announces the six features, with the semantic tokens legend', () => {
    const c = init.capabilities;
    assert.ok(c.documentSymbolProvider && c.foldingRangeProvider && c.definitionProvider && c.referencesProvider && c.documentHighlightProvider);
    assert.deepEqual(c.documentSymbolProvider, { label: '预决算公开表' }, 'the outline\'s label in the editor\'s language (zh-cn here)');
    const st = c.semanticTokensProvider;
    assert.ok(st && 'legend' in st);
    assert.deepEqual(st.full, { delta: true });
    assert.equal(st.range, true);
    assert.ok(st.legend.tokenTypes.includes('functionalCode') && st.legend.tokenModifiers.includes('roundingTail'));
  });

  it('outlines the 硚口 seed: header, tables by number in order, the parts of the two-sided table, glossary terms', async () => {
    const { uri, doc } = await open(QIAOKOU);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols[0].name, '文档头');
    assert.equal(symbols[0].kind, SymbolKind.Module);
    const tables = symbols.filter((s) => s.kind === SymbolKind.Struct && /^公开\d\d表/.test(s.name));
    assert.deepEqual(tables.map((s) => s.name.slice(0, 5)), ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表']);
    const t1 = tables[0];
    // First the standard identities checked on the table (at its heading), then its parts.
    assert.deepEqual(t1.children?.slice(0, 3).map((c) => [c.name, c.kind]), [['标准核对', SymbolKind.Namespace], ['收入', SymbolKind.Namespace], ['支出', SymbolKind.Namespace]]);
    assert.deepEqual(t1.children?.slice(1, 3).map((c) => c.detail), ['31 行', '31 行']);
    assert.equal(doc.getText(t1.children![1].selectionRange), '收入');
    assert.equal(doc.getText(t1.selectionRange), '表 公开01表 2023 年度收入支出决算总表');
    const t5 = tables[4];
    const lei = t5.children!.filter((c) => c.kind === SymbolKind.EnumMember);
    assert.deepEqual(lei.map((c) => doc.getText(c.selectionRange)), ['201', '208', '210', '215', '221']);
    const glossary = symbols.find((s) => s.name === '名词解释');
    assert.ok(glossary);
    assert.equal(glossary.children?.[0].name, '一般公共预算财政拨款收入');
    assert.equal(glossary.children?.[0].kind, SymbolKind.Key);
    const check = (list: DocumentSymbol[]) => {
      for (const s of list) {
        assert.ok(inside(s.range, s.selectionRange), `${s.name}: selection outside range`);
        assert.ok(s.name.length > 0);
        check(s.children ?? []);
      }
    };
    check(symbols);
  });

  it('answers flat symbols, with containers, to a client without hierarchical support', async () => {
    const plain = new TestClient();
    try {
      await plain.initialize();
      const uri = 'file:///tmp/navigation-flat.budget';
      await plain.open(uri, SMALL);
      const list = (await plain.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as SymbolInformation[];
      assert.ok(list.every((s) => 'location' in s));
      const lei = list.find((s) => s.name === '201 一般公共服务支出🏛');
      assert.equal(lei?.containerName, '公开05表 一般公共预算财政拨款支出决算表');
      const rules = list.filter((s) => s.containerName === '规则').map((s) => s.name);
      assert.deepEqual(rules, ['1栏各行=(2+3)栏各行', '3行=（1+2）行', '4行=公开05表「合计」行1栏', '5行=公开05表「201」行1栏']);
    } finally {
      await plain.stop();
    }
  });

  it('folds by lines: sections, parts, 类/款 rows, comments, glossary entries, sub-headings (CRLF document)', async () => {
    const { uri } = await open(crlf(SMALL));
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(ranges);
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine, r.kind]), smallFolds());
  });

  it('semantic tokens decode to the right text in a CJK, emoji and CRLF document', async () => {
    const text = crlf(SMALL);
    const { uri, doc } = await open(text);
    const st = init.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend };
    const r = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(r);
    const tokens = decode(r.data, st.legend, doc);
    const row201 = tokens.filter((t) => t.line === lineOf('201 |'));
    // 201 | 一般公共服务支出🏛 | 13.00 …: the emoji counts two UTF-16 units (13.00 starts at character 19, not 18).
    const l201 = SMALL_LINE(lineOf('201 |'));
    assert.equal(l201.indexOf('13.00'), 19);
    assert.deepEqual(row201.map((t) => [t.char, t.length, show(t)]), [[0, 3, '201 functionalCode.lei'], [19, 5, '13.00 number'], [l201.indexOf(' 3.00 ') + 1, 4, '3.00 number'], [l201.indexOf('10.00'), 5, '10.00 number']]);
    const row项 = tokens.filter((t) => t.line === lineOf('2010350 |')).map(show);
    assert.deepEqual(row项, ['2010350 functionalCode.xiang', '13.00 number', '3.00 number', '10.00 number']);
    assert.deepEqual(tokens.filter((t) => t.line === lineOf('本年收入合计 |')).map(show), ['3 rowReference.declaration', '3.01 number.roundingTail']);
    assert.deepEqual(tokens.filter((t) => t.line === lineOf('总计 |')).map(show), ['4 rowReference.declaration', '3.50 number.mismatch']);
    assert.deepEqual(tokens.filter((t) => t.line === lineOf('规则：3行')).map(show), [
      '3行 rowReference', '1 rowReference', '2 rowReference', '4行 rowReference', '公开05表 tableReference', '「合计」行 rowReference', '1栏 columnReference',
      '5行 rowReference', '公开05表 tableReference', '「201」行 rowReference', '1栏 columnReference',
    ]);
    assert.deepEqual(tokens.filter((t) => t.line === lineOf('列：科目编码')).map(show), ['[1] columnReference.declaration', '[2] columnReference.declaration', '[3] columnReference.declaration']);
    for (const t of tokens) assert.equal(t.text.length, t.length, `token cut short at ${t.line}:${t.char}`);
  });

  it('semantic tokens: a delta after an edit equals a fresh full result; a range holds the tokens of its lines', async () => {
    const { uri, doc } = await open(SMALL);
    const first = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(first?.resultId);
    // 3.01 → 3.00 makes 本年收入合计 exact: its 尾差 modifier goes.
    const line = lineOf('本年收入合计 |');
    const ch = SMALL_LINE(line).indexOf('3.01');
    await client.change(uri, 2, [{ range: { start: { line, character: ch }, end: { line, character: ch + 4 } }, text: '3.00' }]);
    const delta = await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.ok(delta && 'edits' in delta, 'a delta');
    const applied = applyEdits(first.data, delta);
    const fresh = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(fresh);
    assert.deepEqual(applied, fresh.data);
    assert.notDeepEqual(applied, first.data);
    const st = init.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend };
    const after = TextDocument.create(uri, 'budget', 2, TextDocument.applyEdits(doc, [{ range: { start: { line, character: ch }, end: { line, character: ch + 4 } }, newText: '3.00' }]));
    assert.ok(decode(fresh.data, st.legend, after).some((t) => t.line === line && show(t) === '3.00 number'));
    // A delta against an unknown result: the full tokens.
    const unknown = await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: 'no-such-result' });
    assert.ok(unknown && 'data' in unknown);
    assert.deepEqual(unknown.data, fresh.data);
    // Range: the lines of 公开05表.
    const from = lineOf('## 表 公开05表');
    const to = lineOf('规则：1栏各行');
    const ranged = await client.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri }, range: { start: { line: from, character: 0 }, end: { line: to, character: 100 } } });
    assert.ok(ranged);
    const all = decode(fresh.data, st.legend, after).filter((t) => t.line >= from && t.line <= to).map((t) => `${t.line}:${t.char} ${show(t)}`);
    assert.deepEqual(decode(ranged.data, st.legend, after).map((t) => `${t.line}:${t.char} ${show(t)}`), all);
    assert.ok(all.length > 15);
  });

  it('goes from 27行, 1栏 and 公开05表「201」行1栏 to the row, column and cell they name (location links)', async () => {
    const { uri, doc } = await open(QIAOKOU);
    const def = async (needle: string, delta: number, from = 0): Promise<LocationLink[]> => {
      const at = QIAOKOU.indexOf(needle, from);
      assert.ok(at >= 0, needle);
      const r = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: doc.positionAt(at + delta) });
      assert.ok(Array.isArray(r) && r.length > 0, `no definition for ${needle}`);
      return r as LocationLink[];
    };
    const l27 = await def('规则：27行=（1+2+3', 3);
    assert.equal(doc.getText(l27[0].originSelectionRange), '27行');
    assert.equal(l27[0].targetUri, uri);
    assert.equal(doc.getText(l27[0].targetSelectionRange), '27');
    assert.equal(doc.getText(l27[0].targetRange), '本年收入合计 | 27 | 2,098.74');

    const c1 = await def('1栏各行', 0, QIAOKOU.indexOf('## 表 公开02表'));
    assert.equal(doc.getText(c1[0].originSelectionRange), '1栏各行');
    assert.equal(doc.getText(c1[0].targetSelectionRange), '本年收入合计[1]');
    assert.equal(c1[0].targetSelectionRange.start.line, doc.positionAt(QIAOKOU.indexOf('列：科目编码 | 科目名称 | 本年收入合计[1]')).line);

    const cell = await def('公开05表「201」行1栏', 6);
    assert.equal(doc.getText(cell[0].originSelectionRange), '公开05表「201」行1栏');
    assert.equal(doc.getText(cell[0].targetSelectionRange), '261.74');
    const t5 = doc.positionAt(QIAOKOU.indexOf('## 表 公开05表')).line;
    const t6 = doc.positionAt(QIAOKOU.indexOf('## 表 公开06表')).line;
    assert.ok(cell[0].targetRange.start.line > t5 && cell[0].targetRange.start.line < t6);
    assert.match(doc.getText(cell[0].targetRange), /^201 \| 一般公共服务支出 \| 261\.74/);
    for (const l of [...l27, ...c1, ...cell]) assert.ok(inside(l.targetRange, l.targetSelectionRange));

    // Nothing to go to from plain text.
    const none = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: doc.positionAt(QIAOKOU.indexOf('贯彻落实')) });
    assert.ok(none === null || (Array.isArray(none) && none.length === 0));
  });

  it('stays right after edits that move the sections below them (incremental analysis)', async () => {
    const { uri } = await open(SMALL);
    // Two lines inserted above everything, then a row inserted into 公开05表: every later section moves.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// 新增一行\n// 又一行\n' }]);
    const row = lineOf('2010350 |') + 2;
    await client.change(uri, 3, [{ range: { start: { line: row, character: 0 }, end: { line: row, character: 0 } }, text: '2010301 | 行政运行 | 0.00 | 0.00 | 0.00\n' }]);
    const text = ['// 新增一行', '// 又一行', ...SMALL.split('\n')];
    text.splice(row, 0, '2010301 | 行政运行 | 0.00 | 0.00 | 0.00');
    const doc = TextDocument.create(uri, 'budget', 3, text.join('\n'));
    const at = doc.getText().indexOf('「201」行');
    const d = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: doc.positionAt(at + 1) })) as LocationLink[];
    assert.equal(doc.getText(d[0].originSelectionRange), '公开05表「201」行1栏');
    assert.equal(doc.getText(d[0].targetSelectionRange), '13.00');
    assert.equal(d[0].targetRange.start.line, lineOf('201 |') + 2);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const t1 = symbols.find((s) => s.name.startsWith('公开01表'));
    assert.ok(t1);
    assert.equal(doc.getText(t1.selectionRange), '表 公开01表 收入支出决算总表');
    assert.equal(doc.getText(t1.children!.find((c) => c.name === '收入')!.selectionRange), '收入');
    const lei = symbols.find((s) => s.name.startsWith('公开05表'))!.children!.find((c) => c.name.startsWith('201 '))!;
    // The new 项 row (inserted above 2010350) is inside the 类 row's range.
    assert.match(doc.getText(lei.range), /^201 [^\n]*\n20103 [^\n]*\n2010301 \| 行政运行 [^\n]*\n2010350 \| 事业运行😀 \| 13\.00 \| 3\.00 \| 10\.00$/);
    const st = init.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend };
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(tokens);
    const decoded = decode(tokens.data, st.legend, doc);
    assert.ok(decoded.some((t) => show(t) === '2010301 functionalCode.xiang'));
    assert.deepEqual(decoded.filter((t) => t.line === lineOf('总计 |') + 3).map(show), ['4 rowReference.declaration', '3.50 number.mismatch']);
    for (const t of decoded) assert.equal(t.text.length, t.length);
  });

  it('answers plain locations to a client without link support', async () => {
    const plain = new TestClient();
    try {
      await plain.initialize();
      const uri = 'file:///tmp/navigation-plain.budget';
      await plain.open(uri, SMALL);
      const doc = TextDocument.create(uri, 'budget', 1, SMALL);
      const r = await plain.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: doc.positionAt(SMALL.indexOf('「201」行') + 1) });
      assert.ok(Array.isArray(r) && r.length === 1);
      const loc = r[0] as Location;
      assert.equal(loc.uri, uri);
      assert.equal(doc.getText(loc.range), '13.00');
      assert.equal(loc.range.start.line, lineOf('201 |'));
    } finally {
      await plain.stop();
    }
  });

  it('finds the references of 2150502 across two workspace files, one open, one closed on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-nav-'));
    const head = '# 测试\n部门：测试\n年度：2023\n类型：决算\n金额单位：万元\n\n## 表 公开05表 一般公共预算财政拨款支出决算表\n列：科目编码 | 科目名称 | 合计[1]\n';
    const a = `${head}215 | 资源勘探工业信息等支出 | 1.00\n21505 | 工业和信息产业监管 | 1.00\n2150502 | 一般行政管理事务 | 1.00\n规则：「2150502」行1栏=「21505」行1栏\n`;
    const b = `// 另一份文件\r\n${crlf(head)}2150502 | 一般行政管理事务😀 | 2.00\r\n\r\n## 表 公开03表 支出决算表\r\n列：科目编码 | 科目名称 | 合计[1]\r\n2150502 | 一般行政管理事务 | 2.00\r\n`;
    writeFileSync(join(dir, 'a.budget'), a);
    writeFileSync(join(dir, 'b.budget'), b);
    writeFileSync(join(dir, 'outside.txt'), '2150502');
    const ws = await vscodeLike(fileUri(dir));
    try {
      const uriA = fileUri(join(dir, 'a.budget'));
      const uriB = fileUri(join(dir, 'b.budget'));
      await ws.client.open(uriA, a);
      const docA = TextDocument.create(uriA, 'budget', 1, a);
      const docB = TextDocument.create(uriB, 'budget', 1, b);
      const position = docA.positionAt(a.indexOf('2150502 |') + 2);
      const ask = (includeDeclaration: boolean) => ws.client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uriA }, position, context: { includeDeclaration } });
      // The workspace is indexed in the background after `initialized`: wait for the closed file to be known.
      let refs: Location[] | null = null;
      for (let i = 0; i < 100; i++) {
        refs = await ask(true);
        if (refs?.some((l) => l.uri === uriB)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(refs);
      const text = (l: Location) => (l.uri === uriA ? docA : docB).getText(l.range);
      const inA = refs.filter((l) => l.uri === uriA);
      const inB = refs.filter((l) => l.uri === uriB);
      assert.deepEqual(inA.map(text), ['2150502', '「2150502」行']);
      const linesB = [b.indexOf('2150502 | 一般行政管理事务😀'), b.lastIndexOf('2150502 |')].map((o) => docB.positionAt(o).line);
      assert.deepEqual(inB.map((l) => [l.range.start.line, text(l)]), linesB.map((line) => [line, '2150502']));
      assert.equal(refs.length, 4);
      // Without the declaration: the code cell the search started from is left out.
      const without = await ask(false);
      assert.ok(without);
      assert.deepEqual(without.map((l) => `${l.uri === uriA ? 'a' : 'b'}:${text(l)}`), ['a:「2150502」行', 'b:2150502', 'b:2150502']);
    } finally {
      await ws.client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('highlights a rule’s target cells (write) and terms (read), and a figure’s relations', async () => {
    const { uri, doc } = await open(SMALL);
    const rule = SMALL.indexOf('1栏各行=(2+3)栏各行');
    const hs = (await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: doc.positionAt(rule + 5) })) as DocumentHighlight[];
    const by = (kind: DocumentHighlightKind) => hs.filter((h) => h.kind === kind).map((h) => `${h.range.start.line}:${doc.getText(h.range)}`);
    const rows = [lineOf(' | 合计'), lineOf('201 |'), lineOf('20103 |'), lineOf('2010350 |')];
    assert.deepEqual(by(DocumentHighlightKind.Write), [...rows.map((l) => `${l}:13.00`), `${lineOf('规则：1栏')}:1栏各行`]);
    assert.deepEqual(by(DocumentHighlightKind.Read), [...rows.flatMap((l) => [`${l}:3.00`, `${l}:10.00`]), `${lineOf('规则：1栏')}:2`, `${lineOf('规则：1栏')}:3`]);
    // The 3.01 of 本年收入合计: its row formula (1.00 + 2.00) and the rule it comes from.
    const at = SMALL.indexOf('3.01');
    const fh = (await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: doc.positionAt(at + 1) })) as DocumentHighlight[];
    assert.deepEqual(fh.map((h) => `${doc.getText(h.range)}:${h.kind}`), ['1.00:2', '2.00:2', '3.01:3', '3行=（1+2）行:1']);
  });

  it('answers symbols and tokens for a 10,000-row document: 类 rows only, a token for every code and figure', async () => {
    const g = generate(10_000);
    const { uri, doc } = await open(g.text);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    let count = 0;
    const walk = (l: DocumentSymbol[]) => { for (const s of l) { count++; walk(s.children ?? []); } };
    walk(symbols);
    assert.ok(count < 2000, `${count} symbols`);
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(tokens);
    const st = init.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend };
    const decoded = decode(tokens.data, st.legend, doc);
    const coded = g.text.split('\n').filter((l) => /^\d{3,7} \|/.test(l)).length;
    assert.equal(decoded.filter((t) => t.type === 'functionalCode').length, coded);
    // The tables' figures; the narrative's claims (2,098.74, 709.32, 51.1%) have tokens of their own.
    const narrative = doc.positionAt(g.text.indexOf('## 情况说明')).line;
    assert.equal(decoded.filter((t) => t.type === 'number' && t.line < narrative).length, g.rows * 3);
    assert.equal(decoded.filter((t) => t.type === 'number' && t.line > narrative).length, 3);
    assert.ok(decoded.every((t) => t.text.length === t.length));
  });
});

function SMALL_LINE(i: number): string {
  return SMALL.split('\n')[i];
}

/** Applies semantic-token edits to the previous data, as the client does. */
function applyEdits(data: number[], delta: SemanticTokensDelta): number[] {
  const out = [...data];
  for (const e of [...delta.edits].sort((x, y) => y.start - x.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

export type { SemanticTokens };
