/** Typing key by key in tests: every version an analyzer reaches by edits must be what a fresh analysis of its text gives. */
import { strict as assert } from 'node:assert';
import { analyze, DocumentAnalyzer } from '../../server/src/analysis';
import { dump } from './dump';

/**
 * `typed`, standing in `original` at `at`, taken out and typed again key by key (`back`: then taken out again key by
 * key), each version's analysis by the edits compared with a fresh one; `label` names the case in a failure.
 */
export function typeKeyByKey(original: string, at: number, typed: string, options: { label?: string; back?: boolean } = {}): void {
  const label = options.label ? `${options.label}: ` : '';
  assert.ok(at >= 0 && original.startsWith(typed, at), `${label}${typed}`);
  const analyzer = new DocumentAnalyzer({ locale: 'zh' });
  let text = original.slice(0, at) + original.slice(at + typed.length);
  analyzer.analyze(text);
  const asFresh = (what: string) => assert.deepEqual(dump(analyzer.analysis()), dump(analyze(text, { locale: 'zh' })), `${label}${what}`);
  for (let k = 0; k < typed.length; k++) {
    analyzer.edit(at + k, at + k, typed[k]);
    text = text.slice(0, at + k) + typed[k] + text.slice(at + k);
    asFresh(typed.slice(0, k + 1));
  }
  assert.equal(text, original);
  if (!options.back) return;
  for (let k = typed.length - 1; k >= 0; k--) {
    analyzer.edit(at + k, at + k + 1, '');
    text = text.slice(0, at + k) + text.slice(at + k + 1);
    asFresh(`-${typed.slice(0, k)}`);
  }
}
