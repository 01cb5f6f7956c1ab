const assert = require('node:assert/strict');
const { info, open, uriOf, waitFor, sleep, activeExtension, chinese, codeOf, vscode } = require('./helpers.cjs');

const w = info.wrong;
const onTheFigure = (d) => d.range.start.line <= w.line && d.range.end.line >= w.line
  && (d.range.start.line < w.line || d.range.start.character <= w.col + w.wrong.length - 1)
  && (d.range.end.line > w.line || d.range.end.character >= w.col + 1);
const mentionsWrong = (d) => d.message.includes(w.wrong) || d.message.includes(w.wrongPlain);

describe('diagnostics', () => {
  before(activeExtension);

  it(`a wrong 合计 (${w.original} → ${w.wrong}) gets an error on its figure`, async () => {
    await open(w.file);
    const uri = uriOf(w.file);
    const diags = await waitFor(() => {
      const ds = vscode.languages.getDiagnostics(uri).filter((d) => onTheFigure(d) && mentionsWrong(d));
      return ds.length ? ds : null;
    }, 30_000, `a diagnostic on line ${w.line + 1} mentioning ${w.wrong}`);
    const d = diags.find((x) => x.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(d, `no Error among ${JSON.stringify(diags.map((x) => [x.severity, x.message]))}`);
    assert.equal(d.source, '预决算公开表');
    assert.ok(codeOf(d) !== undefined && String(codeOf(d)).length > 0, 'diagnostic has no rule id (code)');
    const words = chinese() ? ['应为', '实为', '相差'] : ['expected', 'found', 'difference'];
    for (const word of words) assert.ok(d.message.includes(word), `message lacks ${word}: ${d.message}`);
    if (chinese()) assert.match(d.message, /合计/);
  });

  it('the untouched seed has no such diagnostic', async () => {
    await open(w.from);
    await sleep(3000); // time for a first analysis
    const bad = vscode.languages.getDiagnostics(uriOf(w.from)).filter((d) => onTheFigure(d) && mentionsWrong(d));
    assert.deepEqual(bad.map((d) => d.message), []);
  });
});
