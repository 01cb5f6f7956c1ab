/**
 * `budget-check PATH...`: audits `.budget` files and folders from a terminal or a CI job.
 * Prints the findings (`--format text|json|sarif|github`) and a summary. Exit codes: 0 no error found, 1 errors found,
 * 2 the check could not be done in full (bad arguments, a file or catalog that cannot be read).
 * This module reads the arguments and the project configuration (`budget-tables.json`), finds the files (./files)
 * and prints (./report); the checking (./check) runs in worker threads (./workers), or in this thread for a few files.
 */
export type { JsonFinding } from './check';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CONFIG_FILE, DEFAULT_CONFIG, catalogPaths, parseProjectConfig, type ProjectConfig } from '../config/project';
import { cliLocale, cliMessages, type CliMessages } from '../i18n/cli';
import type { Locale } from '../i18n/messages';
import type { CatalogRecord } from '../knowledge/index';
import { parseCatalog } from '../knowledge/load';
import { decode } from '../util/decode';
import { VERSION } from '../version';
import { checkBytes, jsonFindings, shownName, type CheckOptions, type FileResult, type JsonFinding } from './check';
import { findFiles, readRegularFile, readStdin } from './files';
import { FORMATS, githubLine, sarifLog, textLine, type OutputFormat } from './report';
import { checkAll, stats } from './workers';

type Write = (s: string) => void;

interface Options {
  paths: string[];
  format: OutputFormat;
  exitZero: boolean;
  /** `--count-acknowledged`: findings the document accepts (`说明：…`) keep their severity and count. */
  countAcknowledged: boolean;
  /** `--no-rounding`; else the configuration's `roundingDiagnostics`, else on. */
  roundingTails: boolean | undefined;
  catalog: boolean;
  catalogFiles: string[];
  config: string | undefined;
  stdinFilename: string | undefined;
}

type Parsed = Options | { help: true } | { version: true } | { problem: string };

function parseArgs(argv: string[], m: CliMessages): Parsed {
  const o: Options = { paths: [], format: 'text', exitZero: false, countAcknowledged: false, roundingTails: undefined, catalog: true, catalogFiles: [], config: undefined, stdinFilename: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const a = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    const needs = ['--format', '--lang', '--catalog', '--config', '--stdin-filename'];
    let v: string | undefined;
    if (needs.includes(a) && ((v = value()) === undefined || v === '')) return { problem: m.needsValue(a) };
    if (a === '--format') {
      if (!(FORMATS as readonly string[]).includes(v!)) return { problem: m.badFormat(v!, FORMATS) };
      o.format = v as OutputFormat;
    } else if (a === '--lang') continue;
    else if (a === '--catalog') o.catalogFiles.push(v!);
    else if (a === '--config') o.config = v;
    else if (a === '--stdin-filename') o.stdinFilename = v;
    else if (a === '--exit-zero') o.exitZero = true;
    else if (a === '--count-acknowledged') o.countAcknowledged = true;
    else if (a === '--no-rounding') o.roundingTails = false;
    else if (a === '--no-catalog') o.catalog = false;
    else if (a === '-h' || a === '--help') return { help: true };
    else if (a === '-v' || a === '--version') return { version: true };
    else if (a === '-') {
      if (o.paths.includes('-')) return { problem: m.stdinTwice };
      o.paths.push(a);
    } else if (a.startsWith('-')) return { problem: m.unknownOption(arg) };
    else o.paths.push(a);
  }
  if (!o.paths.length) return { problem: m.noPaths };
  return o;
}

/** `budget-tables.json` in `from` or the nearest folder above it. */
function findConfig(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const p = join(dir, CONFIG_FILE);
    if (existsSync(p)) return p;
    if (dirname(dir) === dir) return undefined;
  }
}

interface Project {
  config: ProjectConfig;
  /** Its problems, as findings of the configuration file. */
  findings: JsonFinding[];
  folder: string;
}

function readProject(explicit: string | undefined, locale: Locale, failures: string[]): Project {
  const m = cliMessages(locale);
  const path = explicit ?? findConfig(process.cwd());
  const none: Project = { config: DEFAULT_CONFIG, findings: [], folder: process.cwd() };
  if (!path) return none;
  const read = readRegularFile(path, m);
  if (!read.ok) {
    failures.push(m.configUnreadable(path, read.message));
    return none;
  }
  const d = decode(read.bytes);
  if (!d.ok) {
    failures.push(m.undecodable(path, d.at.line, d.at.column));
    return none;
  }
  const parsed = parseProjectConfig(d.text, locale);
  return { config: parsed.config, findings: jsonFindings(parsed.problems, d.text, shownName(path)).map((x) => x.f), folder: dirname(resolve(path)) };
}

