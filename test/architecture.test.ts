import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './support/lsp';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('the analysis core imports neither vscode nor the LSP libraries', () => {
    const core = files(join(ROOT, 'server', 'src')).filter((f) => !/[\\/]lsp[\\/]/.test(f) && !/[\\/]main[^\\/]*\.ts$/.test(f));
    assert.ok(core.length > 10);
    for (const f of core) {
      const src = readFileSync(f, 'utf8');
      assert.doesNotMatch(src, /from ['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|vscode-jsonrpc)['"]/, relative(ROOT, f));
    }
  });
});
