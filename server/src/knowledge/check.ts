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
import type { BudgetDocument } from '../model/document';
import { sameName } from './catalog';
import { catalogKindOf, codeCellsOf, codeKindOf, partCodeKind } from './codes';
import { nameOrigin, type CodeKnowledge } from './index';

const CHECKED = /^\d{3}(?:\d{2}){0,2}$/;

export function codeFindings(doc: BudgetDocument, k: CodeKnowledge, locale?: Locale): Finding[] {
  const m = knowledgeMessages(locale);
  const year = doc.header.year;
  const view = k.catalog.view(year);
  const knowsRevenue = k.catalog.knowsKind('revenue');
  const findings: Finding[] = [];
  for (const t of doc.tables) for (const part of t.parts) {
    const kinds = new Map<unknown, ReturnType<typeof partCodeKind>>();
    for (const row of part.rows) for (const c of codeCellsOf(row)) {
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
      } else if (c.name && c.nameSpan && !entry.accepted.some((a) => sameName(a, c.name as string))) {
        const where = nameOrigin(entry, m);
        findings.push({
          rule: 'code-name', severity: entry.current ? 'warning' : 'information',
          message: (entry.current ? m.nameMismatch : m.nameMismatchOld)(c.code, c.name, entry.name, where),
          span: ownSpan(c.nameSpan), related: [{ span: ownSpan(c.codeSpan), message: `${c.code} ${entry.name}` }],
          replacement: { span: ownSpan(c.nameSpan), text: entry.name, title: m.fixName(entry.name) },
        });
      }
      const col = c.cell?.column;
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
  }
  return findings;
}
