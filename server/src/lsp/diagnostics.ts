/** Publishes diagnostics: on open and change, once the changes that arrived together are read, stale runs dropped. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../checks/finding';
import { shown } from '../checks/justifications';
import { ruleDocUrl } from '../checks/ruleIds';
import { justifiable } from '../fixes/index';
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

/** Related locations one diagnostic carries at most. */
const RELATED_PER_FINDING = 50;
/**
 * A document with more findings than this is published without related information: every publish sends all the
 * document's diagnostics, and their related locations were half of the JSON (1,344 findings: 1.24 MB, of it 0.67 MB
 * related locations) that the server writes and the editor reads again on each keystroke. The message of each still
 * names the relation, the expected and the actual figure and the difference; hover, highlight and Find All References
 * on a figure list its relations.
 */
export const RELATED_UP_TO_FINDINGS = 500;

export function toDiagnostic(f: Finding, lines: Positions, uri: string, locale: Locale = 'zh', related = true): Diagnostic {
  const view = shown(f, locale);
  const d: Diagnostic = {
    range: { start: lines.position(f.span.start), end: lines.position(f.span.end) },
    severity: SEVERITY[view.severity],
    source: diagnosticSource(locale),
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    message: view.message,
  };
  if (related && f.related.length) {
    d.relatedInformation = f.related.slice(0, RELATED_PER_FINDING).map((r) => ({
      location: { uri, range: { start: lines.position(r.span.start), end: lines.position(r.span.end) } },
      message: r.message,
    }));
  }
  // What a quick fix needs, with the figure's own span: clients that send the diagnostic back with another range
  // (Neovim 0.7 counts columns in bytes) still get their fix (./codeActions).
  // The span is there for every finding a justification may accept (`说明：…`, ./codeActions).
  if (f.expected !== undefined || f.replacement || f.fixes?.length || ((f.severity === 'error' || f.severity === 'warning') && !f.acknowledged && justifiable(f.rule))) {
    d.data = { expected: f.expected, replacement: f.replacement, span: f.span, fixes: f.fixes };
  }
  return d;
}

/** A finding's diagnostic as last made, with what it was made from. */
interface Made {
  d: Diagnostic;
  layout: number;
  uri: string;
  locale: Locale;
  related: boolean;
  /** The finding's span and its related spans, as offsets. */
  at: number[];
}

const made = new WeakMap<Finding, Made>();

function sameSpans(at: number[], f: Finding): boolean {
  if (at[0] !== f.span.start || at[1] !== f.span.end || at.length !== 2 + 2 * f.related.length) return false;
  for (let i = 0; i < f.related.length; i++) if (at[2 + 2 * i] !== f.related[i].span.start || at[3 + 2 * i] !== f.related[i].span.end) return false;
  return true;
}

/**
 * A finding's diagnostic, made again only when the finding moved or the document's lines changed shape: a keystroke in
 * a document of a thousand findings converts the few that changed (a finding the analysis kept is the same object).
 */
function diagnosticOf(f: Finding, lines: Positions, layout: number, uri: string, locale: Locale, related: boolean): Diagnostic {
  const had = made.get(f);
  if (had && had.layout === layout && had.uri === uri && had.locale === locale && had.related === related && sameSpans(had.at, f)) return had.d;
  const d = toDiagnostic(f, lines, uri, locale, related);
  const at = [f.span.start, f.span.end];
  for (const r of f.related) at.push(r.span.start, r.span.end);
  made.set(f, { d, layout, uri, locale, related, at });
  return d;
}

export function diagnosticsOf(ctx: ServerContext, doc: TextDocument): Diagnostic[] {
  const a = ctx.analyzed(doc);
  const show = ctx.roundingDiagnosticsFor(doc.uri);
  const findings = ctx.configuredFindings(doc.uri, a.analysis.findings).filter((f) => show || !f.roundingTail);
  const related = findings.length <= RELATED_UP_TO_FINDINGS;
  return findings.map((f) => diagnosticOf(f, a.lines, a.layout, doc.uri, ctx.locale, related));
}

export function registerDiagnostics(ctx: ServerContext): { refresh(): void } {
  const timers = new Map<string, { cancel(): void }>();

  const publish = (uri: string) => guard(ctx.connection, 'publishing diagnostics', () => {
    timers.delete(uri);
    const doc = ctx.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const diagnostics = diagnosticsOf(ctx, doc);
    // A newer version arrived while we worked: its own run will publish.
    if (ctx.documents.get(uri)?.version !== version) return;
    ctx.connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
  });

  const schedule = (uri: string) => {
    timers.get(uri)?.cancel();
    // At once, but after the messages already read, so that changes arriving together are analysed once. The
    // connection handles one queued message per immediate and schedules the next after the handler, which has
    // scheduled ours: a second hop lets the next queued change in first, and it cancels this run. (Immediates, not a
    // zero timeout, which Node stretches to a millisecond; no debounce by cost either: on a loaded machine a timer
    // held back the very publication it was meant to spare.)
    let second: NodeJS.Immediate | undefined;
    const first = setImmediate(() => { second = setImmediate(() => publish(uri)); });
    timers.set(uri, { cancel: () => { clearImmediate(first); if (second) clearImmediate(second); } });
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
