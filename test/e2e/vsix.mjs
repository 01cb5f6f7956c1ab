// Packs a folder into a .vsix with the project's own vsce (no network). Used for the test-only stand-ins.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export function packVsix(dir, out) {
  execFileSync(path.join(ROOT, 'node_modules/.bin/vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}
/** The zh-cn display-language stand-in (test/e2e/zh-cn-pack), packed to `out`. */
export const packZhCn = (out) => packVsix(path.join(ROOT, 'test/e2e/zh-cn-pack'), out);
