/** Runs the built `budget-check` CLI (bin/budget-check.js) in a directory, in Chinese unless `env` says otherwise. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './lsp';

export const BIN = join(ROOT, 'bin', 'budget-check.js');

/** The environment of a run: the language variables cleared (the machine's own LANG must not decide), then `env`. */
export function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, BUDGET_LANG: '', LANG: '', LC_ALL: '', LC_MESSAGES: '', ...env };
}

export function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, input?: string | Uint8Array): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: cliEnv(env), ...(input !== undefined ? { input } : {}), timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
