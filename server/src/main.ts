/** Entry point of the language server process. */
import { registerNodePdfEngine } from './interchange/pdfNode';
import { startServer } from './lsp/server';

registerNodePdfEngine();

startServer();
