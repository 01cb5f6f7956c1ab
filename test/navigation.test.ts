/** Navigation, pure: outline, folding ranges, semantic tokens, definitions, references and highlights from an Analysis. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, type Analysis } from '../server/src/analysis';
import { editorMessages } from '../server/src/i18n/editor';
import { definitionAt } from '../server/src/navigation/definition';
import { foldingRanges } from '../server/src/navigation/folding';
import { highlightsAt } from '../server/src/navigation/highlight';
import { outline, type OutlineSymbol } from '../server/src/navigation/outline';
import { codeOccurrences, occurrences, referenceQueryAt } from '../server/src/navigation/references';
import { ruleReferences } from '../server/src/navigation/ruleRefs';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../server/src/navigation/tokens';
import type { Span } from '../server/src/syntax/ast';
import { LineIndex } from '../server/src/syntax/positions';
import { ROOT } from './support/lsp';
import { crlf, SMALL, smallFolds } from './support/navigation';
import { qiaokouWithUserRules } from './support/userRules';

const SEEDS = join(ROOT, 'seeds');
const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');
// The seed with the cross-table rules a user may write: the features below follow them.
const QIAOKOU = qiaokouWithUserRules(seed('qiaokou-2023-final.budget'));
const zh = editorMessages('zh');

const slice = (text: string, s: Span) => text.slice(s.start, s.end);
const lineAt = (text: string, offset: number) => new LineIndex(text).position(offset).line;
/** The offset of the `n`-th occurrence (0-based) of `needle` at or after `from`. */
function at(text: string, needle: string, from = 0, n = 0): number {
  let i = text.indexOf(needle, from);
  for (let k = 0; k < n && i >= 0; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `“${needle}” not found`);
  return i;
}

function walk(list: OutlineSymbol[], visit: (s: OutlineSymbol, parent?: OutlineSymbol) => void, parent?: OutlineSymbol): void {
  for (const s of list) {
    visit(s, parent);
    walk(s.children, visit, s);
  }
}

