/**
 * The snippets of the standard tables (snippets/budget.json): each body, with its placeholders at their defaults,
 * is a table that parses without error, declares its columns, and whose rules all resolve.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { formatText } from '../server/src/format/index';
import { ROOT } from './support/lsp';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const SNIPPETS = JSON.parse(readFileSync(join(ROOT, 'snippets', 'budget.json'), 'utf8')) as Record<string, Snippet>;

/**
 * A snippet body as VS Code inserts it when every placeholder keeps its default (a choice its first option);
 * empty tab stops (`$1`, `${1}`) get `fill` (nothing, as inserted; or a figure, as a user would type).
 */
export function expand(body: string, fill = ''): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) { out += body[++i]; continue; }
    if (c !== '$') { out += c; continue; }
    const rest = body.slice(i);
    let m = /^\$(\d+)/.exec(rest) ?? /^\$\{(\d+)\}/.exec(rest);
    if (m) { if (m[1] !== '0') out += fill; i += m[0].length - 1; continue; }
    m = /^\$\{(\d+):((?:[^}\\$]|\\.)*)\}/.exec(rest);
    if (m) { out += m[2].replace(/\\(.)/g, '$1'); i += m[0].length - 1; continue; }
    m = /^\$\{(\d+)\|([^,|]*)(?:,[^,|]*)*\|\}/.exec(rest);
    if (m) { out += m[2]; i += m[0].length - 1; continue; }
    throw new Error(`not a tab stop or placeholder at ${JSON.stringify(rest.slice(0, 20))}`);
  }
  return out;
}

const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

function head(kind: '预算' | '决算'): string {
  return `# 测试部门 2023 年度部门${kind}\n部门：测试部门\n年度：2023\n类型：${kind}\n金额单位：万元\n\n`;
}

const FINAL = [
  '公开01表 收入支出决算总表', '公开02表 收入决算表', '公开03表 支出决算表', '公开04表 财政拨款收入支出决算总表',
  '公开05表 一般公共预算财政拨款支出决算表', '公开06表 一般公共预算财政拨款基本支出决算明细表',
  '公开07表 政府性基金预算财政拨款收入支出决算表', '公开08表 国有资本经营预算财政拨款支出决算表', '公开09表 财政拨款“三公”经费支出决算表',
];
const BUDGET = ['收支总表', '收入总表', '支出总表', '财政拨款收支总表', '一般公共预算支出表', '一般公共预算基本支出表', '一般公共预算“三公”经费支出表', '政府性基金预算支出表', '项目支出表'];

