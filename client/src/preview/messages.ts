/** The messages between the preview panel (extension host) and its webview, and the webview's saved state. */
import type { PreviewResponse } from '../../../server/src/preview/protocol';

export type ToWebview =
  /** A new view model: render it (keeping the scroll position when it is the same document). */
  | { type: 'update'; model: PreviewResponse }
  /** A line of text instead of a model (no document, server not ready). */
  | { type: 'notice'; text: string }
  /** Mark what the editor's cursor is on. */
  | { type: 'highlight'; id?: string };

export type FromWebview =
  | { type: 'ready' }
  /** Select the source of the element `id` of the model for `uri` at `version`. */
  | { type: 'reveal'; id: string; uri: string; version: number };

/** Kept by VS Code across reloads (`vscode.setState`); the panel serializer gets it back. */
export interface WebviewState {
  uri?: string;
  /** Scroll position per document. */
  scroll?: Record<string, number>;
}