describe('navigation: outline', () => {
  const a = analyze(QIAOKOU);
  const symbols = outline(a, zh);
  const find = (name: RegExp, list = symbols) => {
    const s = list.find((x) => name.test(x.name));
    assert.ok(s, `no symbol ${name} among ${list.map((x) => x.name).join(', ')}`);
    return s;
  };

  it('lists the header first, then the sections in document order, the tables by number in order', () => {
    assert.equal(symbols[0].kind, 'header');
    assert.equal(symbols[0].name, '文档头');
    assert.deepEqual(symbols[0].children.map((c) => `${c.name}：${c.detail}`), ['部门：武汉市硚口区大数据中心', '年度：2023', '类型：决算', '金额单位：万元']);
    const numbered = symbols.filter((s) => s.kind === 'table' && /^公开\d\d表 /.test(s.name)).map((s) => s.name.slice(0, 5));
    assert.deepEqual(numbered, ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表']);
    for (let i = 1; i < symbols.length; i++) assert.ok(symbols[i - 1].span.start < symbols[i].span.start);
    assert.equal(find(/^公开05表/).name, '公开05表 2023年度一般公共预算财政拨款支出决算表');
    // The detail names the standard table it was recognised as.
    assert.equal(find(/^公开05表/).detail, '表 · 21 行 · 一般公共预算财政拨款支出决算表');
    assert.ok(symbols.some((s) => s.kind === 'form' && s.name.startsWith('绩效自评表 ')));
  });

  it('gives the two-sided table its parts 收入 and 支出, then its notes and rules', () => {
    const t = find(/^公开01表/);
    // First the standard identities checked on it (at its heading), then its parts, notes and rules.
    assert.deepEqual(t.children.map((c) => `${c.kind}:${c.name}`), ['rules:标准核对', 'part:收入', 'part:支出', 'notes:注', 'rules:规则']);
    const standard = t.children[0];
    assert.equal(standard.detail, `${standard.children.length} 项核对`);
    assert.deepEqual(standard.children.slice(0, 2).map((c) => `${c.name}：${c.detail}`), ['「本年收入合计」行=（「一般公共预算财政拨款收入」+…）行：成立', '「收入」「总计」行=（「本年收入合计」+「使用非财政拨款结余」+「年初结转和结余…：成立']);
    assert.equal(t.children[1].detail, '31 行');
    const rules = t.children[4].children;
    assert.equal(rules.length, 12);
    assert.equal(rules[0].name, '27行=（1+2+3+4+5+6+7+8）行');
    assert.equal(rules[0].detail, '1 项核对');
    // The 收入 part ends with its last row (总计 31), before ### 支出.
    assert.match(slice(QIAOKOU, t.children[1].span), /^### 收入\n列：项目 \| 行次 \| 金额\[1\][\s\S]*\n总计 \| 31 \| 2,098\.74$/);
  });

  it('lists the 类 rows of a table, each covering its 款 and 项 rows, not the 款 and 项 themselves', () => {
    const t = find(/^公开05表/);
    const rows = t.children.filter((c) => c.kind === 'row');
    assert.deepEqual(rows.map((r) => r.name), ['201 一般公共服务支出', '208 社会保障和就业支出', '210 卫生健康支出', '215 资源勘探工业信息等支出', '221 住房保障支出']);
    assert.equal(rows[0].detail, '261.74');
    assert.match(slice(QIAOKOU, rows[0].span), /^201 \| 一般公共服务支出[^\n]*\n20103 [^\n]*\n2010350 \| 事业运行 \| [^\n]*$/);
    assert.equal(slice(QIAOKOU, rows[0].selection), '201');
    // 公开06表: economic 类 rows under the parts 人员经费 and 公用经费.
    const t6 = find(/^公开06表/);
    assert.deepEqual(t6.children.filter((c) => c.kind === 'part').map((p) => `${p.name}:${p.children.map((r) => r.name.split(' ')[0]).join(',')}`), ['人员经费:301,303', '公用经费:302,310']);
  });

  it('lists each glossary term, under the glossary’s own sub-headings, and the narrative’s headings nested by level', () => {
    const g = symbols.find((s) => s.kind === 'glossary');
    assert.ok(g);
    assert.equal(g.name, '名词解释');
    const terms: OutlineSymbol[] = [];
    walk([g], (s) => { if (s.kind === 'term') terms.push(s); });
    assert.equal(terms.length, a.document.glossary.length);
    assert.equal(g.detail, `${terms.length} 条`);
    assert.equal(terms[0].name, '一般公共预算财政拨款收入');
    // The nine 类/款/项 entries under `### (十) 本部门使用的支出功能分类科目(到项级)` (the entries after them stay there:
    // the document prints no heading between).
    const sub = find(/^\(十\) 本部门使用的支出功能分类科目/, g.children);
    assert.ok(sub.children.slice(0, 9).every((c) => c.kind === 'term' && /\(类\).*\(款\).*\(项\)$/.test(c.name)), sub.children.map((c) => c.name).join('\n'));
    assert.equal(g.children[0].name, '一般公共预算财政拨款收入');
    const n = find(/^第三部分/);
    const five = find(/^五、一般公共预算财政拨款支出决算情况说明/, n.children);
    assert.deepEqual(five.children.map((c) => c.name.slice(0, 3)), ['(一)', '(二)', '（三）']);
  });

  it('keeps every selection inside its range and every name non-empty, in every seed (and in English)', () => {
    for (const f of readdirSync(SEEDS)) {
      const text = seed(f);
      for (const m of [zh, editorMessages('en')]) {
        let count = 0;
        walk(outline(analyze(text), m), (s, parent) => {
          count++;
          assert.ok(s.name.trim(), `${f}: an empty name`);
          assert.ok(s.span.start <= s.selection.start && s.selection.end <= s.span.end, `${f}: ${s.name}: selection outside range`);
          if (parent && s.kind !== 'part') assert.ok(parent.span.start <= s.span.start && s.span.end <= parent.span.end, `${f}: ${s.name} outside ${parent.name}`);
        });
        assert.ok(count > 20, f);
      }
    }
    const en = outline(a, editorMessages('en'));
    assert.equal(en[0].name, 'Header');
    assert.equal(en.find((s) => s.name.startsWith('公开05表'))?.detail, 'table · 21 rows · 一般公共预算财政拨款支出决算表');
  });
});

describe('navigation: folding ranges', () => {
  const lines = (text: string) => foldingRanges(analyze(text)).map((f) => [lineAt(text, f.start), lineAt(text, f.end), f.kind] as const).filter(([s, e]) => e > s);

  it('folds comments, the header, sections, parts, the 类/款 hierarchy, multi-line glossary entries and sub-headings', () => {
    const got = lines(SMALL);
    const want = smallFolds();
    assert.deepEqual(got, want);
    // The same lines with CRLF line ends.
    assert.deepEqual(lines(crlf(SMALL)), want);
  });

  it('folds the 硚口 seed’s tables without the comment that introduces the next one', () => {
    const text = QIAOKOU;
    const f = foldingRanges(analyze(text));
    const start = at(text, '## 表 公开02表');
    const t2 = f.find((x) => x.start === start);
    assert.ok(t2);
    assert.match(slice(text, { start: t2.start, end: t2.end }), /规则：「合计」行2栏=公开04表27行1栏$/);
    // 201 folds over 20103 and 2010350; 210 over its two 款 and their 项.
    const r210 = f.find((x) => x.start === at(text, '\n210 |', start) + 1);
    assert.ok(r210);
    assert.match(slice(text, { start: r210.start, end: r210.end }), /^210 [^\n]*(\n21\d{3,5} [^\n]*){6}$/);
  });
});

describe('navigation: semantic tokens', () => {
  const decode = (text: string) => semanticTokens(analyze(text)).map((t) => `${slice(text, t.span)} ${t.type}${t.modifiers.length ? `.${t.modifiers.join('.')}` : ''}`);

  it('marks codes by level, figures (mismatch, 尾差), 行次 and 栏次, and the references of rules', () => {
    const got = decode(SMALL);
    const expect = (line: string[]) => {
      const i = got.indexOf(line[0]);
      assert.ok(i >= 0, `no ${line[0]} in\n${got.join('\n')}`);
      assert.deepEqual(got.slice(i, i + line.length), line);
    };
    expect(['公开05表 tableReference.declaration', '[1] columnReference.declaration', '[2] columnReference.declaration', '[3] columnReference.declaration']);
    expect(['201 functionalCode.lei', '13.00 number', '3.00 number', '10.00 number', '20103 functionalCode.kuan']);
    expect(['2010350 functionalCode.xiang', '13.00 number', '3.00 number', '10.00 number', '1栏各行 columnReference', '2 columnReference', '3 columnReference']);
    expect(['3 rowReference.declaration', '3.01 number.roundingTail', '4 rowReference.declaration', '3.50 number.mismatch']);
    expect(['3行 rowReference', '1 rowReference', '2 rowReference', '4行 rowReference', '公开05表 tableReference', '「合计」行 rowReference', '1栏 columnReference',
      '5行 rowReference', '公开05表 tableReference', '「201」行 rowReference', '1栏 columnReference']);
    // The narrative's 其中 sum that does not add up, and its part that differs from the table.
    assert.deepEqual(got.slice(-3), ['3.01 number.mismatch', '1.00 number', '2.50 number.mismatch']);
    for (const t of got) assert.ok(TOKEN_TYPES.includes(t.split(' ')[1].split('.')[0] as never), t);
  });

  it('gives the same tokens with CRLF line ends, sorted, apart, each on one line; 尾差 unmarked when turned off', () => {
    const text = crlf(SMALL);
    const a = analyze(text);
    const tokens = semanticTokens(a);
    assert.deepEqual(tokens.map((t) => `${slice(text, t.span)} ${t.type}.${t.modifiers.join('.')}`), semanticTokens(analyze(SMALL)).map((t) => `${slice(SMALL, t.span)} ${t.type}.${t.modifiers.join('.')}`));
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i - 1].span.end <= tokens[i].span.start);
    for (const t of tokens) assert.ok(!/[\r\n]/.test(slice(text, t.span)));
    const quiet = semanticTokens(a, { roundingTails: false });
    assert.ok(!quiet.some((t) => t.modifiers.includes('roundingTail')));
    assert.ok(quiet.some((t) => t.modifiers.includes('mismatch')));
  });

  it('declares every custom type and modifier in package.json, with a superType and TextMate scopes', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { semanticTokenTypes: { id: string; superType?: string }[]; semanticTokenModifiers: { id: string }[]; semanticTokenScopes: { language: string; scopes: Record<string, string[]> }[] };
    };
    const c = pkg.contributes;
    const types = new Map(c.semanticTokenTypes.map((t) => [t.id, t.superType]));
    for (const t of TOKEN_TYPES) if (t !== 'number') assert.ok(types.get(t), `type ${t} undeclared or without superType`);
    const mods = new Set(c.semanticTokenModifiers.map((m) => m.id));
    for (const m of TOKEN_MODIFIERS) if (m !== 'declaration') assert.ok(mods.has(m), `modifier ${m}`);
    const scopes = c.semanticTokenScopes.find((s) => s.language === 'budget')?.scopes;
    assert.ok(scopes);
    for (const t of TOKEN_TYPES) if (t !== 'number') assert.ok(scopes[t]?.length, `scopes of ${t}`);
    for (const key of ['functionalCode.lei', 'functionalCode.kuan', 'functionalCode.xiang', 'economicCode.lei', 'economicCode.kuan', 'number.mismatch', 'number.roundingTail']) {
      assert.ok(scopes[key]?.length, `scopes of ${key}`);
    }
    // Every selector names declared types and modifiers only.
    for (const key of Object.keys(scopes)) {
      const [type, ...ms] = key.split('.');
      assert.ok((TOKEN_TYPES as readonly string[]).includes(type), key);
      for (const m of ms) assert.ok((TOKEN_MODIFIERS as readonly string[]).includes(m), key);
    }
  });
});

