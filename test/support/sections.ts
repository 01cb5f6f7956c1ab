/** The sections of an imported document's text, as the import tests read them. */
import { strict as assert } from 'node:assert';

/** The lines of a section, from its heading to the next heading (comments and blank lines left out). */
export function section(text: string, heading: string): string[] {
  const lines = text.split('\n').filter((l) => !l.startsWith('//') && l.trim());
  const from = lines.findIndex((l) => l.startsWith(heading));
  assert.ok(from >= 0, `no ${heading} in\n${text}`);
  const to = lines.findIndex((l, k) => k > from && l.startsWith('#'));
  return lines.slice(from, to < 0 ? undefined : to);
}
