import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOOD, ONE_WRONG_TOTAL } from './support/docs';
import { BIN, cli } from './support/cli';


describe('budget-check CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-cli-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'good.budget'), GOOD);
  writeFileSync(join(dir, 'sub', 'wrong.budget'), ONE_WRONG_TOTAL);
  writeFileSync(join(dir, 'sub', 'ignored.txt'), ONE_WRONG_TOTAL);

  it('exits 0 on a clean file and prints a summary', () => {
    const r = cli(['good.budget'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /检查了 1 个文件：0 个错误/);
  });

  it('walks folders, prints path:line:col: severity: message [rule], exits 1 on errors', () => {
    const r = cli(['.'], dir);
    assert.equal(r.code, 1);
    const line = r.out.split('\n').find((l) => l.includes('column-formula') && l.includes(': error: '));
    assert.ok(line, r.out);
    const m = /^(sub\/wrong\.budget):(\d+):(\d+): error: (.+) \[column-formula\]$/.exec(line);
    assert.ok(m, line);
    const text = ONE_WRONG_TOTAL.split('\n')[Number(m[2]) - 1];
    assert.equal(text.slice(Number(m[3]) - 1, Number(m[3]) - 1 + 6), '317.24');
    assert.match(r.out, /检查了 2 个文件/);
    assert.doesNotMatch(r.out, /ignored\.txt/);
  });

  it('--exit-zero exits 0 even with errors', () => {
    assert.equal(cli(['--exit-zero', '.'], dir).code, 0);
  });

  it('--format json prints one array of {file,line,column,endLine,endColumn,severity,rule,message}', () => {
    const r = cli(['--format', 'json', 'sub/wrong.budget'], dir);
    assert.equal(r.code, 1);
    const arr = JSON.parse(r.out) as Record<string, unknown>[];
    assert.ok(Array.isArray(arr) && arr.length > 0);
    for (const f of arr) {
      assert.deepEqual(Object.keys(f).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity']);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity as string));
      assert.ok((f.line as number) >= 1 && (f.column as number) >= 1);
    }
    const e = arr.find((f) => f.rule === 'column-formula')!;
    assert.equal((e.endColumn as number) - (e.column as number), 6);
  });

  it('checks many files in worker threads with the same output, in file order, as in one thread', () => {
    const many = mkdtempSync(join(tmpdir(), 'budget-cli-many-'));
    for (let i = 0; i < 70; i++) {
      mkdirSync(join(many, `d${i % 7}`), { recursive: true });
      // every 5th file has a wrong 合计; one uses a code only another file knows (unknown to the catalog)
      const text = (i % 5 === 0 ? ONE_WRONG_TOTAL : GOOD) + (i === 3 ? '\n## 表 表9 补\n列：科目编码 | 科目名称 | 合计\n2999901 | 某科目 | 1.00\n' : '') + (i === 61 ? '\n## 表 表9 补\n列：科目编码 | 科目名称 | 合计\n2999901 | 某科目 | 1.00\n' : '');
      writeFileSync(join(many, `d${i % 7}`, `f${String(i).padStart(2, '0')}.budget`), text);
    }
    const run = (threads: string) => spawnSync(process.execPath, [BIN, '--format', 'json', '.'], { cwd: many, encoding: 'utf8', env: { ...process.env, BUDGET_CHECK_THREADS: threads, BUDGET_CHECK_STATS: '1' } });
    const workers = run('');
    const single = run('0');
    const two = run('2');
    assert.equal(workers.status, 1, workers.stderr);
    assert.equal(workers.stdout, single.stdout);
    assert.equal(two.stdout, single.stdout);
    assert.match(workers.stderr, /"workers":[1-3],"byWorkers":70,"takenOver":0/);
    assert.match(two.stderr, /"workers":2,"byWorkers":70,"takenOver":0/);
    assert.match(single.stderr, /"workers":0,"byWorkers":0/);
    const found = JSON.parse(workers.stdout) as { file: string; rule: string; severity: string }[];
    assert.equal(new Set(found.filter((f) => f.rule === 'column-formula' && f.severity === 'error').map((f) => f.file)).size, 14);
    assert.ok(!found.some((f) => f.rule === 'code-unknown'), 'the code two files print is known to each through the other');
    const files = found.map((f) => f.file);
    assert.deepEqual(files, [...files].sort());
  });

  it('reports a missing path and bad options with exit code 2', () => {
    assert.equal(cli(['nope.budget'], dir).code, 2);
    assert.equal(cli(['--format', 'xml', '.'], dir).code, 2);
  });
});
