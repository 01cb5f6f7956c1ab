/**
 * A real LSP client for tests: starts the built server (`bin/budget-language-server.js --stdio`) as a child process
 * and talks JSON-RPC to it, as any editor would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializeRequest,
  InitializedNotification, LogMessageNotification, PublishDiagnosticsNotification, ShowMessageNotification, ShowMessageRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
  type PublishDiagnosticsParams, type ProtocolConnection, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(__dirname, '..', '..', '..');

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly published = new Map<string, PublishDiagnosticsParams>();
  /** How many times diagnostics were published, by document. */
  readonly publications = new Map<string, number>();
  stderr = '';
  /** Called with every publication of diagnostics. */
  readonly publishListeners: ((p: PublishDiagnosticsParams) => void)[] = [];
  /** The server's log lines (`window/logMessage`). */
  readonly logs: string[] = [];
  /** The messages the server showed the user (`window/showMessage` and `window/showMessageRequest`). */
  readonly shown: string[] = [];

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [join(ROOT, 'bin', 'budget-language-server.js'), ...args], { env: { ...process.env, ...env } });
    this.child.stderr.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      for (const l of this.publishListeners) l(p);
      this.published.set(p.uri, p);
      this.publications.set(p.uri, (this.publications.get(p.uri) ?? 0) + 1);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification(LogMessageNotification.type, (p) => { this.logs.push(p.message); });
    this.connection.onNotification(ShowMessageNotification.type, (p) => { this.shown.push(p.message); });
    this.connection.onRequest(ShowMessageRequest.type, (p) => { this.shown.push(p.message); return null; });
    this.connection.listen();
  }

  async initialize(locale = 'zh-cn', rootUri: string | null = null, initializationOptions?: Record<string, unknown>): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri, locale, ...(initializationOptions ? { initializationOptions } : {}), capabilities: {
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown', 'plaintext'] } },
        workspace: { configuration: false },
      },
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the next diagnostics published for `uri` (at `version`, when given). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}; server stderr: ${this.stderr}`)), 15000);
      this.waiters.push({ uri, version, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const p = this.diagnostics(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'budget', version, text } });
    return p;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[], wait = true): Promise<PublishDiagnosticsParams | undefined> {
    const p = wait ? this.diagnostics(uri, version) : undefined;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return p;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The server process's exit code, or null while it runs. */
  get exitCode(): number | null {
    return this.child.exitCode;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.child.kill();
  }
}

/** Resolves once `ready()` holds (checked every 20 ms), else fails after `ms` saying what it waited for. */
export async function until(ready: () => boolean, what: string, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
