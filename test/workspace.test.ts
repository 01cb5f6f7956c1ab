/**
 * The core's view of the workspace (server/src/workspace/): which files the server may read on its own, the walk
 * that lists the `.budget` files with `files.exclude`, URIs, and the Node file system's rules (no links, a size cap).
 * An in-memory file system stands in for the client's (as in the web worker).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromBase64, toBase64 } from '../server/src/util/base64';
import { memoryFileSystem } from './support/memfs';
import { nodeFileSystem } from '../server/src/workspace/nodeFileSystem';
import { childUri, displayName, isInside, normalizeUri, uriOfSetting } from '../server/src/workspace/uri';
import { excludeMatcher, MAX_FILE_BYTES, MAX_FILES, Workspace } from '../server/src/workspace/workspace';

describe('workspace: URIs', () => {
  it('spells a URI one way and resolves . and ..', () => {
    assert.equal(normalizeUri('file:///C%3A/ws/a/../b.budget'), 'file:///c%3A/ws/b.budget');
    assert.equal(normalizeUri('file:///ws/./sub//x.budget'), 'file:///ws/sub/x.budget');
    assert.equal(normalizeUri('vscode-vfs://github/owner/repo/a.budget'), 'vscode-vfs://github/owner/repo/a.budget');
  });

  it('a folder contains its files, not a sibling that shares its name as a prefix, nor what .. leaves it for', () => {
    assert.ok(isInside('file:///ws', 'file:///ws/a.budget'));
    assert.ok(isInside('file:///ws/', 'file:///ws/sub/a.budget'));
    assert.ok(isInside('file:///ws', 'file:///ws'));
    assert.ok(!isInside('file:///ws', 'file:///ws2/a.budget'));
    assert.ok(!isInside('file:///ws', 'file:///ws/../etc/passwd'));
    assert.ok(!isInside('file:///ws', 'vscode-vfs://github/ws/a.budget'));
    assert.ok(!isInside('vscode-vfs://github/o/r', 'vscode-vfs://gitlab/o/r/a.budget'));
    // Windows: the drive letter in either case
    assert.ok(isInside('file:///C:/ws', 'file:///c%3A/ws/a.budget'));
  });

  it('takes the paths users type in settings: relative to the folder (never out of it), absolute, or a URI', () => {
    assert.equal(uriOfSetting('目录2024.csv', 'file:///ws'), 'file:///ws/%E7%9B%AE%E5%BD%952024.csv');
    assert.equal(uriOfSetting('catalogs\\2024.csv', 'file:///ws'), 'file:///ws/catalogs/2024.csv');
    assert.equal(uriOfSetting('../outside.csv', 'file:///ws'), undefined);
    assert.equal(uriOfSetting('/data/2024.csv', 'file:///ws'), 'file:///data/2024.csv');
    assert.equal(uriOfSetting('C:\\data\\2024.csv', undefined), 'file:///c%3A/data/2024.csv');
    assert.equal(uriOfSetting('vscode-vfs://github/o/r/2024.csv', 'file:///ws'), 'vscode-vfs://github/o/r/2024.csv');
    assert.equal(uriOfSetting('2024.csv', undefined), undefined);
    assert.equal(childUri('memfs:/ws', 'sub/a.budget'), 'memfs:/ws/sub/a.budget');
  });

  it('names a file to the user by its path, or by its URI as it reads', () => {
    assert.equal(displayName('file:///ws/%E7%9B%AE%E5%BD%95.csv'), '/ws/目录.csv');
    assert.equal(displayName('vscode-test-web://mount/%E7%9B%AE%E5%BD%95.csv'), 'vscode-test-web://mount/目录.csv');
  });
});

describe('workspace: what the server reads on its own', () => {
  const files = {
    'memfs:/ws/a.budget': '# a',
    'memfs:/ws/sub/b.budget': '# b',
    'memfs:/ws/sub/notes.txt': 'x',
    'memfs:/ws/.hidden/c.budget': '# c',
    'memfs:/ws/node_modules/d.budget': '# d',
    'memfs:/ws/build/e.budget': '# e',
    'memfs:/ws/keep/build/f.budget': '# f',
    'memfs:/elsewhere/secret.budget': '# secret',
  };

  it('reads only files inside the workspace folders', async () => {
    const fs = memoryFileSystem(files);
    const ws = new Workspace(fs);
    ws.setFolders(['memfs:/ws']);
    assert.equal(await ws.readText('memfs:/ws/sub/b.budget'), '# b');
    assert.equal(await ws.readText('memfs:/elsewhere/secret.budget'), undefined);
    assert.equal(await ws.readText('memfs:/ws/../elsewhere/secret.budget'), undefined);
    assert.deepEqual(fs.reads, ['memfs:/ws/sub/b.budget'], 'nothing outside the folder was even asked for');
  });

  it('reads nothing over the size cap', async () => {
    const ws = new Workspace(memoryFileSystem({ 'memfs:/ws/big.budget': new Uint8Array(MAX_FILE_BYTES + 1) }));
    ws.setFolders(['memfs:/ws']);
    assert.equal(await ws.readText('memfs:/ws/big.budget'), undefined);
  });

  it('decodes a GB18030 file as every file the product reads', async () => {
    const gbk = new Uint8Array([0xb2, 0xbf, 0xc3, 0xc5]); // 部门
    const ws = new Workspace(memoryFileSystem({ 'memfs:/ws/gbk.budget': gbk }));
    ws.setFolders(['memfs:/ws']);
    assert.equal(await ws.readText('memfs:/ws/gbk.budget'), '部门');
  });

  it('the walk lists the .budget files, without hidden folders, node_modules and what files.exclude hides', async () => {
    const ws = new Workspace(memoryFileSystem(files));
    ws.setFolders(['memfs:/ws', 'memfs:/ws']);
    assert.deepEqual(ws.folders, ['memfs:/ws'], 'a folder given twice is one folder');
    const all = await ws.find('.budget');
    assert.deepEqual(all.sort(), ['memfs:/ws/a.budget', 'memfs:/ws/build/e.budget', 'memfs:/ws/keep/build/f.budget', 'memfs:/ws/sub/b.budget']);
    const exclude = excludeMatcher({ build: true, '**/sub': true, 'keep/**': false, '**/*.txt': { when: '$(basename).md' } });
    assert.deepEqual((await ws.find('.budget', () => exclude)).sort(), ['memfs:/ws/a.budget', 'memfs:/ws/keep/build/f.budget']);
  });

  it('the walk stops at MAX_FILES', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < MAX_FILES + 10; i++) many[`memfs:/ws/d${i % 7}/f${i}.budget`] = '';
    const ws = new Workspace(memoryFileSystem(many));
    ws.setFolders(['memfs:/ws']);
    assert.equal((await ws.find('.budget')).length, MAX_FILES);
  });

  it('knows the folder of a file (the innermost of nested folders)', () => {
    const ws = new Workspace(memoryFileSystem({}));
    ws.setFolders(['memfs:/ws', 'memfs:/ws/inner']);
    assert.equal(ws.folderOf('memfs:/ws/inner/a.budget'), 'memfs:/ws/inner');
    assert.equal(ws.folderOf('memfs:/ws/a.budget'), 'memfs:/ws');
    assert.equal(ws.folderOf('memfs:/other/a.budget'), undefined);
  });
});

