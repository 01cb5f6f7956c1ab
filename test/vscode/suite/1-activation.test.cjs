const assert = require('node:assert/strict');
const { info, open, activeExtension, vscode } = require('./helpers.cjs');

describe('activation', () => {
  it('the extension is installed from the development path', () => {
    const ext = vscode.extensions.getExtension(info.extensionId);
    assert.ok(ext, `${info.extensionId} not found`);
  });

  it('a .budget document has language "budget" and activates the extension', async () => {
    const doc = await open(info.qk.file);
    assert.equal(doc.languageId, 'budget');
    const ext = await activeExtension();
    assert.ok(ext.isActive);
  });

  it('every seed opens as a budget document', async () => {
    for (const f of info.seeds) assert.equal((await open(f)).languageId, 'budget', f);
  });
});
