/**
 * The npm package, as a user outside the checkout gets it: `npm pack` (which builds the bundles in `prepack`), then in
 * an empty folder, offline and with an empty npm cache, `npm install` of the tarball, `npx budget-check` and
 * `npx budget-language-server --stdio`. Nothing may be fetched: the bins run from the bundles the tarball holds.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnv } from './support/cli';
import { ROOT } from './support/lsp';

describe('npm pack: the CLI and the language server outside the checkout', function () {
  this.timeout(240000);
  const base = mkdtempSync(join(tmpdir(), 'budget-pack-'));
  const empty = join(base, 'empty');
  mkdirSync(empty);
  // A project of its own: npm installs into the nearest folder above with a package.json or a node_modules, which a
  // machine may have in its temporary folder.
  writeFileSync(join(empty, 'package.json'), `${JSON.stringify({ name: 'empty', version: '1.0.0', private: true })}\n`);
  // Offline, with a cache that holds nothing: any dependency to fetch would fail the install.
  const env = cliEnv({ npm_config_offline: 'true', npm_config_cache: join(base, 'cache'), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' });
  const sh = (cmd: string, args: string[], cwd: string, o: SpawnSyncOptions = {}) => spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 180000, ...o });
  let tarball = '';

  before(() => {
    const pack = sh('npm', ['pack', '--pack-destination', base], ROOT);
    assert.equal(pack.status, 0, String(pack.stderr));
    tarball = join(base, readdirSync(base).find((f) => f.endsWith('.tgz'))!);
    const install = sh('npm', ['install', '--no-save', '--no-package-lock', tarball], empty);
    assert.equal(install.status, 0, `npm install of the tarball, offline: ${String(install.stderr)}`);
  });

  it('is a public package with no dependency to fetch', () => {
    const pkg = JSON.parse(readFileSync(join(empty, 'node_modules', 'budget-tables', 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(pkg.private, undefined);
    assert.equal(pkg.dependencies, undefined);
    assert.deepEqual(readdirSync(join(empty, 'node_modules')).filter((d) => !d.startsWith('.')), ['budget-tables']);
  });

  it('npx budget-check works in the empty folder: version, a check, SARIF', () => {
    const version = sh('npx', ['--offline', 'budget-check', '--version'], empty);
    assert.equal(version.status, 0, String(version.stderr));
    assert.match(String(version.stdout), /^budget-check \d+\.\d+\.\d+\n$/);
    copyFileSync(join(ROOT, 'seeds', 'huangpi-2023-final.budget'), join(empty, 'huangpi.budget'));
    const check = sh('npx', ['--offline', 'budget-check', '--lang', 'en', 'huangpi.budget'], empty);
    assert.equal(check.status, 1, String(check.stderr));
    assert.match(String(check.stdout), /^huangpi\.budget:\d+:\d+: error: .+ \[cross-table\]$/m);
    assert.match(String(check.stdout), /\nChecked 1 file: \d+ errors/);
    const sarif = sh('npx', ['--offline', 'budget-check', '--format', 'sarif', 'huangpi.budget'], empty);
    assert.equal((JSON.parse(String(sarif.stdout)) as { version: string }).version, '2.1.0');
    // The shipped catalog is found beside the bundle: a known code is not reported unknown.
    const json = JSON.parse(String(sh('npx', ['--offline', 'budget-check', '--format', 'json', 'huangpi.budget'], empty).stdout)) as { rule: string; message: string }[];
    assert.ok(!json.some((f) => f.rule === 'code-unknown' && /2010301|2080505/.test(f.message)), 'the shipped catalog is loaded');
  });

  it('npx budget-check import reads a PDF with the pdf.js the package ships (dist/pdfjs), nothing fetched', () => {
    copyFileSync(join(ROOT, 'test', 'fixtures', 'pdf', 'jiangsu-cppcc-office-2019-budget-表.pdf'), join(empty, 'tables.pdf'));
    const r = sh('npx', ['--offline', 'budget-check', 'import', 'tables.pdf'], empty);
    assert.equal(r.status, 0, String(r.stderr));
    assert.match(String(r.stdout), /^## 表 公开01表 收支预算总表$/m);
    assert.match(String(r.stderr), /12 张表/);
  });

  it('npx budget-language-server --stdio answers initialize', async () => {
    const child = spawn('npx', ['--offline', 'budget-language-server', '--stdio'], { cwd: empty, env });
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no answer: ${out}`)), 60000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          if (out.includes('"id":1')) { clearTimeout(timer); resolve(out); }
        });
        child.on('error', reject);
        const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
        child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      });
      assert.match(reply, /"capabilities":\{/);
      assert.match(reply, /"name":"budget-language-server"/);
    } finally {
      child.kill();
    }
  });
});
