import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { contentSecurityPolicy, previewPage } from '../client/src/preview/html';
import { escapeHtml, renderPreview } from '../client/src/preview/render';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { computedTotalHints } from '../server/src/hints/computed';
import {
  buildPreview, type PreviewCell, type PreviewModel, type PreviewPart, type PreviewSection, type SourceRange, type TableSection,
} from '../server/src/preview/model';
import { GOOD, ONE_WRONG_TOTAL, XINZHOU_HEAD } from './support/docs';
import { ROOT } from './support/lsp';
import { qiaokouWithUserRules } from './support/userRules';

const seed = (name: string) => readFileSync(join(ROOT, 'seeds', name), 'utf8');
const XINZHOU = seed('xinzhou-2023-budget.budget');
// The seed with the cross-table rules a user may write (test/support/userRules.ts).
const QIAOKOU = qiaokouWithUserRules(seed('qiaokou-2023-final.budget'));

const isTable = (s: PreviewSection): s is TableSection => s.kind === 'table' || s.kind === 'form';
const tableOf = (m: PreviewModel, number: string): TableSection => {
  const t = m.sections.filter(isTable).find((s) => s.number === number);
  assert.ok(t, `no table ${number}`);
  return t;
};
const partsOf = (t: TableSection): PreviewPart[] => t.blocks.flatMap((b) => (b.kind === 'parts' ? b.parts : []));
const cellsOf = (m: PreviewModel): PreviewCell[] =>
  m.sections.filter(isTable).flatMap((t) => partsOf(t).flatMap((p) => p.rows.flatMap((r) => r.cells)));
const rowByLabel = (p: PreviewPart, label: string) => {
  const r = p.rows.find((x) => x.cells.some((c) => c.role === 'label' && c.text === label));
  assert.ok(r, `no row ${label}`);
  return r;
};

/** Every object of the model that has a status (cells, segments, fields, rules …). */
function marked(o: unknown, out: { id?: string; status: string; messages?: string[]; text?: string; range?: SourceRange }[] = []) {
  if (Array.isArray(o)) for (const x of o) marked(x, out);
  else if (o && typeof o === 'object') {
    const r = o as { status?: string };
    if (r.status) out.push(o as never);
    for (const v of Object.values(o)) if (typeof v === 'object') marked(v, out);
  }
  return out;
}

