/**
 * Knowledge from the local disk, for Node processes (the CLI, the Node language server, tests, benchmarks): the data
 * the product ships (`data/`, found beside `out/` and `dist/`) and catalog files by path. The parsing itself is pure
 * (./shipped.ts, ./catalogFile.ts); the web-worker server reads the same data bundled into it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locale } from '../i18n/messages';
import { Catalog } from './catalog';
import { csvCatalog, parseCatalog, type LoadedCatalog } from './catalogFile';
import type { CodeKnowledge } from './index';
import { shippedFrom, type DataReader, type ShippedKnowledge } from './shipped';

export { csvCatalog, parseCatalog, recordsFromRows, type LoadedCatalog } from './catalogFile';

/** The shipped `data/` folder: found by walking up from this file (it sits beside `out/` and `dist/`). */
export function dataDir(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'data', 'catalog', 'seed-codes.json'))) return join(dir, 'data');
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** Reads the files of a `data/` folder on disk. */
export function dataFolderReader(dir = dataDir()): DataReader {
  return (relative) => {
    if (!dir) return undefined;
    const path = join(dir, ...relative.split('/'));
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
}

let shipped: ShippedKnowledge | undefined;

/** The shipped knowledge, read once. */
export function shippedKnowledge(): ShippedKnowledge {
  shipped ??= shippedFrom(dataFolderReader());
  return shipped;
}

/** A catalog of the shipped data only (what the CLI uses by default). */
export function shippedCodeKnowledge(): CodeKnowledge {
  const s = shippedKnowledge();
  return { catalog: new Catalog(s.records), glossary: s.glossary };
}

/** Reads a CSV catalog (synchronous). */
export function loadCatalogCsv(file: string, locale?: Locale): LoadedCatalog {
  return csvCatalog(file, readFileSync(file), locale);
}

/** Reads a CSV or XLSX catalog file. */
export async function loadCatalogFile(file: string, locale?: Locale): Promise<LoadedCatalog> {
  return parseCatalog(file, readFileSync(file), locale);
}
