/**
 * Regenerates the knowledge data under `data/` from its sources:
 *   - `data/catalog/*.csv` + `SOURCES.md`: copied verbatim from `../shared/data/catalog` (when that folder exists);
 *   - `data/catalog/seed-codes.json`: every code printed with its name in the five seed documents;
 *   - `data/catalog/corpus-codes.json`: every code printed with its name in the real documents of
 *     `../shared/corpus/jiangsu` (their `pdftotext -layout` text), a name the catalog does not give kept only when two
 *     documents print it (a name a layout extraction took from the wrong row is printed by one);
 *   - `data/catalog/document-codes.json`: every code printed with its name in the whole real documents transcribed by
 *     hand into `test/fixtures/documents/*.budget` (each names its source in its first comment lines);
 *   - `data/glossary/seed-glossary.json`: the entries of the seeds' 名词解释 sections;
 *   - `data/vocabulary/seed-columns.json`: the column names the transcribed seeds declare.
 * A seed is read from its transcription in `seeds/*.budget` when there is one, else from the PDF text extraction
 * in `../shared/seeds/*.txt` (with the repairs described in `data/catalog/README.md`).
 *
 * Run: `npm run build && node out/scripts/build-knowledge.js` (or `npm run data`). Deterministic: same inputs, same files.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dataFolderReader } from '../server/src/knowledge/load';
import { SHIPPED_RECORDS, shippedSources } from '../server/src/knowledge/shipped';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildDocument, norm } from '../server/src/model/build';
import { codePathOf, glossaryLineOf } from '../server/src/model/glossaryLine';
import { parse } from '../server/src/syntax/parser';
import { codeCellsOf } from '../server/src/knowledge/codes';

const ROOT = join(__dirname, '..', '..');
const SHARED = process.env.BUDGET_SHARED_DIR ?? join(ROOT, '..', 'shared');
const CATALOG_OUT = join(ROOT, 'data', 'catalog');
const GLOSSARY_OUT = join(ROOT, 'data', 'glossary');
const VOCAB_OUT = join(ROOT, 'data', 'vocabulary');

/** The five seed documents: what each one is, and how to recognise its transcription. */
interface SeedDoc {
  id: string;
  txt: string;
  title: string;
  department: string;
  year: number;
  kind: '预算' | '决算';
  /** A fragment of the department name that identifies the document. */
  key: string;
}
const SEEDS: SeedDoc[] = [
  { id: 'xinzhou-2023-budget', txt: '000_c11ced0713adf71c.txt', title: '新洲区大数据中心 2023 年部门预算', department: '新洲区大数据中心', year: 2023, kind: '预算', key: '新洲' },
  { id: 'qiaokou-2023-final', txt: '001_3d9117acb7238360.txt', title: '2023 年度武汉市硚口区大数据中心部门决算', department: '武汉市硚口区大数据中心', year: 2023, kind: '决算', key: '硚口' },
  { id: 'dongxihu-2020-budget', txt: '002_a26962c5fc85fb3c.txt', title: '武汉市东西湖区大数据中心 2020 年部门预算', department: '武汉市东西湖区大数据中心', year: 2020, kind: '预算', key: '东西湖' },
  { id: 'wuhan-info-2022-budget', txt: '003_977aee08196e84ac.txt', title: '武汉市信息中心（武汉市大数据中心）2022 年单位预算', department: '武汉市信息中心（武汉市大数据中心）', year: 2022, kind: '预算', key: '信息中心' },
  { id: 'huangpi-2023-final', txt: '004_3ec73e31864cf5c6.txt', title: '2023 年度武汉市黄陂区网络运维服务中心部门决算', department: '武汉市黄陂区网络运维服务中心', year: 2023, kind: '决算', key: '黄陂' },
];

