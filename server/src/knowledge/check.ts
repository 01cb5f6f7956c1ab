/**
 * Code checks, run by the analysis when it is given a catalog:
 *   - `code-unknown`: a code neither the catalogs (any year) nor another file of the workspace knows: a warning when
 *     the user loaded a catalog for the document's year, or when not even its parent (款 of a 项, 类 of a 款) is known;
 *     else a hint (the shipped catalog is partial: a real code of a known 款 is likely to be missing from it);
 *   - `code-name`: a name that differs from the catalog's name for the code (warning when the catalog knows the
 *     document's year, information when its name comes from another year), with the catalog's name as a quick fix;
 *   - `code-kind`: an economic code in a functional table, or a functional code in an economic one (warning).
 */
import { own as ownSpan } from '../checks/evaluate';
import type { Finding } from '../checks/finding';
import { knowledgeMessages } from '../i18n/knowledge';
import type { Locale } from '../i18n/messages';
import type { BudgetDocument, Part } from '../model/document';
import { sameName } from './catalog';
import { catalogKindOf, codeKindOf, partCodeKind, partCodes } from './codes';
import { nameOrigin, type CodeKnowledge } from './index';

const CHECKED = /^\d{3}(?:\d{2}){0,2}$/;

export function codeFindings(doc: BudgetDocument, k: CodeKnowledge, locale?: Locale): Finding[] {
  const findings: Finding[] = [];
  for (const t of doc.tables) for (const part of t.parts) partCodeFindings(doc, part, k, locale, 0, Infinity, findings);
  return findings;
}

/** The kinds of codes a part lists, by code column (`partCodeKind`), as the code checks use them. */
export type PartKinds = Map<unknown, ReturnType<typeof partCodeKind>>;

/** A part's kinds of codes for every code column it has (or its labels' codes). */
export function partKinds(part: Part): PartKinds {
  const kinds: PartKinds = new Map();
  const cols = part.columns.filter((c) => c.role === 'code');
  for (const col of cols.length ? cols : [undefined]) kinds.set(col, partCodeKind(part, col));
  return kinds;
}

/** Whether two parts' kinds of codes are the same, column by column (their columns are the same objects). */
export function sameKinds(a: PartKinds, b: PartKinds): boolean {
  if (a.size !== b.size) return false;
  for (const [col, k] of a) {
    const l = b.get(col);
    if (k?.kind !== l?.kind || k?.declared !== l?.declared) return false;
  }
  return true;
}

/**
 * The code findings of rows [from, to) of a part, into `out`. `kinds`: the part's kinds of codes by column, when
 * known (they depend on every row: ../analysis keeps a part's findings of other rows when an edit leaves them alone).
 */
export function partCodeFindings(doc: BudgetDocument, part: Part, k: CodeKnowledge, locale: Locale | undefined, from: number, to: number, out: Finding[], kinds: PartKinds = new Map()): Finding[] {
  const m = knowledgeMessages(locale);
  const year = doc.header.year;
  const view = k.catalog.view(year);
  const knowsRevenue = k.catalog.knowsKind('revenue');
  const findings = out;
  for (const c of partCodes(part, from, to)) {
    if (!CHECKED.test(c.code)) continue;
    const family = catalogKindOf(c.code);
    if (!family || (family === 'revenue' && !knowsRevenue)) continue;
    const entry = view.get(c.code);
    if (!entry) {
      if (!k.workspace?.has(c.code, k.self)) {
        const parent = view.get(c.code.slice(0, -2));
        const partial = c.code.length > 3 && parent !== undefined && !k.catalog.hasUserCatalogFor(year);
        findings.push(partial
          ? { rule: 'code-unknown', severity: 'hint', message: m.unknownCodePartial(c.code, `${parent.code} ${parent.name}`), span: ownSpan(c.codeSpan), related: [] }
          : { rule: 'code-unknown', severity: 'warning', message: m.unknownCode(c.code), span: ownSpan(c.codeSpan), related: [] });
      }
    } else if (c.name && c.nameSpan && !entry.accepted.some((a) => a === c.name || sameName(a, c.name as string))) {
      const where = nameOrigin(entry, m);
      findings.push({
        rule: 'code-name', severity: entry.current ? 'warning' : 'information',
        message: (entry.current ? m.nameMismatch : m.nameMismatchOld)(c.code, c.name, entry.name, where),
        span: ownSpan(c.nameSpan), related: [{ span: ownSpan(c.codeSpan), message: `${c.code} ${entry.name}` }],
        replacement: { span: ownSpan(c.nameSpan), text: entry.name, title: m.fixName(entry.name) },
      });
    }
    const col = c.column;
    if (!kinds.has(col)) kinds.set(col, partCodeKind(part, col));
    const tableKind = kinds.get(col);
    const own = codeKindOf(c.code);
    if (tableKind && own && own !== tableKind.kind) {
      findings.push({
        rule: 'code-kind', severity: 'warning', message: m.wrongKind(c.code, m.kind[own], m.kind[tableKind.kind]),
        span: ownSpan(c.codeSpan), related: [],
      });
    }
  }
  return findings;
}
