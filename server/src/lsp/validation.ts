/**
 * Every incoming message the server acts on is checked before its handler runs (issue #15: `didOpen` with `text: null`
 * killed the server). The handlers may then trust the shapes the protocol promises.
 * - A request whose params are malformed is answered with a JSON-RPC `InvalidParams` error saying what is wrong.
 * - A malformed notification is dropped, with one line in the log.
 * - Messages of methods not listed here pass unchanged (JSON-RPC answers an unknown request with `MethodNotFound`),
 *   and so do responses to the server's own requests.
 * Only what the server reads is checked; extra properties are allowed, as the protocol allows them.
 *
 * The check runs as the connection's message strategy (vscode-jsonrpc calls it for every message before dispatching):
 * both entry points create their connection with `messageValidation().options` and then `attach` it.
 */
import {
  ErrorCodes, Message, ResponseError, type Connection, type ConnectionOptions, type NotificationMessage, type RequestMessage,
} from 'vscode-languageserver';
import { PREVIEW_REQUEST, SUMMARY_REQUEST } from '../preview/protocol';
import { TRUST_NOTIFICATION } from '../workspace/protocol';

/** What is wrong with a value at a path (`params.textDocument.text must be a string`), or undefined. */
type Check = (value: unknown, path: string) => string | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const anything: Check = () => undefined;
const string: Check = (v, p) => (typeof v === 'string' ? undefined : `${p} must be a string`);
const boolean: Check = (v, p) => (typeof v === 'boolean' ? undefined : `${p} must be a boolean`);
const integer: Check = (v, p) => (Number.isSafeInteger(v) ? undefined : `${p} must be an integer`);
/** The protocol's `uinteger`: 0 … 2^31 − 1. */
const uinteger: Check = (v, p) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0x7fffffff ? undefined : `${p} must be an integer from 0 to 2147483647`);
const optional = (c: Check): Check => (v, p) => (v === undefined ? undefined : c(v, p));
const nullable = (c: Check): Check => (v, p) => (v === null ? undefined : c(v, p));
const oneOf = (...values: unknown[]): Check => (v, p) => (values.includes(v) ? undefined : `${p} must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
const either = (a: Check, b: Check): Check => (v, p) => (a(v, p) === undefined ? undefined : b(v, p));
const record: Check = (v, p) => (isRecord(v) ? undefined : `${p} must be an object`);
const object = (fields: Record<string, Check>): Check => (v, p) => {
  if (!isRecord(v)) return `${p} must be an object`;
  for (const [k, c] of Object.entries(fields)) {
    const problem = c(v[k], `${p}.${k}`);
    if (problem) return problem;
  }
  return undefined;
};
const array = (item: Check): Check => (v, p) => {
  if (!Array.isArray(v)) return `${p} must be an array`;
  for (let i = 0; i < v.length; i++) {
    const problem = item(v[i], `${p}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
};

const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });
const textDocument = object({ uri: string });
const atPosition = object({ textDocument, position });
const inDocument = object({ textDocument });
const inRange = object({ textDocument, range });
const workspaceFolder = object({ uri: string, name: optional(string) });
const contentChange = either(object({ range, rangeLength: optional(uinteger), text: string }), object({ text: string, range: oneOf(undefined) }));

/** The requests the server answers, by method: the shape of their params. */
export const REQUESTS: Readonly<Record<string, Check>> = {
  'initialize': object({
    capabilities: optional(record),
    locale: optional(nullable(string)),
    rootUri: optional(nullable(string)),
    workspaceFolders: optional(nullable(array(workspaceFolder))),
    initializationOptions: anything,
  }),
  'textDocument/hover': atPosition,
  'textDocument/completion': atPosition,
  'completionItem/resolve': object({ label: string }),
  'textDocument/definition': atPosition,
  'textDocument/references': object({ textDocument, position, context: optional(object({ includeDeclaration: optional(boolean) })) }),
  'textDocument/documentHighlight': atPosition,
  'textDocument/codeAction': object({ textDocument, range, context: object({ diagnostics: array(object({ range, message: string })) }) }),
  'textDocument/documentSymbol': inDocument,
  'textDocument/foldingRange': inDocument,
  'textDocument/semanticTokens/full': inDocument,
  'textDocument/semanticTokens/full/delta': object({ textDocument, previousResultId: string }),
  'textDocument/semanticTokens/range': inRange,
  'textDocument/inlayHint': inRange,
  'textDocument/formatting': object({ textDocument, options: optional(record) }),
  'textDocument/rangeFormatting': object({ textDocument, range, options: optional(record) }),
  'workspace/executeCommand': object({ command: string, arguments: optional(array(anything)) }),
  [PREVIEW_REQUEST]: object({ uri: string }),
  [SUMMARY_REQUEST]: object({ uri: string }),
};

/** The notifications the server acts on, by method: the shape of their params. */
export const NOTIFICATIONS: Readonly<Record<string, Check>> = {
  'textDocument/didOpen': object({ textDocument: object({ uri: string, languageId: string, version: integer, text: string }) }),
  'textDocument/didChange': object({ textDocument: object({ uri: string, version: integer }), contentChanges: array(contentChange) }),
  'textDocument/didClose': inDocument,
  'textDocument/didSave': inDocument,
  'workspace/didChangeConfiguration': record,
  'workspace/didChangeWatchedFiles': object({ changes: array(object({ uri: string, type: oneOf(1, 2, 3) })) }),
  'workspace/didChangeWorkspaceFolders': object({ event: object({ added: array(workspaceFolder), removed: array(workspaceFolder) }) }),
  '$/cancelRequest': object({ id: either(integer, string) }),
  '$/setTrace': object({ value: string }),
  [TRUST_NOTIFICATION]: object({ trusted: boolean }),
};

/**
 * What is wrong with a message's params, or undefined when the server can act on it (or does not know it). A command's
 * arguments are its handler's to check: it answers bad ones with `{ ok: false, message }`, which the editor shows.
 */
export function problemOf(message: RequestMessage | NotificationMessage, kind: 'request' | 'notification'): string | undefined {
  const check = (kind === 'request' ? REQUESTS : NOTIFICATIONS)[message.method];
  return check ? check(message.params, 'params') : undefined;
}

/** The method a malformed request is turned into: its handler answers the `InvalidParams` error. */
const INVALID_REQUEST = '$/budgetTables/invalidParams';

export interface MessageValidation {
  /** For `createConnection`. */
  options: ConnectionOptions;
  /** Answers the malformed requests and logs the dropped notifications on this connection. */
  attach(connection: Connection): void;
}

export function messageValidation(): MessageValidation {
  let log: (line: string) => void = (line) => console.error(line);
  return {
    options: {
      messageStrategy: {
        handleMessage(message, next) {
          if (Message.isRequest(message)) {
            const problem = problemOf(message, 'request');
            if (problem) return next({ ...message, method: INVALID_REQUEST, params: { method: message.method, problem } } as RequestMessage);
          } else if (Message.isNotification(message)) {
            const problem = problemOf(message, 'notification');
            if (problem) {
              log(`Ignored ${message.method}: ${problem}`);
              return;
            }
          }
          return next(message);
        },
      },
    },
    attach(connection) {
      log = (line) => connection.console.log(line);
      connection.onRequest(INVALID_REQUEST, (p: { method: string; problem: string }) =>
        new ResponseError(ErrorCodes.InvalidParams, `${p.method}: ${p.problem}`));
    },
  };
}