/** The user's catalogs, the last one first (its names win). */
async function readCatalogs(files: string[], m: CliMessages, locale: Locale, failures: string[], err: Write): Promise<CatalogRecord[]> {
  let records: CatalogRecord[] = [];
  for (const f of files) {
    const read = readRegularFile(f, m);
    if (!read.ok) {
      failures.push(m.catalogUnreadable(f, read.message));
      continue;
    }
    try {
      const c = await parseCatalog(f, read.bytes, locale);
      if (c.problems.length) err(`budget-check: ${m.catalogProblems(f, c.problems.length, c.problems[0])}\n`);
      records = [...c.records, ...records];
    } catch (e) {
      failures.push(m.catalogUnreadable(f, e instanceof Error ? e.message : String(e)));
    }
  }
  return records;
}

export async function run(argv: string[], out: Write = (s) => process.stdout.write(s), err: Write = (s) => process.stderr.write(s)): Promise<number> {
  // `budget-check import …` / `export …` / `format …` (./import, ./export, ./format, loaded only for them); anything else is a check.
  if (argv[0] === 'import') return (require('./import') as typeof import('./import')).runImport(argv.slice(1), out, err);
  if (argv[0] === 'export') return (require('./export') as typeof import('./export')).runExport(argv.slice(1), out, err);
  if (argv[0] === 'format') return (require('./format') as typeof import('./format')).runFormat(argv.slice(1), out, err);
  const locale = cliLocale(argv);
  const m = cliMessages(locale);
  const o = parseArgs(argv, m);
  if ('version' in o) {
    out(`${m.version(VERSION)}\n`);
    return 0;
  }
  if ('help' in o) {
    out(m.usage);
    return 0;
  }
  if ('problem' in o) {
    err(`budget-check: ${o.problem}\n${m.usage}`);
    return 2;
  }

  const failures: string[] = [];
  const project = readProject(o.config, locale, failures);
  const catalogFiles = [...catalogPaths(project.config, project.folder, join, isAbsolute), ...o.catalogFiles];
  const userRecords = o.catalog ? await readCatalogs(catalogFiles, m, locale, failures, err) : [];
  const found = findFiles(o.paths.filter((p) => p !== '-'), m);
  failures.push(...found.failed);
  const options: CheckOptions = {
    locale, catalog: o.catalog, userRecords, rules: project.config.rules, standardSet: project.config.standardSet,
    roundingTails: o.roundingTails ?? project.config.roundingDiagnostics ?? true,
    thresholds: project.config.thresholds, countAcknowledged: o.countAcknowledged,
  };
  const results: FileResult[] = [];
  if (o.paths.includes('-')) {
    const read = await readStdin(m);
    if (read.ok) results.push(checkBytes(read.bytes, o.stdinFilename ?? '-', options));
    else failures.push(read.message);
  }
  results.push(...await checkAll(found.files.map((f) => f.path), options));
  for (const r of results) if (r.failure) failures.push(r.failure);

  // The codes each checked file prints: a code unknown to the catalog is known if another checked file uses it.
  const used = new Map<string, Set<number>>();
  results.forEach((r, fi) => {
    for (const c of r.codes) {
      let s = used.get(c);
      if (!s) used.set(c, (s = new Set()));
      s.add(fi);
    }
  });
  const all: JsonFinding[] = [...project.findings];
  results.forEach((r, fi) => {
    for (const x of r.findings) {
      if (x.unknownCode && [...(used.get(x.unknownCode) ?? [])].some((i) => i !== fi)) continue;
      all.push(x.f);
    }
  });
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of all) counts[f.severity]++;
  const checked = results.filter((r) => !r.failure).length;

  for (const s of found.skipped) err(`budget-check: ${s}\n`);
  for (const s of failures) err(`budget-check: ${s}\n`);
  const summary = m.summary(checked, counts.error, counts.warning, counts.information, counts.hint);
  if (o.format === 'json') out(JSON.stringify(all, null, 2) + '\n');
  else if (o.format === 'sarif') out(JSON.stringify(sarifLog(all, { version: VERSION, locale, failures, skipped: found.skipped }), null, 2) + '\n');
  else {
    for (const f of all) out(`${o.format === 'github' ? githubLine(f, locale) : textLine(f)}\n`);
    out(`${summary}\n`);
  }
  if (process.env.BUDGET_CHECK_STATS) err(`stats: ${JSON.stringify({ files: found.files.length, ...stats, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
  if (failures.length) return 2;
  return counts.error > 0 && !o.exitZero ? 1 : 0;
}

/**
 * The command as `bin/budget-check.js` runs it: a closed output pipe (`budget-check seeds | head -1`) ends the run
 * quietly, and no input gives a stack trace: a defect is said in one line, with exit code 2.
 */
export function main(argv: string[] = process.argv.slice(2)): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      // The reader went away (EPIPE) or the stream broke: nothing more can be said; stop.
      process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
    });
  }
  run(argv).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`budget-check: ${cliMessages(cliLocale(argv)).internalError(e instanceof Error ? e.message : String(e))}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) main();
