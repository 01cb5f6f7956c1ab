/**
 * Entry point of the language server in a web worker (VS Code for the Web: vscode.dev, github.dev). Every file comes
 * from the editor (../lsp/clientFiles.ts); the shipped data is bundled in (esbuild.mjs builds `budget-tables:data`
 * from `data/`). Nothing here or below may need Node: esbuild.mjs builds this bundle for the browser platform, and a
 * test fails the build of anything that imports `node:`.
 */
import './util/browserGlobals';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import data from 'budget-tables:data';
import { shippedFrom } from './knowledge/shipped';
import { startServer } from './lsp/server';
import { messageValidation } from './lsp/validation';

// The worker's global scope (the DOM and web-worker typings are not part of this project's `lib`).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const validation = messageValidation();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self), validation.options);
validation.attach(connection);
startServer(connection, { shipped: shippedFrom((path) => data[path]) });
