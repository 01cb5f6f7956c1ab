/**
 * Another build of this project, for the benches that set two builds side by side in one process (bench/localise.ts,
 * bench/firstSight.ts): a module of the build compiled into `outDir` (`npx tsc -p .` in a worktree of another commit),
 * with its own module instances and caches.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/** The module at `path` under `outDir` (e.g. `moduleOf(out, 'server', 'src', 'analysis.js')`). */
export function moduleOf<T>(outDir: string, ...path: string[]): T {
  const req = createRequire(join(resolve(outDir), 'bench', 'builds.js'));
  return req(join(resolve(outDir), ...path)) as T;
}
