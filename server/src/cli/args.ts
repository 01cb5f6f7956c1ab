/** The arguments of `budget-check import` and `export`: options with a value, flags, and the rest. */
import type { CliMessages } from '../i18n/cli';

export type SubcommandArgs =
  | { values: Record<string, string>; flags: Set<string>; positional: string[] }
  | { help: true }
  | { problem: string };

export function subcommandArgs(argv: string[], known: { values: string[]; flags: string[] }, m: CliMessages): SubcommandArgs {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const a = eq > 0 ? arg.slice(0, eq) : arg;
    if (known.values.includes(a)) {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') return { problem: m.needsValue(a) };
      values[a] = v;
    } else if (known.flags.includes(a)) flags.add(a);
    else if (a === '-h' || a === '--help') return { help: true };
    else if (a.startsWith('-') && a !== '-') return { problem: m.unknownOption(arg) };
    else positional.push(arg);
  }
  return { values, flags, positional };
}
