/** The project configuration (server/src/config/project.ts): its validator and its JSON schema give the same verdicts. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { Finding } from '../server/src/checks/finding';
import { applyRuleSettings, parseProjectConfig } from '../server/src/config/project';
import { ROOT } from './support/lsp';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'budget-tables.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

const GOOD = [
  '{}',
  '{ "$schema": "./schemas/budget-tables.schema.json", "catalogs": ["catalogs/2024年政府收支分类科目.xlsx"], "standardSet": "auto" }',
  '{ "roundingDiagnostics": false, "thresholds": { "changePercent": 5, "changeAmount": 0 }, "rules": { "code-unknown": "off", "column-formula": "warning" } }',
];
const BAD = [
  '{ "catalog": ["a.csv"] }',
  '{ "catalogs": "a.csv" }',
  '{ "catalogs": [""] }',
  '{ "roundingDiagnostics": "yes" }',
  '{ "thresholds": { "changePercent": -1 } }',
  '{ "thresholds": { "percent": 5 } }',
  '{ "rules": { "no-such-rule": "error" } }',
  '{ "rules": { "syntax": "fatal" } }',
  '{ "standardSet": 3 }',
  '[]',
];

describe('budget-tables.json', () => {
  it('the validator and the JSON schema agree on good and bad configurations', () => {
    for (const text of GOOD) {
      assert.ok(validate(JSON.parse(text)), `${text}: ${JSON.stringify(validate.errors)}`);
      assert.deepEqual(parseProjectConfig(text).problems, [], text);
    }
    for (const text of BAD) {
      assert.equal(validate(JSON.parse(text)), false, text);
      assert.ok(parseProjectConfig(text).problems.length > 0, text);
    }
  });

  it('reads every setting', () => {
    const { config } = parseProjectConfig(GOOD[2]);
    assert.deepEqual(config, { catalogs: [], roundingDiagnostics: false, thresholds: { changePercent: 5, changeAmount: 0 }, rules: { 'code-unknown': 'off', 'column-formula': 'warning' } });
    assert.deepEqual(parseProjectConfig('{}').config.thresholds, { changePercent: 10, changeAmount: 10 });
  });

  it('reports a problem at its place, in the user\'s language, and keeps what is valid', () => {
    const text = '{\n  "catalogs": ["a.csv"],\n  "rules": { "code-unknwn": "off", "code-name": "hint" }\n}\n';
    const { config, problems } = parseProjectConfig(text, 'en');
    assert.deepEqual(config.catalogs, ['a.csv']);
    assert.deepEqual(config.rules, { 'code-name': 'hint' });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].rule, 'config');
    assert.equal(text.slice(problems[0].span.start, problems[0].span.end), '"code-unknwn"');
    assert.match(problems[0].message, /^Unknown rule “code-unknwn”/);
    const broken = parseProjectConfig('{ "catalogs": ["a.csv" }');
    assert.ok(broken.problems.length > 0);
    assert.match(broken.problems[0].message, /^budget-tables\.json 不是有效的 JSON/);
  });

  it('applies per-rule severities, never to rounding tails', () => {
    const at = { start: 0, end: 1 };
    const findings: Finding[] = [
      { rule: 'code-unknown', severity: 'warning', message: 'a', span: at, related: [] },
      { rule: 'column-formula', severity: 'error', message: 'b', span: at, related: [] },
      { rule: 'column-formula', severity: 'information', message: 'c', span: at, related: [], roundingTail: true },
      { rule: 'syntax', severity: 'error', message: 'd', span: at, related: [] },
    ];
    const out = applyRuleSettings(findings, { 'code-unknown': 'off', 'column-formula': 'warning' });
    assert.deepEqual(out.map((f) => `${f.message}:${f.severity}`), ['b:warning', 'c:information', 'd:error']);
    assert.equal(applyRuleSettings(findings, {}), findings);
  });
});
