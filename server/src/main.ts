/** Entry point of the language server process (Node: IPC for VS Code, `--stdio` / `--node-ipc` / `--socket` for others). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { registerNodePdfEngine } from './interchange/pdfNode';
import { shippedKnowledge } from './knowledge/load';
import { startServer } from './lsp/server';
import { nodeFileSystem } from './workspace/nodeFileSystem';

registerNodePdfEngine();
startServer(createConnection(ProposedFeatures.all), { localFiles: nodeFileSystem, shipped: shippedKnowledge() });
