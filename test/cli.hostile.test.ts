/**
 * Issue #15's bad inputs for the CLI, in a temporary folder: symbolic-link loops, links to `.` and to a folder above,
 * dangling links, a FIFO and a device named `*.budget` (in a folder, given directly, as `--catalog`), unreadable files
 * and folders, bytes that do not decode, a read-only file `format` must change, a link to a file outside the folder,
 * exports over the input or over an existing file, a closed pipe. Nothing may hang, print a stack trace, or lose a
 * byte; every other file is still checked; exit 2 says the run could not read everything.
 *
 * Permissions mean nothing to root, so when the tests run as root (CI does) the CLI runs as `nobody` (uid 65534) on
 * a folder given to it, from a copy of the built CLI that `nobody` can read.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatText } from '../server/src/format/index';
import { BIN, cliEnv } from './support/cli';
import { ROOT } from './support/lsp';
import { GOOD, ONE_WRONG_TOTAL } from './support/docs';

const ROOT_USER = process.getuid?.() === 0;
const NOBODY = 65534;

/**
 * The CLI as `nobody` can run it: when root, the built CLI (its bins, bundles and data) is copied into a folder
 * anyone may read, since the checkout itself may not be readable by `nobody` (CI clones wherever it likes).
 */
function installFor(base: string): string {
  if (!ROOT_USER) return BIN;
  const app = join(base, 'app');
  for (const f of ['bin/budget-check.js', 'dist/cli.js', 'dist/cli-worker.js', 'dist/exceljs.js']) cpSync(join(ROOT, f), join(app, f));
  cpSync(join(ROOT, 'data'), join(app, 'data'), { recursive: true });
  spawnSync('chmod', ['-R', 'a+rX', app]);
  return join(app, 'bin', 'budget-check.js');
}

let bin = BIN;

function run(args: string[], cwd: string, input?: string): { code: number | null; out: string; err: string; timedOut: boolean } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd, encoding: 'utf8', env: cliEnv(), timeout: 30000, input: input ?? '',
    ...(ROOT_USER ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr, timedOut: r.error !== undefined && /ETIMEDOUT/.test(String(r.error)) };
}

function noStack(r: { out: string; err: string }): void {
  assert.doesNotMatch(r.err + r.out, /^ {2,}at \S.*:\d+:\d+\)?$|Error: |node:internal/m, 'no stack trace');
}

function giveAway(path: string): void {
  if (!ROOT_USER) return;
  chownSync(path, NOBODY, NOBODY);
  if (lstatSync(path).isDirectory()) for (const e of readdirSync(path)) {
    const p = join(path, e);
    if (!lstatSync(p).isSymbolicLink()) giveAway(p);
  }
}

/** The line of bad-bytes.budget where its stray byte is (after GOOD's last line). */
const BAD_LINE = GOOD.split('\n').length;

const mkfifo = (path: string) => spawnSync('mkfifo', [path]).status === 0;

