/**
 * The newsletter's HTML before its CSS is inlined: a fluid-hybrid table
 * layout (tables, because Outlook for Windows lays out mail with Word and
 * ignores most CSS on `<div>`), one stylesheet that juice moves onto the
 * elements, a hidden preheader, and only absolute links.
 *
 * Fluid-hybrid: the container table is `width:100%` with `max-width:600px`,
 * so it is 600 px on a desktop and the screen's width on a phone, without a
 * media query (many mail apps drop `<style>`; juice removes it entirely).
 * Outlook for Windows ignores max-width, so a conditional comment only it
 * reads wraps the container in a fixed 600 px table. The breakdown tables are
 * wider than a phone: each sits in its own `overflow-x:auto` box and scrolls
 * there, never the message. test/browser.test.ts measures both widths.
 */
import { escapeHtml } from '../../render/escape.js';
import { markdownToHtml, titleHtml } from '../../render/html.js';
import { STAMP_PLACEHOLDER } from '../../output/stamp.js';
import { defangMarkers, noBraces, type MailContent, type MailTable } from './content.js';

const CSS = `body{margin:0;padding:0;background-color:#f1f1ec}
.preheader{display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all}
.wrapper{width:100%;background-color:#f1f1ec}
.outer{padding:24px 0 32px 0}
.container{width:100%;max-width:600px;table-layout:fixed;background-color:#ffffff}
.masthead{padding:18px 24px 14px 24px;border-bottom:3px solid #1d1d1b;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.3;font-weight:700;letter-spacing:2px;text-transform:uppercase;color:#1d1d1b}
.header{padding:24px 24px 4px 24px;overflow-wrap:break-word;word-wrap:break-word}
.hero{padding:0 24px 16px 24px}
.hero img{display:block;width:100%;max-width:552px;height:auto;border:0}
.content{padding:0 24px 8px 24px;font-family:Georgia,'Times New Roman',serif;font-size:17px;line-height:1.6;color:#1d1d1b;overflow-wrap:break-word;word-wrap:break-word}
.footer{padding:16px 24px 28px 24px;border-top:1px solid #e3e3dc;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.5;color:#5f5f5a;overflow-wrap:break-word;word-wrap:break-word}
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
.scroll{width:100%;overflow-x:auto;margin:0 0 16px 0}
.breakdown{width:100%;margin:0;border-collapse:collapse;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.4}
.breakdown th{padding:6px;border-bottom:2px solid #d8d8d2;text-align:left;font-weight:700;vertical-align:bottom}
.breakdown td,.breakdown .row{padding:6px;border-bottom:1px solid #e6e6e0;text-align:left;font-weight:400;vertical-align:top}
.breakdown .num{text-align:right;white-space:nowrap}
.breakdown .head-num{text-align:right}
.breakdown .all td,.breakdown .all .row{font-weight:700;border-bottom:0}
.footer p{margin:0 0 10px 0}
.footer a{color:#5f5f5a}
.footer .unsubscribe{margin:0}`;

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
    // Below the tables it draws from; width for Outlook, the CSS lets it shrink on a phone.
    c.chart ? `<p class="chart"><img src="${escapeHtml(c.chart.url)}" alt="${e(c.chart.alt)}" width="552"></p>` : '',
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
    '<td class="outer" align="center">',
    // Outlook for Windows ignores max-width: only it reads this fixed-width table.
    '<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->',
    layoutTable('container', '100%', ' align="center"'),
    ...(c.publication ? ['<tr>', `<td class="masthead">${e(c.publication)}</td>`, '</tr>'] : []),
    '<tr>',
    '<td class="header">',
    `<h1>${e(c.headline)}</h1>`,
    `<p class="meta">${meta}</p>`,
    '</td>',
    '</tr>',
    ...(c.image ? ['<tr>', `<td class="hero">${heroImage(c.image, c.canonicalUrl)}</td>`, '</tr>'] : []),
    '<tr>',
    '<td class="content">',
    ...content,
    '</td>',
    '</tr>',
    '<tr>',
    '<td class="footer">',
    ...(c.disclaimer ? [`<p>${e(c.disclaimer)}</p>`] : []),
    `<p>${source}</p>`,
    ...(c.address ? [`<p>${e(c.address)}</p>`] : []),
    ...(c.unsubscribeUrl ? [`<p class="unsubscribe"><a href="${href(c.unsubscribeUrl)}">Unsubscribe</a></p>`] : []),
    '</td>',
    '</tr>',
    END_TABLE,
    '<!--[if mso]></td></tr></table><![endif]-->',
    '</td>',
    '</tr>',
    END_TABLE,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const layoutTable = (cls: string, width: string, extra = ''): string =>
  `<table role="presentation" class="${cls}" width="${width}"${extra} cellpadding="0" cellspacing="0" border="0">\n<tbody>`;

/**
 * The social card at the column's width (552 px: 600 less the padding; the
 * attribute is for Outlook, the CSS lets it shrink on a phone), linked to the
 * article on the web when it has an address.
 */
function heroImage(img: NonNullable<MailContent['image']>, link: string | null): string {
  const w = 552;
  const h = Math.round((w * img.height) / img.width);
  const tag = `<img src="${escapeHtml(img.url)}" alt="${e(img.alt)}" width="${w}" height="${h}">`;
  return link ? `<a href="${escapeHtml(noBraces(link))}">${tag}</a>` : tag;
}
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
    // Its own scroll box: six columns of figures are wider than a phone, and only the table may scroll.
    '<div class="scroll">',
    '<table class="breakdown" width="100%" cellpadding="0" cellspacing="0" border="0">',
    // Headers may wrap ("Price change" over two lines), so the figures' columns fit 600 px.
    `<thead><tr>${t.columns.map((c) => `<th scope="col" class="${c.numeric ? 'head-num' : 'head'}">${e(c.header)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...t.rows.map(row),
    '</tbody>',
    '</table>',
    '</div>',
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
