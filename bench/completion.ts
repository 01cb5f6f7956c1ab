/**
 * Completion latency on a catalog of several thousand entries (synthetic, generated here), reported as percentiles.
 *   1. in process: `searchCodes` on the catalog view (what a completion request does besides the protocol);
 *   2. the server's completion handler in process (a stand-in connection): context, search, items;
 *   3. through the real language server over stdio: the catalog is loaded as a user CSV catalog
 *      (`budgetTables.catalogFiles`), then `textDocument/completion` is timed end to end (JSON-RPC included).
 * Run after a build: `npm run build && node out/bench/completion.js [entries]`. No assertions: numbers only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompletionRequest, DidChangeConfigurationNotification, type CompletionList } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog, type CatalogRecord } from '../server/src/knowledge/catalog';
import { shippedKnowledge } from '../server/src/knowledge/load';
import { searchCodes } from '../server/src/knowledge/search';
import { completionFeature } from '../server/src/lsp/completion';
import { ServerContext } from '../server/src/lsp/context';
import { fileUri, TestClient } from '../test/support/lsp';
import { rng } from './generate';

const ENTRIES = Number(process.argv[2] ?? 6000);


const WORDS = ['行政', '事业', '运行', '管理', '事务', '公共', '服务', '卫生', '健康', '教育', '科学', '技术', '文化', '旅游', '体育', '社会', '保障', '就业',
  '住房', '改革', '城乡', '社区', '农林', '水利', '交通', '运输', '资源', '勘探', '工业', '信息', '产业', '监管', '商业', '金融', '援助', '自然', '海洋',
  '气象', '粮油', '储备', '灾害', '防治', '应急', '债务', '付息', '发行', '补助', '补贴', '缴费', '养老', '医疗', '救助', '福利', '安置', '优抚', '基建'];

/** About `n` codes shaped like the functional classification: 类 (3 digits) > 款 (5) > 项 (7), with Chinese names. */
function syntheticCatalog(n: number): { code: string; name: string }[] {
  const r = rng(42);
  const word = () => WORDS[Math.floor(r() * WORDS.length)];
  const out: { code: string; name: string }[] = [];
  const classes = 30;
  const perClass = Math.ceil(n / classes);
  const kuan = 12;
  const xiang = Math.max(1, Math.ceil(perClass / kuan) - 1);
  for (let c = 0; c < classes && out.length < n; c++) {
    const cc = String(201 + c);
    out.push({ code: cc, name: `${word()}${word()}支出` });
    for (let k = 1; k <= kuan && out.length < n; k++) {
      const kc = `${cc}${String(k).padStart(2, '0')}`;
      out.push({ code: kc, name: `${word()}${word()}事务` });
      for (let x = 1; x <= xiang && out.length < n; x++) {
        const code = `${kc}${String(x === xiang ? 99 : x === 1 ? 1 : x === 2 ? 2 : x === 3 ? 50 : x + 2).padStart(2, '0')}`;
        const name = x === 1 ? '行政运行' : x === 2 ? '一般行政管理事务' : x === 3 ? '事业运行' : x === xiang ? `其他${word()}${word()}支出` : `${word()}${word()}${word()}`;
        out.push({ code, name });
      }
    }
  }
  return out;
}

