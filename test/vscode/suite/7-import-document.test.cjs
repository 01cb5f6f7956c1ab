const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { info, activeExtension, waitFor, sleep, codeOf, vscode } = require('./helpers.cjs');

// 从 PDF 导入整份文档… in a real VS Code: the command imports a published PDF, the result opens as a new .budget
// document that parses; a PDF with a figure standing between two columns gets the doubt as an information diagnostic,
// and the notification's 查看存疑之处 opens the list of doubts, whose item puts the cursor on the doubt's line.

/** The editor of the next imported document (untitled, 'budget', starting with the import's source comment). */
async function importedEditor(name) {
  return waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'budget' && e.document.isUntitled
    && e.document.getText().startsWith('// ') && e.document.getText().split('\n', 1)[0].includes(name)), 60_000, `the document imported from ${name}`);
}

const diagnosticsOf = (doc) => waitFor(() => {
  const d = vscode.languages.getDiagnostics(doc.uri);
  return d.length ? d : undefined;
}, 30_000, 'the diagnostics of the imported document');

describe('import of a whole document from a PDF (budgetTables.importDocument)', () => {
  it('imports a published PDF: the result opens and parses, its tables there', async () => {
    await activeExtension();
    assert.ok((await vscode.commands.getCommands(true)).includes('budgetTables.importDocument'));
    const pdf = vscode.Uri.file(path.join(info.root, 'test', 'fixtures', 'pdf', 'jiangsu-high-court-2019-budget.pdf'));
    await vscode.commands.executeCommand('budgetTables.importDocument', pdf);
    const editor = await importedEditor('jiangsu-high-court-2019-budget.pdf');
    const text = editor.document.getText();
    assert.match(text, /^## 表 公开01表 收支预算总表$/m);
    assert.match(text, /^列：合计 \| “三公”经费\{小计 \| 因公出国（境）费 \| 公务用车购置及运行维护费\{小计 \| 公务用车购置费 \| 公务用车运行维护费\} \| 公务接待费\} \| 会议费 \| 培训费$/m);
    assert.match(text, /^\/\/ 第 8 页$/m);
    // Checked like any document: the server reads its twelve tables, and finds no syntax error in it.
    const symbols = await waitFor(async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return s && s.length ? s : null;
    }, 30_000, 'the outline of the imported document');
    assert.deepEqual(symbols.filter((s) => /^公开\d\d表 /.test(s.name)).map((s) => s.name.slice(0, 5)),
      Array.from({ length: 12 }, (_, k) => `公开${String(k + 1).padStart(2, '0')}表`));
    await sleep(500);
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => codeOf(d) === 'syntax').map((d) => d.message), []);
  });

  it('two PDFs selected together (the text and the tables of one document) open as one document', async () => {
    const pdf = (name) => vscode.Uri.file(path.join(info.root, 'test', 'fixtures', 'pdf', name));
    const tables = pdf('jiangsu-party-office-2018-budget-表.pdf');
    const text = pdf('jiangsu-party-office-2018-budget-文件.pdf');
    // As the Explorer calls it: the file clicked, then every file selected.
    await vscode.commands.executeCommand('budgetTables.importDocument', tables, [tables, text]);
    const editor = await importedEditor('jiangsu-party-office-2018-budget-文件.pdf');
    const joined = editor.document.getText();
    assert.match(joined, /^\/\/ 以下导入自 jiangsu-party-office-2018-budget-表\.pdf$/m);
    assert.ok(joined.indexOf('## 第二部分') < joined.indexOf('## 表 ') && joined.indexOf('## 表 ') < joined.indexOf('## 第三部分'));
    // The narrative checked against the tables: the published 80.92 % (411.20 ÷ 508.20 is 80.91 %).
    const diagnostics = await diagnosticsOf(editor.document);
    assert.ok(diagnostics.some((d) => codeOf(d) === 'narrative' && editor.document.getText(d.range) === '80.92%'), diagnostics.map((d) => d.message).join('\n'));
  });

  it('a figure between two columns: an information diagnostic at its doubt, and the list of doubts puts the cursor there', async () => {
    // A PDF whose 科学技术支出 row prints its figure between the 合计 and 基本支出 columns (the writer of the tests).
    const { writePdf } = require(path.join(info.root, 'out', 'test', 'support', 'pdfWriter.js'));
    const row = (y, cells) => cells.map(([x, text]) => ({ text, x, y, size: 10 }));
    const bytes = await writePdf([{
      texts: [
        { text: '公开05表 支出表', x: 60, y: 50, size: 14 },
        ...row(80, [[480, '单位：万元']]),
        ...row(100, [[60, '项目'], [215, '合计'], [345, '基本支出']]),
        ...row(125, [[60, '一般公共服务支出'], [210, '100.00'], [340, '60.00']]),
        ...row(145, [[60, '教育支出'], [215, '40.00'], [345, '40.00']]),
        ...row(165, [[60, '科学技术支出'], [272, '20.00']]),
      ],
    }]);
    const file = path.join(info.ws, 'doubt-between-columns.pdf');
    fs.writeFileSync(file, bytes);
    await vscode.commands.executeCommand('notifications.clearAll');
    // (the command waits on the notification's button and then on the list: not awaited here)
    let done = false;
    const running = Promise.resolve(vscode.commands.executeCommand('budgetTables.importDocument', vscode.Uri.file(file))).finally(() => { done = true; });
    const editor = await importedEditor('doubt-between-columns.pdf');
    const lines = editor.document.getText().split('\n');
    const at = lines.findIndex((l) => l.startsWith('// 导入存疑：“20.00”'));
    assert.ok(at > 0, editor.document.getText());
    const diags = await diagnosticsOf(editor.document);
    const doubt = diags.find((d) => codeOf(d) === 'import-doubt');
    assert.ok(doubt, JSON.stringify(diags.map((d) => [codeOf(d), d.message])));
    assert.equal(doubt.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(doubt.range.start.line, at);
    // The summary notification's button (查看存疑之处), then the first item of the list of doubts.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await waitFor(async () => {
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      await sleep(300);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await sleep(300);
      return done;
    }, 30_000, 'the list of doubts to open and take the pick');
    await running;
    const active = vscode.window.activeTextEditor;
    assert.equal(active && active.document.uri.toString(), editor.document.uri.toString());
    assert.equal(active.selection.active.line, at);
  });
});