describe('preview view model', () => {
  const a = analyze(XINZHOU);
  const m = buildPreview(a);
  const doc = TextDocument.create('file:///x.budget', 'budget', 1, XINZHOU);
  const at = (r: SourceRange) => doc.getText(r);

  it('has every table in source order, the narrative before them and the glossary after', () => {
    const tables = m.sections.filter(isTable);
    assert.deepEqual(tables.map((t) => t.number ?? t.title), a.document.tables.map((t) => t.number ?? t.title));
    assert.equal(m.sections[0].kind, 'narrative');
    assert.equal(m.sections[m.sections.length - 1].kind, 'glossary');
    assert.equal(m.title?.text, '新洲区大数据中心 2023 年部门预算');
    assert.deepEqual(m.header.map((f) => f.key), ['部门', '年度', '类型', '金额单位']);
    const starts = m.sections.map((s) => doc.offsetAt(s.range.start));
    assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
  });

  it('builds the header rows of column groups with colspan and rowspan', () => {
    const [p] = partsOf(tableOf(m, '附表4-5'));
    assert.deepEqual(p.header.map((r) => r.map((c) => [c.text, c.colspan, c.rowspan, c.group])), [
      [['科目编码', 1, 2, false], ['科目名称', 1, 2, false], ['合计', 1, 2, false], ['基本支出', 3, 1, true], ['项目支出', 1, 2, false]],
      [['小计', 1, 1, false], ['人员经费', 1, 1, false], ['公用经费', 1, 1, false]],
    ]);
    assert.equal(p.numbers, undefined, 'the source prints no 栏次 here');
    assert.equal(p.width, 7);
    // A group over the code and the name columns (附表4-6), and groups two deep (绩效目标表).
    const [q] = partsOf(tableOf(m, '附表4-6'));
    assert.deepEqual(q.header.map((r) => r.map((c) => [c.text, c.colspan, c.rowspan])), [
      [['部门预算支出经济分类科目', 2, 1], ['本年一般公共预算基本支出', 3, 1]],
      [['科目编码', 1, 1], ['科目名称', 1, 1], ['合计', 1, 1], ['人员经费', 1, 1], ['公用经费', 1, 1]],
    ]);
    const form = m.sections.filter(isTable).find((s) => s.title === '绩效目标表 部门整体支出绩效目标申报表')!;
    const deep = partsOf(form).find((x) => x.name?.startsWith('年度目标1'))!;
    assert.deepEqual(deep.header.map((r) => r.map((c) => [c.text, c.colspan, c.rowspan])), [
      [['一级指标', 1, 3], ['二级指标', 1, 3], ['三级指标', 1, 3], ['指标值', 3, 1]],
      [['近两年指标值', 2, 1], ['预期当年实现值', 1, 2]],
      [['前年', 1, 1], ['上年', 1, 1]],
    ]);
    for (const h of [...p.header.flat(), ...q.header.flat()]) assert.equal(at(h.range), h.text);
  });

  it('prints the 栏次 row when the source numbers its columns', () => {
    const mq = buildPreview(analyze(QIAOKOU));
    const [p] = partsOf(tableOf(mq, '公开03表'));
    assert.deepEqual(p.numbers?.map((n) => n.text), ['栏次', '', '1', '2', '3', '4', '5', '6']);
    const dq = TextDocument.create('file:///q.budget', 'budget', 1, QIAOKOU);
    for (const n of p.numbers!.filter((x) => x.range)) assert.equal(dq.getText(n.range!), n.text);
  });

  it('indents codes by level and marks 合计 rows', () => {
    const [p] = partsOf(tableOf(m, '附表4-5'));
    const level = (code: string) => p.rows.find((r) => r.cells[0].text === code)!;
    assert.equal(level('201').level, 0);
    assert.equal(level('20101').level, 1);
    assert.equal(level('2010102').level, 2);
    assert.deepEqual(level('2010102').cells.slice(0, 2).map((c) => c.level), [2, 2]);
    assert.equal(level('2010102').cells[2].level, undefined, 'figures are not indented');
    assert.equal(rowByLabel(p, '合计').total, true);
    assert.equal(level('201').total, false);
  });

  it('puts the two sides of a 收支总表 side by side, and stacks a form’s sub-tables', () => {
    const sides = tableOf(m, '附表4-1').blocks.find((b) => b.kind === 'parts');
    assert.ok(sides?.kind === 'parts');
    assert.equal(sides.layout, 'side-by-side');
    assert.deepEqual(sides.parts.map((x) => x.name), ['收入', '支出']);
    const form = m.sections.filter(isTable).find((s) => s.kind === 'form')!;
    assert.ok(form.blocks.some((b) => b.kind === 'parts' && b.layout === 'stacked'));
  });

  it('every cell’s range selects exactly its text', () => {
    const cells = cellsOf(m).filter((c) => c.kind !== 'missing');
    assert.ok(cells.length > 1000);
    for (const c of cells) assert.equal(at(c.range), c.text, c.id);
    assert.equal(new Set(cellsOf(m).map((c) => c.id)).size, cellsOf(m).length, 'ids are unique');
  });

  it('marks 尾差 cells amber and failing cells red, with the findings’ messages', () => {
    const [p] = partsOf(tableOf(m, '附表4-5'));
    const total = rowByLabel(p, '合计');
    const [, , sum, subtotal, staff] = total.cells;
    assert.equal(sum.text, '307.24');
    assert.equal(sum.status, 'tail');
    assert.match(sum.messages![0], /^尾差：合计 = 一般公共服务支出/);
    assert.equal(subtotal.status, 'tail');
    assert.equal(subtotal.messages!.length, 2, 'the 合计 row and the column formula');
    assert.equal(staff.status, undefined);

    const share = cellsOf(m).find((c) => c.text === '42.40%')!;
    assert.equal(share.status, 'error');
    assert.match(share.messages!.join('\n'), /比例不符：列示 42\.40%，按 157\.49 ÷ 307\.24 应为 51\.26%/);
    // An empty 合计 whose parts add up to 9.81: the empty cell is the one marked.
    const blank = cellsOf(m).find((c) => c.status === 'error' && c.kind === 'empty');
    assert.ok(blank);
    assert.equal(doc.offsetAt(blank.range.start), doc.offsetAt(blank.range.end));
    assert.match(blank.messages![0], /应为 9\.81/);
  });

  it('marks the exact words of a wrong claim in the narrative', () => {
    const segs = marked(m.sections).filter((x) => x.id?.includes('.s'));
    const claim = segs.find((s) => s.text === '95.22%');
    assert.ok(claim, JSON.stringify(segs.map((s) => s.text)));
    assert.equal(claim.status, 'error');
    assert.equal(at(claim.range!), '95.22%');
    assert.match(claim.messages![0], /^比例不符：列示 95\.22%/);
  });

  it('places every finding somewhere and counts them all', () => {
    // 11 errors: the 11 pinned for xinzhou in seeds.findings.ts; the warning:
    // 附表4-8 has no figures and no note saying so.
    assert.deepEqual(m.counts, { errors: 11, warnings: 1, tails: 14, information: 0 });
    assert.deepEqual(m.other, []);
    const shown = new Set(marked(m).flatMap((x) => x.messages ?? []));
    for (const f of a.findings) assert.ok(shown.has(f.message), f.message);
    assert.equal(m.strings.errors, '11 处错误');
    assert.equal(m.strings.tails, '14 处尾差');
  });

  it('shows the unit the checker uses: a unit field it could not read stays a field, as written', () => {
    const text = `${XINZHOU_HEAD}\n## 表 表1 收入表\n金额单位：千元\n列：项目 | 金额[1]\n合计 | 1.00\n`;
    const doc = TextDocument.create('u', 'budget', 1, text);
    const t = tableOf(buildPreview(analyze(text)), '表1');
    // 千元 is no unit the documents use: the header's 万元 applies, and is shown at the heading.
    assert.equal(t.unit?.text, '金额单位：万元');
    assert.equal(doc.getText(t.unit!.range), '表 表1 收入表');
    const fields = t.blocks.flatMap((b) => (b.kind === 'fields' ? b.fields : []));
    assert.deepEqual(fields.map((f) => `${f.key}：${f.value}`), ['金额单位：千元']);
  });

    it('keeps notes, rules, fields, the glossary and the narrative as text, each at its source', () => {
    const t = tableOf(m, '附表4-2');
    const rules = t.blocks.filter((b) => b.kind === 'rules').flatMap((b) => (b.kind === 'rules' ? b.line.rules : []));
    assert.deepEqual(rules.map((r) => r.text), ['「130」行=「130001」行']);
    for (const r of rules) assert.equal(at(r.range), r.text);
    assert.equal(t.unit?.text, '金额单位：万元');
    assert.equal(at(t.unit!.range), '万元');
    const glossary = m.sections[m.sections.length - 1];
    assert.ok(glossary.kind === 'glossary');
    const entries = glossary.items.filter((i) => i.kind === 'entry');
    assert.equal(entries.length, a.document.glossary.length);
    const narrative = m.sections.filter((s) => s.kind === 'narrative').flatMap((s) => (s.kind === 'narrative' ? s.items : []));
    const lines = narrative.filter((i) => i.kind === 'line');
    assert.equal(lines.length, a.document.narrative.length);
    for (const l of lines) assert.equal(l.segments.map((s) => s.text).join(''), at(l.range));
    assert.ok(narrative.some((i) => i.kind === 'heading' && i.text === '(一) 部门主要职能'));
  });

  it('shows rows with too many or too few cells, keeping every cell', () => {
    const text = `${XINZHOU_HEAD}\n## 表 表1 测试\n列：项目 | 金额[1] | 备注\n甲 | 1.00 | 说明 | 多出\n乙 | 2.00\n注：本表仅测试。\n`;
    const t = buildPreview(analyze(text)).sections.filter(isTable)[0];
    const [p] = partsOf(t);
    assert.equal(p.width, 4);
    assert.deepEqual(p.header[0].map((h) => h.text), ['项目', '金额', '备注', '']);
    assert.deepEqual(p.rows[0].cells.map((c) => [c.text, c.role]), [['甲', 'label'], ['1.00', 'figure'], ['说明', 'figure'], ['多出', 'extra']]);
    assert.equal(p.rows[0].cells[3].status, 'error', 'the extra cell carries the row-shape error');
    assert.deepEqual(p.rows[1].cells.map((c) => c.kind), ['text', 'figure', 'missing', 'missing']);
    assert.equal(p.rows[1].status, 'warning', 'too few cells: a warning on the row');
    assert.deepEqual(p.numbers?.map((n) => n.text), ['栏次', '1', '', '']);
  });

  it('is the same from an incremental analysis whose sections moved as from a fresh one', () => {
    // An edit in the first section moves every table after it (their spans are shifted in place).
    const at = XINZHOU.indexOf('### (一) 部门主要职能');
    const v2 = `${XINZHOU.slice(0, at)}新增的一行说明文字。\n${XINZHOU.slice(at)}`;
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(XINZHOU);
    const moved = analyzer.analyze(v2);
    assert.ok(analyzer.lastReuse.reused > 5, JSON.stringify(analyzer.lastReuse));
    const fresh = buildPreview(analyze(v2));
    assert.deepEqual(buildPreview(moved), fresh);
    const d2 = TextDocument.create('file:///x2.budget', 'budget', 2, v2);
    for (const c of cellsOf(fresh).filter((x) => x.kind !== 'missing')) assert.equal(d2.getText(c.range), c.text, c.id);
  });

  it('speaks English when asked', () => {
    const en = buildPreview(analyze(ONE_WRONG_TOTAL, { locale: 'en' }), { locale: 'en', name: 'wrong.budget' });
    assert.equal(en.strings.title, 'Preview: wrong.budget');
    assert.equal(en.strings.errors, '2 errors');
    const cell = cellsOf(en).find((c) => c.text === '317.24')!;
    assert.equal(cell.status, 'error');
    assert.ok(cell.messages!.some((x) => /expected 307\.24, found 317\.24/.test(x)));
    assert.equal(tableOf(en, '附表4-5').unit?.text, 'Unit: 万元');
  });
});

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
const isElement = (n: Node): n is Element => 'tagName' in n;
function elements(n: Node, out: Element[] = []): Element[] {
  if (isElement(n)) out.push(n);
  if ('childNodes' in n) for (const c of n.childNodes) elements(c, out);
  return out;
}
function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in n ? n.childNodes.map(textOf).join('') : '';
}
const attr = (e: Element, name: string) => e.attrs.find((x) => x.name === name)?.value;