describe('workspace: the Node file system', () => {
  let root: string;
  before(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'budget-nodefs-')));
    mkdirSync(join(root, 'ws', 'sub'), { recursive: true });
    writeFileSync(join(root, 'ws', 'a.budget'), '# a');
    writeFileSync(join(root, 'outside.budget'), '# outside');
    symlinkSync(join(root, 'outside.budget'), join(root, 'ws', 'link.budget'));
    symlinkSync(join(root), join(root, 'ws', 'loop'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));
  const uri = (...p: string[]) => pathToFileURL(join(root, ...p)).href;

  it('lists files and folders but no links', async () => {
    const names = (await nodeFileSystem.readDirectory(uri('ws'))).map((e) => `${e.name}:${e.kind}`).sort();
    assert.deepEqual(names, ['a.budget:file', 'sub:directory']);
  });

  it('reads a regular file; not a link, not over the cap, nothing for a non-file: URI', async () => {
    assert.equal(new TextDecoder().decode(await nodeFileSystem.readFile(uri('ws', 'a.budget'), 100)), '# a');
    assert.equal(await nodeFileSystem.readFile(uri('ws', 'link.budget'), 100), undefined);
    assert.equal(await nodeFileSystem.readFile(uri('ws', 'a.budget'), 2), undefined);
    assert.equal(await nodeFileSystem.readFile(uri('ws', 'missing.budget'), 100), undefined);
    assert.equal(await nodeFileSystem.readFile('vscode-vfs://github/o/r/a.budget', 100), undefined);
  });
});

describe('base64 without Buffer', () => {
  it('round-trips any bytes, as Buffer spells them', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 0x8000 * 2 + 7]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 131 + 7) & 0xff);
      const text = toBase64(bytes);
      assert.equal(text, Buffer.from(bytes).toString('base64'));
      assert.deepEqual(fromBase64(text), bytes);
    }
  });
});
