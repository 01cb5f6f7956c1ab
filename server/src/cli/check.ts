/** Checking one `.budget` file for `budget-check`: the analysis, with positions as 1-based lines and columns. */
import { relative } from 'node:path';
import { analyze } from '../analysis';
import type { Finding } from '../checks/finding';
import { shown as shownAs } from '../checks/justifications';
import type { RuleId } from '../checks/ruleIds';
import { applyRuleSettings, type ProjectConfig } from '../config/project';
import { cliMessages } from '../i18n/cli';
import type { Locale } from '../i18n/messages';
import { Catalog, type CatalogRecord, type CodeKnowledge } from '../knowledge/index';
import { shippedKnowledge } from '../knowledge/load';
import { documentCodes } from '../knowledge/workspace';
import { LineIndex } from '../syntax/positions';
import { decode } from '../util/decode';
import { readRegularFile } from './files';

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  rule: RuleId;
  message: string;
  /** The document accepts the finding (`说明：…`): the reason it gives. Shown as information unless
   * `--count-acknowledged`. */
  acknowledged?: string;
}

/** What checking one file gives: its findings and the codes it prints (for codes only other files know), or why it
 * could not be checked. */
export interface FileResult {
  findings: { f: JsonFinding; unknownCode?: string }[];
  codes: string[];
  failure?: string;
}

/** The options a check of one file needs (they cross to worker threads as plain data). */
export interface CheckOptions {
  locale: Locale;
  roundingTails: boolean;
  catalog: boolean;
  /** The user's catalogs (the project configuration's, then `--catalog`), read by the main thread: the last read first. */
  userRecords: CatalogRecord[];
  rules: ProjectConfig['rules'];
  /** The narrative's change thresholds (budget-tables.json). */
  thresholds?: ProjectConfig['thresholds'];
  /** Findings the document accepts (`说明：…`) keep their severity. */
  countAcknowledged?: boolean;
  /** The project's standard table set (`auto`, `off`, a set's name: budget-tables.json's `standardSet`). */
  standardSet?: string;
}

let knowledgeFor: { o: CheckOptions; k: CodeKnowledge | undefined } | undefined;

function knowledgeOf(o: CheckOptions): CodeKnowledge | undefined {
  if (knowledgeFor?.o !== o) {
    const shipped = shippedKnowledge();
    knowledgeFor = { o, k: o.catalog ? { catalog: new Catalog([...o.userRecords, ...shipped.records]), glossary: shipped.glossary } : undefined };
  }
  return knowledgeFor.k;
}

/** The name a file is shown by: relative to the current folder. */
export function shownName(file: string): string {
  return relative(process.cwd(), file) || file;
}

/** Checks one file. */
export function checkFile(file: string, o: CheckOptions): FileResult {
  const m = cliMessages(o.locale);
  const shown = shownName(file);
  const read = readRegularFile(file, m);
  if (!read.ok) return { findings: [], codes: [], failure: read.message };
  return checkBytes(read.bytes, shown, o);
}

/** Checks a document's bytes (a file's, or standard input's), shown as `shown`. */
export function checkBytes(bytes: Uint8Array, shown: string, o: CheckOptions): FileResult {
  const d = decode(bytes);
  if (!d.ok) return { findings: [], codes: [], failure: cliMessages(o.locale).undecodable(shown, d.at.line, d.at.column) };
  const text = d.text;
  try {
    const knowledge = knowledgeOf(o);
    // Each file is read once: nothing of it is kept to be recalled (standard/recall.ts would hold analyses of up to
    // 40,000 rows alive in a worker's bounded heap).
    const a = analyze(text, { locale: o.locale, roundingTails: o.roundingTails, standard: { set: o.standardSet, recall: false }, ...(knowledge ? { knowledge } : {}), ...(o.thresholds ? { thresholds: o.thresholds } : {}) });
    const codes = knowledge ? documentCodes(a.document, shown).codes.map((c) => c.code) : [];
    return { findings: jsonFindings(applyRuleSettings(a.findings, o.rules), text, shown, o.locale, o.countAcknowledged), codes };
  } catch (e) {
    // A defect of the analysis: said plainly for this file (no stack trace), and the other files are still checked.
    return { findings: [], codes: [], failure: cliMessages(o.locale).fileProblem(shown, cliMessages(o.locale).internalError(e instanceof Error ? e.message : String(e))) };
  }
}

/**
 * Findings with 1-based lines and columns (in UTF-16 code units, as editors count). A finding the document accepts
 * (`说明：…`) says so, and counts as information unless `countAcknowledged`.
 */
export function jsonFindings(findings: Finding[], text: string, shown: string, locale?: Locale, countAcknowledged = false): FileResult['findings'] {
  const idx = new LineIndex(text);
  return findings.map((f) => {
    const s = idx.position(f.span.start);
    const e = idx.position(f.span.end);
    const view = shownAs(f, locale);
    const severity = countAcknowledged ? f.severity : view.severity;
    const jf: JsonFinding = { file: shown, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity, rule: f.rule, message: view.message };
    if (f.acknowledged) jf.acknowledged = f.acknowledged.reason;
    return f.rule === 'code-unknown' ? { f: jf, unknownCode: text.slice(f.span.start, f.span.end).replace(/\s/g, '') } : { f: jf };
  });
}
