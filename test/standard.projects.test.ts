/**
 * A form's project found in the 项目支出表 (bind.ts `projectRow`): the row whose key is the form's 项目名称, else the
 * only row whose key holds it or is held in it. The near matches are found from the keys' substrings and pairs of
 * characters, not by reading every row's key for every form (forms × rows): each form here finds what reading every
 * key finds (the reading below), including none when two rows match, and in either identity's binding and template.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../server/src/analysis';
import { nameKey } from '../server/src/standard/names';
import { forgetTemplates } from '../server/src/standard/shapes';
import { generateBudget } from '../bench/standardDocs';

/** The project row's name each name finds, reading every key (the reading `projectRow` must agree with). */
function byReading(rows: readonly { name: string; label: string }[], name: string): string | undefined {
  const key = (s: string) => nameKey(s).replace(/^\d{4}年度?/, '');
  const k = key(name);
  if (!k) return undefined;
  const exact = rows.filter((r) => key(r.label) === k);
  if (exact.length) return exact.length === 1 ? exact[0].name : undefined;
  const near = rows.filter((r) => { const l = key(r.label); return l.length > 1 && (l.includes(k) || k.includes(l)); });
  return near.length === 1 ? near[0].name : undefined;
}

describe('standard sets: a form\'s project in the 项目支出表', () => {
  after(() => forgetTemplates());

  it('found as reading every row\'s key finds it: exactly, held in a key, holding one, two of them, none', () => {
    const first = generateBudget({ kuanPerLei: 2, xiangPerKuan: 3 });
    // Names the table prints otherwise: a key holds it (目1 in 项目1, 项目10 …), it holds a key (项目2 in 项目2的经费),
    // it holds two (项目11 and 项目1), a key of one character, nothing like it, one key twice (one row).
    const names = ['目1', '项目2的经费', '项目11经费', '年项目3', '2023年项目4', '项', '其他', '目', '项目12', '5', '项目5项目5'];
    let text = first;
    names.forEach((n, i) => { text = text.replace(`项目名称：项目${i + 1}\n`, `项目名称：${n}\n`); });
    // A row whose label is a single character and one holding another's whole label.
    text = text.replace('| 2023年项目13 |', '| 目 |').replace('| 2023年项目12 |', '| 2023年项目12二期 |');
    assert.notEqual(text, first);
    for (const options of [{ locale: 'zh' as const }, { locale: 'zh' as const, standard: { byShape: false } }]) {
      forgetTemplates();
      analyze(text, options);
      const a = analyze(text, options);
      const table = a.document.tables.find((t) => t.title.includes('项目支出表'))!;
      const rows = table.parts.flatMap((p) => p.rows).filter((r) => r.label).map((r) => ({ name: r.code ?? r.label, label: r.label }));
      let found = 0;
      let missing = 0;
      for (const form of a.document.tables.filter((t) => t.title.includes('项目申报表'))) {
        const name = form.fields.find((f) => f.key === '项目名称')?.value ?? '';
        const want = byReading(rows, name);
        const got = a.standard.applied(form).find((x) => x.identity.text.startsWith('「项目当年预算」行=「项目支出表」'))!;
        if (want === undefined) {
          assert.equal(got.outcome, 'missing', name);
          missing++;
        } else {
          assert.deepEqual(got.relations.map((r) => r.terms.map((t) => t.cell.row.code ?? t.cell.row.label)), [[want]], name);
          found++;
        }
      }
      assert.ok(found >= 4 && missing >= 3, `${found} found, ${missing} not`);
    }
  });
});
