/** The one decoder (server/src/util/decode.ts) for every file the product reads. */
import { strict as assert } from 'node:assert';
import { decode, decodeText } from '../server/src/util/decode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gb18030 } from './support/gb18030';
import { ROOT } from './support/lsp';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decode', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    assert.deepEqual(decode(utf8('编码,名称\n201,一般公共服务支出\n')), { ok: true, text: '编码,名称\n201,一般公共服务支出\n', encoding: 'utf-8' });
    const bom = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('合计')]));
    assert.deepEqual(bom, { ok: true, text: '合计', encoding: 'utf-8-bom' });
    assert.equal(decodeText(utf8('')), '');
  });

  it('reads GB18030 (as Chinese Excel saves CSV), and UTF-16 with its mark', () => {
    const text = '编码,名称,说明\n2040601,行政运行,反映司法行政单位的基本支出\n';
    assert.deepEqual(decode(gb18030(text)), { ok: true, text, encoding: 'gb18030' });
    // The names of a whole catalog: GB18030 whatever part of it happens to form valid UTF-8.
    const names = readFileSync(join(ROOT, 'data', 'catalog', 'functional-partial.csv'), 'utf8').split('\n').map((l) => l.split(',')[1] ?? '').join('\n');
    const d = decode(gb18030(names));
    assert.ok(d.ok && d.encoding === 'gb18030' && d.text === names);
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('合计\t1.00', 'utf16le'))]);
    assert.deepEqual(decode(le), { ok: true, text: '合计\t1.00', encoding: 'utf-16le' });
  });

  it('refuses damaged UTF-8 and says where (it is not GB18030: that would garble every character)', () => {
    const bytes = new Uint8Array([...utf8('# 标题\n合计 | 1'), 0xff, ...utf8('.00\n')]);
    const d = decode(bytes);
    assert.equal(d.ok, false);
    if (!d.ok) assert.deepEqual(d.at, { offset: utf8('# 标题\n合计 | 1').length, line: 2, column: 7 });
    // A stray Latin-1 byte pair is valid GB18030, but the file is UTF-8 around it.
    const latin = new Uint8Array([...utf8('一般公共服务支出 caf'), 0xe9, 0x61, ...utf8(' 事业运行')]);
    assert.equal(decode(latin).ok, false);
    assert.match(decodeText(latin), /^一般公共服务支出 caf\ufffda 事业运行$/);
  });

  it('refuses bytes that are neither (and overlong or surrogate UTF-8 forms)', () => {
    assert.equal(decode(new Uint8Array([0x41, 0xff, 0xff, 0x42])).ok, false);
    const line = utf8('2010301 | 行政运行 | 一般公共服务支出 | ');
    assert.equal(decode(new Uint8Array([...line, 0xc0, 0xaf])).ok, false, 'overlong /');
    assert.equal(decode(new Uint8Array([...line, 0xed, 0xa0, 0x80])).ok, false, 'a surrogate');
    assert.equal(decode(new Uint8Array([...line, 0xe5, 0x90])).ok, false, 'cut short at the end');
  });
});
