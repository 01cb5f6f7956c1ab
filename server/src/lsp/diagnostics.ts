/** Publishes diagnostics: on open and change, debounced by the cost of the last analysis, stale runs dropped. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../checks/finding';
import { shown } from '../checks/justifications';
import { ruleDocUrl } from '../checks/ruleIds';
import { diagnosticSource, type Locale } from '../i18n/messages';
import type { Positions } from '../syntax/positions';
import type { ServerContext } from './context';
import { guard } from './guard';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, lines: Positions, uri: string, locale: Locale = 'zh'): Diagnostic {
  const d: Diagnostic = {
    range: { start: lines.position(f.span.start), end: lines.position(f.span.end) },
    severity: SEVERITY[shown(f, locale).severity],
    source: diagnosticSource(locale),
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    message: shown(f, locale).message,
  };
  if (f.related.length) {
    d.relatedInformation = f.related.slice(0, 50).map((r) => ({
      location: { uri, range: { start: lines.position(r.span.start), end: lines.position(r.span.end) } },
      message: r.message,
    }));
  }
  // What a quick fix needs, with the figure's own span: clients that send the diagnostic back with another range
  // (Neovim 0.7 counts columns in bytes) still get their fix (./codeActions).
  // The span is there for every finding a justification may accept (`说明：…`, ./codeActions).
  if (f.expected !== undefined || f.replacement || f.fixes?.length || (f.severity !== 'information' && f.severity !== 'hint' && !f.acknowledged)) {
    d.data = { expected: f.expected, replacement: f.replacement, span: f.span, fixes: f.fixes };
  }
  return d;
}

export function diagnosticsOf(ctx: ServerContext, doc: TextDocument): Diagnostic[] {
  const a = ctx.analyzed(doc);
  const show = ctx.roundingDiagnosticsFor(doc.uri);
  return ctx.configuredFindings(doc.uri, a.analysis.findings).filter((f) => show || !f.roundingTail).map((f) => toDiagnostic(f, a.lines, doc.uri, ctx.locale));
}

export function registerDiagnostics(ctx: ServerContext): { refresh(): void } {
  const timers = new Map<string, { cancel(): void }>();
  const lastCost = new Map<string, number>();

  const publish = (uri: string) => guard(ctx.connection, 'publishing diagnostics', () => {
    timers.delete(uri);
    const doc = ctx.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const diagnostics = diagnosticsOf(ctx, doc);
    lastCost.set(uri, ctx.analyzed(doc).took);
    // A newer version arrived while we worked: its own run will publish.
    if (ctx.documents.get(uri)?.version !== version) return;
    ctx.connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
  });

  const schedule = (uri: string) => {
    timers.get(uri)?.cancel();
    // Debounce by the cost of the last analysis: an edit the incremental analysis absorbs answers at once; a document
    // whose analysis is slow (a first pass, a header edit) waits for a pause in typing.
    const cost = lastCost.get(uri) ?? 0;
    if (cost < 25) {
      // At once, but after the messages already read, so that changes arriving together are analysed once. The
      // connection handles one queued message per immediate and schedules the next after the handler, which has
      // scheduled ours: a second hop lets the next queued change in first, and it cancels this run. (Immediates, not
      // a zero timeout, which Node stretches to a millisecond.)
      let second: NodeJS.Immediate | undefined;
      const first = setImmediate(() => { second = setImmediate(() => publish(uri)); });
      timers.set(uri, { cancel: () => { clearImmediate(first); if (second) clearImmediate(second); } });
    } else {
      const timeout = setTimeout(() => publish(uri), Math.min(300, cost * 2));
      timers.set(uri, { cancel: () => clearTimeout(timeout) });
    }
  };

  ctx.documents.onDidOpen((e) => schedule(e.document.uri));
  ctx.documents.onDidChangeContent((e) => schedule(e.document.uri));
  ctx.documents.onDidClose((e) => {
    timers.get(e.document.uri)?.cancel();
    timers.delete(e.document.uri);
    ctx.forget(e.document.uri);
    ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }).catch(() => undefined);
  });
  return {
    refresh() {
      for (const d of ctx.documents.all()) schedule(d.uri);
    },
  };
}
