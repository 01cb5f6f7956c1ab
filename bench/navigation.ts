/**
 * Navigation on a large document (10,000 rows by default), as medians of repeated runs:
 *   1. in process, on one analysis: outline, semantic tokens, folding ranges (what each request adds to the analysis);
 *   2. through the real language server over stdio: documentSymbol, semanticTokens/full, foldingRange, and a
 *      semanticTokens/full/delta after a one-character edit (that edit's re-analysis included).
 * Run after a build: `npm run bench:navigation [rows]`. No assertions: numbers only.
 */
import {
  DocumentSymbolRequest, FoldingRangeRequest, InitializedNotification, InitializeRequest, SemanticTokensDeltaRequest, SemanticTokensRequest,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../server/src/analysis';
import { editorMessages } from '../server/src/i18n/editor';
import { foldingRanges } from '../server/src/navigation/folding';
import { outline } from '../server/src/navigation/outline';
import { semanticTokens } from '../server/src/navigation/tokens';
import { TestClient } from '../test/support/lsp';
import { generate } from './generate';
import { timeAsync } from './timing';

const ROWS = Number(process.argv[2] ?? 10000);

async function main(): Promise<void> {
  const g = generate(ROWS);
  const a = analyze(g.text);
  const m = editorMessages('zh');
  const lines: string[] = [`${g.rows} rows, ${g.text.length} characters`];
  const analyzeMs = await timeAsync(() => analyze(g.text), 5);
  lines.push(`analyze (for scale): ${analyzeMs.toFixed(1)} ms`);
  lines.push(`outline: ${(await timeAsync(() => outline(a, m), 15)).toFixed(1)} ms (${count(outline(a, m))} symbols)`);
  lines.push(`semantic tokens: ${(await timeAsync(() => semanticTokens(a), 15)).toFixed(1)} ms (${semanticTokens(a).length} tokens)`);
  lines.push(`folding ranges: ${(await timeAsync(() => foldingRanges(a), 15)).toFixed(1)} ms (${foldingRanges(a).length} ranges)`);

  const client = new TestClient();
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, locale: 'zh-cn', workspaceFolders: null,
    capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } }, workspace: { configuration: false } },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  const uri = 'file:///bench/navigation.budget';
  await client.open(uri, g.text);
  const doc = TextDocument.create(uri, 'budget', 1, g.text);
  const id = { textDocument: { uri } };
  lines.push(`documentSymbol round trip: ${(await timeAsync(() => client.connection.sendRequest(DocumentSymbolRequest.type, id), 15)).toFixed(1)} ms`);
  lines.push(`semanticTokens/full round trip: ${(await timeAsync(() => client.connection.sendRequest(SemanticTokensRequest.type, id), 15)).toFixed(1)} ms`);
  lines.push(`foldingRange round trip: ${(await timeAsync(() => client.connection.sendRequest(FoldingRangeRequest.type, id), 15)).toFixed(1)} ms`);
  let last = await client.connection.sendRequest(SemanticTokensRequest.type, id);
  let version = 1;
  const at = doc.positionAt(g.text.indexOf(' | 合计 | ') + 9);
  const delta = await timeAsync(async () => {
    await client.change(uri, ++version, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: String(version % 10) }], false);
    const r = await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { ...id, previousResultId: last?.resultId ?? '' });
    if (r && 'resultId' in r && r.resultId) last = { resultId: r.resultId, data: [] };
  }, 15);
  lines.push(`edit + semanticTokens/full/delta round trip (re-analysis included): ${delta.toFixed(1)} ms`);
  await client.stop();
  process.stdout.write(lines.join('\n') + '\n');
}

function count(list: { children: unknown[] }[]): number {
  let n = 0;
  for (const s of list) n += 1 + count(s.children as { children: unknown[] }[]);
  return n;
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
