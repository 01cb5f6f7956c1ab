/**
 * The preview's HTML, from the server's view model. Pure (a string out, no DOM, no vscode), so it runs in the webview
 * and in tests. Every text comes from the document and is untrusted: it is escaped, in text and in attributes alike;
 * class names come from fixed tables, never from the model; no style attributes (the CSP forbids them) and no inline
 * handlers (the webview script listens on the document for clicks on `data-id`).
 */
import type {
  HeaderCell, Located, NumberCell, PreviewCell, PreviewField, PreviewModel, PreviewPart, PreviewRow, PreviewRules,
  PreviewSection, PreviewText, Segment, Status, TableBlock, TableSection,
} from '../../../server/src/preview/model';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, escaped for HTML. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const STATUS_CLASS: Record<Status, string> = { error: 'st-error', warning: 'st-warning', tail: 'st-tail', info: 'st-info' };
const ROLE_CLASS: Record<string, string> = { figure: 'role-figure', code: 'role-code', label: 'role-label', line: 'role-line', extra: 'role-extra' };
const KIND_CLASS: Record<string, string> = {
  figure: 'kind-figure', empty: 'kind-empty', dash: 'kind-dash', text: 'kind-text', broken: 'kind-broken', missing: 'kind-missing',
};
const LEVEL_CLASS = ['lvl-0', 'lvl-1', 'lvl-2'];

/** `class`, `data-id` and `title` (the findings' messages) of something located; extra classes first. */
function attrs(loc: Partial<Located> | undefined, ...classes: (string | undefined | false)[]): string {
  const cls = [...classes, loc?.status ? STATUS_CLASS[loc.status] : undefined].filter((c): c is string => !!c);
  let out = cls.length ? ` class="${escapeHtml(cls.join(' '))}"` : '';
  if (loc?.id) out += ` data-id="${escapeHtml(loc.id)}"`;
  if (loc?.messages?.length) out += ` title="${escapeHtml(loc.messages.join('\n'))}"`;
  return out;
}

const span = (n: unknown) => (Number.isInteger(n) && (n as number) > 1 && (n as number) < 1000 ? (n as number) : 1);

function segments(segs: Segment[]): string {
  return segs.map((s) => (s.id || s.status ? `<span${attrs(s, 'seg')}>${escapeHtml(s.text)}</span>` : escapeHtml(s.text))).join('');
}

function textLine(line: PreviewText, cls: string): string {
  return `<p${attrs(line, cls)}>${segments(line.segments)}</p>`;
}

function field(f: PreviewField): string {
  return `<div${attrs(f, 'field')}><dt>${escapeHtml(f.key)}</dt><dd>${escapeHtml(f.value)}</dd></div>`;
}

function fields(list: PreviewField[]): string {
  return list.length ? `<dl class="fields">${list.map(field).join('')}</dl>` : '';
}

function headerCell(c: HeaderCell): string {
  const colspan = span(c.colspan) > 1 ? ` colspan="${span(c.colspan)}"` : '';
  const rowspan = span(c.rowspan) > 1 ? ` rowspan="${span(c.rowspan)}"` : '';
  return `<th${colspan}${rowspan}${attrs(c, c.group ? 'group' : 'col', c.role && ROLE_CLASS[c.role])}>${escapeHtml(c.text)}</th>`;
}

function numberCell(n: NumberCell): string {
  return `<th${attrs(n, 'number')}>${escapeHtml(n.text)}</th>`;
}

const RIGHT = new Set(['figure', 'dash', 'broken', 'empty', 'missing']);

function cell(c: PreviewCell): string {
  const right = c.role === 'figure' && RIGHT.has(c.kind);
  const level = c.level !== undefined ? LEVEL_CLASS[c.level] : undefined;
  return `<td${attrs(c, ROLE_CLASS[c.role], KIND_CLASS[c.kind], right && 'num', level)}>${escapeHtml(c.text)}</td>`;
}

function row(r: PreviewRow): string {
  const level = r.level !== undefined ? LEVEL_CLASS[r.level] : undefined;
  return `<tr${attrs(r, 'row', r.total && 'total', level)}>${r.cells.map(cell).join('')}</tr>`;
}

