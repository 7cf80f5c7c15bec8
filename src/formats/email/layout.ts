/**
 * The newsletter's HTML before its CSS is inlined: a 600 px table layout
 * (tables, because Outlook for Windows lays out mail with Word and ignores
 * most CSS on `<div>`), one stylesheet that juice moves onto the elements,
 * a hidden preheader, and only absolute links.
 *
 * The container is 600 px (attribute and CSS, for Outlook) with
 * `max-width:100%`, so it narrows on a phone without a media query; with no
 * media query to keep, juice removes the `<style>` element entirely.
 */
import { escapeHtml } from '../../render/escape.js';
import { markdownToHtml, titleHtml } from '../../render/html.js';
import { STAMP_PLACEHOLDER } from '../../output/stamp.js';
import { defangMarkers, noBraces, type MailContent, type MailTable } from './content.js';

const CSS = `body{margin:0;padding:0;background-color:#f1f1ec}
.preheader{display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all}
.wrapper{width:100%;background-color:#f1f1ec}
.container{width:600px;max-width:100%;background-color:#ffffff}
.header{padding:28px 28px 4px 28px}
.content{padding:0 28px 8px 28px;font-family:Georgia,'Times New Roman',serif;font-size:17px;line-height:1.6;color:#1d1d1b}
.footer{padding:16px 28px 28px 28px;border-top:1px solid #e3e3dc;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.5;color:#5f5f5a}
h1{margin:0 0 8px 0;font-family:Arial,Helvetica,sans-serif;font-size:26px;line-height:1.25;font-weight:700;color:#1d1d1b}
h2{margin:28px 0 10px 0;font-family:Arial,Helvetica,sans-serif;font-size:20px;line-height:1.3;font-weight:700;color:#1d1d1b}
h3{margin:22px 0 8px 0;font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.35;font-weight:700;color:#1d1d1b}
p{margin:0 0 16px 0}
ul,ol{margin:0 0 16px 0;padding:0 0 0 24px}
li{margin:0 0 6px 0}
a{color:#0b5cad;text-decoration:underline}
blockquote{margin:0 0 16px 0;padding:0 0 0 14px;border-left:3px solid #cccccc;color:#444444}
.meta{margin:0 0 12px 0;font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#5f5f5a}
.tldr{width:100%;margin:12px 0 8px 0;background-color:#f3f6fa;border-left:4px solid #0b5cad}
.tldr-cell{padding:4px 18px 2px 18px}
.tldr h2{margin:12px 0 8px 0;font-size:16px;letter-spacing:1px}
.note{font-size:14px;color:#5f5f5a}
.breakdown{width:100%;margin:0 0 16px 0;border-collapse:collapse;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4}
.breakdown th{padding:6px 8px;border-bottom:2px solid #d8d8d2;text-align:left;font-weight:700}
.breakdown td,.breakdown .row{padding:6px 8px;border-bottom:1px solid #e6e6e0;text-align:left;font-weight:400}
.breakdown .num{text-align:right;white-space:nowrap}
.breakdown .all td,.breakdown .all .row{font-weight:700;border-bottom:0}
.footer p{margin:0 0 10px 0}
.footer a{color:#5f5f5a}`;

/** Zero-width non-joiners and no-break spaces after the preheader keep the body's first words out of the inbox preview. */
const PREHEADER_FILL = '&#8204;&#160;'.repeat(60);

/** As on the page (render/html.ts): a script scheme in snapshot text keeps its colon as a reference. */
const SCRIPT_SCHEME = /\b(javascript|vbscript|data)(\s*):/gi;

/** Text we place ourselves (already defanged in content.ts), escaped for HTML. */
const e = (s: string): string => escapeHtml(s).replace(SCRIPT_SCHEME, '$1$2&#58;');

