/**
 * The Markdown body as plain text, from marked's tokens (the same parse the
 * page uses): no `**`, no backslash escapes, no entities; a link is
 * `title <url>`; a heading is a line with a rule of `-` under it; a list item
 * hangs under its marker. Text from the snapshot stays text and is defanged
 * (see ../email/content.ts), so no mail client turns it into a link.
 */
import type { Token, Tokens } from 'marked';
import { decodeEntities } from '../../render/html.js';
import { IMAGE_SCHEMES, isAllowedLink } from '../../render/escape.js';
import { defangRun, markdownTokens, noBraces } from '../email/content.js';
import { columns, wrapText, TEXT_WIDTH } from './wrap.js';

/** A heading as plain text: the text, then a rule as long as its longest line. */
export function headingLines(text: string, rule: '=' | '-', width = TEXT_WIDTH): string[] {
  const lines = wrapText(text, width);
  return [...lines, rule.repeat(Math.max(...lines.map(columns)))];
}

/** Blocks of plain text, each a list of lines, for a Markdown text. */
export function markdownToTextBlocks(md: string, width = TEXT_WIDTH): string[][] {
  return blocks(markdownTokens(md), width);
}

function blocks(tokens: Token[], width: number): string[][] {
  const out: string[][] = [];
  for (const t of tokens) {
    const b = block(t, width);
    if (b && b.length > 0) out.push(b);
  }
  return out;
}

function block(t: Token, width: number): string[] | null {
  switch (t.type) {
    case 'space':
    case 'hr':
      return null;
    case 'heading': {
      const h = t as Tokens.Heading;
      const text = inline(h.tokens);
      return h.depth <= 2 ? headingLines(text, h.depth === 1 ? '=' : '-', width) : wrapText(text, width);
    }
    case 'paragraph':
      return wrapText(inline((t as Tokens.Paragraph).tokens), width);
    case 'text': {
      const x = t as Tokens.Text;
      return wrapText(x.tokens ? inline(x.tokens) : plain(x.text), width);
    }
    case 'list':
      return list(t as Tokens.List, width);
    case 'blockquote':
      return blocks((t as Tokens.Blockquote).tokens, width - 4).flatMap((b, i) => [...(i > 0 ? [''] : []), ...b.map((l) => `    ${l}`)]);
    case 'code':
      return (t as Tokens.Code).text.split('\n').map((l) => `    ${l}`.trimEnd());
    case 'table':
      return table(t as Tokens.Table);
    case 'html':
      // The page shows raw HTML from the Markdown as text (render/html.ts); so does plain text.
      return wrapText(plain((t as Tokens.HTML).text), width);
    default:
      return 'raw' in t && typeof t.raw === 'string' ? wrapText(plain(t.raw), width) : null;
  }
}

function list(l: Tokens.List, width: number): string[] {
  const start = typeof l.start === 'number' ? l.start : 1;
  const markers = l.items.map((_, i) => (l.ordered ? `${start + i}. ` : '- '));
  const indent = ' '.repeat(Math.max(...markers.map((m) => m.length)));
  const out: string[] = [];
  l.items.forEach((item, i) => {
    const parts = blocks(item.tokens, width - indent.length);
    if (l.loose && i > 0) out.push('');
    parts.forEach((lines, j) => {
      if (j > 0) out.push(...(l.loose ? [''] : []));
      lines.forEach((line, k) => out.push(((j === 0 && k === 0 ? markers[i]!.padEnd(indent.length) : indent) + line).trimEnd()));
    });
  });
  return out;
}

/** A GFM table as aligned columns: figures (and right-aligned columns) to the right. */
function table(t: Tokens.Table): string[] {
  const rows = [t.header.map((c) => inline(c.tokens)), ...t.rows.map((r) => r.map((c) => inline(c.tokens)))];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => columns(r[i] ?? ''))));
  const right = widths.map((_, i) => t.align[i] === 'right' || t.rows.every((r) => /^[$\d]/.test(inline(r[i]?.tokens ?? []))));
  return rows.map((r) => alignRow(r, widths, right));
}

/** Cells padded to their column's width, two spaces apart, no trailing space. */
export function alignRow(cells: string[], widths: number[], right: boolean[]): string {
  return cells
    .map((c, i) => {
      const pad = ' '.repeat(Math.max(0, widths[i]! - columns(c)));
      return right[i] ? pad + c : c + pad;
    })
    .join('  ')
    .trimEnd();
}

/**
 * Inline tokens as one line of text; `\n` only for a hard break. Adjacent
 * text and escapes are joined before `plain`, so a "{{" written as two
 * escapes is still caught.
 */
function inline(tokens: Token[]): string {
  let out = '';
  let run = '';
  for (const t of tokens) {
    const text = textOf(t);
    if (text !== null) run += text;
    else {
      out += plain(run) + inlineOne(t);
      run = '';
    }
  }
  return out + plain(run);
}

/** The characters of a token that is only text, undecoded; null for any other token. */
function textOf(t: Token): string | null {
  if (t.type === 'text' && !(t as Tokens.Text).tokens) return (t as Tokens.Text).text;
  if (t.type === 'escape') return (t as Tokens.Escape).text;
  if (t.type === 'codespan') return (t as Tokens.Codespan).text;
  // The page shows raw HTML from the Markdown as text (render/html.ts); so does plain text.
  if (t.type === 'html') return (t as Tokens.Tag).text;
  return null;
}

function inlineOne(t: Token): string {
  switch (t.type) {
    case 'text':
      return inline((t as Tokens.Text).tokens ?? []);
    case 'strong':
    case 'em':
    case 'del':
      return inline((t as Tokens.Strong).tokens);
    case 'br':
      return '\n';
    case 'link': {
      const l = t as Tokens.Link;
      const text = inline(l.tokens);
      // An in-page anchor means nothing outside the page: keep the words only.
      // A scheme off the allow-list (see isAllowedLink) is not printed as a target either.
      if (l.href.startsWith('#') || !isAllowedLink(l.href)) return text;
      const href = noBraces(l.href);
      return text && text !== l.href ? `${text} <${href}>` : `<${href}>`;
    }
    case 'image': {
      const img = t as Tokens.Image;
      if (!isAllowedLink(img.href, IMAGE_SCHEMES)) return plain(img.text);
      return `${plain(img.text)} <${noBraces(img.href)}>`;
    }
    default:
      return 'raw' in t && typeof t.raw === 'string' ? plain(t.raw) : '';
  }
}

/**
 * Text as marked leaves it: numeric references already decoded, named ones
 * (`&lt;` from escaping) not. Soft line breaks become spaces.
 */
function plain(s: string): string {
  return defangRun(decodeEntities(s));
}
