/**
 * The webview's page: a strict Content-Security-Policy (nothing but the extension's own stylesheet and the script
 * carrying this page's nonce; no remote resources, no inline script or style attributes), the stylesheet and script
 * from `dist/`, and an empty body that the script fills from the server's view model. Pure.
 */
import { escapeHtml } from './render';

export interface PageOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce per page. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  lang: 'zh' | 'en';
  /** Shown until the first model arrives. */
  loading: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
}

export function previewPage(o: PageOptions): string {
  const nonce = escapeHtml(o.nonce);
  return `<!DOCTYPE html>
<html lang="${o.lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(o.styleUri)}">
</head>
<body>
<main id="root"><p class="loading">${escapeHtml(o.loading)}</p></main>
<script nonce="${nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}
