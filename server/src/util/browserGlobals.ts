/**
 * What the core expects of its runtime and a web worker lacks: `setImmediate` (the server yields between slices of
 * work with it; a zero timeout is the worker's nearest equivalent) and Node's `Buffer` (the `buffer` package, the same
 * API). Imported first by the web-worker entry point (../mainBrowser.ts), and nowhere else.
 */
import { Buffer } from 'buffer';

type Immediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => unknown;
const g = globalThis as unknown as { setImmediate?: Immediate; clearImmediate?: (h: unknown) => void; Buffer?: unknown };
if (typeof g.setImmediate !== 'function') {
  g.setImmediate = (callback, ...args) => setTimeout(callback, 0, ...args);
  g.clearImmediate = (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>);
}
if (g.Buffer === undefined) g.Buffer = Buffer;
