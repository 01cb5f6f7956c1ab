/**
 * Malformed messages over stdio (issue #15): the server answers a request it cannot act on with a JSON-RPC
 * `InvalidParams` error, drops a notification it cannot act on with a log line, and keeps running. The methods come
 * from the server's own list (server/src/lsp/validation.ts), so a method added there is swept here too.
 */
import { strict as assert } from 'node:assert';
import { ErrorCodes, HoverRequest, ResponseError } from 'vscode-languageserver-protocol';
import { NOTIFICATIONS, REQUESTS } from '../server/src/lsp/validation';
import { GOOD } from './support/docs';
import { TestClient } from './support/lsp';

/** Params no method of the server accepts. */
const GARBAGE: unknown[] = [null, 42, 'text', [1, 2], { textDocument: null }, { textDocument: { uri: 7 }, position: { line: -1, character: 0.5 } }];

describe('malformed messages over stdio', function () {
  this.timeout(60000);
  let client: TestClient;
  const uri = 'file:///tmp/malformed.budget';
  before(async () => {
    client = new TestClient();
    await client.initialize();
    await client.open(uri, GOOD);
  });
  after(() => client.stop());

  /** The server still answers, and its process runs. */
  async function alive(): Promise<void> {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.ok(hover === null || typeof hover === 'object');
    assert.equal(client.exitCode, null, `the server exited; stderr: ${client.stderr}`);
  }

  it('survives didOpen whose text is null or a number (it crashed: "Cannot read properties of null")', async () => {
    for (const text of [null, 42]) {
      const bad = `file:///tmp/bad-${String(text)}.budget`;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'budget', version: 1, text } });
      await alive();
      assert.ok(client.logs.some((l) => l.includes('textDocument/didOpen') && l.includes('params.textDocument.text must be a string')), client.logs.join('\n'));
    }
  });

  it('answers every request it handles, sent malformed params, with InvalidParams saying what is wrong', async () => {
    const methods = Object.keys(REQUESTS).filter((m) => m !== 'initialize');
    assert.ok(methods.length >= 15, methods.join(' '));
    for (const method of methods) {
      for (const params of GARBAGE) {
        const error = await client.connection.sendRequest(method, params).then(
          (r) => assert.fail(`${method} ${JSON.stringify(params)} answered ${JSON.stringify(r)}`),
          (e: unknown) => e,
        );
        assert.ok(error instanceof ResponseError, `${method}: ${String(error)}`);
        assert.equal(error.code, ErrorCodes.InvalidParams, `${method} ${JSON.stringify(params)}: ${error.message}`);
        assert.match(error.message, new RegExp(`^${method.replace(/[/$]/g, '\\$&')}: params`));
      }
    }
    await alive();
  });

  it('answers a command given bad arguments with a message, never an error', async () => {
    for (const [command, argument] of [['budgetTables.server.export', { uri: 3 }], ['budgetTables.server.import', {}], ['budgetTables.server.export', null]] as const) {
      const answer = await client.connection.sendRequest('workspace/executeCommand', { command, arguments: [argument] }) as { ok: boolean; message?: string };
      assert.equal(answer.ok, false, command);
      assert.ok(answer.message, command);
    }
    await alive();
  });

  it('keeps running when the client answers its own requests with errors (a warning it showed ended it)', async () => {
    const rude = new TestClient();
    try {
      rude.connection.onRequest('window/showMessageRequest', () => { throw new Error('not supported here'); });
      rude.connection.onRequest('client/registerCapability', () => { throw new Error('not supported here'); });
      await rude.initialize();
      // A catalog setting naming a file that is no catalog: the server warns.
      await rude.connection.sendNotification('workspace/didChangeConfiguration', { settings: { budgetTables: { catalogFiles: ['notes.txt'] } } });
      await rude.open('file:///tmp/rude.budget', GOOD);
      const hover = await rude.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///tmp/rude.budget' }, position: { line: 0, character: 0 } });
      assert.ok(hover === null || typeof hover === 'object');
      assert.equal(rude.exitCode, null, rude.stderr);
    } finally {
      await rude.stop();
    }
  });

  it('drops every notification it acts on, sent malformed, and keeps running', async () => {
    const methods = Object.keys(NOTIFICATIONS);
    assert.ok(methods.includes('textDocument/didChange') && methods.includes('workspace/didChangeWatchedFiles'));
    for (const method of methods) {
      for (const params of GARBAGE) await client.connection.sendNotification(method, params);
    }
    // A change whose text is a number, a range past every line, an unknown document: the document stays as it was.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 5 }] });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.budget', version: 2 }, contentChanges: [{ text: 'x' }] });
    await alive();
    const p = await client.change(uri, 3, [{ range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 9 } }, text: '\n' }]);
    assert.ok(p);
    await alive();
  });
});
