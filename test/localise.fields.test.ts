/**
 * Error localisation (server/src/checks/localise.ts) at a table's field: a figure printed in a field (`项目总预算：100.00`)
 * is a row of the table's field part, which is not stored, so a rule of its own table that reads it is kept as an
 * object in its section's list. The search must find that relation at the field like any other figure's: a field
 * whose relations it did not see could not be changed, and the culprit was sought among the other figures.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis';
import { FIELD_RULE_TABLE, XINZHOU_HEAD } from './support/docs';

const text = `${XINZHOU_HEAD}
${FIELD_RULE_TABLE}`;

describe('error localisation at a table’s field', () => {
  it('a field that disagrees with the 合计 its rows add up to is the culprit: the fix is offered there alone', () => {
    const errs = analyze(text).findings.filter((f) => f.severity === 'error');
    assert.equal(errs.length, 1, errs.map((f) => f.message).join('\n'));
    const field = text.indexOf('100.00');
    assert.deepEqual(errs[0].fixes?.map((x) => [x.span.start, x.span.end, x.text]), [[field, field + '100.00'.length, '90.00']], errs[0].message);
    assert.doesNotMatch(errs[0].message, /无法确定/);
  });
});
