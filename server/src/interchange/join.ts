/**
 * One document from several imported files: a disclosure published as two PDFs — its text (概况, 情况说明, 名词解释) and
 * its tables (公开01表…; half of the Jiangsu budgets in ../shared/corpus are so published) — is one document to check:
 * the narrative's figures against the tables, the tables' identities, the 目录 against what is printed. Each file is
 * imported on its own (./document); this puts them together as `.budget` text, losing no line:
 *
 * - the **main** file is the one with the most narrative (paragraphs); its header and 目录 are the document's;
 * - every other file's sections (`## …`) go where the main file announces its tables (a part heading naming 表 with no
 *   table under it: `## 第二部分 2019 年度部门预算表` / `2019 年度部门预算公开表附后。`), else at the end, in the order the
 *   files were given; its own 目录 is kept as comments (one document has one 目录); its header's 部门, 年度, 类型 are
 *   compared with the main file's (a difference is a doubt), and where its 金额单位 differs, each of its tables that does
 *   not print its own unit says it (`金额单位：元` under its heading).
 *
 * Pure text in, text out: no file is read here (the CLI and the language server read them).
 */
import { editorMessages, type EditorMessages } from '../i18n/editor';
import { buildDocument } from '../model/build';
import { sameUnit } from '../model/classify';
import type { BudgetDocument, Header } from '../model/document';
import { parse } from '../syntax/parser';
import { LineIndex } from '../syntax/positions';
import { trimEndChars } from '../util/text';
import type { DocumentSummary, ImportedDocument } from './document';
import type { Doubt } from './import';

export interface ImportedFile {
  name: string;
  document: ImportedDocument;
}

/** A file as the language reads it (its header, its tables' units), and its lines by section. */
interface Read {
  lines: string[];
  /** The lines before the first `## `: title, header fields, comments. */
  header: number[];
  sections: Section[];
  document: BudgetDocument;
  /** The first lines of its tables and forms that declare no unit of their own. */
  unitless: Set<number>;
}

interface Section { heading: string; lines: number[] }

function read(text: string): Read {
  const lines = trimEndChars(text, '\n').split('\n');
  const header: number[] = [];
  const sections: Section[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('## ')) sections.push({ heading: lines[i], lines: [i] });
    else if (sections.length) sections[sections.length - 1].lines.push(i);
    else header.push(i);
  }
  const document = buildDocument(parse(text));
  const at = new LineIndex(text);
  const unitless = new Set(document.tables.filter((t) => !t.unitField).map((t) => at.position(t.headingSpan.start).line));
  return { lines, header, sections, document, unitless };
}

/** The header fields compared between the files (the unit is carried, not compared): how each is the same. */
const COMPARED: { key: string; value: (h: Header) => string | number | undefined; same: (a: string, b: string) => boolean }[] = [
  // A unit's name said in full in one file, for short in the other (`中国共产党江苏省委员会办公厅`, `江苏省委办公厅`) is one unit.
  { key: '部门', value: (h) => h.department?.value, same: sameUnit },
  { key: '年度', value: (h) => h.year, same: (a, b) => a === b },
  { key: '类型', value: (h) => h.kind, same: (a, b) => a === b },
];

/** The main file's section after which the other files' tables go: a part naming 表 that holds no table, else none. */
function announcing({ lines, sections }: Read): Section | undefined {
  return sections.find((s) => /^## (?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)?.*表/.test(s.heading) && !s.heading.startsWith('## 表 ')
    && !s.lines.some((i) => lines[i].startsWith('列：')));
}

/**
 * The files as one document. The doubts keep pointing at their lines (`outputLine` in the joined text); a file whose
 * header says another 部门, 年度 or 类型 adds one, at its first section. One file: itself.
 */
