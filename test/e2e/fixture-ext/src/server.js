// Stand-in language server. Knows just enough to exercise the e2e harness:
//  - a `合计` row whose first figure is not the sum of the next two gets ONE error diagnostic (Chinese message),
//  - hover on a known functional code shows its name, completion offers codes, a quick fix offers "改为 …".
const { createConnection, ProposedFeatures, TextDocuments, DiagnosticSeverity, CodeActionKind, CompletionItemKind,
  TextDocumentSyncKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const CODES = { '201': '一般公共服务支出', '20103': '政府办公厅（室）及相关机构事务', '2010350': '事业运行',
  '215': '资源勘探工业信息等支出', '21505': '工业和信息产业监管', '2150501': '行政运行', '2150502': '一般行政管理事务' };
const conn = createConnection(ProposedFeatures.all);
const docs = new TextDocuments(TextDocument);
const num = (s) => /^-?[\d,]+(\.\d+)?$/.test(s) ? Number(s.replace(/,/g, '')) : NaN;
const dec = (s) => (s.split('.')[1] || '').length;
let english = false; // like the real server: Chinese unless the editor's display language is English

function check(doc) {
  const out = [];
  doc.getText().split(/\r?\n/).forEach((line, i) => {
    if (!line.includes('|')) return;
    const cells = []; let start = 0;
    for (const part of line.split(/[|｜]/)) { cells.push({ text: part.trim(), col: start + part.length - part.trimStart().length }); start += part.length + 1; }
    if (!cells.some((c) => c.text === '合计')) return;
    const figs = cells.filter((c) => !Number.isNaN(num(c.text)));
    if (figs.length < 3) return;
    const d = Math.max(dec(figs[1].text), dec(figs[2].text));
    const want = num(figs[1].text) + num(figs[2].text), got = num(figs[0].text);
    if (Math.abs(want - got) < 0.5 * 10 ** -d) return;
    out.push({ severity: DiagnosticSeverity.Error, source: '预决算公开表', code: 'column-sum',
      range: { start: { line: i, character: figs[0].col }, end: { line: i, character: figs[0].col + figs[0].text.length } },
      message: english
        ? `total ≠ basic + project: expected ${want.toFixed(d)}, found ${got.toFixed(d)}, difference ${Math.abs(got - want).toFixed(d)}`
        : `合计 ≠ 基本支出 + 项目支出：应为 ${want.toFixed(d)}，实为 ${got.toFixed(d)}，相差 ${Math.abs(got - want).toFixed(d)}`,
      data: { fix: want.toFixed(d) } });
  });
  conn.sendDiagnostics({ uri: doc.uri, diagnostics: out });
}

conn.onInitialize((params) => { english = /^en\b/i.test(params.locale || ''); return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true,
  completionProvider: { triggerCharacters: [] }, codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } } }; });
docs.onDidChangeContent((e) => check(e.document));
conn.onHover(({ textDocument, position }) => {
  const doc = docs.get(textDocument.uri); if (!doc) return null;
  const line = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  for (const m of line.matchAll(/\d{3,7}/g)) {
    if (position.character >= m.index && position.character <= m.index + m[0].length && CODES[m[0]])
      return { contents: { kind: 'markdown', value: `**${m[0]} ${CODES[m[0]]}**\n\n(stand-in)` } };
  }
  return null;
});
conn.onCompletion(() => Object.entries(CODES).map(([code, name]) => ({ label: `${code} ${name}`, filterText: code, insertText: code,
  kind: CompletionItemKind.Value, detail: name })));
conn.onCodeAction(({ textDocument, context }) => context.diagnostics.filter((d) => d.data?.fix).map((d) => ({
  title: `改为 ${d.data.fix}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true,
  edit: { changes: { [textDocument.uri]: [{ range: d.range, newText: d.data.fix }] } } })));
docs.listen(conn);
conn.listen();
