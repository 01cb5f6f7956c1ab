/**
 * The narrative's row keys (server/src/claims/link.ts): `labelKey` answers a label that holds nothing to normalise as
 * its own key without running its replacements (most labels of a long table are such), and the key is the same as
 * the full normalisation's for any label.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { labelKey } from '../server/src/claims/link';
import { norm } from '../server/src/model/build';
import { withoutItemNumber } from '../server/src/model/classify';

// The normalisation labelKey stands for, written out: blanks, quotes, level markers, a leading item number, brackets.
// The item number is read by the same `withoutItemNumber` labelKey calls: this property checks the fast path (a label
// with nothing to normalise is its own key), not the reading of item numbers (test/regex.test.ts and
// test/numbering.uses.test.ts check that).
const full = (s: string): string =>
  withoutItemNumber(norm(s).replace(/[“”"‘’'「」『』]/g, '').replace(/[（(](?:类|款|项)[）)]/g, '')).replace(/[（(]/g, '(').replace(/[）)]/g, ')');

const CHARS = [...'一二三四五六七八九十廿1234567890.、．（）()类款项年 \u3000\t“”"‘’\'「」『』①⑩⑳支出合计行政运行', '\u00a0', '\u2003'];

describe('narrative row keys', () => {
  it('keys any label as the full normalisation does', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((a) => a.join('')), (label) => {
      assert.equal(labelKey(label), full(label));
    }), { numRuns: 20000 });
  });

  it('a label with nothing to normalise is its own key; numbering, blanks, quotes and brackets still go', () => {
    for (const label of ['行政运行', '一般公共服务支出', '合计', '其他支出', '人大事务']) assert.equal(labelKey(label), label);
    assert.equal(labelKey('一、一般公共服务支出（类）'), '一般公共服务支出');
    assert.equal(labelKey('  行政\u3000运行'), '行政运行');
    assert.equal(labelKey('“三公”经费（支出）'), '三公经费(支出)');
    assert.equal(labelKey('1.一般公共预算'), '一般公共预算');
    // The row labels' one item number (model/classify.ts): `廿一、` as the 类 past the 20th are printed; a circled
    // numeral is no row label's number in the seeds or the corpus (the narrative's own numbering is claims/lexicon's).
    assert.equal(labelKey('廿一、灾害防治及应急管理支出'), '灾害防治及应急管理支出');
    assert.equal(labelKey('一．收入'), '收入');
    assert.equal(labelKey('1.5万元以下'), '1.5万元以下');
    assert.equal(labelKey('⑩其他'), '⑩其他');
  });
});