describe('navigation: rule references and go to definition', () => {
  const a = analyze(QIAOKOU);
  const t = QIAOKOU;
  const def = (offset: number) => {
    const d = definitionAt(a, offset);
    assert.ok(d, `no definition at ${JSON.stringify(t.slice(offset, offset + 12))}`);
    return d;
  };

  it('resolves every reference of the seeds’ rules (the checker reports none missing)', () => {
    for (const f of readdirSync(SEEDS)) {
      const an = analyze(seed(f));
      const missing = ruleReferences(an).filter((r) => r.unresolved);
      const problems = an.findings.filter((x) => x.rule === 'rule-reference');
      assert.equal(missing.length > 0, problems.length > 0, f);
    }
  });

  it('27行 → the row whose 行次 is 27', () => {
    const rule = at(t, '规则：27行=（1+2+3');
    const d = def(rule + 3);
    assert.equal(slice(t, d.origin), '27行');
    assert.equal(d.targets.length, 1);
    assert.equal(slice(t, d.targets[0].span), '本年收入合计 | 27 | 2,098.74');
    assert.equal(slice(t, d.targets[0].selection), '27');
    // An item of the group: `8` of （1+…+8）行.
    const eight = def(at(t, '8）行', rule));
    assert.equal(slice(t, eight.origin), '8');
    assert.equal(slice(t, eight.targets[0].span), '八、其他收入 | 8 |');
  });

  it('the … of （32+33+…+57）行 → the rows 34 to 56', () => {
    const d = def(at(t, '…', at(t, '规则：58行=（32+33+')));
    assert.equal(slice(t, d.origin), '…');
    assert.deepEqual(d.targets.map((x) => slice(t, x.selection)), Array.from({ length: 23 }, (_, i) => String(34 + i)));
  });

  it('a … ending a group names the rows up to the rule’s own row, as the check sums them (not the rows after it)', () => {
    const text = ['# 测试单位', '', '## 表 表1 甲表', '列：项目 | 金额', '甲 | 1.00', '乙 | 2.00', '合计 | 3.00', '其他 | 4.00', '规则：「合计」行=（「甲」+…）行', ''].join('\n');
    const an = analyze(text, { standard: false });
    assert.deepEqual(an.findings.filter((f) => f.severity === 'error'), [], 'the check sums 甲 and 乙 only');
    const d = definitionAt(an, text.indexOf('…'));
    assert.ok(d);
    assert.deepEqual(d.targets.map((x) => slice(text, x.span)), ['乙 | 2.00']);
  });

  it('1栏 → the column 本年收入合计[1] in the 列 line; 公开05表「201」行1栏 → the cell 261.74 of 公开05表', () => {
    const t2 = at(t, '## 表 公开02表');
    const d = def(at(t, '1栏各行', t2));
    assert.equal(slice(t, d.origin), '1栏各行');
    assert.deepEqual(d.targets.map((x) => slice(t, x.selection)), ['本年收入合计[1]']);
    const ref = at(t, '公开05表「201」行1栏');
    const cell = def(ref + 8);
    assert.equal(slice(t, cell.origin), '公开05表「201」行1栏');
    assert.equal(cell.targets.length, 1);
    assert.equal(slice(t, cell.targets[0].selection), '261.74');
    assert.match(slice(t, cell.targets[0].span), /^201 \| 一般公共服务支出 \| 261\.74/);
    const t5 = at(t, '## 表 公开05表');
    assert.ok(cell.targets[0].span.start > t5 && cell.targets[0].span.start < at(t, '## 表 公开06表'));
    // On the table's name: the table's heading.
    const table = def(ref + 1);
    assert.equal(slice(t, table.origin), '公开05表');
    assert.equal(slice(t, table.targets[0].selection), '表 公开05表 2023年度一般公共预算财政拨款支出决算表');
    assert.equal(table.targets[0].span.start, t5);
  });

  it('「合计」行2栏 → the cell of the row labelled 合计; 「人员经费合计」行 → the row labelled so', () => {
    const d = def(at(t, '「合计」行2栏=公开04表27行1栏') + 1);
    assert.equal(slice(t, d.origin), '「合计」行2栏');
    assert.match(slice(t, d.targets[0].span), /^\| 合计 \| 2,098\.74 \| 2,098\.74/);
    // The second figure of the row (栏 2, 财政拨款收入), not the first.
    const row = d.targets[0].span.start;
    assert.equal(d.targets[0].selection.start, at(t, '2,098.74', row, 1));
    assert.equal(slice(t, d.targets[0].selection), '2,098.74');
    const p = def(at(t, '「人员经费合计」行=') + 2);
    assert.match(slice(t, p.targets[0].span), /^\| 人员经费合计 \| 321\.75$/);
  });

  it('a 项 code → its 款 row, a 款 code → its 类 row', () => {
    const t5 = at(t, '## 表 公开05表');
    const d = def(at(t, '\n2010350 |', t5) + 2);
    assert.equal(slice(t, d.origin), '2010350');
    assert.match(slice(t, d.targets[0].span), /^20103 \| 政府办公厅/);
    assert.ok(d.targets[0].span.start > t5);
    const k = def(at(t, '\n20103 |', t5) + 2);
    assert.match(slice(t, k.targets[0].span), /^201 \| 一般公共服务支出/);
    assert.equal(definitionAt(a, at(t, '\n201 |', t5) + 2), undefined);
  });
});

