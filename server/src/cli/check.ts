/** Checking one `.budget` file for `budget-check`: the analysis, with positions as 1-based lines and columns. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { analyze } from '../analysis';
import type { Finding } from '../checks/finding';
import { localeOf } from '../i18n/messages';
import { Catalog, type CodeKnowledge } from '../knowledge/index';
import { loadCatalogCsv, shippedKnowledge } from '../knowledge/load';
import { documentCodes } from '../knowledge/workspace';
import { LineIndex } from '../syntax/positions';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  rule: string;
  message: string;
}

/** What checking one file gives: its findings, and the codes it prints (for codes only other files know). */
export interface FileResult {
  findings: { f: JsonFinding; unknownCode?: string }[];
  codes: string[];
}

/** The options a check of one file needs (they cross to worker threads as plain data). */
export interface CheckOptions {
  lang?: string;
  roundingTails: boolean;
  catalog: boolean;
  catalogFiles: string[];
}

let knowledgeFor: { key: string; k: CodeKnowledge | undefined } | undefined;

/** Checks one file. */
export function checkFile(file: string, o: CheckOptions, err: (s: string) => void = (s) => process.stderr.write(s)): FileResult {
  const key = `${o.catalog}:${o.catalogFiles.join('\n')}`;
  if (knowledgeFor?.key !== key) knowledgeFor = { key, k: o.catalog ? cliKnowledge(o.catalogFiles, err) : undefined };
  const knowledge = knowledgeFor.k;
  const text = readFileSync(file, 'utf8');
  const a = analyze(text, { locale: localeOf(o.lang), roundingTails: o.roundingTails, ...(knowledge ? { knowledge } : {}) });
  const idx = new LineIndex(text);
  const shown = relative(process.cwd(), file) || file;
  const codes = knowledge ? documentCodes(a.document, file).codes.map((c) => c.code) : [];
  const findings = a.findings.map((f) => {
    const s = idx.position(f.span.start);
    const e = idx.position(f.span.end);
    const jf: JsonFinding = { file: shown, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: f.severity, rule: f.rule, message: f.message };
    return f.rule === 'code-unknown' ? { f: jf, unknownCode: text.slice(f.span.start, f.span.end).replace(/\s/g, '') } : { f: jf };
  });
  return { findings, codes };
}

/** The shipped catalog and the `--catalog` files. */
function cliKnowledge(extra: string[], err: (s: string) => void): CodeKnowledge {
  const shipped = shippedKnowledge();
  // Each file's records go before those read earlier (the last file first), and all before the shipped ones.
  let records = [...shipped.records];
  for (const f of extra) {
    try {
      records = [...loadCatalogCsv(f).records, ...records];
    } catch (e) {
      err(`budget-check: 无法读取科目目录 ${f}：${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return { catalog: new Catalog(records), glossary: shipped.glossary };
}

