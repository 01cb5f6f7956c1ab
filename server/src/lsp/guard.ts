/**
 * Work the server starts on its own (a timer, an immediate, a promise nobody awaits) runs guarded: what it throws or
 * rejects with is logged, never left to end the process (Node ends it on an uncaught exception or an unhandled
 * rejection). Request and notification handlers need no guard: the connection answers or logs what they throw.
 */
import type { Connection } from 'vscode-languageserver';

function logFailure(connection: Connection, what: string, e: unknown): void {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  try {
    connection.console.error(`${what} failed: ${detail}`);
  } catch {
    // the connection is gone: nothing to tell
  }
}

/** Runs `fn` now, logging instead of throwing. */
export function guard(connection: Connection, what: string, fn: () => void | Promise<unknown>): void {
  try {
    const r = fn();
    if (r instanceof Promise) r.catch((e: unknown) => logFailure(connection, what, e));
  } catch (e) {
    logFailure(connection, what, e);
  }
}

/**
 * Shows the user a warning. The library sends it as a request (`window/showMessageRequest`) although its type says
 * nothing comes back: a client that answers it with an error would leave a rejected promise nobody handles, which ends
 * the process.
 */
export function showWarning(connection: Connection, message: string): void {
  Promise.resolve(connection.window.showWarningMessage(message) as unknown).catch(() => undefined);
}