describe('navigation: references and highlights', () => {
  const a = analyze(QIAOKOU);
  const t = QIAOKOU;

  it('a row: the rule references that name it (27行, the 27 of （27+28+29）行), with its 行次 as declaration', () => {
    const row27 = at(t, '本年收入合计 | 27 |') + '本年收入合计 | '.length;
    const q = referenceQueryAt(a, row27);
    assert.equal(q?.kind, 'rows');
    const occ = occurrences(a, q!);
    assert.deepEqual(occ.map((o) => `${slice(t, o.span)}:${o.role}`), ['27:declaration', '27行:use', '27:use', '27行:use']);
    assert.equal(lineAt(t, occ[1].span.start), lineAt(t, at(t, '规则：27行=（1+2')));
    // The same from one of the references.
    const again = referenceQueryAt(a, at(t, '（27+28+29）') + 1);
    assert.deepEqual(occurrences(a, again!).map((o) => o.span.start), occ.map((o) => o.span.start));
  });

  it('a code: every row printing it and the rule references to those rows', () => {
    const t2 = at(t, '## 表 公开02表');
    const q = referenceQueryAt(a, at(t, '\n201 |', t2) + 1);
    assert.deepEqual(q && q.kind === 'code' ? q.code : q, '201');
    const occ = occurrences(a, q!);
    const printed = codeOccurrences(a.document, '201');
    assert.ok(printed.length >= 3);
    assert.deepEqual(occ.filter((o) => o.role !== 'use').map((o) => o.span.start), printed.map((s) => s.start));
    assert.equal(occ.filter((o) => o.role === 'declaration').length, 1);
    const uses = occ.filter((o) => o.role === 'use').map((o) => slice(t, o.span));
    assert.ok(uses.includes('「201」行') && uses.length >= 2, uses.join(','));
  });

  it('a column: the references naming 栏次 1 of its table', () => {
    const t5 = at(t, '## 表 公开05表');
    const q = referenceQueryAt(a, at(t, '小计[1]', t5) + 1);
    assert.equal(q?.kind, 'columns');
    const occ = occurrences(a, q!).map((o) => `${slice(t, o.span)}:${o.role}`);
    assert.deepEqual(occ.filter((o) => o.endsWith(':declaration')), ['小计[1]:declaration']);
    assert.ok(occ.includes('1栏各行:use'), occ.join(' '));
    // From 公开04表: 33行3栏=公开05表「201」行1栏 names column 1 of 公开05表.
    assert.ok(occurrences(a, q!).some((o) => o.role === 'use' && o.span.start > at(t, '33行3栏=公开05表「201」行') && o.span.start < t5));
  });

  it('on a rule: its targets (write) and terms (read); on a figure: the cells of its relations', () => {
    const t5 = at(t, '## 表 公开05表');
    const rule = at(t, '规则：1栏各行=(2+3)栏各行', t5) + 4;
    const hs = highlightsAt(a, rule);
    const rows = a.document.tables.find((x) => x.number === '公开05表')!.parts[0].rows;
    const writes = hs.filter((h) => h.kind === 'write').map((h) => slice(t, h.span));
    const reads = hs.filter((h) => h.kind === 'read').map((h) => slice(t, h.span));
    // Blank cells have no text to highlight.
    assert.deepEqual(writes, [...rows.map((r) => r.cells[2].text).filter((x) => x), '1栏各行']);
    assert.deepEqual(reads, [...rows.flatMap((r) => [r.cells[3].text, r.cells[4].text]).filter((x) => x), '2', '3']);
    // The 201 total of 公开05表: the 类 = Σ款 relation (target), 合计 = Σ类 (term), the rule (target) and the cross-table ones.
    const cell = at(t, '261.74', at(t, '\n201 |', t5));
    const fh = highlightsAt(a, cell + 1);
    assert.equal(fh.find((h) => h.span.start === cell)?.kind, 'write');
    const texts = fh.map((h) => `${slice(t, h.span)}:${h.kind}`);
    for (const x of ['250.03:read', '11.71:read', '2,098.74:write', '1栏各行=(2+3)栏各行:text']) assert.ok(texts.includes(x), `${x} not in ${texts.join(' ')}`);
    // 公开04表 33行3栏 = 公开05表「201」行1栏: the cell in 公开04表 is written.
    assert.ok(fh.some((h) => h.kind === 'write' && h.span.start < t5 && h.span.start > at(t, '## 表 公开04表')));
  });
});

