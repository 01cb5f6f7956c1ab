/**
 * The preview panel: one webview beside the editor showing the tables of the active `.budget` document, from the
 * server's view model (`budgetTables/preview`). It follows the active `.budget` editor, updates as you type
 * (debounced), survives reloads (a WebviewPanelSerializer; the webview keeps its document and scroll positions in its
 * state), and selects the source of whatever is clicked in it. The cursor's cell is marked in the preview.
 */
import {
  env, Range, TextEditorRevealType, TextEditorSelectionChangeKind, Uri, ViewColumn, window, workspace,
  type Disposable, type ExtensionContext, type Position, type TextDocument, type WebviewPanel, type WebviewPanelSerializer,
} from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { editorMessages } from '../../../server/src/i18n/editor';
import { localeOf } from '../../../server/src/i18n/messages';
import type { SourceRange } from '../../../server/src/preview/model';
import { toBase64 } from '../../../server/src/util/base64';
import { PREVIEW_REQUEST, type PreviewResponse } from '../../../server/src/preview/protocol';
import { previewPage } from './html';
import type { FromWebview, ToWebview, WebviewState } from './messages';

export const PREVIEW_VIEW_TYPE = 'budgetTables.preview';

/** Milliseconds of quiet typing before the preview is rebuilt. */
const DEBOUNCE = 300;

export const isBudget = (doc: TextDocument | undefined): doc is TextDocument => doc?.languageId === 'budget';

/** Resolves once the language client runs (requests before that would start it a second time). */
export function whenRunning(client: LanguageClient): Promise<void> {
  if (client.isRunning()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const sub = client.onDidChangeState((e) => {
      if (e.newState === State.Running) { sub.dispose(); resolve(); }
      else if (e.newState === State.Stopped) { sub.dispose(); reject(new Error('language client stopped')); }
    });
  });
}

/** Every located thing of a view model: its id and source range. */
function locatedIn(model: PreviewResponse): { id: string; range: SourceRange }[] {
  const out: { id: string; range: SourceRange }[] = [];
  const walk = (o: unknown) => {
    if (Array.isArray(o)) { for (const x of o) walk(x); return; }
    if (!o || typeof o !== 'object') return;
    const r = o as { id?: unknown; range?: SourceRange };
    if (typeof r.id === 'string' && r.range) out.push({ id: r.id, range: r.range });
    for (const [k, v] of Object.entries(o)) if (k !== 'strings' && k !== 'range' && typeof v === 'object') walk(v);
  };
  walk(model.sections);
  walk(model.title);
  walk(model.header);
  walk(model.other);
  return out;
}