export function joinImported(files: readonly ImportedFile[], locale?: EditorMessages | Parameters<typeof editorMessages>[0]): ImportedDocument {
  const m = typeof locale === 'object' ? locale : editorMessages(locale);
  if (files.length === 1) return files[0].document;
  let main = 0;
  files.forEach((f, k) => { if (f.document.summary.paragraphs > files[main].document.summary.paragraphs) main = k; });
  const reads = files.map((f) => read(f.document.text));
  const ours = reads[main].document.header;

  const out: string[] = [];
  const doubts: Doubt[] = [];
  /** Where each file's lines went: file → its line → the joined text's line. */
  const placed = reads.map(() => new Map<number, number>());
  const put = (k: number, i: number, text = reads[k].lines[i]) => { placed[k].set(i, out.length); out.push(text); };
  /** One blank line (no more: the joined text is not collapsed afterwards, its doubts keep their lines). */
  const blank = () => { if (out.length && out[out.length - 1] !== '') out.push(''); };

  const others = (): void => {
    for (let k = 0; k < files.length; k++) {
      if (k === main) continue;
      const { lines, header, sections, document, unitless } = reads[k];
      const theirs = document.header;
      blank();
      out.push(`// ${m.joinedFrom(files[k].name)}`);
      // What its header said that is not the main file's.
      for (const f of COMPARED) {
        const a = f.value(theirs);
        const b = f.value(ours);
        if (a === undefined || b === undefined || f.same(String(a), String(b))) continue;
        const message = m.joinedHeaderDiffers(files[k].name, `${f.key}：${a}`, `${f.key}：${b}`);
        doubts.push({ line: 1, message, outputLine: out.length });
        out.push(`// ${m.importDoubt(message)}`);
      }
      // Its title and header fields as comments, its comments as they are (nothing is lost; the document has one header).
      for (const i of header) if (lines[i].trim()) put(k, i, lines[i].startsWith('//') ? lines[i] : `// ${lines[i]}`);
      // Its unit, under each of its tables that does not print one, where the main file's is another.
      const unit = theirs.unit !== ours.unit ? theirs.unit : undefined;
      for (const s of sections) {
        const contents = /^## 目录\s*$/.test(s.heading);
        for (const i of s.lines) {
          put(k, i, contents && !lines[i].startsWith('//') && lines[i].trim() ? `// ${lines[i]}` : lines[i]);
          if (unit && i === s.lines[0] && unitless.has(i)) out.push(`金额单位：${unit}`);
        }
      }
    }
    blank();
  };

  const { header, sections } = reads[main];
  for (const i of header) put(main, i);
  const at = announcing(reads[main]);
  for (const s of sections) {
    for (const i of s.lines) put(main, i);
    if (s === at) others();
  }
  if (!at) others();

  for (let k = 0; k < files.length; k++) {
    for (const d of files[k].document.doubts) doubts.push({ ...d, outputLine: placed[k].get(d.outputLine) ?? d.outputLine });
  }
  doubts.sort((a, b) => a.outputLine - b.outputLine);
  const summary: DocumentSummary = { tables: 0, rows: 0, figures: 0, paragraphs: 0, terms: 0, repairs: 0, doubts: doubts.length, skipped: 0 };
  for (const f of files) {
    const s = f.document.summary;
    summary.tables += s.tables; summary.rows += s.rows; summary.figures += s.figures; summary.paragraphs += s.paragraphs;
    summary.terms += s.terms; summary.repairs += s.repairs; summary.skipped += s.skipped;
  }
  const where = at ? at.heading.slice(3).trim() : undefined;
  return {
    ok: true,
    text: `${trimEndChars(out.join('\n'), '\n')}\n`,
    summary,
    message: [
      m.joinedSummary(files[main].name, files.filter((_, k) => k !== main).map((f) => f.name), where),
      ...files.map((f) => f.document.message),
      // Page numbers are each file's own: said per file, not listed together.
      ...files.filter((f) => f.document.skippedPages.length).map((f) => m.ofFile(f.name, m.pdfImagePages(f.document.skippedPages))),
    ].join('\n'),
    repairs: files.flatMap((f) => f.document.repairs),
    doubts,
    skippedPages: [],
  };
}
