/** Imports a whole document (PDF or pdftotext -layout text) and prints the `.budget` text: `node out/scripts/import-document.js FILE`. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importDocument } from '../server/src/interchange/document';

async function main(): Promise<void> {
  const file = process.argv[2];
  const r = await importDocument(new Uint8Array(readFileSync(file)), { name: basename(file) });
  if (!r.ok) { console.error(r.message); process.exit(1); }
  process.stdout.write(r.text);
  console.error(r.message);
}
void main();
