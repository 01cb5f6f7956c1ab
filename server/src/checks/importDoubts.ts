/**
 * The places an import marked as uncertain: a comment `// 导入存疑：…` (or `// import doubt: …`) written by the PDF
 * import above a row it could not place for sure becomes an information finding, so that the Problems panel lists
 * every such place and the user can jump to each. Deleting the comment (once the row is checked) ends the finding.
 */
import type { Messages } from '../i18n/messages';
import type { Line } from '../syntax/ast';
import { own } from './evaluate';
import type { Finding } from './finding';

const DOUBT = /^(?:导入存疑[：:]|import doubt:)\s*/i;

export function importDoubtFindings(lines: readonly Line[], m: Messages): Finding[] {
  const out: Finding[] = [];
  for (const l of lines) {
    if (l.kind !== 'comment') continue;
    const d = DOUBT.exec(l.text);
    if (!d) continue;
    out.push({ rule: 'import-doubt', severity: 'information', message: m.importDoubt(l.text.slice(d[0].length)), span: own(l.span), related: [] });
  }
  return out;
}
