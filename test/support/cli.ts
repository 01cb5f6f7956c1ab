/** Runs the built `budget-check` CLI (bin/budget-check.js) in a directory, in Chinese unless `env` says otherwise. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './lsp';

export const BIN = join(ROOT, 'bin', 'budget-check.js');

export function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, BUDGET_LANG: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
