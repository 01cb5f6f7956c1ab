// Builds the stand-in extension into test/e2e/fixture-ext/budget-tables-e2e-fixture.vsix (esbuild + vsce from the
// project's node_modules). Usage: node test/e2e/fixture-ext/build.mjs   → prints the .vsix path.
import { build } from 'esbuild';
import { packVsix } from '../vsix.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', nodePaths: [path.join(root, 'node_modules')] };
await build({ ...common, entryPoints: [path.join(here, 'src/client.js')], outfile: path.join(here, 'dist/client.js'), external: ['vscode'] });
await build({ ...common, entryPoints: [path.join(here, 'src/server.js')], outfile: path.join(here, 'dist/server.js') });
const out = path.join(here, 'budget-tables-e2e-fixture.vsix');
packVsix(here, out);
console.log(out);
