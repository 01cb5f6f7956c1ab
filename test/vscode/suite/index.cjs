// Entry point that VS Code's extension host loads (extensionTestsPath): runs every *.test.cjs here with mocha.
// A small reporter prints one plain line per test (each line starts with "[suite]", so a runner that only sees the
// extension host's console can pick them out) and the closing line "N passed, N failed".
const path = require('node:path');
const fs = require('node:fs');
const Mocha = require('mocha');

function PlainReporter(runner) {
  Mocha.reporters.Base.call(this, runner);
  const out = (s) => console.log(`[suite] ${s}`);
  runner.on('suite', (s) => { if (s.title) out(`${s.fullTitle()}`); });
  runner.on('pass', (t) => out(`  ✔ ${t.title} (${t.duration} ms)`));
  runner.on('pending', (t) => out(`  - ${t.title} (skipped)`));
  runner.on('fail', (t, err) => out(`  ✘ ${t.title}\n${String(err && (err.stack || err.message)).split('\n').slice(0, 8).map((l) => `[suite]      ${l}`).join('\n')}`));
}

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: PlainReporter });
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.cjs')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats || {};
      console.log(`${s.passes ?? 0} passed, ${failures} failed${s.pending ? `, ${s.pending} skipped` : ''}`);
      failures ? reject(new Error(`${failures} test(s) failed`)) : resolve();
    });
  });
};