interface CodeName { code: string; name: string }
interface GlossaryOut { term: string; definition: string; path?: string[]; codes?: string[] }
interface Extracted {
  from: string;
  codes: CodeName[];
  glossary: GlossaryOut[];
  columns: string[];
  /** What the extraction left out and why (reported, not shipped). */
  dropped: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// The shared partial catalog: names by code, to judge the names a PDF extraction gives.

function readCsv(file: string): Record<string, string>[] {
  return parseCsv(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}

const CSV_FILES = ['functional-partial.csv', 'economic-dept-partial.csv', 'economic-gov-partial.csv'];

function copyShared(): void {
  const src = join(SHARED, 'data', 'catalog');
  if (!existsSync(src)) {
    console.log(`(no ${src}: keeping the committed copies in data/catalog)`);
    return;
  }
  mkdirSync(CATALOG_OUT, { recursive: true });
  for (const f of [...CSV_FILES, 'SOURCES.md']) if (existsSync(join(CATALOG_OUT, f))) chmodSync(join(CATALOG_OUT, f), 0o644);
  for (const f of [...CSV_FILES, 'SOURCES.md']) writeFileSync(join(CATALOG_OUT, f), readFileSync(join(src, f)));
}

function catalogNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const f of CSV_FILES) for (const r of readCsv(join(CATALOG_OUT, f))) names.set(r.code, r.name);
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// From a transcription (`.budget`): the document model says it all.

function fromBudget(file: string): Extracted {
  const text = readFileSync(file, 'utf8');
  const doc = buildDocument(parse(text));
  const codes: CodeName[] = [];
  const columns = new Set<string>();
  for (const t of doc.tables) for (const p of t.parts) {
    for (const c of p.columns) if (c.name) columns.add(c.name);
    for (const r of p.rows) for (const cc of codeCellsOf(r)) {
      if (cc.name && /^\d{3}(\d{2}){0,2}$/.test(cc.code)) codes.push({ code: cc.code, name: cleanName(cc.name) });
    }
  }
  const glossary = doc.glossary
    .filter((e) => e.definition.trim())
    .map((e) => ({ term: e.term, definition: e.definition.trim(), ...(e.path ? { path: e.path } : {}) }));
  return { from: relative(ROOT, file), codes, glossary, columns: [...columns], dropped: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// From the PDF text extraction (`.txt`): tab-separated fields, names split by spaces, some OCR noise.

const CODE_FIELD = /^(2\d{2}|2\d{4}|2\d{6}|[35]\d{2}|[35]\d{4})$/;
const NAME_FIELD = /^[\u4e00-\u9fff（）()、]+$/u;

/** A name as printed, without the spaces a PDF extraction puts inside it; parentheses full-width (the catalog's). */
function cleanName(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function fromTxt(file: string, catalog: Map<string, string>): Extracted {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const dropped: string[] = [];
  // code → name → count (a name printed in several tables outvotes an OCR slip in one)
  const seen = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const fields = line.split('\t').map((f) => f.trim());
    for (let i = 0; i < fields.length; i++) {
      if (!CODE_FIELD.test(fields[i])) continue;
      let name: string | undefined;
      for (let j = i + 1; j < Math.min(fields.length, i + 4); j++) {
        if (!fields[j]) continue;
        const n = cleanName(fields[j]);
        if (NAME_FIELD.test(n)) name = n;
        break;
      }
      if (!name) continue;
      const byName = seen.get(fields[i]) ?? new Map<string, number>();
      byName.set(name, (byName.get(name) ?? 0) + 1);
      seen.set(fields[i], byName);
    }
  }
  const all = [...seen.keys()];
  const codes: CodeName[] = [];
  for (const [code, byName] of [...seen].sort((a, b) => a[0].localeCompare(b[0]))) {
    const ranked = [...byName].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
    const known = catalog.get(code);
    // Prefer the catalog's name when the document prints it at all; else the name printed most often.
    const [name] = ranked.find(([n]) => n === known) ?? ranked[0];
    for (const [other] of ranked) if (other !== name) dropped.push(`${code} ${other}: outvoted by ${name}`);
    if (known && name !== known) {
      dropped.push(`${code} ${name}: the catalog names it ${known} (OCR noise or a lost code prefix in the extraction)`);
      continue;
    }
    if (!known && code.length === 3 && !all.some((c) => c !== code && c.startsWith(code))) {
      dropped.push(`${code} ${name}: a 类 code with no 款 under it and unknown to the catalog (a 款 whose prefix the extraction lost)`);
      continue;
    }
    codes.push({ code, name });
  }

  // The glossary: the last 名词解释 part (the first is the table of contents), up to the next part.
  const glossary: GlossaryOut[] = [];
  const starts = lines.map((l, i) => (/^\s*第[一二三四五六七八九十]+部分\s*名词解释\s*$/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (starts.length) {
    let last: GlossaryOut | undefined;
    for (let i = starts[starts.length - 1] + 1; i < lines.length; i++) {
      const raw = lines[i].replace(/^\s*-\s+/, '').trim();
      if (/^第[一二三四五六七八九十]+部分/.test(raw)) break;
      if (!raw) continue;
      const m = glossaryLineOf(raw);
      if (m) {
        last = { term: m.term, definition: m.definition };
        glossary.push(last);
      } else if (/^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)/.test(raw)) {
        last = undefined; // a sub-heading such as （十）本部门使用的支出功能分类科目(到项级)
      } else if (last) last.definition += raw;
    }
  }
  for (const g of glossary) {
    const path = codePathOf(norm(g.term));
    if (path) g.path = path;
  }
  return { from: relative(ROOT, file), codes, glossary: glossary.filter((g) => g.definition), columns: [], dropped };
}

// ---------------------------------------------------------------------------------------------------------------
// From a `pdftotext -layout` text (the corpus): fields separated by runs of spaces, a table row is a code, its name
// and figures.

const LAYOUT_ROW = /^\s*(\d{3}|\d{5}|\d{7})\s+([\u4e00-\u9fff（）()、]+)\s{2,}-?[\d,]+(?:\.\d+)?(?:\s|$)/u;

interface CorpusDoc { id: string; title: string; year: number; file: string }

function corpusDocs(): CorpusDoc[] {
  const dir = join(SHARED, 'corpus', 'jiangsu');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const title = f.replace(/\.txt$/, '').replace(/__/g, ' ');
    const year = Number(/(20\d{2})/.exec(f)?.[1]);
    return { id: `jiangsu-${year}-${title.replace(/\s+/g, '-')}`, title, year, file: join(dir, f) };
  }).filter((d) => d.year > 2000);
}

/** code → name → the corpus documents that print it. */
function fromLayout(docs: CorpusDoc[]): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  for (const d of docs) {
    for (const line of readFileSync(d.file, 'utf8').split(/\r?\n/)) {
      const m = LAYOUT_ROW.exec(line);
      if (!m || !CODE_FIELD.test(m[1])) continue;
      const name = cleanName(m[2]);
      const byName = out.get(m[1]) ?? new Map<string, Set<string>>();
      const ids = byName.get(name) ?? new Set<string>();
      ids.add(d.id);
      byName.set(name, ids);
      out.set(m[1], byName);
    }
  }
  return out;
}

function writeCorpusCodes(catalog: Map<string, string>, fixtures: { docs: FixtureDoc[]; count: number }): void {
  const docs = corpusDocs();
  if (!docs.length) {
    console.log('(no ../shared/corpus/jiangsu: keeping the committed data/catalog/corpus-codes.json)');
    return;
  }
  const byId = new Map(docs.map((d) => [d.id, d]));
  const codes: { code: string; name: string; years: number[]; documents: string[] }[] = [];
  for (const [code, byName] of [...fromLayout(docs)].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const [name, ids] of [...byName].sort((a, b) => a[0].localeCompare(b[0]))) {
      const known = catalog.get(code);
      if (known !== name && ids.size < 2) {
        console.log(`  corpus: left out ${code} ${name} (printed once, ${known ? `the catalog names it ${known}` : 'unknown to the catalog'})`);
        continue;
      }
      const documents = [...ids].sort();
      codes.push({ code, name, years: [...new Set(documents.map((id) => byId.get(id)!.year))].sort(), documents });
    }
  }
  const used = new Set(codes.flatMap((c) => c.documents));
  writeFileSync(join(CATALOG_OUT, 'corpus-codes.json'), JSON.stringify({
    about: 'Every subject code printed with its name in the real Jiangsu budgets of ../shared/corpus (their pdftotext -layout text), with the documents and fiscal years that print it; a name the shipped catalog does not give is kept only when two documents print it.',
    generated: 'Generated by scripts/build-knowledge.ts (npm run data); do not edit by hand.',
    documents: docs.filter((d) => used.has(d.id)).map((d) => ({ id: d.id, title: d.title, year: d.year, from: relative(join(SHARED, '..'), d.file) })),
    codes,
  }, null, 1) + '\n');
  console.log(`wrote ${codes.length} corpus codes from ${used.size} documents`);
  writeProvenance(docs.filter((d) => used.has(d.id)), codes.length, fixtures);
}