describe('budget-check on hostile folders (#15)', function () {
  this.timeout(120000);
  const base = mkdtempSync(join(tmpdir(), 'budget-hostile-'));
  chmodSync(base, 0o755);
  const dir = join(base, 'docs');
  const outside = join(base, 'outside.budget');
  const badUtf8 = Buffer.concat([Buffer.from(GOOD.replace(' | 合计 | 307.24 |', ' |  合计 |  307.24 |')), Buffer.from([0xff]), Buffer.from('\n// 尾注\n')]);

  before(() => {
    bin = installFor(base);
    mkdirSync(join(dir, 'sub', 'deep'), { recursive: true });
    writeFileSync(join(dir, 'a-good.budget'), GOOD);
    writeFileSync(join(dir, 'sub', 'deep', 'wrong.budget'), ONE_WRONG_TOTAL);
    writeFileSync(join(dir, 'bad-bytes.budget'), badUtf8);
    symlinkSync('.', join(dir, 'loop-dot'));
    symlinkSync('..', join(dir, 'sub', 'deep', 'up'));
    symlinkSync('missing.budget', join(dir, 'dangling.budget'));
    symlinkSync('self.budget', join(dir, 'self.budget'));
    symlinkSync('/dev/zero', join(dir, 'zero.budget'));
    symlinkSync(outside, join(dir, 'outside-link.budget'));
    writeFileSync(outside, GOOD.replace(' | 合计 | 307.24 |', ' |  合计   | 307.24 |'));
    assert.ok(mkfifo(join(dir, 'pipe.budget')), 'mkfifo');
    assert.ok(mkfifo(join(base, 'catalog.csv')));
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'hidden.budget'), GOOD);
    writeFileSync(join(dir, 'unreadable.budget'), GOOD);
    giveAway(base);
    chmodSync(join(dir, 'locked'), 0o000);
    chmodSync(join(dir, 'unreadable.budget'), 0o000);
  });

  it('checks everything it can read, says once what it skipped or could not read, exits 2', () => {
    const r = run(['.'], dir);
    assert.equal(r.timedOut, false, 'no hang on the FIFO or /dev/zero');
    noStack(r);
    assert.equal(r.code, 2, r.err);
    // The readable files were checked, the wrong one found.
    assert.match(r.out, /^sub\/deep\/wrong\.budget:9:\d+: error: 合计 ≠ 小计 \+ 项目支出/m);
    assert.match(r.out, /检查了 3 个文件/, 'a-good, outside-link, wrong, and nothing twice through the loops');
    const said = r.err.trim().split('\n');
    const once = (re: RegExp) => assert.equal(said.filter((l) => re.test(l)).length, 1, `${re}\n${r.err}`);
    once(/loop-dot 是指向其上级文件夹的符号链接（循环），已跳过/);
    once(/sub\/deep\/up 是指向其上级文件夹的符号链接（循环），已跳过/);
    once(/dangling\.budget 是失效的符号链接，已跳过/);
    once(/self\.budget 是循环的符号链接，已跳过/);
    once(/pipe\.budget 是命名管道（FIFO），不是普通文件，已跳过/);
    once(/zero\.budget 是设备文件，不是普通文件，已跳过/);
    once(new RegExp(`bad-bytes\\.budget：第 ${BAD_LINE} 行第 \\d+ 列的字节既不是 UTF-8 也不是 GB18030 编码，无法读取`));
    once(/无法读取 locked（EACCES）/);
    once(/无法读取 unreadable\.budget（EACCES）/);
    assert.equal(said.length, 9, r.err);
  });

  it('never blocks on a FIFO or reads /dev/zero given directly, or as --catalog (exit 2, one line)', () => {
    for (const args of [['pipe.budget'], ['/dev/zero'], ['--catalog', '../catalog.csv', 'a-good.budget'], ['--lang', 'en', 'zero.budget']]) {
      const r = run(args, dir);
      assert.equal(r.timedOut, false, args.join(' '));
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      noStack(r);
    }
    assert.match(run(['--lang', 'en', 'pipe.budget'], dir).err, /^budget-check: pipe\.budget is a named pipe \(FIFO\), not a regular file; skipped\n$/);
  });

  it('format: never rewrites undecodable bytes, a link found in a folder, or a read-only file; writes the rest whole', () => {
    const before = readFileSync(join(dir, 'bad-bytes.budget'));
    const r = run(['format', '.'], dir);
    noStack(r);
    assert.equal(r.code, 2, r.err);
    assert.deepEqual(readFileSync(join(dir, 'bad-bytes.budget')), before, 'not one byte changed');
    assert.match(r.err, new RegExp(`bad-bytes\\.budget：第 ${BAD_LINE} 行第 1 列的字节既不是 UTF-8 也不是 GB18030 编码`));
    assert.equal(readFileSync(outside, 'utf8'), GOOD.replace(' | 合计 | 307.24 |', ' |  合计   | 307.24 |'), 'the file outside the folder is untouched');
    assert.match(r.err, /outside-link\.budget 是文件夹中的符号链接，不会改写/);
    assert.ok(lstatSync(join(dir, 'outside-link.budget')).isSymbolicLink());
    // What it could format was formatted, through a temporary file that is gone.
    assert.equal(readFileSync(join(dir, 'a-good.budget'), 'utf8'), formatText(GOOD).text);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    // A read-only file: refused, unchanged (root may write anything, hence the tests run as nobody).
    const ro = join(base, 'readonly.budget');
    writeFileSync(ro, ONE_WRONG_TOTAL);
    giveAway(ro);
    chmodSync(ro, 0o444);
    chmodSync(base, 0o777);
    const r2 = run(['format', ro], base);
    chmodSync(base, 0o755);
    noStack(r2);
    assert.equal(r2.code, 2, r2.err);
    assert.match(r2.err, /readonly\.budget 是只读的，未修改/);
    assert.equal(readFileSync(ro, 'utf8'), ONE_WRONG_TOTAL);
    // Named directly, a link's target is formatted and the link stays a link.
    const direct = run(['format', 'outside-link.budget'], dir);
    assert.equal(direct.code, 0, direct.err);
    assert.ok(lstatSync(join(dir, 'outside-link.budget')).isSymbolicLink());
    assert.equal(readFileSync(outside, 'utf8'), formatText(GOOD.replace(' | 合计 | 307.24 |', ' |  合计   | 307.24 |')).text);
  });

  it('export and import: never over the input document; over an existing file only with --force', () => {
    const doc = join(dir, 'sub', 'deep', 'wrong.budget');
    const source = readFileSync(doc, 'utf8');
    const over = run(['export', 'sub/deep/wrong.budget', '--to', 'csv', '-o', 'sub/deep/wrong.budget'], dir);
    noStack(over);
    assert.equal(over.code, 2);
    assert.match(over.err, /sub\/deep\/wrong\.budget 是输入的文档本身，不能覆盖/);
    assert.equal(readFileSync(doc, 'utf8'), source);
    const first = run(['export', 'sub/deep/wrong.budget', '--to', 'xlsx'], dir);
    assert.equal(first.code, 0, first.err);
    const xlsx = readFileSync(join(dir, 'sub', 'deep', 'wrong.xlsx'));
    writeFileSync(join(dir, 'sub', 'deep', 'wrong.xlsx'), 'mine');
    const again = run(['export', 'sub/deep/wrong.budget', '--to', 'xlsx'], dir);
    assert.equal(again.code, 2);
    assert.match(again.err, /wrong\.xlsx 已存在：加 --force 才会覆盖/);
    assert.equal(readFileSync(join(dir, 'sub', 'deep', 'wrong.xlsx'), 'utf8'), 'mine');
    const forced = run(['export', 'sub/deep/wrong.budget', '--to', 'xlsx', '--force'], dir);
    assert.equal(forced.code, 0, forced.err);
    const now = readFileSync(join(dir, 'sub', 'deep', 'wrong.xlsx'));
    assert.equal(now.subarray(0, 2).toString('latin1'), xlsx.subarray(0, 2).toString('latin1'), 'a workbook (a zip: PK) again');
    assert.ok(now.length > 1000);
    writeFileSync(join(dir, 'table.csv'), '科目编码,科目名称,合计\n201,一般公共服务支出,1.00\n');
    giveAway(join(dir, 'table.csv'));
    const imp = run(['import', 'table.csv', '-o', 'a-good.budget'], dir);
    assert.equal(imp.code, 2);
    assert.match(imp.err, /a-good\.budget 已存在：加 --force 才会覆盖/);
    const self = run(['import', 'table.csv', '-o', 'table.csv', '--force'], dir);
    assert.equal(self.code, 2);
    assert.match(self.err, /table\.csv 是输入的文档本身/);
    assert.ok(existsSync(join(dir, 'table.csv')));
  });

  it('ends quietly on a closed pipe, even over this folder', () => {
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${bin}" . . . | head -1`], {
      cwd: dir, encoding: 'utf8', env: cliEnv(), timeout: 30000, ...(ROOT_USER ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    assert.equal(r.stdout.split('\n').length, 2);
    noStack({ out: r.stdout, err: r.stderr });
  });
});
