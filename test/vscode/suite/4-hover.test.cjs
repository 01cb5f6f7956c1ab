const assert = require('node:assert/strict');
const { info, open, activeExtension, hoverText, squash, vscode } = require('./helpers.cjs');

async function hoverOn(doc, code) {
  const lineNo = [...Array(doc.lineCount).keys()].find((i) => doc.lineAt(i).text.trimStart().startsWith(`${code} `)
    || doc.lineAt(i).text.trimStart().startsWith(`${code}|`));
  assert.ok(lineNo !== undefined, `no row for ${code} in ${info.qk.file}`);
  const col = doc.lineAt(lineNo).text.indexOf(code) + 2;
  return hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(lineNo, col)));
}

for (const [code, name] of [['2150502', '一般行政管理事务'], ['2010350', '事业运行']]) {
  describe(`hover on ${code}`, () => {
    before(activeExtension);

    it(`shows its name ${name}`, async () => {
      const text = await hoverOn(await open(info.qk.file), code);
      assert.ok(text.includes(name), `hover: ${JSON.stringify(text)}`);
    });

    it('shows the glossary (名词解释) text of the document', async function () {
      const def = info.qk.glossary[name];
      if (!def) this.skip(); // the document has no glossary entry for it
      const text = await hoverOn(await open(info.qk.file), code);
      const snippet = squash(def).slice(0, 12);
      assert.ok(squash(text).includes(snippet), `hover lacks “${snippet}…”: ${JSON.stringify(text)}`);
    });
  });
}