describe('snippets of the standard tables', () => {
  it('are contributed for the budget language, the file chosen by the display language (Chinese source, English built)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };
    assert.deepEqual(pkg.contributes.snippets, [{ language: 'budget', path: '%snippets.path%' }]);
    const nls = (f: string) => (JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Record<string, string>)['snippets.path'];
    assert.equal(nls('package.nls.json'), './snippets/budget.json');
    assert.equal(nls('package.nls.en.json'), './dist/snippets/budget.en.json');
  });

  it('the English file has every snippet of the Chinese one, the same bodies, each with an English description', () => {
    const english = JSON.parse(readFileSync(join(ROOT, 'dist', 'snippets', 'budget.en.json'), 'utf8')) as Record<string, Snippet>;
    const descriptions = JSON.parse(readFileSync(join(ROOT, 'snippets', 'descriptions.en.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(english), Object.keys(SNIPPETS));
    assert.deepEqual(Object.keys(descriptions).sort(), Object.keys(SNIPPETS).sort(), 'snippets/descriptions.en.json names exactly the snippets');
    for (const [name, s] of Object.entries(SNIPPETS)) {
      assert.deepEqual(english[name].body, s.body, name);
      assert.deepEqual(english[name].prefix, s.prefix, name);
      assert.equal(english[name].description, descriptions[name], name);
      assert.match(english[name].description ?? '', /^(Final accounts|Budget) /, name);
    }
  });

  it('cover the nine final-accounts tables and the budget tables, each with a Chinese and a Latin prefix', () => {
    const tables = Object.values(SNIPPETS).map((s) => {
      const heading = expand(bodyOf(s)).split('\n')[0];
      const m = /^## 表 (\S+) (.*)$/.exec(heading);
      assert.ok(m, heading);
      return { number: m[1], title: m[2].replace(/^2023 年度/, ''), s };
    });
    for (const t of FINAL) {
      const [number, title] = t.split(' ');
      assert.ok(tables.some((x) => x.number === number && x.title === title), t);
    }
    for (const title of BUDGET) assert.ok(tables.some((x) => !x.number.startsWith('公开') && x.title === title), title);
    assert.equal(tables.length, FINAL.length + BUDGET.length);
    for (const { s, number, title } of tables) {
      const p = prefixes(s);
      assert.ok(p.some((x) => /[\u4e00-\u9fff]/.test(x)), `${title}: a Chinese prefix`);
      assert.ok(p.some((x) => /^[a-z0-9]+$/.test(x)), `${title}: a Latin prefix`);
      if (number.startsWith('公开')) assert.ok(p.includes(number) && p.includes(`gk${number.slice(2, 4)}`), title);
      assert.ok(s.description);
    }
  });

  for (const [name, s] of Object.entries(SNIPPETS)) {
    it(`${name}: parses, declares its columns, its rules resolve`, () => {
      const kind = name.startsWith('公开') ? '决算' : '预算';
      const text = head(kind) + expand(bodyOf(s));
      const a = analyze(text);
      assert.deepEqual(a.tree.errors.map((e) => e.span), [], 'no syntax error');
      const problems = a.findings.filter((f) => f.rule === 'syntax' || f.rule.startsWith('rule-') || f.rule === 'row-shape');
      assert.deepEqual(problems.map((f) => `${f.rule}: ${f.message}`), []);
      assert.equal(a.document.tables.length, 1);
      const t = a.document.tables[0];
      assert.ok(t.parts.length >= 1);
      for (const p of t.parts) {
        assert.ok(p.columns.length >= 1, `${p.name ?? ''} declares columns`);
        assert.ok(p.rows.length >= 1, `${p.name ?? ''} has rows`);
        assert.ok(p.columns.some((c) => c.role === 'figure'));
      }
      assert.ok(t.rules.length >= 1, 'prints its rules');
      // With figures typed into its tab stops, the rules relate them.
      const filled = analyze(head(kind) + expand(bodyOf(s), '1.00'));
      assert.deepEqual(filled.findings.filter((f) => f.rule.startsWith('rule-') || f.rule === 'syntax').map((f) => f.message), []);
      assert.ok(filled.relations.some((r) => r.ruleSpan !== undefined), 'its rules expand into relations');
      assert.equal(t.unit, '万元');
      // A snippet is already a well-formed table for the formatter too.
      const f = formatText(text);
      assert.equal(f.result.refused, undefined);
      assert.equal(formatText(f.text).text, f.text);
    });
  }

  it('two-sided 收支总表 snippets have 收入 and 支出 parts, with 行次 where the documents print them', () => {
    const parts = (name: string) => analyze(head('决算') + expand(bodyOf(SNIPPETS[name]))).document.tables[0].parts;
    const p01 = parts('公开01表 收入支出决算总表');
    assert.deepEqual(p01.map((p) => p.name), ['收入', '支出']);
    assert.deepEqual(p01[0].rows.map((r) => r.lineNo), Array.from({ length: 31 }, (_, i) => i + 1));
    assert.deepEqual(p01[1].rows.map((r) => r.lineNo), Array.from({ length: 31 }, (_, i) => i + 32));
    const p04 = parts('公开04表 财政拨款收入支出决算总表');
    assert.deepEqual(p04[1].rows.map((r) => r.lineNo).at(-1), 64);
    assert.deepEqual(parts('收支总表（预算）').map((p) => p.name), ['收入', '支出']);
    assert.deepEqual(parts('财政拨款收支总表（预算）').map((p) => p.name), ['收入', '支出']);
  });

  it('their rules check: a wrong 合计 typed into a snippet is an error', () => {
    const body = expand(bodyOf(SNIPPETS['公开03表 支出决算表'])).replace(/ \| 合计 \|.*/, ' | 合计 | 10.00 | 3.00 | 6.00 | | | ');
    const a = analyze(head('决算') + body);
    assert.ok(a.findings.some((f) => f.severity === 'error' && f.rule === 'column-formula'), a.findings.map((f) => f.message).join('\n'));
  });

  it('the expander understands VS Code snippet syntax', () => {
    assert.equal(expand('a ${1:x} $2 ${3} ${4|万元,元|} \\$ \\} {g} $0'), 'a x   万元 $ } {g} ');
    assert.equal(expand('$1|${2}|${3:d}|$0', '5'), '5|5|d|');
    assert.throws(() => expand('$x'));
  });
});