function percentiles(samples: number[]): { n: number; p50: number; p90: number; p99: number; max: number; mean: number } {
  const s = samples.slice().sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

const fmt = (x: number) => x.toFixed(3).padStart(8);
function report(title: string, samples: number[]): void {
  const p = percentiles(samples);
  console.log(`${title.padEnd(40)} n=${String(p.n).padStart(5)}  p50 ${fmt(p.p50)} ms  p90 ${fmt(p.p90)} ms  p99 ${fmt(p.p99)} ms  max ${fmt(p.max)} ms`);
}

const QUERIES: { label: string; text: string; anchor?: string }[] = [
  { label: 'code prefix "20103"', text: '20103', anchor: '201' },
  { label: 'code prefix "2"', text: '2' },
  { label: 'name fragment "一般行政"', text: '一般行政', anchor: '21505' },
  { label: 'name fragment "事业"', text: '事业' },
  { label: 'pinyin initials "syyx"', text: 'syyx', anchor: '20103' },
  { label: 'pinyin initials "ybxz"', text: 'ybxz' },
  { label: 'empty, below a 款 row', text: '', anchor: '21505' },
];

async function main(): Promise<void> {
  const synthetic = syntheticCatalog(ENTRIES);
  const records: CatalogRecord[] = [
    ...shippedKnowledge().records,
    ...synthetic.map((e) => ({ code: e.code, name: e.name, years: [2023], source: { type: 'user' as const, file: 'synthetic.csv' } })),
  ];
  console.log(`catalog: ${synthetic.length} synthetic entries + ${shippedKnowledge().records.length} shipped records (node ${process.version})`);

  // 1. In process.
  let t0 = performance.now();
  const catalog = new Catalog(records);
  const view = catalog.view(2023);
  console.log(`build the 2023 view (${view.size} codes): ${(performance.now() - t0).toFixed(1)} ms`);
  t0 = performance.now();
  searchCodes(view, [], { text: 'syyx' });
  console.log(`first pinyin query (computes every name's initials once): ${(performance.now() - t0).toFixed(1)} ms`);
  for (const q of QUERIES) {
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const s = performance.now();
      searchCodes(view, [], { text: q.text, anchor: q.anchor, kind: 'functional', limit: 100 });
      samples.push(performance.now() - s);
    }
    report(`in process: ${q.label}`, samples.slice(20));
  }

  // 2. The handler in process.
  const head = '# 基准 2023 年度部门决算\n部门：基准\n年度：2023\n类型：决算\n金额单位：万元\n\n## 表 公开05表 支出表\n列：科目编码 | 科目名称 | 合计[1] | 基本支出[2] | 项目支出[3]\n201 | 一般公共服务支出 | 1.00 | 1.00 |\n20103 | 政府办公厅（室）及相关机构事务 | 1.00 | 1.00 |\n';
  {
    type Handler = (p: { textDocument: { uri: string }; position: { line: number; character: number } }) => CompletionList | null;
    let handler: Handler | undefined;
    const docs = new Map<string, TextDocument>();
    // A stand-in for the connection and the document manager: only what the completion feature touches.
    const connection = { onCompletion: (h: Handler) => { handler = h; }, onCompletionResolve: () => undefined };
    const documents = { get: (u: string) => docs.get(u), all: () => [...docs.values()] };
    const ctx = new ServerContext(connection as never, documents as never);
    const shipped = shippedKnowledge();
    ctx.knowledge.setShipped(shipped.records, shipped.glossary, shipped.columns);
    ctx.knowledge.setUserCatalogs(new Map([['synthetic.csv', records.filter((r) => r.source.type === 'user')]]));
    completionFeature(ctx);
    const run = handler as Handler;
    for (const [qi, q] of QUERIES.entries()) {
      const text = `${head}${q.text}`;
      const d = TextDocument.create(`file:///bench-${qi}.budget`, 'budget', 1, text);
      docs.set(d.uri, d);
      const params = { textDocument: { uri: d.uri }, position: d.positionAt(text.length) };
      run(params);
      const samples: number[] = [];
      let items = 0;
      for (let i = 0; i < 300; i++) {
        const s = performance.now();
        items = run(params)?.items.length ?? 0;
        samples.push(performance.now() - s);
      }
      report(`handler: ${q.label} (${items} items)`, samples.slice(20));
    }
  }

  // 3. Through the server.
  const dir = mkdtempSync(join(tmpdir(), 'budget-bench-'));
  const client = new TestClient();
  try {
    writeFileSync(join(dir, 'synthetic-2023.csv'), `code,name\n${synthetic.map((e) => `${e.code},${e.name}`).join('\n')}\n`);
    await client.initialize('zh-cn', fileUri(dir));
    const uri = fileUri(join(dir, 'bench.budget'));
    await client.open(uri, head);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { budgetTables: { catalogFiles: ['synthetic-2023.csv'] } } });
    // Wait until the catalog is loaded: class 230 exists only in the synthetic catalog.
    let version = 1;
    const probe = `${head}230`;
    await client.change(uri, ++version, [{ text: probe }], false);
    const probeDoc = TextDocument.create(uri, 'budget', version, probe);
    for (let tries = 0; ; tries++) {
      const r = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: probeDoc.positionAt(probe.length) })) as CompletionList;
      if (r.items.length) break;
      if (tries > 200) throw new Error('the synthetic catalog was not loaded');
      await new Promise((res) => setTimeout(res, 50));
    }
    for (const q of QUERIES) {
      const text = `${head}${q.text}`;
      const doc = TextDocument.create(uri, 'budget', ++version, text);
      await client.change(uri, version, [{ text }], false);
      const samples: number[] = [];
      let items = 0;
      for (let i = 0; i < 200; i++) {
        const s = performance.now();
        const r = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: doc.positionAt(text.length) })) as CompletionList;
        samples.push(performance.now() - s);
        items = r.items.length;
      }
      report(`server round trip: ${q.label} (${items} items)`, samples.slice(10));
    }
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