// ---------------------------------------------------------------------------------------------------------------
// The whole documents transcribed by hand (test/fixtures/documents): the document model reads their codes, as a
// seed's; each one's first comment lines say where it comes from (`// 来源：…`, the PDF's SHA-256).

interface FixtureDoc { id: string; title: string; department: string; year: number; kind: string; from: string; source: string; sha256: string }

/**
 * A name the catalog gives otherwise is kept only when two documents print it (as the corpus's, `writeCorpusCodes`): a
 * document of 2025 printing 20805's name of before 2019 (行政事业单位离退休) is one document's slip, not that year's name.
 * A code the catalog does not know is kept from one document: these are transcribed by hand, not taken from a layout.
 */
function writeDocumentCodes(catalog: Map<string, string>): { docs: FixtureDoc[]; count: number } {
  const dir = join(ROOT, 'test', 'fixtures', 'documents');
  const docs: FixtureDoc[] = [];
  const byCode = new Map<string, { code: string; name: string; years: Set<number>; documents: string[] }>();
  for (const f of existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.budget')).sort() : []) {
    const file = join(dir, f);
    const text = readFileSync(file, 'utf8');
    const doc = buildDocument(parse(text));
    const year = doc.header.year;
    const department = doc.header.department?.value ?? '';
    // Only a document that names its source (a URL) and its PDF's SHA-256 is a source of codes.
    const source = /^\/\/\s*来源：\s*(https?:\/\/\S+)/m.exec(text)?.[1];
    const sha256 = /SHA-256[\s/]*([0-9a-f]{64})/.exec(text)?.[1];
    if (!year || !department || !source || !sha256) {
      console.log(`  documents: left out ${f} (no year, department, source or SHA-256 in its header)`);
      continue;
    }
    const id = f.replace(/\.budget$/, '');
    const x = fromBudget(file);
    docs.push({ id, title: `${department} ${year} 年${doc.header.kind === '决算' ? '部门决算' : '部门预算'}`, department, year, kind: doc.header.kind ?? '', from: x.from, source, sha256 });
    for (const c of x.codes) {
      const k = `${c.code} ${c.name}`;
      const e = byCode.get(k) ?? { code: c.code, name: c.name, years: new Set<number>(), documents: [] };
      e.years.add(year);
      if (!e.documents.includes(id)) e.documents.push(id);
      byCode.set(k, e);
    }
  }
  const codes = [...byCode.values()]
    .filter((e) => {
      const known = catalog.get(e.code);
      if (known === undefined || sameName(known, e.name) || e.documents.length > 1) return true;
      console.log(`  documents: left out ${e.code} ${e.name} (printed once, the catalog names it ${known})`);
      return false;
    })
    .sort((a, b) => a.code.localeCompare(b.code) || a.name.localeCompare(b.name))
    .map((e) => ({ code: e.code, name: e.name, years: [...e.years].sort(), documents: e.documents }));
  writeFileSync(join(CATALOG_OUT, 'document-codes.json'), JSON.stringify({
    about: 'Every subject code printed with its name in the whole real documents transcribed by hand into test/fixtures/documents, with the documents and fiscal years that print it.',
    generated: 'Generated by scripts/build-knowledge.ts (npm run data); do not edit by hand.',
    documents: docs, codes,
  }, null, 1) + '\n');
  console.log(`wrote ${codes.length} document codes from ${docs.length} documents`);
  return { docs, count: codes.length };
}

