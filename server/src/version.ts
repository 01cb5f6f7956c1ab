/** The product's version, from package.json (inlined by the bundler; read beside `out/` when compiled by tsc). */
import { version } from '../../package.json';

export const VERSION: string = version;
