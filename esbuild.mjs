// Bundles the extension client, the language server, the CLI and the preview webview's script and stylesheet into
// dist/ (what the .vsix ships).
// exceljs (large, needed only to read or write a workbook) is bundled on its own as dist/exceljs.js and loaded from
// there on first use, so neither the server nor the CLI parses it at start.
import { build } from 'esbuild';

// jsonc-parser's UMD build (its `main`) requires its parts at run time, which a bundle cannot follow: take its ES build.
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify: false, logLevel: 'warning',
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};
const excelApart = {
  name: 'exceljs-apart',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: './exceljs.js', external: true }));
  },
};
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [excelApart] }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [excelApart] }),
  build({ ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cli-worker.js', plugins: [excelApart] }),
  build({ ...common, stdin: { contents: "module.exports = require('exceljs');", resolveDir: '.', loader: 'js' }, outfile: 'dist/exceljs.js' }),
  build({ ...common, platform: 'browser', target: 'chrome120', format: 'iife', entryPoints: ['client/src/preview/webview.ts'], outfile: 'dist/preview.js' }),
  build({ ...common, platform: 'browser', entryPoints: ['client/src/preview/preview.css'], outfile: 'dist/preview.css' }),
]);
