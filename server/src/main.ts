/** Entry point of the language server process. */
import { startServer } from './lsp/server';

startServer();