const before = (a: SourceRange['start'], b: SourceRange['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);

export class PreviewManager implements WebviewPanelSerializer<WebviewState>, Disposable {
  private panel: WebviewPanel | undefined;
  private uri: Uri | undefined;
  private model: PreviewResponse | undefined;
  private located: { id: string; range: SourceRange }[] = [];
  private byId = new Map<string, SourceRange>();
  private timer: NodeJS.Timeout | undefined;
  private stale = false;
  private retries = 0;
  private highlighted: string | undefined;
  private readonly subscriptions: Disposable[] = [];
  private readonly locale = localeOf(env.language);
  private readonly m = editorMessages(this.locale);

  constructor(private readonly context: ExtensionContext, private readonly client: LanguageClient) {
    this.subscriptions.push(
      workspace.onDidChangeTextDocument((e) => { if (this.isShown(e.document.uri) && e.contentChanges.length) this.schedule(DEBOUNCE); }),
      window.onDidChangeActiveTextEditor((e) => {
        if (this.panel && isBudget(e?.document) && !this.isShown(e.document.uri)) this.follow(e.document.uri);
      }),
      window.onDidChangeTextEditorSelection((e) => {
        if (!this.panel?.visible || !this.isShown(e.textEditor.document.uri) || this.model?.version !== e.textEditor.document.version) return;
        if (e.kind === TextEditorSelectionChangeKind.Keyboard || e.kind === TextEditorSelectionChangeKind.Mouse) this.highlightAt(e.selections[0].active);
      }),
    );
  }

  /** The document shown, when the panel is the active editor tab (for the status bar). */
  get activeUri(): Uri | undefined {
    return this.panel?.active ? this.uri : undefined;
  }

  /** Opens the preview of `resource` (else of the active editor's document) beside it, or reveals it. */
  async show(resource?: Uri): Promise<void> {
    const doc = resource instanceof Uri ? await workspace.openTextDocument(resource).then((d) => d, () => undefined) : window.activeTextEditor?.document;
    if (!isBudget(doc)) {
      void window.showInformationMessage(this.m.previewNoDocument);
      return;
    }
    if (this.panel) this.panel.reveal(undefined, true);
    else {
      const panel = window.createWebviewPanel(PREVIEW_VIEW_TYPE, this.m.previewTitle(baseName(doc.uri)), { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true, enableFindWidget: true, localResourceRoots: [this.distUri()],
      });
      this.attach(panel);
    }
    this.follow(doc.uri);
  }

  /** Restores the panel VS Code kept across a reload. */
  async deserializeWebviewPanel(panel: WebviewPanel, state: WebviewState | undefined): Promise<void> {
    this.panel?.dispose();
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.distUri()] };
    this.attach(panel);
    if (typeof state?.uri === 'string') this.follow(Uri.parse(state.uri));
    else if (isBudget(window.activeTextEditor?.document)) this.follow(window.activeTextEditor.document.uri);
    else this.post({ type: 'notice', text: this.m.previewNoDocument });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private distUri(): Uri {
    return Uri.joinPath(this.context.extensionUri, 'dist');
  }

  private isShown(uri: Uri): boolean {
    return !!this.uri && uri.toString() === this.uri.toString();
  }

  private attach(panel: WebviewPanel): void {
    this.panel = panel;
    const webview = panel.webview;
    webview.html = previewPage({
      cspSource: webview.cspSource,
      nonce: toBase64(crypto.getRandomValues(new Uint8Array(18))),
      scriptUri: webview.asWebviewUri(Uri.joinPath(this.distUri(), 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(Uri.joinPath(this.distUri(), 'preview.css')).toString(),
      lang: this.locale,
      loading: this.m.previewLoading,
    });
    const subs: Disposable[] = [
      webview.onDidReceiveMessage((msg: FromWebview) => void this.onMessage(msg)),
      panel.onDidChangeViewState(() => { if (panel.visible && this.stale) this.schedule(0); }),
    ];
    panel.onDidDispose(() => {
      for (const s of subs) s.dispose();
      if (this.panel === panel) {
        this.panel = undefined;
        this.model = undefined;
        this.uri = undefined;
        if (this.timer) clearTimeout(this.timer);
      }
    });
  }

  private follow(uri: Uri): void {
    this.uri = uri;
    this.retries = 0;
    this.highlighted = undefined;
    if (this.panel) this.panel.title = this.m.previewTitle(baseName(uri));
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.update(); }, delay);
  }

  private post(msg: ToWebview): void {
    void this.panel?.webview.postMessage(msg);
  }

  /** Asks the server for the view model of the document shown and sends it to the webview. */
  private async update(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    if (!panel || !uri) return;
    if (!panel.visible) { this.stale = true; return; }
    this.stale = false;
    const doc = workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
      ?? await workspace.openTextDocument(uri).then((d) => d, () => undefined);
    let model: PreviewResponse | null = null;
    if (doc) {
      try {
        await whenRunning(this.client);
        model = await this.client.sendRequest<PreviewResponse | null>(PREVIEW_REQUEST, { uri: this.client.code2ProtocolConverter.asUri(uri) });
      } catch {
        model = null;
      }
    }
    if (this.panel !== panel || this.uri?.toString() !== uri.toString()) return; // closed or switched meanwhile
    if (!model || !doc) {
      this.post({ type: 'notice', text: this.m.previewUnavailable });
      // The server may not have the document yet (just opened): ask again a few times.
      if (doc && this.retries++ < 5) this.schedule(500 * this.retries);
      return;
    }
    this.retries = 0;
    this.model = model;
    this.located = locatedIn(model);
    this.byId = new Map(this.located.map((l) => [l.id, l.range]));
    panel.title = model.strings.title;
    this.post({ type: 'update', model });
    if (this.highlighted) this.post({ type: 'highlight', id: this.highlighted });
    // Typed while the server worked: the next change event rebuilds it, or this does.
    if (model.version < doc.version) this.schedule(DEBOUNCE);
  }

  private async onMessage(msg: FromWebview): Promise<void> {
    if (msg?.type === 'ready') {
      if (this.model) this.post({ type: 'update', model: this.model });
      if (!this.model || this.stale) this.schedule(0);
    } else if (msg?.type === 'reveal' && typeof msg.id === 'string' && typeof msg.uri === 'string') {
      await this.reveal(msg.id, msg.uri);
    }
  }

  /** Selects the source of a clicked element. Its range holds for the model's version: older, the model is rebuilt
   * first and the element looked up again by its id. */
  private async reveal(id: string, uriText: string): Promise<void> {
    const uri = Uri.parse(uriText);
    const doc = await workspace.openTextDocument(uri).then((d) => d, () => undefined);
    if (!doc) return;
    if (!this.model || this.model.uri !== uriText || this.model.version !== doc.version) await this.update();
    const r = this.model?.version === doc.version ? this.byId.get(id) : undefined;
    if (!r) return;
    const range = doc.validateRange(new Range(r.start.line, r.start.character, r.end.line, r.end.character));
    const column = window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn
      ?? (this.panel?.viewColumn === ViewColumn.One ? ViewColumn.Two : ViewColumn.One);
    this.highlighted = id;
    const editor = await window.showTextDocument(doc, { viewColumn: column, preserveFocus: false, selection: range });
    editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Marks in the preview the smallest thing shown that holds the cursor. */
  private highlightAt(pos: Position): void {
    let best: { id: string; range: SourceRange } | undefined;
    const size = (r: SourceRange) => (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
    for (const l of this.located) {
      if (before(l.range.start, pos) && before(pos, l.range.end) && (!best || size(l.range) < size(best.range))) best = l;
    }
    if (best?.id === this.highlighted) return;
    this.highlighted = best?.id;
    this.post({ type: 'highlight', id: best?.id });
  }
}

function baseName(uri: Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