/** The whole email, with a `<style>` element still to be inlined. */
export function emailLayout(c: MailContent): string {
  const href = (url: string): string => escapeHtml(noBraces(url));
  const meta = `${e(c.dateText)}${c.canonicalUrl ? ` · <a href="${href(c.canonicalUrl)}">Read it on the web</a>` : ''}`;
  const source = `Source: ${e(c.credit)}${c.sourceUrl ? ` (<a href="${href(c.sourceUrl)}">${e(c.sourceUrl)}</a>)` : ''}`;
  const content = [
    mailBodyHtml(c.body.lead),
    c.tldr ? tldrBox(['<ul>', ...c.tldr.map((l) => `<li>${e(l)}</li>`), '</ul>'].join('\n')) : '',
    c.body.tldr ? tldrBox(mailBodyHtml(c.body.tldr)) : '',
    ...c.tables.map((t, i) => tableHtml(t, i === 0 ? 'h2' : 'h3')),
    mailBodyHtml(c.body.rest),
  ].filter(Boolean);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="x-apple-disable-message-reformatting">',
    '<meta name="color-scheme" content="light">',
    `<title>${titleHtml(c.headline)}</title>`,
    `<meta name="liqnews-content-hash" content="${STAMP_PLACEHOLDER}">`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    `<div class="preheader">${e(c.preheader)}${PREHEADER_FILL}</div>`,
    layoutTable('wrapper', '100%'),
    '<tr>',
    '<td align="center">',
    layoutTable('container', '600'),
    '<tr>',
    '<td class="header">',
    `<h1>${e(c.headline)}</h1>`,
    `<p class="meta">${meta}</p>`,
    '</td>',
    '</tr>',
    '<tr>',
    '<td class="content">',
    ...content,
    '</td>',
    '</tr>',
    '<tr>',
    '<td class="footer">',
    ...(c.disclaimer ? [`<p>${e(c.disclaimer)}</p>`] : []),
    `<p>${source}</p>`,
    '</td>',
    '</tr>',
    END_TABLE,
    '</td>',
    '</tr>',
    END_TABLE,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const layoutTable = (cls: string, width: string): string =>
  `<table role="presentation" class="${cls}" width="${width}" cellpadding="0" cellspacing="0" border="0">\n<tbody>`;
const END_TABLE = '</tbody>\n</table>';

/** The TL;DR in a shaded box: ours or the body's own, which look the same. */
function tldrBox(inner: string): string {
  return [
    layoutTable('tldr', '100%'),
    '<tr>',
    '<td class="tldr-cell">',
    '<h2>TL;DR</h2>',
    inner,
    '</td>',
    '</tr>',
    END_TABLE,
  ].join('\n');
}

/** A table of the facts (the page's rows): column headers and each row's label as headers, figures right-aligned, notes under it. */
function tableHtml(t: MailTable, heading: 'h2' | 'h3'): string {
  const cls = (i: number): string => (t.columns[i]!.numeric ? 'num' : 'row');
  const row = (r: MailTable['rows'][number]): string =>
    `<tr${r.kind === 'total' ? ' class="all"' : ''}>${r.cells.map((c, i) => (i === 0 ? `<th scope="row" class="row">${e(c)}</th>` : `<td class="${cls(i)}">${e(c)}</td>`)).join('')}</tr>`;
  return [
    `<${heading}>${e(t.title)}</${heading}>`,
    '<table class="breakdown" width="100%" cellpadding="0" cellspacing="0" border="0">',
    `<thead><tr>${t.columns.map((c, i) => `<th scope="col" class="${cls(i)}">${e(c.header)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...t.rows.map(row),
    '</tbody>',
    '</table>',
    ...t.notes.map((n) => `<p class="note">${e(n)}</p>`),
  ].join('\n');
}

/**
 * A Markdown part of the body as mail HTML: converted by the page's own
 * converter, then any link that is not absolute http(s) loses its `<a>` (a
 * newsletter has no page to be relative to), and text is defanged as in
 * content.ts, so no mail client links it and no merge-tag engine runs it.
 */
export function mailBodyHtml(md: string): string {
  if (!md.trim()) return '';
  return markdownToHtml(md)
    .trimEnd()
    .replace(/<a href="(?!https?:\/\/)[^"]*">([\s\S]*?)<\/a>/g, '$1')
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part.replace(/ href="[^"]*"/, noBraces) : defangMarkers(part)))
    .join('');
}
