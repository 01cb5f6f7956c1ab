/** Entry point of the language server process (Node: IPC for VS Code, `--stdio` / `--node-ipc` / `--socket` for others). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { registerNodePdfEngine } from './interchange/pdfNode';
import { shippedKnowledge } from './knowledge/load';
import { startServer } from './lsp/server';
import { messageValidation } from './lsp/validation';
import { nodeFileSystem } from './workspace/nodeFileSystem';

registerNodePdfEngine();
const validation = messageValidation();
const connection = createConnection(ProposedFeatures.all, validation.options);
validation.attach(connection);
startServer(connection, { localFiles: nodeFileSystem, shipped: shippedKnowledge() });