function part(p: PreviewPart): string {
  const caption = p.name ? `<figcaption${attrs({ id: p.id }, 'part-name')}>${escapeHtml(p.name)}</figcaption>` : '';
  const head = [
    ...p.header.map((cells) => `<tr>${cells.map(headerCell).join('')}</tr>`),
    ...(p.numbers ? [`<tr class="numbers">${p.numbers.map(numberCell).join('')}</tr>`] : []),
  ].join('');
  return `<figure${attrs(p, 'part')}>${caption}${fields(p.fields)}<table>${head ? `<thead>${head}</thead>` : ''}<tbody>${p.rows.map(row).join('')}</tbody></table></figure>`;
}

function rules(line: PreviewRules, m: PreviewModel): string {
  const list = line.rules.map((r) => `<span${attrs(r, 'rule')}>${escapeHtml(r.text)}</span>`).join(`<span class="sep">${escapeHtml(m.strings.ruleSeparator)}</span>`);
  return `<p${attrs(line, 'rules')}><span class="kw">${escapeHtml(m.strings.rules)}</span>${list}</p>`;
}

function block(b: TableBlock, m: PreviewModel): string {
  switch (b.kind) {
    case 'fields': return fields(b.fields);
    case 'parts': return `<div class="parts ${b.layout === 'side-by-side' ? 'side-by-side' : 'stacked'}">${b.parts.map(part).join('')}</div>`;
    case 'note': return textLine(b.line, 'note');
    case 'text': return textLine(b.line, 'text');
    case 'rules': return rules(b.line, m);
  }
}

function table(t: TableSection, m: PreviewModel): string {
  const number = t.number ? `<span class="number">${escapeHtml(t.number)}</span> ` : '';
  const unit = t.unit ? `<div${attrs(t.unit, 'unit')}>${escapeHtml(t.unit.text)}</div>` : '';
  return `<section class="${t.kind === 'form' ? 'form' : 'table'}"><h2${attrs(t, 'heading')}>${number}<span class="title">${escapeHtml(t.title)}</span></h2>${unit}${t.blocks.map((b) => block(b, m)).join('')}</section>`;
}

const isTable = (s: PreviewSection): s is TableSection => s.kind === 'table' || s.kind === 'form';

function section(s: PreviewSection, m: PreviewModel): string {
  if (isTable(s)) return table(s, m);
  const heading = s.heading ? `<h2${attrs(s, 'heading')}>${escapeHtml(s.heading)}</h2>` : '';
  const items = s.items.map((it) => {
    if (it.kind === 'heading') return `<h3${attrs(it, 'heading')}>${escapeHtml(it.text)}</h3>`;
    if (it.kind === 'entry') return `<dl${attrs(it, 'entry')}><dt>${escapeHtml(it.term)}</dt><dd>${escapeHtml(it.definition)}</dd></dl>`;
    return textLine(it, 'line');
  }).join('');
  return `<section class="${s.kind === 'glossary' ? 'glossary' : 'narrative'}">${heading}${items}</section>`;
}

function summary(m: PreviewModel): string {
  const c = m.counts;
  const items: string[] = [];
  const nav = (status: Status, n: number, text: string) => {
    if (n > 0) items.push(`<button type="button" class="count ${STATUS_CLASS[status]}" data-nav="${status}" title="${escapeHtml(m.strings.next)}">${escapeHtml(text)}</button>`);
  };
  nav('error', c.errors, m.strings.errors);
  nav('warning', c.warnings, m.strings.warnings);
  nav('tail', c.tails, m.strings.tails);
  nav('info', c.information, m.strings.information);
  if (!items.length) items.push(`<span class="count clean">${escapeHtml(m.strings.clean)}</span>`);
  const other = m.other.length
    ? `<div class="other"><h3>${escapeHtml(m.strings.other)}</h3><ul>${m.other.map((o) => `<li${attrs(o, 'finding')}>${escapeHtml(o.text)}</li>`).join('')}</ul></div>`
    : '';
  return `<nav class="summary">${items.join('')}</nav>${other}`;
}

/** The preview's body: the document's title and header, the summary of findings, then every section. */
export function renderPreview(m: PreviewModel): string {
  const title = m.title ? `<h1${attrs(m.title, 'title')}>${escapeHtml(m.title.text)}</h1>` : '';
  const header = m.header.length ? fields(m.header) : '';
  const tables = m.sections.some(isTable);
  const empty = tables ? '' : `<p class="empty">${escapeHtml(m.strings.empty)}</p>`;
  return `<header class="doc">${title}${header}${summary(m)}<p class="hint">${escapeHtml(m.strings.hint)}</p></header>`
    + `<div class="sections">${empty}${m.sections.map((s) => section(s, m)).join('')}</div>`;
}
