// Bundles into dist/:
//   what the extension loads (minified; the .vsix ships these and nothing else of dist/, see .vscodeignore):
//     client.js            the extension on the desktop (Node extension host)
//     server.js            the language server, a Node process (also `budget-language-server --stdio`)
//     exceljs.js           exceljs, loaded by server.js (and the CLI) on first use only: neither parses it at start
//     web/client.js        the extension in VS Code for the Web (browser extension host): package.json "browser"
//     web/server.js        the language server in a web worker, with data/ and exceljs's browser build bundled in
//                          (exceljs is evaluated on first use only; a nested worker of VS Code for the Web runs from
//                          a blob: URL, so it cannot find a sibling file to load it from)
//     preview.js/.css      the preview webview's script and stylesheet
//     snippets/budget.en.json  the snippets with English descriptions (package.nls.en.json points at it)
//   the CLI (not in the .vsix): cli.js, cli-worker.js
// The browser bundles are built for the browser platform: anything they import that needs Node fails this build.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// jsonc-parser's UMD build (its `main`) requires its parts at run time, which a bundle cannot follow: take its ES build.
const alias = { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' };
const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', alias };
const shipped = { ...node, minify: true, keepNames: true };
const web = { bundle: true, platform: 'browser', target: 'chrome120', sourcemap: true, minify: true, keepNames: true, logLevel: 'warning', alias };

/** exceljs, apart from the bundle that needs it (it is large), required from a sibling file on first use. */
const excelApart = {
  name: 'exceljs-apart',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: './exceljs.js', external: true }));
  },
};

/**
 * `budget-tables:data`: every file of data/ but the notes (*.md), by its path there, and but the standard sets
 * (data/standard: the server has them embedded, server/src/standard/shipped.ts, and never reads them as data).
 */
const dataModule = {
  name: 'budget-tables-data',
  setup(b) {
    b.onResolve({ filter: /^budget-tables:data$/ }, () => ({ path: 'data', namespace: 'budget-tables-data' }));
    b.onLoad({ filter: /.*/, namespace: 'budget-tables-data' }, () => {
      const files = {};
      const walk = (dir) => {
        for (const e of readdirSync(dir).sort()) {
          const p = join(dir, e);
          if (statSync(p).isDirectory()) { if (p !== join('data', 'standard')) walk(p); }
          else if (!e.endsWith('.md')) files[relative('data', p).split('\\').join('/')] = readFileSync(p, 'utf8');
        }
      };
      walk('data');
      return { contents: `export default ${JSON.stringify(files)};`, loader: 'js', watchFiles: Object.keys(files).map((f) => join('data', f)) };
    });
  },
};

/** snippets/budget.json with the English descriptions of snippets/descriptions.en.json (the Chinese one where none). */
function englishSnippets() {
  const snippets = JSON.parse(readFileSync('snippets/budget.json', 'utf8'));
  const english = JSON.parse(readFileSync('snippets/descriptions.en.json', 'utf8'));
  for (const [name, s] of Object.entries(snippets)) if (english[name]) s.description = english[name];
  mkdirSync('dist/snippets', { recursive: true });
  writeFileSync('dist/snippets/budget.en.json', `${JSON.stringify(snippets, null, 2)}\n`);
}

mkdirSync('dist/web', { recursive: true });
englishSnippets();
// pdf.js (the PDF reader, server/src/interchange/pdfNode.ts) is loaded at run time from dist/pdfjs: its legacy build
// (ES modules, imported on first use), its CMaps (CJK fonts) and standard font data. Nothing is fetched at run time.
for (const f of ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'cmaps', 'standard_fonts', 'LICENSE']) {
  mkdirSync('dist/pdfjs/legacy/build', { recursive: true });
  cpSync(`node_modules/pdfjs-dist/${f}`, `dist/pdfjs/${f}`, { recursive: true });
}
await Promise.all([
  build({ ...shipped, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...shipped, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [excelApart] }),
  build({ ...shipped, stdin: { contents: "module.exports = require('exceljs');", resolveDir: '.', loader: 'js' }, outfile: 'dist/exceljs.js' }),
  build({ ...web, format: 'cjs', entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/client.js', external: ['vscode'] }),
  build({ ...web, format: 'iife', entryPoints: ['server/src/mainBrowser.ts'], outfile: 'dist/web/server.js', plugins: [dataModule] }),
  build({ ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [excelApart] }),
  build({ ...node, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cli-worker.js', plugins: [excelApart] }),
  build({ ...web, format: 'iife', entryPoints: ['client/src/preview/webview.ts'], outfile: 'dist/preview.js' }),
  build({ ...web, entryPoints: ['client/src/preview/preview.css'], outfile: 'dist/preview.css' }),
]);
