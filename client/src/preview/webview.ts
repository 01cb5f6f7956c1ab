/**
 * The script inside the preview webview (bundled by esbuild into dist/preview.js, run under the page's CSP).
 * It renders each view model with ./render (all document text escaped there), keeps the scroll position per document
 * across updates and reloads (`setState`), sends a click on anything located to the extension (which selects its
 * source), and walks through the errors / 尾差 when their counts in the summary are clicked.
 */
import type { PreviewResponse } from '../../../server/src/preview/protocol';
import type { FromWebview, ToWebview, WebviewState } from './messages';
import { escapeHtml, renderPreview } from './render';

// The few DOM and webview APIs this script uses. The project compiles with `lib: ES2022` (no DOM types, for the
// server's sake), so they are declared here, for this module only.
interface Elem {
  innerHTML: string;
  classList: { add(c: string): void; remove(c: string): void };
  closest(selector: string): Elem | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Elem | null;
  querySelectorAll(selector: string): ArrayLike<Elem>;
  scrollIntoView(options?: { block?: 'start' | 'center' | 'end' | 'nearest' }): void;
  getBoundingClientRect(): { top: number; bottom: number };
}
interface WebviewApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}
declare const document: {
  getElementById(id: string): Elem | null;
  querySelector(selector: string): Elem | null;
  querySelectorAll(selector: string): ArrayLike<Elem>;
  addEventListener(type: 'click', listener: (e: { target: unknown }) => void): void;
};
declare const window: {
  scrollY: number;
  innerHeight: number;
  scrollTo(x: number, y: number): void;
  addEventListener(type: 'message', listener: (e: { data: ToWebview }) => void): void;
  addEventListener(type: 'scroll', listener: () => void, options?: { passive: boolean }): void;
  setTimeout(f: () => void, ms: number): number;
  clearTimeout(id: number): void;
};
declare function acquireVsCodeApi(): WebviewApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
let state: WebviewState = vscode.getState() ?? {};
let model: PreviewResponse | undefined;
let restoring = true;

function saveScroll(): void {
  if (!model || restoring) return;
  state = { uri: model.uri, scroll: { ...state.scroll, [model.uri]: Math.round(window.scrollY) } };
  vscode.setState(state);
}

function render(next: PreviewResponse): void {
  const same = model?.uri === next.uri;
  const y = window.scrollY;
  model = next;
  root.innerHTML = renderPreview(next);
  // Same document: stay where the reader is. Another (or after a reload): where they were in it, else the top.
  window.scrollTo(0, same && !restoring ? y : state.scroll?.[next.uri] ?? 0);
  restoring = false;
  state = { ...state, uri: next.uri };
  vscode.setState(state);
  if (highlighted) highlight(highlighted, false);
}

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer !== undefined) window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(saveScroll, 150);
}, { passive: true });

let highlighted: string | undefined;
function highlight(id: string | undefined, scroll: boolean): void {
  for (const el of Array.from(document.querySelectorAll('.current'))) el.classList.remove('current');
  highlighted = id;
  // Ids are the model's (`t2.p0.r5.c3`): anything else is not looked up.
  if (!id || !/^[\w.]+$/.test(id)) return;
  const el = document.querySelector(`[data-id="${id}"]`);
  if (!el) return;
  el.classList.add('current');
  const r = el.getBoundingClientRect();
  if (scroll && (r.top < 0 || r.bottom > window.innerHeight)) el.scrollIntoView({ block: 'center' });
}

// The counts in the summary step through their findings in document order.
const next: Record<string, number> = {};
function step(status: string): void {
  const all = Array.from(document.querySelectorAll(`.sections .st-${status}`));
  if (!all.length) return;
  const i = (next[status] ?? 0) % all.length;
  next[status] = i + 1;
  const el = all[i];
  el.scrollIntoView({ block: 'center' });
  el.classList.add('flash');
  window.setTimeout(() => el.classList.remove('flash'), 900);
}

document.addEventListener('click', (e) => {
  const target = e.target as Elem | null;
  if (!target || typeof target.closest !== 'function') return;
  const nav = target.closest('[data-nav]');
  if (nav) {
    step(nav.getAttribute('data-nav') ?? '');
    return;
  }
  const el = target.closest('[data-id]');
  const id = el?.getAttribute('data-id');
  if (!el || !id || !model) return;
  for (const s of Array.from(document.querySelectorAll('.selected'))) s.classList.remove('selected');
  el.classList.add('selected');
  vscode.postMessage({ type: 'reveal', id, uri: model.uri, version: model.version });
});

window.addEventListener('message', (e) => {
  const msg = e.data;
  if (msg?.type === 'update' && msg.model) render(msg.model);
  else if (msg?.type === 'notice') {
    model = undefined;
    root.innerHTML = `<p class="notice">${escapeHtml(String(msg.text))}</p>`;
  } else if (msg?.type === 'highlight') highlight(msg.id, true);
});

vscode.postMessage({ type: 'ready' });