describe('navigation: a 10,000-row document', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generate } = require('../bench/generate') as typeof import('../bench/generate');
  let a: Analysis;
  before(() => { a = analyze(generate(10_000).text); });

  it('keeps the outline to tables, their 类 rows, rules and notes', () => {
    const symbols = outline(a, zh);
    let count = 0;
    walk(symbols, () => count++);
    const tables = symbols.filter((s) => s.kind === 'table');
    assert.equal(tables.length, a.document.tables.length);
    assert.ok(count < 2000, `${count} symbols`);
    for (const t of tables) for (const r of t.children.filter((c) => c.kind === 'row')) assert.match(r.name, /^\d{3} /);
  });

  it('gives a token to every code and figure', () => {
    const tokens = semanticTokens(a);
    const rows = a.document.tables.flatMap((t) => t.parts.flatMap((p) => p.rows));
    // The tables' figures (the narrative's claims have tokens of their own: 2,098.74, 709.32 and 51.1%).
    const narrative = a.document.narrative[0].span.start;
    assert.equal(tokens.filter((x) => x.type === 'number' && x.span.start < narrative).length, rows.length * 3);
    assert.equal(tokens.filter((x) => x.type === 'number' && x.span.start >= narrative).length, 3);
    assert.equal(tokens.filter((x) => x.type === 'functionalCode').length, rows.filter((r) => r.code).length);
  });
});

