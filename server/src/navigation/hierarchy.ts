/** The 类 → 款 → 项 hierarchy as a part prints it: each 类 or 款 row followed by the rows of its children. */
import type { Part, Row } from '../model/document';

/** Whether a row's code is a 类 or 款 of the functional or economic classification (it may have children). */
export function isParentCode(row: Row): boolean {
  return !!row.code && (row.codeKind === 'functional' || row.codeKind === 'economic') && (row.code.length === 3 || row.code.length === 5);
}

/**
 * For each 类 or 款 row that has children right below it, the last row of that contiguous run (`201` over
 * `20103`, `2010350`, …, up to the next row whose code does not start with 201).
 */
export function childRuns(part: Part): Map<Row, Row> {
  const out = new Map<Row, Row>();
  const rows = part.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!isParentCode(r)) continue;
    const code = r.code!;
    let j = i + 1;
    while (j < rows.length) {
      const c = rows[j].code;
      if (!c || c.length <= code.length || !c.startsWith(code) || rows[j].codeKind !== r.codeKind) break;
      j++;
    }
    if (j > i + 1) out.set(r, rows[j - 1]);
  }
  return out;
}
