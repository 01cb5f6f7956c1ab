/** `budget-check format [--check] PATH...`, run as a user would (the built CLI). */
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatText } from '../server/src/format/index';
import { GOOD } from './support/docs';
import { cli } from './support/cli';
import { QIAOKOU_SEED } from './support/qiaokou';


describe('budget-check format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-format-'));
  mkdirSync(join(dir, 'sub'));
  const seed = readFileSync(QIAOKOU_SEED, 'utf8');
  const crlf = GOOD.replace(/\n/g, '\r\n');
  writeFileSync(join(dir, 'qiaokou.budget'), seed);
  writeFileSync(join(dir, 'sub', 'good.budget'), crlf);
  writeFileSync(join(dir, 'sub', 'notes.txt'), GOOD);

  it('--check lists the files that would change, exits 1 and writes nothing', () => {
    const r = cli(['format', '--check', '.'], dir);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /qiaokou\.budget：需要格式化/);
    assert.match(r.out, /检查了 2 个文件：2 个需要格式化/);
    assert.equal(readFileSync(join(dir, 'qiaokou.budget'), 'utf8'), seed);
  });

  it('rewrites the files in place (CRLF kept), then --check exits 0', () => {
    const r = cli(['format', '.'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /已格式化 qiaokou\.budget/);
    assert.equal(readFileSync(join(dir, 'qiaokou.budget'), 'utf8'), formatText(seed).text);
    const good = readFileSync(join(dir, 'sub', 'good.budget'), 'utf8');
    assert.equal(good, formatText(crlf).text);
    assert.equal(good.split('\r\n').length, crlf.split('\r\n').length);
    assert.equal(readFileSync(join(dir, 'sub', 'notes.txt'), 'utf8'), GOOD, 'only .budget files');
    const again = cli(['format', '--check', '--lang', 'en', '.'], dir);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /checked 2 files: 0 would be reformatted/);
  });

  it('exits 2 on a missing path or a bad option, and 0 with --help', () => {
    const missing = cli(['format', 'nope.budget'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /找不到 nope\.budget/);
    const bad = cli(['format', '--frobnicate', '.'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /未知选项：--frobnicate/);
    assert.equal(cli(['format', '--help'], dir).code, 0);
  });
});
