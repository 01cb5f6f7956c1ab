/**
 * The custom requests between the extension and the server for the preview panel and the status-bar item. Plain
 * method names and JSON shapes: the client imports this file for its types; nothing here depends on a library.
 */
import type { PreviewModel } from './model';
import type { FindingCounts } from './summary';

/** `budgetTables/preview` `{ uri }` → the document's view model (null when the server does not have the document). */
export const PREVIEW_REQUEST = 'budgetTables/preview';
/** `budgetTables/summary` `{ uri }` → how many errors, warnings and 尾差 the document has (null when unknown). */
export const SUMMARY_REQUEST = 'budgetTables/summary';

export interface DocumentParams {
  uri: string;
}

export interface PreviewResponse extends PreviewModel {
  uri: string;
  /** The document version the model was built from: its ranges hold for that version only. */
  version: number;
}

export interface SummaryResponse extends FindingCounts {
  uri: string;
  version: number;
  /** The status bar's words, in the server's locale. */
  text: { tails: string; tooltip: string };
}
