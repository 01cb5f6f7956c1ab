/**
 * The narrative checks on the national templates' wording (test/fixtures/narrative/national.ts): the right narrative
 * gives no finding, and every figure in it that the document determines, changed by one in its last whole digit,
 * gives an error or a warning. Found so: a 其中 list of shares that ran only to its first `；`, 预算/决算 amounts not
 * summed with this year's, `一般公共预算当年拨款` and `一般公共预算“三公”经费预算数` unlinked, shares with no whole
 * named adding up past 100 %, one 其中 part larger than its total.
 */
import { strict as assert } from 'node:assert';
import { generateBudget, generateFinal } from '../bench/standardDocs';
import { analyze } from '../server/src/analysis';
import { NATIONAL_BUDGET_NARRATIVE, NATIONAL_FINAL_NARRATIVE, UNCHECKABLE } from './fixtures/narrative/national';

const FIGURE = /(?<![\d.,])\d[\d,]*(?:\.\d+)?(?=\s*(?:万元|%|辆|个))/g;

for (const [name, make, at, narrative, unchecked] of [
  ['部门预算', generateBudget, '## 表 附表4-1', NATIONAL_BUDGET_NARRATIVE, UNCHECKABLE.budget],
  ['部门决算', generateFinal, '## 表 公开01表', NATIONAL_FINAL_NARRATIVE, UNCHECKABLE.final],
] as const) {
  describe(`the narrative of a ${name} in the national templates' wording`, () => {
    const tables = make();
    // (Under the heading its 目录 lists the narrative as: `contents-heading` compares the two.)
    const doc = (text: string) => tables.replace(at, `## 第三部分 情况说明\n${text}\n\n${at}`);
    const findings = (text: string) => analyze(doc(text)).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');

    it('as written (every claim right): no finding', () => {
      assert.deepEqual(findings(narrative).map((f) => f.message), []);
    });

    it('each figure the document determines, changed, is found; the figures it cannot judge are listed with why', () => {
      const missed: string[] = [];
      let checked = 0;
      for (const m of narrative.matchAll(FIGURE)) {
        const s = m[0];
        if (/^20\d\d$/.test(s)) continue;
        const at = m.index!;
        const around = narrative.slice(Math.max(0, at - 40), at + s.length + 20);
        // Listed when a listed text holds this figure.
        const covers = (u: string) => { for (let i = narrative.indexOf(u); i >= 0; i = narrative.indexOf(u, i + 1)) if (i <= at && at + s.length <= i + u.length) return true; return false; };
        if (unchecked.some(covers)) continue;
        const dot = s.indexOf('.');
        const k = (dot < 0 ? s.length : dot) - 1;
        const changed = s.slice(0, k) + ((Number(s[k]) + 1) % 10) + s.slice(k + 1);
        const text = narrative.slice(0, at) + changed + narrative.slice(at + s.length);
        if (!findings(text).length) missed.push(`${s} → ${changed}: …${around}…`);
        checked++;
      }
      assert.deepEqual(missed, []);
      assert.ok(checked >= 50, `${checked} figures checked`);
    });
  });
}