describe('navigation: robustness (fast-check)', function () {
  this.timeout(120000);
  const pieces = [
    '\n', '\r\n', ' | ', '## 表 公开01表 收入支出决算总表\n', '## 表 公开05表 支出表\n', '### 收入\n', '#### 小节\n', '## 情况说明\n', '## 名词解释\n', '# 标题\n',
    '列：科目编码 | 科目名称 | 合计[1] | 基本支出{人员经费[2] | 公用经费[3]}\n', '列：项目 | 行次 | 金额[1]\n', '规则：27行=（1+2+…+8）行\n', '规则：1栏各行=(2+3)栏各行；',
    '规则：((((', '规则：「合计」行1栏=公开05表「合计」行1栏\n', '规则：公开09表「x」「y」「z」行\n', '规则：(「a」+…+「b」)行=1行\n', '规则：…=…\n',
    '201 | 一般公共服务支出 | 262.40 | 1.00 | 261.40\n', '20101 | 人大事务 | 1 | 2 | 3\n', '2010350 事业运行 | 5\n', '合计 | 27 | 1.00\n', '2,098.74', '😀', '\ud800',
    '注：本表。\n', '// 注释\n', '一、术语：定义\n', '续行\n', '项目总预算：21\n', '（', '「', '」', '…',
  ];
  const docArb = fc.oneof(
    fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((x) => x.join('')),
    fc.tuple(fc.nat({ max: QIAOKOU.length }), fc.nat({ max: 300 })).map(([i, n]) => QIAOKOU.slice(0, i) + QIAOKOU.slice(i + n)),
    fc.tuple(fc.nat({ max: QIAOKOU.length }), fc.constantFrom(...pieces)).map(([i, x]) => QIAOKOU.slice(0, i) + x + QIAOKOU.slice(i)),
  );
  const inText = (text: string, s: Span, what: string) => assert.ok(Number.isInteger(s.start) && 0 <= s.start && s.start <= s.end && s.end <= text.length, `${what} ${s.start}-${s.end} outside 0-${text.length}`);

  it('never throws and keeps every span inside the document, selections inside ranges, tokens apart', () => {
    fc.assert(fc.property(docArb, fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (text, offsets) => {
      const a = analyze(text);
      walk(outline(a, zh), (x) => {
        inText(text, x.span, x.name);
        assert.ok(x.name.trim() && x.span.start <= x.selection.start && x.selection.end <= x.span.end, x.name);
      });
      for (const f of foldingRanges(a)) inText(text, { start: f.start, end: f.end }, 'fold');
      let end = 0;
      for (const t of semanticTokens(a)) {
        inText(text, t.span, t.type);
        assert.ok(t.span.start >= end && t.span.end > t.span.start && !/[\r\n]/.test(slice(text, t.span)), `${t.type} at ${t.span.start}`);
        end = t.span.end;
      }
      for (const k of offsets) {
        const o = text.length ? k % (text.length + 1) : 0;
        const d = definitionAt(a, o);
        if (d) {
          inText(text, d.origin, 'origin');
          for (const x of d.targets) assert.ok(x.span.start <= x.selection.start && x.selection.end <= x.span.end && x.span.end <= text.length);
        }
        for (const h of highlightsAt(a, o)) inText(text, h.span, 'highlight');
        const q = referenceQueryAt(a, o);
        if (q) for (const x of occurrences(a, q)) inText(text, x.span, 'reference');
      }
    }), { numRuns: 400 });
  });
});