describe('preview HTML', () => {
  it('renders document text as text: no element, attribute or handler can come from it', () => {
    const evil = '<script>alert(1)</script>';
    const img = '<img src=x onerror=alert(2)>';
    const text = `# ${evil}\n部门：${img}\n年度：2023\n金额单位：万元\n\n## 表 表1 ${img}\n列：科目编码 | 科目名称 | 金额[1]\n | 合计 | 3.00\n201 | ${evil} | 1.00\n202 | ${img}" onclick="x | 1.00\n注：${evil}${img}\n\n## 情况说明\n${img} 合计 3 万元，其中：${evil} 1 万元，甲 1 万元。\n`;
    const html = renderPreview(buildPreview(analyze(text)));
    const frag = parseFragment(html);
    const all = elements(frag as unknown as Node);
    assert.ok(all.length > 20);
    for (const e of all) {
      assert.ok(!['script', 'img', 'iframe', 'object', 'embed', 'style', 'link', 'meta'].includes(e.tagName), `<${e.tagName}> in the output`);
      for (const a of e.attrs) {
        assert.ok(!/^on/i.test(a.name), `handler attribute ${a.name}`);
        assert.notEqual(a.name, 'style');
        assert.ok(['class', 'data-id', 'title', 'colspan', 'rowspan', 'type', 'data-nav'].includes(a.name), `attribute ${a.name}`);
      }
    }
    const cells = all.filter((e) => e.tagName === 'td').map(textOf);
    assert.ok(cells.includes(evil), JSON.stringify(cells));
    assert.ok(cells.includes(`${img}" onclick="x`));
    assert.equal(textOf(all.find((e) => e.tagName === 'h1')!), evil);
    assert.ok(all.some((e) => e.tagName === 'p' && textOf(e) === `注：${evil}${img}`));
    // A message naming the bad label goes into a title attribute, escaped there too, and comes back intact.
    const wrong = all.find((e) => e.tagName === 'td' && textOf(e) === '3.00')!;
    assert.match(attr(wrong, 'title') ?? '', /^合计 ≠ <script>alert\(1\)<\/script> \+ <img src=x onerror=alert\(2\)>" onclick="x：应为 2\.00/);
    assert.ok(!html.includes('<script') && !html.includes('<img'));
  });

  it('escapes all five HTML metacharacters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('renders a seed’s table: groups, statuses as classes, messages as tooltips, figures right-aligned', () => {
    const frag = parseFragment(renderPreview(buildPreview(analyze(XINZHOU))));
    const all = elements(frag as unknown as Node);
    const group = all.find((e) => e.tagName === 'th' && textOf(e) === '基本支出' && attr(e, 'colspan'))!;
    assert.equal(attr(group, 'colspan'), '3');
    assert.match(attr(group, 'class')!, /\bgroup\b/);
    const tails = all.filter((e) => e.tagName === 'td' && /\bst-tail\b/.test(attr(e, 'class') ?? ''));
    assert.ok(tails.some((e) => textOf(e) === '307.24' && /^尾差：/.test(attr(e, 'title')!)));
    for (const e of tails) assert.match(attr(e, 'class')!, /\bnum\b/);
    const errors = all.filter((e) => /\bst-error\b/.test(attr(e, 'class') ?? '') && attr(e, 'data-id'));
    assert.ok(errors.some((e) => textOf(e) === '95.22%' && e.tagName === 'span'));
    assert.ok(errors.some((e) => textOf(e) === '42.40%' && e.tagName === 'td'));
    const nav = all.filter((e) => e.tagName === 'button').map((e) => [attr(e, 'data-nav'), textOf(e)]);
    assert.deepEqual(nav, [['error', '11 处错误'], ['warning', '1 处警告'], ['tail', '14 处尾差']]);
    const ids = all.map((e) => attr(e, 'data-id')).filter((x) => x);
    assert.ok(ids.length > 1500);
  });

  it('a clean document says so', () => {
    const html = renderPreview(buildPreview(analyze(`${XINZHOU_HEAD}\n## 表 表1 测试\n列：项目 | 金额\n甲 | 1.00\n`)));
    assert.match(html, /未发现问题/);
    assert.doesNotMatch(html, /data-nav/);
  });

  it('the page has a strict CSP, the nonce on its script and stylesheet, and nothing remote', () => {
    const page = previewPage({
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'abc123+/=', lang: 'zh', loading: '正在生成预览…',
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/preview.js', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/preview.css',
    });
    const csp = contentSecurityPolicy('https://file+.vscode-resource.vscode-cdn.net', 'abc123+/=');
    assert.equal(csp, "default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-abc123+/='; script-src 'nonce-abc123+/='");
    assert.ok(page.includes(`content="${escapeHtml(csp)}"`));
    assert.match(page, /<script nonce="abc123\+\/=" src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/preview\.js"><\/script>/);
    assert.match(page, /<link rel="stylesheet" nonce="abc123\+\/="/);
    assert.equal((page.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(page.replace(/https:\/\/file\+\.vscode-resource\.vscode-cdn\.net/g, ''), /https?:/);
  });
});

describe('computed totals (inlay hints)', () => {
  const a = analyze(ONE_WRONG_TOTAL);
  const all = { start: 0, end: ONE_WRONG_TOTAL.length };

  it('differences: only where the computed value differs from the printed one, each value once with its rules', () => {
    const hints = computedTotalHints(a, all, 'differences');
    const at = ONE_WRONG_TOTAL.indexOf('317.24');
    const wrong = hints.find((h) => h.span.start === at)!;
    assert.equal(wrong.offset, at + '317.24'.length);
    // Two rules compute it, to different values: the 合计 row (Σ 类) and the column formula (2+5).
    assert.deepEqual(wrong.parts.map((p) => [p.text, p.status]), [['= 307.25', 'error'], [' / 307.24', 'error']]);
    assert.equal(wrong.parts[0].tooltip, '按规则计算：合计 = Σ各顶层科目\n不成立：列示 317.24，相差 9.99');
    assert.equal(wrong.parts[1].tooltip, '按规则计算：规则 1栏各行=(2+5)栏各行\n不成立：列示 317.24，相差 10.00');
    // 197.25 = 157.50 + 39.76 only within rounding.
    const tail = hints.find((h) => ONE_WRONG_TOTAL.slice(h.span.start, h.span.end) === '197.25')!;
    assert.deepEqual(tail.parts.map((p) => [p.text, p.status]), [['= 197.26', 'tail']]);
    for (const h of hints) assert.ok(h.parts.every((p) => p.status !== 'holds'));
  });

  it('all: every target of a sum; off: none; only inside the range', () => {
    const every = computedTotalHints(a, all, 'all');
    const diff = computedTotalHints(a, all, 'differences');
    assert.ok(every.length > diff.length + 10);
    const exact = every.find((h) => ONE_WRONG_TOTAL.slice(h.span.start, h.span.end) === '262.40')!;
    assert.equal(exact.parts[0].text, '= 262.40');
    assert.equal(exact.parts[0].status, 'holds');
    assert.deepEqual(computedTotalHints(a, all, 'off'), []);
    const line = ONE_WRONG_TOTAL.indexOf('201 |');
    const lineEnd = ONE_WRONG_TOTAL.indexOf('\n', line);
    const some = computedTotalHints(a, { start: line, end: lineEnd }, 'all');
    assert.ok(some.length > 0);
    for (const h of some) assert.ok(h.span.start >= line && h.span.end <= lineEnd);
  });

  it('a document whose figures agree exactly has no hints by default', () => {
    const exact = GOOD.replace('| 197.25 |', '| 197.26 |').replace(' | 合计 | 307.24 | 197.26 |', ' | 合计 | 307.25 | 197.26 |');
    const b = analyze(exact);
    assert.deepEqual(b.findings.filter((f) => f.rule === 'total-row' || f.rule === 'column-formula'), []);
    assert.deepEqual(computedTotalHints(b, { start: 0, end: exact.length }, 'differences'), []);
  });
});
