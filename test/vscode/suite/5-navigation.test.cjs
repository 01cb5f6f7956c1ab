// Navigation in a real VS Code: the outline, go to definition, semantic tokens (with the manifest's legend), folding
// and references across the workspace's files, on the 硚口 seed.
const assert = require('node:assert/strict');
const { info, open, waitFor, activeExtension, vscode } = require('./helpers.cjs');

const lineWith = (doc, needle) => {
  for (let i = 0; i < doc.lineCount; i++) {
    const col = doc.lineAt(i).text.indexOf(needle);
    if (col >= 0) return new vscode.Position(i, col);
  }
  throw new Error(`no line with ${needle} in ${info.qk.file}`);
};

describe('navigation', () => {
  before(activeExtension);

  it('outlines the tables by number, with the 类 rows of 公开05表', async () => {
    const doc = await open(info.qk.file);
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length ? s : null;
    }, 30_000, 'document symbols');
    const tables = symbols.filter((s) => /^公开\d\d表 /.test(s.name)).map((s) => s.name.slice(0, 5));
    assert.deepEqual(tables, ['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表']);
    const t5 = symbols.find((s) => s.name.startsWith('公开05表'));
    assert.deepEqual(t5.children.filter((c) => c.kind === vscode.SymbolKind.EnumMember).map((c) => c.name.split(' ')[0]), ['201', '208', '210', '215', '221']);
    assert.ok(symbols.some((s) => s.name === '名词解释' && s.children.length > 10));
  });

  it('goes from 公开05表「201」行1栏 (in a rule the user types) to the cell 261.74', async () => {
    // The seed carries only the rules its document prints; a cross-table rule is what a user adds by hand.
    const doc = await open(info.qk.file);
    const anchor = lineWith(doc, '规则：59行=（33+34+…+58）行；64行=（59+60）行。');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(anchor.line + 1, 0), '规则：33行3栏=公开05表「201」行1栏\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const at = lineWith(doc, '公开05表「201」行1栏');
      const links = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, at.translate(0, 6));
      assert.ok(links.length === 1, JSON.stringify(links));
      const target = links[0].targetSelectionRange ?? links[0].range;
      assert.equal(doc.getText(target), '261.74');
      assert.equal(doc.getText(links[0].originSelectionRange), '公开05表「201」行1栏');
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('colours 2150502 as a 项 code and figures as numbers (semantic tokens)', async () => {
    const doc = await open(info.qk.file);
    const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    assert.ok(legend && legend.tokenTypes.includes('functionalCode'), JSON.stringify(legend));
    const tokens = await waitFor(() => vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', doc.uri), 30_000, 'semantic tokens');
    const d = tokens.data;
    let line = 0;
    let ch = 0;
    const found = [];
    for (let i = 0; i < d.length; i += 5) {
      line += d[i];
      ch = d[i] === 0 ? ch + d[i + 1] : d[i + 1];
      if (line !== info.qk.line) continue;
      const mods = legend.tokenModifiers.filter((_, k) => d[i + 4] & (1 << k));
      found.push(`${doc.getText(new vscode.Range(line, ch, line, ch + d[i + 2]))} ${legend.tokenTypes[d[i + 3]]}${mods.map((m) => `.${m}`).join('')}`);
    }
    assert.equal(found[0], '2150502 functionalCode.xiang', found.join(', '));
    assert.ok(found.slice(1).every((t) => / number/.test(t)) && found.length > 1, found.join(', '));
  });

  it('folds a 类 row over its 款 and 项 rows', async () => {
    const doc = await open(info.qk.file);
    const row = lineWith(doc, '215 | 资源勘探工业信息等支出').line;
    const ranges = await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', doc.uri);
    const r = ranges.find((x) => x.start === row);
    assert.ok(r, `no folding range at line ${row + 1}`);
    assert.match(doc.lineAt(r.end).text, /^2150502 \|/);
  });

  it('finds the rows printing 2150502 in the workspace’s other files too', async () => {
    const doc = await open(info.qk.file);
    const at = new vscode.Position(info.qk.line, info.qk.col + 2);
    const refs = await waitFor(async () => {
      const r = await vscode.commands.executeCommand('vscode.executeReferenceProvider', doc.uri, at);
      return r && new Set(r.map((l) => l.uri.toString())).size > 1 ? r : null;
    }, 30_000, 'references in a second file');
    const here = refs.filter((l) => l.uri.toString() === doc.uri.toString());
    assert.ok(here.length >= 3, JSON.stringify(here));
    for (const l of here) assert.equal(doc.getText(l.range), '2150502');
  });
});
