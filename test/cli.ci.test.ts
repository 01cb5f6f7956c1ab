/**
 * `budget-check` as a CI job runs it: version, help, language from the environment, SARIF (validated against the
 * SARIF 2.1.0 schema), GitHub annotations, standard input, XLSX and GB18030 catalogs, budget-tables.json, a closed
 * pipe, and the extension's `$budget-check` problem matcher over the text output.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { Workbook } from 'exceljs';
import { RULE_IDS } from '../server/src/checks/ruleIds';
import { BIN, cli, cliEnv } from './support/cli';
import { GOOD, ONE_WRONG_TOTAL, XINZHOU_HEAD } from './support/docs';
import { vary } from './fixtures/narrative/document';
import { gb18030 } from './support/gb18030';
import { ROOT } from './support/lsp';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  contributes: { problemMatchers: { name: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number } }[] };
};

/** A document with two codes the shipped catalog does not know (2999901, 2999902) in a 类 it does not know either. */
const UNKNOWN_CODES = `${XINZHOU_HEAD}
## 表 附表4-5 一般公共预算支出表
列：科目编码 | 科目名称 | 合计
 | 合计 | 3.00
299 | 其他支出 | 3.00
29999 | 其他支出 | 3.00
2999901 | 某甲科目 | 1.00
2999902 | 某乙科目 | 2.00
`;

