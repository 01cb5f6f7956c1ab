/**
 * The incremental analysis (a DocumentAnalyzer reusing unchanged sections, moving them in place) must give exactly
 * what a fresh analysis of the same text gives: every finding, every span, the whole model and every relation.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { analyze, DocumentAnalyzer, type Analysis } from '../server/src/analysis';
import { computedTotalHints } from '../server/src/hints/computed';
import { editorMessages } from '../server/src/i18n/editor';
import { foldingRanges } from '../server/src/navigation/folding';
import { outline } from '../server/src/navigation/outline';
import { semanticTokens } from '../server/src/navigation/tokens';
import { sections } from '../server/src/incremental/sections';
import { parse, parseRange } from '../server/src/syntax/parser';
import { generate } from '../bench/generate';
import { ROOT } from './support/lsp';

const SEEDS = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.budget')).map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));

const sp = (s: { start: number; end: number } | undefined) => (s ? `${s.start}-${s.end}` : '');

/** Everything an analysis says, as plain data. */
export function dump(a: Analysis): unknown {
  const d = a.document;
  return {
    lines: a.tree.lines.map((l) => `${l.kind}@${sp(l.span)}${l.kind === 'row' ? `:${l.cells.map((c) => `${c.text}@${sp(c.span)}`).join('|')}` : ''}`),
    errors: a.tree.errors.map((e) => sp(e.span)),
    header: { ...d.header, fields: d.header.fields.map((f) => `${f.key}=${f.value}@${sp(f.span)}/${sp(f.keySpan)}/${sp(f.valueSpan)}`), department: d.header.department?.value },
    title: d.title,
    tables: d.tables.map((t) => ({
      head: `${t.kind} ${t.number ?? ''} ${t.title} ${t.unit ?? ''} @${sp(t.span)} ${sp(t.headingSpan)}`,
      rules: t.rules.map((r) => `${r.node.text}@${sp(r.node.span)}`),
      notes: t.notes.map((n) => `${n.text}@${sp(n.span)}`),
      fields: t.fields.map((f) => `${f.key}=${f.value}@${sp(f.span)}`),
      texts: t.texts.map((n) => `${n.text}@${sp(n.span)}`),
      parts: t.parts.map((p) => ({
        name: `${p.name ?? ''}@${sp(p.nameSpan)} ${sp(p.columnsSpan)}`,
        columns: p.columns.map((c) => `${c.path.join('/')}[${c.number ?? ''}]${c.role}@${sp(c.span)}`),
        rows: p.rows.map((r) => `${r.lineNo ?? ''} ${r.code ?? ''} ${r.label}@${sp(r.span)} ${sp(r.labelSpan)} ${sp(r.codeSpan)}:${r.cells.map((c) => `${c.kind}:${c.text}@${sp(c.span)}`).join('|')}`),
      })),
    })),
    glossary: d.glossary.map((g) => `${g.term}=${g.definition}@${sp(g.span)} ${sp(g.termSpan)}`),
    narrative: d.narrative.map((n) => `${n.section}/${n.heading ?? ''}:${n.text}@${sp(n.span)}`),
    structure: d.structureErrors.map((e) => `${e.rule}@${sp(e.span)}`),
    relations: a.relations.map((r) => `${r.rule} ${r.kind} ${r.title} ${sp(r.target.span)} = ${r.terms.map((t) => `${t.sign}${sp(t.cell.span)}`).join(' ')} ${sp(r.ruleSpan)}`).sort(),
    findings: a.findings.map((f) => ({
      at: `${f.rule} ${f.severity} ${sp(f.span)}`, message: f.message, related: f.related.map((r) => `${sp(r.span)} ${r.message}`),
      expected: f.expected, replacement: f.replacement && `${sp(f.replacement.span)} ${f.replacement.text}`, tail: f.roundingTail,
    })),
  };
}

/** What the editor features show of an analysis: the outline, folding ranges, semantic tokens and inlay hints. */
export function features(a: Analysis): unknown {
  return {
    outline: outline(a, editorMessages()),
    folding: foldingRanges(a),
    tokens: semanticTokens(a),
    hints: computedTotalHints(a, { start: 0, end: a.tree.text.length }, 'all'),
  };
}

/** An edit a person might make: type or delete characters, add or remove lines (headings, rows, header fields). */
const SNIPPETS = ['1', '0', '.', ',', '|', ' ', '合计', '\n', '\r\n', '// 注释', '## 表 公开09表 新表\n列：科目编码 | 科目名称 | 合计\n201 | 一般公共服务支出 | 1.00\n',
  '# 新标题\n', '年度：2024\n', '金额单位：元\n', '## 名词解释\n三公经费：定义\n', '## 情况说明\n支出 12.30 万元，增长 5.1%。\n', '规则：1栏各行=(2+3)栏各行\n',
  '规则：1行=公开01表1行\n', '### 支出\n', '  ## 缩进\n', '列：a | b[1]\n', '2010350 | 事业运行 | 261.74 | 250.03 | 11.71\n', '𠀋', '\ufeff',
  // a 列： line with no usable column list (its part stood at offset 0, and moved with the edits before it)
  '列：\n', '列：', '列：|', '列：{', '规则：1栏=2栏😀\n'];

