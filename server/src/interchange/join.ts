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
import { norm, sameUnit } from '../model/classify';
import { trimEndChars } from '../util/text';
import type { DocumentSummary, ImportedDocument } from './document';
import type { Doubt } from './import';

export interface ImportedFile {
  name: string;
  document: ImportedDocument;
}

/** The header fields compared between the files (the unit is carried, not compared). */
const COMPARED = ['部门', '年度', '类型'] as const;
const UNIT = /^(?:金额)?单位[：:]\s*(万元|元|亿元|千元)\s*$/;
const FIELD = /^([^：:|]{1,12})[：:](.*)$/;

interface Section { heading: string; lines: number[] }

/** A file's lines: its header (before the first `## `) and its sections, by line number. */
function sectionsOf(lines: string[]): { header: number[]; sections: Section[] } {
  const header: number[] = [];
  const sections: Section[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('## ')) sections.push({ heading: lines[i], lines: [i] });
    else if (sections.length) sections[sections.length - 1].lines.push(i);
    else header.push(i);
  }
  return { header, sections };
}

function headerFields(lines: string[], header: number[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of header) {
    const f = FIELD.exec(lines[i]);
    if (f && !lines[i].startsWith('//') && !lines[i].startsWith('#')) out.set(f[1].trim(), f[2].trim());
  }
  return out;
}

function unitOf(fields: Map<string, string>): string | undefined {
  return fields.get('金额单位') ?? (/^(万元|元|亿元|千元)$/.test(fields.get('单位') ?? '') ? fields.get('单位') : undefined);
}

/** Whether a section is a table (or form) that prints its own unit among its fields (before its columns). */
function printsUnit(lines: string[], s: Section): boolean {
  for (const i of s.lines.slice(1)) {
    const l = lines[i];
    if (l.startsWith('列：') || l.startsWith('### ') || l.includes(' | ')) return false;
    if (UNIT.test(l)) return true;
  }
  return false;
}

/** The main file's section after which the other files' tables go: a part naming 表 that holds no table, else none. */
function announcing(lines: string[], sections: Section[]): Section | undefined {
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
  const texts = files.map((f) => trimEndChars(f.document.text, '\n').split('\n'));
  const parsed = texts.map(sectionsOf);
  const fields = texts.map((lines, k) => headerFields(lines, parsed[k].header));
  const mainUnit = unitOf(fields[main]);

  const out: string[] = [];
  const doubts: Doubt[] = [];
  /** Where each file's lines went: file → its line → the joined text's line. */
  const placed = texts.map(() => new Map<number, number>());
  const put = (k: number, i: number, text = texts[k][i]) => { placed[k].set(i, out.length); out.push(text); };
  /** One blank line (no more: the joined text is not collapsed afterwards, its doubts keep their lines). */
  const blank = () => { if (out.length && out[out.length - 1] !== '') out.push(''); };

  const others = (): void => {
    for (let k = 0; k < files.length; k++) {
      if (k === main) continue;
      const lines = texts[k];
      blank();
      out.push(`// ${m.joinedFrom(files[k].name)}`);
      // What its header said that is not the main file's.
      const differ = COMPARED.filter((f) => {
        const theirs = fields[k].get(f);
        const ours = fields[main].get(f);
        // A unit's name said in full in one file, for short in the other (`中国共产党江苏省委员会办公厅`, `江苏省委办公厅`) is one unit.
        return theirs !== undefined && ours !== undefined && (f === '部门' ? !sameUnit(theirs, ours) : norm(theirs) !== norm(ours));
      });
      for (const f of differ) {
        const message = m.joinedHeaderDiffers(files[k].name, `${f}：${fields[k].get(f)}`, `${f}：${fields[main].get(f)}`);
        doubts.push({ line: 1, message, outputLine: out.length });
        out.push(`// ${m.importDoubt(message)}`);
      }
      // Its title and header fields as comments, its comments as they are (nothing is lost; the document has one header).
      for (const i of parsed[k].header) if (texts[k][i].trim()) put(k, i, texts[k][i].startsWith('//') ? texts[k][i] : `// ${texts[k][i]}`);
      const unit = unitOf(fields[k]);
      for (const s of parsed[k].sections) {
        const contents = /^## 目录\s*$/.test(s.heading);
        for (const i of s.lines) {
          put(k, i, contents && !lines[i].startsWith('//') && lines[i].trim() ? `// ${lines[i]}` : lines[i]);
          // Its unit, where the main file's is another and the table does not print its own.
          if (i === s.lines[0] && unit && unit !== mainUnit && (s.heading.startsWith('## 表 ') || !contents) && !printsUnit(lines, s)) out.push(`金额单位：${unit}`);
        }
      }
    }
    blank();
  };

  const lines = texts[main];
  const { header, sections } = parsed[main];
  for (const i of header) put(main, i);
  const at = announcing(lines, sections);
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
      ...files.filter((f) => f.document.skippedPages.length).map((f) => `${f.name}：${m.pdfImagePages(f.document.skippedPages.join('、'))}`),
    ].join('\n'),
    repairs: files.flatMap((f) => f.document.repairs),
    doubts,
    skippedPages: [],
  };
}
