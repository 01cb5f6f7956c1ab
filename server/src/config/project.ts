/**
 * The project configuration, `budget-tables.json` at the workspace root, read by the editor and by `budget-check`
 * alike: its catalogs, the standard table set, whether 尾差 are reported, the narrative's change thresholds, and a
 * severity per rule. Its JSON schema is `schemas/budget-tables.schema.json` (contributed to VS Code through
 * `jsonValidation`; test/config.test.ts holds the schema and this validator to the same verdicts).
 *
 * Pure: text in, configuration and problems out. A problem is a finding of rule `config` at its place in the file;
 * whatever is valid still applies (a bad `rules` entry does not drop the catalogs). Paths stay as written: the caller
 * resolves them against the file's folder (`catalogPaths`).
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Finding, Severity } from '../checks/finding';
import { isRuleId, type RuleId } from '../checks/ruleIds';
import { configMessages, type ConfigMessages } from '../i18n/config';
import type { Locale } from '../i18n/messages';

export const CONFIG_FILE = 'budget-tables.json';

export type RuleSetting = Severity | 'off';

export interface ProjectConfig {
  /** Catalog files as written (CSV or XLSX), relative to the configuration's folder unless absolute. */
  catalogs: string[];
  /** `auto`, `off`, or a standard table set's id; undefined: not set (auto). */
  standardSet?: string;
  /** Report 尾差 as information; undefined: not set (the editor's setting, else yes). */
  roundingDiagnostics?: boolean;
  /** The narrative's thresholds above which a change needs a stated reason. */
  thresholds: { changePercent: number; changeAmount: number };
  /** A severity (or `off`) per rule id. */
  rules: Partial<Record<RuleId, RuleSetting>>;
}

export const DEFAULT_CONFIG: ProjectConfig = Object.freeze({
  catalogs: [],
  thresholds: { changePercent: 10, changeAmount: 10 },
  rules: {},
});

export interface ParsedConfig {
  config: ProjectConfig;
  /** Findings of rule `config`, with spans into the configuration's text. */
  problems: Finding[];
}

const KEYS = ['$schema', 'catalogs', 'standardSet', 'roundingDiagnostics', 'thresholds', 'rules'] as const;
const THRESHOLDS = ['changePercent', 'changeAmount'] as const;
const SETTINGS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

export function parseProjectConfig(text: string, locale?: Locale): ParsedConfig {
  const m = configMessages(locale);
  const config: ProjectConfig = { catalogs: [], thresholds: { ...DEFAULT_CONFIG.thresholds }, rules: {} };
  const problems: Finding[] = [];
  const say = (node: { offset: number; length: number }, message: string, severity: Severity = 'error') =>
    problems.push({ rule: 'config', severity, message, span: { start: node.offset, end: node.offset + Math.max(1, node.length) }, related: [] });
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) say(e, m.syntax(m.jsonErrors[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)));
  if (!root) return { config, problems };
  if (root.type !== 'object') {
    say(root, m.notObject);
    return { config, problems };
  }
  const seen = new Map<string, Node>();
  for (const [keyNode, value] of properties(root)) {
    const key = String(keyNode.value);
    if (seen.has(key)) say(seen.get(key)!, m.duplicate(key), 'warning');
    seen.set(key, keyNode);
    switch (key) {
      case '$schema':
        if (value.type !== 'string') say(value, m.wrongType(key, m.types.string));
        break;
      case 'catalogs':
        if (value.type !== 'array' || (value.children ?? []).some((c) => c.type !== 'string' || !c.value)) say(value, m.wrongType(key, m.types.strings));
        else config.catalogs = (value.children ?? []).map((c) => String(c.value));
        break;
      case 'standardSet':
        if (value.type !== 'string' || !value.value) say(value, m.wrongType(key, m.types.string));
        else config.standardSet = String(value.value);
        break;
      case 'roundingDiagnostics':
        if (value.type !== 'boolean') say(value, m.wrongType(key, m.types.boolean));
        else config.roundingDiagnostics = value.value === true;
        break;
      case 'thresholds':
        readThresholds(value, config, m, say);
        break;
      case 'rules':
        readRules(value, config, m, say);
        break;
      default:
        say(keyNode, m.unknownKey(key, KEYS.join(', ')));
    }
  }
  return { config, problems };
}

/** An object node's properties, as key and value nodes (a property the parser could not complete is left out). */
function properties(object: Node): [Node, Node][] {
  const out: [Node, Node][] = [];
  for (const p of object.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k && v) out.push([k, v]);
  }
  return out;
}

type Say = (node: { offset: number; length: number }, message: string, severity?: Severity) => void;

function readThresholds(value: Node, config: ProjectConfig, m: ConfigMessages, say: Say): void {
  if (value.type !== 'object') return void say(value, m.wrongType('thresholds', m.types.object));
  for (const [k, v] of properties(value)) {
    const key = String(k.value);
    const name = THRESHOLDS.find((t) => t === key);
    if (!name) say(k, m.unknownKey(key, THRESHOLDS.join(', ')));
    else if (v.type !== 'number') say(v, m.wrongType(key, m.types.number));
    else if ((v.value as number) < 0) say(v, m.negative(key));
    else config.thresholds[name] = v.value as number;
  }
}

function readRules(value: Node, config: ProjectConfig, m: ConfigMessages, say: Say): void {
  if (value.type !== 'object') return void say(value, m.wrongType('rules', m.types.object));
  for (const [k, v] of properties(value)) {
    const id = String(k.value);
    if (!isRuleId(id)) say(k, m.unknownRule(id));
    else if (v.type !== 'string' || !SETTINGS.includes(v.value as string)) say(v, m.badSeverity(v.type === 'string' ? String(v.value) : text(v)));
    else config.rules[id] = v.value as RuleSetting;
  }
}

function text(v: Node): string {
  return v.value === undefined ? v.type : JSON.stringify(v.value);
}

/**
 * The findings as the configuration wants them: a rule set to `off` drops its findings, a rule set to a severity
 * gives its findings that severity — all but 尾差 (information that a relation holds within rounding, governed by
 * `roundingDiagnostics`).
 */
export function applyRuleSettings(findings: Finding[], rules: ProjectConfig['rules']): Finding[] {
  if (!Object.keys(rules).length) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const set = rules[f.rule];
    if (set === undefined || f.roundingTail) out.push(f);
    else if (set !== 'off') out.push(set === f.severity ? f : { ...f, severity: set });
  }
  return out;
}

/** The catalog files of a configuration, resolved against its folder by `join` (the caller's path flavour). */
export function catalogPaths(config: ProjectConfig, folder: string, join: (folder: string, path: string) => string, isAbsolute: (path: string) => boolean): string[] {
  return config.catalogs.map((c) => (isAbsolute(c) ? c : join(folder, c)));
}