interface Edit { at: number; remove: number; insert: string }
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 })) });

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental analysis', () => {
  it('cuts a text into sections that parse exactly as the whole text does', () => {
    for (const text of [...SEEDS, generate(600).text]) {
      const whole = parse(text);
      const pieces = sections(text).map((b) => parseRange(text, b.start, b.end));
      assert.deepEqual(pieces.flatMap((t) => t.lines), whole.lines);
      assert.deepEqual(pieces.flatMap((t) => t.errors.map((e) => e.span)), whole.errors.map((e) => e.span));
    }
  });

  it('gives what a fresh analysis gives after every one of many random edits of the seeds', function () {
    this.timeout(120_000);
    fc.assert(fc.property(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (seed, edits) => {
      const analyzer = new DocumentAnalyzer({ locale: 'zh' });
      let text = SEEDS[seed];
      analyzer.analyze(text);
      for (const e of edits) {
        text = apply(text, e);
        const incremental = analyzer.analyze(text);
        const fresh = analyze(text, { locale: 'zh' });
        assert.deepEqual(dump(incremental), dump(fresh));
        assert.deepEqual(features(incremental), features(fresh));
      }
    }), { numRuns: 60 });
  });

  it('moves a part whose 列： line lists no usable column with its section, as a fresh analysis places it', () => {
    // The empty column of `列：` stood at offset 0 of the document: moved with its section after an edit above it,
    // the part (its outline symbol, its folding range) then disagreed with a fresh analysis of the same text.
    for (const columns of ['列：', '列：|', '列：{']) {
      const text = `# 某单位\n年度：2023\n\n## 表 表1 甲\n列：科目名称 | 合计\n合计 | 1.00\n\n## 表 表2 乙\n${columns}\n201 | 一般公共服务支出 | 1.00\n`;
      const analyzer = new DocumentAnalyzer();
      const first = analyzer.analyze(text);
      const at = text.indexOf(columns, text.indexOf('表2'));
      for (const p of first.document.tables[1].parts) assert.ok(p.columnsSpan && p.columnsSpan.start >= at, `${columns}: part at ${JSON.stringify(p.columnsSpan)}`);
      const edited = text.replace('合计 | 1.00', '合计 | 11.00');
      const moved = analyzer.analyze(edited);
      assert.equal(analyzer.lastReuse.reused, analyzer.lastReuse.sections - 1, JSON.stringify(analyzer.lastReuse));
      assert.deepEqual(dump(moved), dump(analyze(edited)));
      assert.deepEqual(features(moved), features(analyze(edited)));
    }
  });

  it('reuses every section an edit did not touch, and moves the ones after it', () => {
    const g = generate(3000).text;
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(g);
    assert.equal(analyzer.lastReuse.full, true);
    const at = g.indexOf('\n', Math.floor(g.length / 2)) - 2; // inside a row's last figure, mid-document
    const edited = `${g.slice(0, at)}9${g.slice(at)}`;
    const a = analyzer.analyze(edited);
    assert.equal(analyzer.lastReuse.full, false);
    assert.equal(analyzer.lastReuse.reused, analyzer.lastReuse.sections - 1, JSON.stringify(analyzer.lastReuse));
    assert.deepEqual(dump(a), dump(analyze(edited)));
    // The edited figure now breaks its row's formula and its 款's sum; undoing the edit gives back the first analysis.
    const errors = (x: Analysis) => x.findings.filter((f) => f.severity === 'error').length;
    assert.equal(errors(analyze(g)), 0);
    assert.ok(errors(a) >= 2, `${errors(a)} errors`);
    assert.deepEqual(dump(analyzer.analyze(g)), dump(analyze(g)));
  });

  it('keeps no old version of the text alive: a section kept across versions holds only its own text', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let text = generate(10000, 3).text;
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(text);
    gc();
    const before = process.memoryUsage().heapUsed;
    // One digit retyped in every section: each is parsed again from a different version of the text.
    let edited = 0;
    for (const b of sections(text)) {
      const m = /\| (\d)/.exec(text.slice(b.start, b.end));
      if (!m) continue;
      const at = b.start + m.index + 2;
      text = `${text.slice(0, at)}${(Number(text[at]) + 1) % 10}${text.slice(at + 1)}`;
      analyzer.analyze(text);
      edited++;
    }
    assert.ok(edited > 50, `${edited} sections edited`);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    const textBytes = 2 * text.length; // CJK: two bytes a character
    // Sections sliced from the text they were parsed in kept one whole version each alive: 80 texts here.
    assert.ok(grown < 8 * textBytes, `the heap grew by ${(grown / 2 ** 20).toFixed(1)} MiB, ${(grown / textBytes).toFixed(1)} × the text`);
  });

  it('starts afresh when the header changes, since every table inherits from it', () => {
    const g = generate(800).text;
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(g);
    const edited = g.replace('金额单位：万元', '金额单位：元').replace('年度：2023', '年度：2024');
    const a = analyzer.analyze(edited);
    assert.equal(analyzer.lastReuse.full, true);
    assert.ok(a.document.tables.every((t) => t.unit === '元'));
    assert.equal(a.document.header.year, 2024);
    assert.deepEqual(dump(a), dump(analyze(edited)));
  });
});
