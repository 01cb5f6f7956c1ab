import * as assert from 'node:assert';
import fc from 'fast-check';
import { FIXED_SEED } from './support/fastcheck';

// The property tests' seed (test/support/fastcheck.ts, loaded by .mocharc.json): the same inputs every `npm test`.
describe('property tests: the seed', () => {
  it('is the fixed seed unless FC_SEED names another, and draws the same inputs from it', function () {
    const env = process.env.FC_SEED;
    const seed = fc.readConfigureGlobal().seed;
    if (env === undefined || env === '') assert.strictEqual(seed, FIXED_SEED);
    else if (env !== 'random') assert.strictEqual(seed, Number(env));
    else assert.strictEqual(typeof seed, 'number');
    const draw = () => fc.sample(fc.string(), { numRuns: 5 });
    assert.deepStrictEqual(draw(), draw());
  });
});