describe('budget-check in CI', function () {
  this.timeout(60000);
  const dir = mkdtempSync(join(tmpdir(), 'budget-ci-'));
  mkdirSync(join(dir, 'seeds'));
  for (const f of readdirSync(join(ROOT, 'seeds')).filter((x) => x.endsWith('.budget'))) copyFileSync(join(ROOT, 'seeds', f), join(dir, 'seeds', f));
  writeFileSync(join(dir, 'wrong.budget'), ONE_WRONG_TOTAL);
  writeFileSync(join(dir, 'unknown.budget'), UNKNOWN_CODES);

  it('--version prints the package version on stdout', () => {
    for (const flag of ['--version', '-v']) {
      const r = cli([flag], dir);
      assert.equal(r.code, 0);
      assert.equal(r.out, `budget-check ${pkg.version}\n`);
      assert.equal(r.err, '');
    }
  });

  it('--help goes to stdout (exit 0); a bad option to stderr with the usage (exit 2)', () => {
    const help = cli(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.out, /^用法：budget-check/);
    assert.equal(help.err, '');
    const bad = cli(['--frobnicate', '.'], dir);
    assert.equal(bad.code, 2);
    assert.equal(bad.out, '');
    assert.match(bad.err, /^budget-check: 未知选项：--frobnicate\n用法：/);
  });

  it('speaks the language of --lang, else of BUDGET_LANG / LC_ALL / LC_MESSAGES / LANG', () => {
    assert.match(cli(['--lang', 'en', '--help'], dir).out, /^Usage: budget-check/);
    assert.match(cli(['--help'], dir, { LANG: 'en_US.UTF-8' }).out, /^Usage: budget-check/);
    assert.match(cli(['--help'], dir, { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }).out, /^用法/);
    assert.match(cli(['--help'], dir, { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }).out, /^Usage/);
    assert.match(cli(['--help', '--lang', 'zh'], dir, { LANG: 'en_US.UTF-8' }).out, /^用法/);
    assert.match(cli(['--help'], dir, { LANG: 'C.UTF-8' }).out, /^用法/);
    const bad = cli(['--bogus', '--lang=en'], dir);
    assert.match(bad.err, /^budget-check: unknown option: --bogus\nUsage:/);
    const r = cli(['wrong.budget', 'nope.budget'], dir, { LANG: 'en_US.UTF-8' });
    assert.equal(r.code, 2);
    assert.match(r.err, /budget-check: not found: nope\.budget/);
    assert.match(r.out, /\nChecked 1 file: 2 errors, 0 warnings, \d+ information \(rounding tails and notes\), 0 hints\n$/);
    assert.doesNotMatch(r.out + r.err, /[检查错误警告找不到]/);
  });

  it('--format sarif is a SARIF 2.1.0 log that validates against the schema, with every finding and rule', () => {
    const r = cli(['--format', 'sarif', 'seeds', 'wrong.budget'], dir);
    assert.equal(r.code, 1, r.err);
    const log = JSON.parse(r.out) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }[] }[] }[];
    };
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }); // rtm.5's `language` pattern is not a valid Unicode regexp
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.deepEqual(run.tool.driver.rules.map((x) => x.id), RULE_IDS);
    const json = JSON.parse(cli(['--format', 'json', 'seeds', 'wrong.budget'], dir).out) as { file: string; line: number; column: number; endColumn: number; rule: string; severity: string }[];
    assert.equal(run.results.length, json.length);
    run.results.forEach((x, i) => {
      assert.equal(x.ruleId, json[i].rule);
      assert.equal(run.tool.driver.rules[x.ruleIndex].id, x.ruleId);
      assert.equal(x.level, json[i].severity === 'error' ? 'error' : json[i].severity === 'warning' ? 'warning' : 'note');
      const loc = x.locations[0].physicalLocation;
      assert.equal(decodeURIComponent(loc.artifactLocation.uri), json[i].file);
      assert.deepEqual([loc.region.startLine, loc.region.startColumn, loc.region.endColumn], [json[i].line, json[i].column, json[i].endColumn]);
    });
    const wrong = run.results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'wrong.budget' && x.ruleId === 'column-formula');
    assert.ok(wrong);
    const line = ONE_WRONG_TOTAL.split('\n')[wrong.locations[0].physicalLocation.region.startLine - 1];
    assert.equal(line.slice(wrong.locations[0].physicalLocation.region.startColumn - 1, wrong.locations[0].physicalLocation.region.endColumn - 1), '317.24');
  });

  it('--format github prints workflow annotations, escaped', () => {
    const r = cli(['--format', 'github', '--lang', 'en', 'wrong.budget'], dir);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    const errors = lines.filter((l) => l.startsWith('::error '));
    assert.equal(errors.length, 2);
    for (const l of errors) {
      assert.match(l, /^::error file=wrong\.budget,line=9,endLine=9,col=\d+,endColumn=\d+,title=[^:]+ \[(column-formula|total-row)\]::.*expected 307\.2[45], found 317\.24/);
      assert.doesNotMatch(l.slice(2), /[\r\n]/);
    }
    assert.ok(lines.some((l) => l.startsWith('::notice ')), 'rounding tails are notices');
    assert.match(lines[lines.length - 1], /^Checked 1 file/);
  });

  it('reads standard input for -, named by --stdin-filename', () => {
    const r = cli(['--format', 'json', '-', '--stdin-filename', 'pipe/wrong.budget'], dir, {}, ONE_WRONG_TOTAL);
    assert.equal(r.code, 1, r.err);
    const found = JSON.parse(r.out) as { file: string; rule: string; line: number }[];
    assert.ok(found.some((f) => f.file === 'pipe/wrong.budget' && f.rule === 'column-formula' && f.line === 9));
    const plain = cli(['-'], dir, {}, GOOD);
    assert.equal(plain.code, 0, plain.err);
    assert.match(plain.out, /检查了 1 个文件：0 个错误/);
    const gb = cli(['-', '--format', 'json'], dir, {}, gb18030(ONE_WRONG_TOTAL));
    assert.ok((JSON.parse(gb.out) as { file: string; rule: string }[]).some((f) => f.file === '-' && f.rule === 'column-formula'), 'GB18030 on stdin');
  });

  it('--catalog reads XLSX and GB18030 CSV catalogs (as Chinese Excel saves them)', async () => {
    const before = JSON.parse(cli(['--format', 'json', 'unknown.budget'], dir).out) as { rule: string; message: string }[];
    assert.equal(before.filter((f) => f.rule === 'code-unknown').length, 4, JSON.stringify(before));
    const wb = new Workbook();
    const ws = wb.addWorksheet('2023年科目');
    ws.addRows([['科目编码', '科目名称', '说明'], ['299', '其他支出', ''], ['29999', '其他支出', ''], ['2999901', '某甲科目', '反映某甲'], ['2999902', '某乙科目名', '']]);
    await wb.xlsx.writeFile(join(dir, '2023年目录.xlsx'));
    const x = JSON.parse(cli(['--format', 'json', '--catalog', '2023年目录.xlsx', 'unknown.budget'], dir).out) as { rule: string; message: string }[];
    assert.deepEqual(x.filter((f) => f.rule === 'code-unknown'), []);
    assert.deepEqual(x.filter((f) => f.rule === 'code-name').map((f) => f.message), ['科目 2999902 的名称与目录不一致：此处为“某乙科目”，用户目录 2023年目录.xlsx（2023 年）为“某乙科目名”']);
    writeFileSync(join(dir, '2023年目录.csv'), gb18030('编码,名称,说明\n299,其他支出,\n29999,其他支出,\n2999901,某甲科目,\n2999902,某乙科目,\n'));
    const c = cli(['--format', 'json', '--catalog', '2023年目录.csv', 'unknown.budget'], dir);
    assert.equal(c.code, 0, c.err);
    assert.deepEqual(JSON.parse(c.out), []);
    const missing = cli(['--catalog', 'nope.xlsx', 'unknown.budget'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /无法读取科目目录 nope\.xlsx/);
  });

  it('budget-tables.json: catalogs, per-rule severity, rounding; its own problems at their place', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'docs', 'deep'), { recursive: true });
    mkdirSync(join(project, 'catalogs'));
    writeFileSync(join(project, 'catalogs', '2023年目录.csv'), gb18030('编码,名称\n299,其他支出\n29999,其他支出\n2999901,某甲科目\n2999902,某乙科目\n'));
    writeFileSync(join(project, 'docs', 'deep', 'unknown.budget'), UNKNOWN_CODES.replace('某乙科目', '某丙科目'));
    writeFileSync(join(project, 'docs', 'wrong.budget'), ONE_WRONG_TOTAL);
    writeFileSync(join(project, 'budget-tables.json'), JSON.stringify({ catalogs: ['catalogs/2023年目录.csv'], roundingDiagnostics: false, rules: { 'code-name': 'off', 'total-row': 'warning' } }, null, 2));
    // Found from a folder below it, its catalogs taken relative to it.
    const r = cli(['--format', 'json', '.'], join(project, 'docs'));
    assert.equal(r.code, 1, r.err);
    const found = JSON.parse(r.out) as { file: string; rule: string; severity: string }[];
    assert.deepEqual(found.map((f) => `${f.file} ${f.rule} ${f.severity}`).sort(), ['wrong.budget column-formula error', 'wrong.budget total-row warning']);
    // A bad setting: reported in budget-tables.json at its line and column; the rest still applies.
    writeFileSync(join(project, 'budget-tables.json'), '{\n  "catalogs": ["catalogs/2023年目录.csv"],\n  "rules": { "code-nmae": "off" }\n}\n');
    const bad = cli(['docs/deep'], project);
    assert.equal(bad.code, 1);
    assert.match(bad.out, /^budget-tables\.json:3:14: error: 未知的规则“code-nmae”（规则见 docs\/rules\.md） \[config\]\n/);
    assert.match(bad.out, /docs\/deep\/unknown\.budget:\d+:\d+: warning: 科目 2999902 的名称与目录不一致/);
    assert.doesNotMatch(bad.out, /code-unknown/);
    // --config names another file; an unreadable one is "could not run".
    writeFileSync(join(project, 'other.json'), '{ "rules": { "code-name": "off" } }');
    assert.equal(cli(['--config', 'other.json', 'docs/deep'], project).code, 0);
    assert.equal(cli(['--config', 'none.json', 'docs/deep'], project).code, 2);
  });

  it('budget-tables.json: the narrative\'s thresholds and the standard set reach the CLI', () => {
    const project = join(dir, 'project-options');
    mkdirSync(project, { recursive: true });
    // A change of 45.6 万元 (45.60%) stated without a reason.
    const line = '2024 年度机关运行经费支出 45.6 万元。比上年减少了 5.4 万元，减少 10.59%。';
    writeFileSync(join(project, 'doc.budget'), vary(line, '2024 年度机关运行经费支出 145.6 万元，比上年增加 45.6 万元，增长 45.60%。'));
    const rules = () => (JSON.parse(cli(['--format', 'json', '.'], project).out) as { rule: string }[]).map((f) => f.rule);
    const defaults = rules();
    assert.ok(defaults.includes('narrative-reason'), defaults.join(' '));
    assert.ok(defaults.some((r) => r.startsWith('table-')), 'the 决算 set finds its missing tables: ' + defaults.join(' '));
    writeFileSync(join(project, 'budget-tables.json'), JSON.stringify({ thresholds: { changePercent: 50, changeAmount: 10 }, standardSet: 'off' }));
    const configured = rules();
    assert.ok(!configured.includes('narrative-reason'), configured.join(' '));
    assert.ok(!configured.some((r) => r.startsWith('table-')), configured.join(' '));
  });

  it('ends quietly when the reader closes the pipe (budget-check … | head -1)', () => {
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" seeds seeds seeds seeds | head -1; echo "status $?"`], { cwd: dir, encoding: 'utf8', env: cliEnv() });
    assert.equal(r.stderr, '');
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2, r.stdout);
    assert.match(lines[0], /^seeds\/.+\.budget:\d+:\d+: /);
  });

  it('its text output is read by the extension\'s $budget-check problem matcher', () => {
    const matcher = pkg.contributes.problemMatchers.find((x) => x.name === 'budget-check');
    assert.ok(matcher);
    const re = new RegExp(matcher.pattern.regexp);
    const r = cli(['wrong.budget', 'unknown.budget'], dir);
    const lines = r.out.trim().split('\n');
    const matched = lines.map((l) => re.exec(l)).filter((x) => x !== null);
    assert.equal(matched.length, lines.length - 1, 'every line but the summary');
    const severities = new Set(matched.map((x) => x[matcher.pattern.severity]));
    assert.deepEqual([...severities].sort(), ['error', 'info', 'warning']);
    const first = matched[0];
    assert.equal(first[matcher.pattern.file], 'wrong.budget');
    assert.ok(RULE_IDS.includes(first[matcher.pattern.code] as (typeof RULE_IDS)[number]));
  });
});
