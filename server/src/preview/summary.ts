/** How many problems a document has, by kind: what the preview's summary and the status bar show. Pure. */
import type { Finding } from '../checks/finding';

export interface FindingCounts {
  errors: number;
  warnings: number;
  /** Information-level 尾差 (relations that hold only within rounding), counted whatever the editor's settings hide. */
  tails: number;
  /** Other information and hints. */
  information: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const c: FindingCounts = { errors: 0, warnings: 0, tails: 0, information: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else if (f.roundingTail) c.tails++;
    else c.information++;
  }
  return c;
}
