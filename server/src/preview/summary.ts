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

/** How a finding is shown: an error, a warning, a 尾差, or other information. */
export type Status = 'error' | 'warning' | 'tail' | 'info';

export function statusOf(f: Finding): Status {
  // A finding the document accepts (`说明：…`) is shown as information, not counted as an error.
  if (f.acknowledged) return 'info';
  if (f.severity === 'error') return 'error';
  if (f.severity === 'warning') return 'warning';
  return f.roundingTail ? 'tail' : 'info';
}

const COUNTED: Record<Status, keyof FindingCounts> = { error: 'errors', warning: 'warnings', tail: 'tails', info: 'information' };

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const c: FindingCounts = { errors: 0, warnings: 0, tails: 0, information: 0 };
  for (const f of findings) c[COUNTED[statusOf(f)]]++;
  return c;
}
