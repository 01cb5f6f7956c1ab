/**
 * One expansion for many rules (rules/declared.ts `DeclaredRules.restart`): standard/apply.ts expands each bound
 * identity of a pass with the same `DeclaredRules`, restarted into the identity's list. A rule expanded after a
 * restart must give what a new expansion gives: its relations in the new list, and only its own problems (the
 * applier reports an identity's first problem as what it misses).
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis';
import { messages } from '../server/src/i18n/messages';
import { DeclaredRules } from '../server/src/rules/declared';
import { RelationList } from '../server/src/rules/compact';

/** A table whose first rule names a row it does not print (a problem), the second holding as printed. */
const TEXT = [
  '# 测试单位', '年度：2023', '',
  '## 表 表1 甲表', '金额单位：万元', '列：项目 | 金额',
  '甲 | 1.00', '乙 | 2.00', '合计 | 3.00',
  '规则：「合计」行=「甲」行+「丙」行',
  '规则：「合计」行=「甲」行+「乙」行', '',
].join('\n');

describe('declared rules: one expansion restarted for each rule', () => {
  it('a rule expanded after a restart gives its own relations and problems, as a new expansion does', () => {
    const doc = analyze(TEXT, { standard: false }).document;
    const [bad, good] = doc.tables[0].rules;
    assert.ok(bad && good);
    const fresh = new DeclaredRules(doc, messages('zh'));
    assert.equal(fresh.expand(good), 'applied');
    assert.deepEqual(fresh.problems, []);

    const first = new RelationList();
    const d = new DeclaredRules(doc, messages('zh'), undefined, first);
    assert.equal(d.expand(bad), 'unresolved');
    assert.equal(d.problems.length, 1);
    const second = new RelationList();
    d.restart(second);
    assert.equal(d.out, second);
    assert.equal(d.expand(good), 'applied');
    // Only its own problems (none), its relations in the list it was restarted into, none in the first.
    assert.deepEqual(d.problems, []);
    assert.equal(first.count, 0);
    assert.deepEqual(second.all().map((r) => [r.rule, r.kind, r.target.text, r.terms.map((t) => t.cell.text)]),
      fresh.out.all().map((r) => [r.rule, r.kind, r.target.text, r.terms.map((t) => t.cell.text)]));
    assert.ok(second.count > 0);
  });
});