const PROVENANCE_MARK = '<!-- generated by scripts/build-knowledge.ts: codes printed in real documents -->';

/** SOURCES.md (the shared catalog's provenance) with a section on the codes taken from the seeds and the corpus. */
function writeProvenance(docs: CorpusDoc[], count: number, fixtures: { docs: FixtureDoc[]; count: number }): void {
  const file = join(CATALOG_OUT, 'SOURCES.md');
  const shared = existsSync(file) ? readFileSync(file, 'utf8').split(PROVENANCE_MARK)[0].trimEnd() : '';
  const rows = docs.map((d) => `| \`${d.id}\` | ${d.year} | ${d.title} | \`${relative(join(SHARED, '..'), d.file)}\` (and the PDF beside it) |`);
  const fixtureRows = fixtures.docs.map((d) => `| \`${d.id}\` | ${d.year} | ${d.title} | \`${d.from}\` | ${d.source} (PDF SHA-256 \`${d.sha256}\`) |`);
  writeFileSync(file, `${shared}

${PROVENANCE_MARK}
## Codes printed in real documents: \`seed-codes.json\`, \`corpus-codes.json\`, \`document-codes.json\`

Besides the partial catalogs above, the shipped knowledge holds every subject code printed with its name in the real
documents the project has, each with the documents and fiscal years that print it (so a name a code had in 2017 is
accepted for a 2017 document, and the newer one for a newer document). Generated by \`scripts/build-knowledge.ts\`
(\`npm run data\`, with \`BUDGET_SHARED_DIR\` naming the shared folder):

- \`seed-codes.json\`: the five seed documents (\`seeds/*.budget\`, transcribed from \`shared/seeds\`).
- \`corpus-codes.json\` (${count} code–name pairs): the tables of the Jiangsu provincial department budgets of
  \`shared/corpus/jiangsu\` (public documents of ae86jack/open-budget@b7cedd1, the same as S12–S24 above), read from
  their \`pdftotext -layout\` text: a row is a code, its name and a figure. A name the catalog does not give is kept
  only when two documents print it.

| id | year | document | text |
|---|---|---|---|
${rows.join('\n')}

- \`document-codes.json\` (${fixtures.count} code–name pairs): the tables of the whole real documents transcribed by hand
  into \`test/fixtures/documents\` (each file's first comment lines say how). Their page texts and tables are those a
  public checker's repository froze from the PDFs (zxj6827111-blip/GovBudgetChecker \`tests/fixtures/*_page_data.json\`,
  each with its PDF's SHA-256; that repository keeps its deliberately broken samples elsewhere, \`samples/bad\`, and
  replays these as real samples): the PDFs themselves were not seen, and the names are as faithful as that extraction
  (the caution about that repository's fixtures above applies). 21508 and 2150899 are printed again, with the same
  names, by another document of that repository (\`jianguanwei_budget_page_data.json\`, 上海市普陀区建设和管理委员会 2026,
  not transcribed); the 2070101–2070199 项, 2079903 and 2079999 by no other document the project has.

| id | year | document | transcription | source |
|---|---|---|---|---|
${fixtureRows.join('\n')}
`);
}


