/**
 * The CLI's output formats: `text` (`path:line:col: severity: message [rule]`, then a summary), `json` (one array),
 * `sarif` (SARIF 2.1.0, as GitHub code scanning and other viewers read it) and `github` (workflow commands that
 * annotate the lines of a pull request).
 */
import { pathToFileURL } from 'node:url';
import type { Severity } from '../checks/finding';
import { RULE_IDS, RULES, RULES_DOC, ruleDocUrl, ruleTitle } from '../checks/ruleIds';
import type { Locale } from '../i18n/messages';
import type { JsonFinding } from './check';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export function textLine(f: JsonFinding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A relative path as a URI reference (forward slashes, each segment percent-encoded). */
function uriOf(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export interface RunInfo {
  version: string;
  locale: Locale;
  /** What could not be read or checked (the run is incomplete), and what was skipped. */
  failures: string[];
  skipped: string[];
}

/** The SARIF 2.1.0 log of a run: every rule of the registry, every finding with its region (UTF-16 columns). */
export function sarifLog(findings: JsonFinding[], run: RunInfo): unknown {
  const index = new Map(RULE_IDS.map((id, i) => [id, i]));
  const notification = (level: 'error' | 'warning') => (text: string) => ({ level, message: { text } });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'budget-check',
          version: run.version,
          semanticVersion: run.version,
          informationUri: RULES_DOC,
          language: run.locale === 'en' ? 'en-US' : 'zh-CN',
          rules: RULE_IDS.map((id) => ({
            id,
            shortDescription: { text: ruleTitle(id, run.locale) },
            helpUri: ruleDocUrl(id),
            defaultConfiguration: { level: SARIF_LEVEL[RULES[id].severity] },
          })),
        },
      },
      invocations: [{
        executionSuccessful: run.failures.length === 0,
        toolExecutionNotifications: [...run.failures.map(notification('error')), ...run.skipped.map(notification('warning'))],
      }],
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(process.cwd()).href.replace(/\/?$/, '/') } },
      columnKind: 'utf16CodeUnits',
      results: findings.map((f) => ({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        // A finding the document accepts (`说明：…`) is suppressed in source, with its justification.
        ...(f.acknowledged !== undefined ? { suppressions: [{ kind: 'inSource', justification: f.acknowledged }] } : {}),
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: uriOf(f.file), uriBaseId: 'SRCROOT' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        }],
      })),
    }],
  };
}

/** GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped as the runner wants. */
export function githubLine(f: JsonFinding, locale: Locale): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
  const props = [
    `file=${prop(f.file)}`, `line=${f.line}`, `endLine=${f.endLine}`, `col=${f.column}`, `endColumn=${f.endColumn}`,
    `title=${prop(`${ruleTitle(f.rule, locale)} [${f.rule}]`)}`,
  ];
  return `::${level} ${props.join(',')}::${data(f.message)}`;
}
