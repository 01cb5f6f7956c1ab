/**
 * `npm run data:catalog`: writes data/catalog/shipped-records.json, the shipped catalog's records read from their
 * sources (the partial CSV catalogs, the seeds' and the corpus's codes) as one JSON file, which every process loads in
 * a few milliseconds instead of parsing the sources at start. Run it after changing a source; a test fails until then.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, dataFolderReader } from '../server/src/knowledge/load';
import { SHIPPED_RECORDS, shippedSources } from '../server/src/knowledge/shipped';

const dir = dataDir();
if (!dir) throw new Error('no data/ folder');
const records = shippedSources(dataFolderReader(dir));
writeFileSync(join(dir, ...SHIPPED_RECORDS.split('/')), `${JSON.stringify(records)}\n`);
process.stdout.write(`${SHIPPED_RECORDS}: ${records.length} records\n`);