// ---------------------------------------------------------------------------------------------------------------

/** Which codes a glossary entry explains: the document's codes with the entry's (项) name, under its 类 when given. */
function explainedCodes(g: GlossaryOut, codes: CodeName[]): string[] {
  const leaf = norm(g.path ? g.path[g.path.length - 1] : g.term);
  const byCode = new Map(codes.map((c) => [c.code, c.name]));
  const levelOf = g.path ? [3, 5, 7][g.path.length - 1] : undefined;
  const found = codes
    .filter((c) => sameName(c.name, leaf) && (levelOf === undefined || c.code.length === levelOf))
    .filter((c) => !g.path || g.path.length < 2 || sameName(byCode.get(c.code.slice(0, 3)) ?? '', g.path[0]))
    .map((c) => c.code)
    .filter((c, i, a) => a.indexOf(c) === i);
  // A bare name listed among the 支出功能分类科目(到项级) explains the 项, not an economic 款 of the same name (住房公积金).
  return found.some((c) => c.length === 7) ? found.filter((c) => c.length === 7) : found;
}

function sameName(a: string, b: string): boolean {
  const n = (s: string) => norm(s).replace(/[()]/g, (c) => (c === '(' ? '（' : '）'));
  return n(a) === n(b);
}

function findTranscription(seed: SeedDoc): string | undefined {
  const dir = join(ROOT, 'seeds');
  if (!existsSync(dir)) return undefined;
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.budget')) continue;
    const file = join(dir, f);
    const doc = buildDocument(parse(readFileSync(file, 'utf8')));
    const who = `${doc.header.department?.value ?? ''} ${doc.header.title ?? ''} ${doc.title ?? ''}`;
    if (doc.header.year === seed.year && doc.header.kind === seed.kind && who.includes(seed.key)) return file;
  }
  return undefined;
}

