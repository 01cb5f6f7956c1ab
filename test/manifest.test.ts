/**
 * The extension's manifest (package.json) as the Marketplace and VS Code read it: every localised string in both
 * languages, the files it names exist (icon, entry points, walkthrough media in each language), the commands its
 * menus and walkthrough run are contributed, Restricted Mode and virtual workspaces are declared, and the .vsix
 * allow-list ships what the manifest names and no CLI bundle. (`npm test` builds dist/ first.)
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/lsp';

type Json = Record<string, unknown>;
const read = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Json;
const pkg = read('package.json') as Json & { contributes: Json & { commands: { command: string }[] } };
const NLS = { zh: read('package.nls.json') as Record<string, string>, en: read('package.nls.en.json') as Record<string, string> };

/** Every string value of the manifest, with where it is. */
function strings(v: unknown, at = ''): { at: string; value: string }[] {
  if (typeof v === 'string') return [{ at, value: v }];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${at}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, at ? `${at}.${k}` : k));
  return [];
}

/** The manifest as VS Code shows it in a language: every `%key%` replaced. */
const localised = (lang: 'zh' | 'en', value: string) => value.replace(/^%(.+)%$/, (_, k: string) => NLS[lang][k] ?? `<missing ${k}>`);

describe('the extension manifest', () => {
  it('has every %key% in both package.nls.json (Chinese) and package.nls.en.json (English), and nothing else', () => {
    const keys = strings(pkg).map((s) => /^%(.+)%$/.exec(s.value)?.[1]).filter((k): k is string => !!k);
    for (const k of keys) {
      assert.ok(NLS.zh[k], `package.nls.json lacks ${k}`);
      assert.ok(NLS.en[k], `package.nls.en.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(NLS.en).sort(), Object.keys(NLS.zh).sort(), 'the two nls files have the same keys');
    const unused = Object.keys(NLS.zh).filter((k) => !keys.includes(k));
    assert.deepEqual(unused, [], 'nls keys the manifest does not use');
    // English around the domain's own words (类, 尾差, 公开01表 …): every English string has English words in it
    for (const [k, v] of Object.entries(NLS.en)) if (!/path|media/.test(k)) assert.match(v, /[A-Za-z]{3,}/, `${k} is not English: ${v}`);
  });

  it('names the Marketplace page’s icon (128×128 PNG), repository, keywords, change log', () => {
    assert.equal(pkg.icon, 'media/icon.png');
    const png = readFileSync(join(ROOT, 'media', 'icon.png'));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match((pkg.repository as { url: string }).url, /^https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
    assert.ok((pkg.keywords as string[]).length >= 5 && (pkg.keywords as string[]).includes('预算'));
    assert.match(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), /^# Change log/);
  });

  it('has a desktop and a web entry point, both built', () => {
    for (const entry of [pkg.main, pkg.browser] as string[]) assert.ok(existsSync(join(ROOT, entry)), `${entry} is not built`);
    assert.equal(pkg.browser, './dist/web/client.js');
  });

  it('declares limited support in Restricted Mode (its description says what is limited) and virtual workspaces', () => {
    const caps = pkg.capabilities as { untrustedWorkspaces: { supported: string; description: string; restrictedConfigurations: string[] }; virtualWorkspaces: boolean };
    assert.equal(caps.untrustedWorkspaces.supported, 'limited');
    const settings = (pkg.contributes.configuration as { properties: Json }).properties;
    for (const s of caps.untrustedWorkspaces.restrictedConfigurations) assert.ok(settings[s], `${s} is no setting`);
    assert.match(localised('zh', caps.untrustedWorkspaces.description), /科目目录/);
    assert.match(localised('en', caps.untrustedWorkspaces.description), /catalog files/);
    assert.equal(caps.virtualWorkspaces, true);
  });

  it('contributes the restart command and the trace setting the language client reads', () => {
    assert.ok(pkg.contributes.commands.some((c) => c.command === 'budgetTables.restartServer'));
    const trace = (pkg.contributes.configuration as { properties: Record<string, { enum?: string[]; default?: string }> }).properties['budgetTables.trace.server'];
    assert.deepEqual(trace.enum, ['off', 'messages', 'verbose']);
    assert.equal(trace.default, 'off');
  });

  it('runs only contributed commands (or VS Code’s own) from its menus and walkthrough', () => {
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    // Commands a walkthrough may name ahead of their contribution (none now; budgetTables.importDocument has landed).
    // This list must shrink, never grow:
    const pending = new Set<string>();
    const used = new Set<string>();
    for (const s of strings(pkg.contributes.menus)) if (s.at.endsWith('.command')) used.add(s.value);
    for (const lang of ['zh', 'en'] as const) {
      for (const s of strings(pkg.contributes.walkthroughs)) for (const m of localised(lang, s.value).matchAll(/\(command:([\w.]+)\)/g)) used.add(m[1]);
    }
    for (const s of strings(pkg.contributes.walkthroughs)) if (s.at.endsWith('completionEvents') || /completionEvents\[\d+\]$/.test(s.at)) {
      const c = /^onCommand:(.+)$/.exec(s.value)?.[1];
      if (c) used.add(c);
    }
    for (const c of used) {
      if (c.startsWith('workbench.')) continue;
      if (pending.has(c)) {
        assert.ok(!contributed.has(c), `${c} is contributed now: take it out of the pending list`);
        continue;
      }
      assert.ok(contributed.has(c), `${c} is run but not contributed`);
    }
    assert.ok(used.has('budgetTables.openSample') && used.has('budgetTables.exportTable') && used.has('budgetTables.newFile'));
  });

  it('has a walkthrough whose media exist in each language', () => {
    const steps = (pkg.contributes.walkthroughs as { steps: { id: string; media: { image?: string; markdown?: string; altText?: string } }[] }[])[0].steps;
    assert.deepEqual(steps.map((s) => s.id), ['openSample', 'squiggle', 'importPdf', 'exportExcel']);
    for (const lang of ['zh', 'en'] as const) for (const s of steps) {
      const file = localised(lang, s.media.image ?? s.media.markdown ?? '');
      assert.ok(existsSync(join(ROOT, file)), `${lang}: ${s.id}: ${file} is missing`);
      if (s.media.image) assert.ok(localised(lang, s.media.altText ?? ''), `${s.id} has no alt text`);
    }
  });

  it('ships (.vscodeignore) what the manifest names and no CLI bundle', () => {
    const allowed = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    const shipped = (f: string) => allowed.some((a) => a === f || (a.endsWith('/**') && f.startsWith(a.slice(0, -2))));
    const named = [pkg.main, pkg.browser, pkg.icon, 'dist/server.js', 'dist/web/server.js', 'dist/exceljs.js', 'dist/preview.js', 'dist/preview.css',
      'samples/sample.budget', 'language-configuration.json', 'CHANGELOG.md', 'README.md', 'LICENSE']
      .map((f) => (f as string).replace(/^\.\//, ''));
    for (const lang of ['zh', 'en'] as const) named.push(localised(lang, '%snippets.path%').replace(/^\.\//, ''));
    for (const s of strings(pkg.contributes)) if (/(grammars|jsonValidation)\[\d+\]\.(path|url)$|media\.(image|markdown)$/.test(s.at)) {
      for (const lang of ['zh', 'en'] as const) named.push(localised(lang, s.value).replace(/^\.\//, ''));
    }
    for (const f of named) assert.ok(shipped(f), `${f} is not in the .vsix allow-list`);
    for (const f of ['dist/cli.js', 'dist/cli-worker.js', 'dist/server.js.map']) assert.ok(!shipped(f), `${f} is shipped`);
  });
});