function main(): void {
  copyShared();
  const catalog = catalogNames();
  const documents: object[] = [];
  const codeDocs = new Map<string, { code: string; name: string; years: Set<number>; documents: string[] }>();
  const glossaryOut: object[] = [];
  const columns = new Map<string, Set<string>>();
  for (const seed of SEEDS) {
    const budget = findTranscription(seed);
    const txt = join(SHARED, 'seeds', seed.txt);
    let x: Extracted;
    let id = seed.id;
    if (budget) {
      x = fromBudget(budget);
      id = budget.replace(/^.*[\\/]/, '').replace(/\.budget$/, '');
    } else if (existsSync(txt)) x = fromTxt(txt, catalog);
    else {
      console.log(`skip ${seed.id}: neither a transcription nor ${txt}`);
      continue;
    }
    documents.push({ id, title: seed.title, department: seed.department, year: seed.year, kind: seed.kind, seed: seed.txt, from: x.from });
    for (const c of x.codes) {
      const k = `${c.code} ${c.name}`;
      const e = codeDocs.get(k) ?? { code: c.code, name: c.name, years: new Set<number>(), documents: [] };
      e.years.add(seed.year);
      if (!e.documents.includes(id)) e.documents.push(id);
      codeDocs.set(k, e);
    }
    for (const g of x.glossary) {
      const codes = explainedCodes(g, x.codes);
      glossaryOut.push({ document: id, term: g.term, definition: g.definition, ...(g.path ? { path: g.path } : {}), ...(codes.length ? { codes } : {}) });
    }
    for (const c of x.columns) {
      const s = columns.get(c) ?? new Set<string>();
      s.add(id);
      columns.set(c, s);
    }
    console.log(`${id}: ${x.codes.length} codes, ${x.glossary.length} glossary entries, ${x.columns.length} column names, from ${x.from}`);
    for (const d of x.dropped) console.log(`  left out ${d}`);
  }
  const codes = [...codeDocs.values()]
    .sort((a, b) => a.code.localeCompare(b.code) || a.name.localeCompare(b.name))
    .map((e) => ({ code: e.code, name: e.name, years: [...e.years].sort(), documents: e.documents }));
  mkdirSync(CATALOG_OUT, { recursive: true });
  mkdirSync(GLOSSARY_OUT, { recursive: true });
  mkdirSync(VOCAB_OUT, { recursive: true });
  const generated = 'Generated by scripts/build-knowledge.ts (npm run data); do not edit by hand.';
  writeFileSync(join(CATALOG_OUT, 'seed-codes.json'), JSON.stringify({
    about: 'Every subject code printed with its name in the seed documents (one entry per code and name), with the documents and fiscal years that print it.',
    generated, documents, codes,
  }, null, 1) + '\n');
  writeFileSync(join(GLOSSARY_OUT, 'seed-glossary.json'), JSON.stringify({
    about: 'The 名词解释 entries of the seed documents, as each document prints them. `path`: the 类/款/项 names of an entry that explains a code; `codes`: the codes of that document it explains.',
    generated, documents, entries: glossaryOut,
  }, null, 1) + '\n');
  writeFileSync(join(VOCAB_OUT, 'seed-columns.json'), JSON.stringify({
    about: 'Column names declared in the transcribed seed documents (`列：` lines), with the documents that use them.',
    generated,
    columns: [...columns].sort((a, b) => a[0].localeCompare(b[0])).map(([name, docs]) => ({ name, documents: [...docs].sort() })),
  }, null, 1) + '\n');
  console.log(`wrote ${codes.length} seed codes, ${glossaryOut.length} glossary entries, ${columns.size} column names`);
  writeCorpusCodes(catalog, writeDocumentCodes(catalog));
  // The catalog's records as one JSON file, read fast at start (scripts/build-catalog.ts).
  const records = shippedSources(dataFolderReader(join(CATALOG_OUT, '..')));
  writeFileSync(join(CATALOG_OUT, '..', ...SHIPPED_RECORDS.split('/')), `${JSON.stringify(records)}\n`);
}

main();
