/**
 * `txt`: the newsletter as plain text, the text/plain part of a mail (and
 * the same content as `email`): headline, date, the description (the
 * e-mail's preview line, which can state a figure of its own), TL;DR, the body, the
 * breakdown by asset in aligned columns, disclaimer and source, wrapped at
 * 78 columns. Sent out verbatim, so it carries no stamp (see output/write.ts).
 */
import type { FormatWriter } from './context.js';
import { mailContent, type MailTable } from './email/content.js';
import { NONE } from '../facts/table.js';
import { alignRow, headingLines, markdownToTextBlocks } from './text/plain.js';
import { columns, wrapText, TEXT_WIDTH } from './text/wrap.js';

export const textFormat: FormatWriter = {
  ext: 'txt',
  description: 'the newsletter as plain text, wrapped at 78 columns (the text part of the email)',
  build(ctx) {
    const c = mailContent(ctx);
    const blocks: string[][] = [[...(c.publication ? [c.publication.toUpperCase(), ''] : []), ...headingLines(c.headline, '='), c.dateText], wrapText(c.preheader)];
    blocks.push(...markdownToTextBlocks(c.body.lead));
    if (c.tldr) blocks.push(headingLines('TL;DR', '-'), c.tldr.flatMap((line) => wrapText(line, TEXT_WIDTH, '- ', '  ')));
    if (c.body.tldr) blocks.push(headingLines('TL;DR', '-'), ...markdownToTextBlocks(c.body.tldr));
    c.tables.forEach((t, i) => blocks.push(...tableBlocks(t, i === 0 ? '-' : null)));
    blocks.push(...markdownToTextBlocks(c.body.rest));
    if (c.disclaimer) blocks.push(wrapText(c.disclaimer));
    const footer = [...wrapText(`Source: ${c.credit}${c.sourceUrl ? ` <${c.sourceUrl}>` : ''}`)];
    if (c.canonicalUrl) footer.push(...wrapText(`Read it on the web: <${c.canonicalUrl}>`));
    if (c.address) footer.push(...wrapText(c.address));
    if (c.unsubscribeUrl) footer.push(...wrapText(`Unsubscribe: <${c.unsubscribeUrl}>`));
    blocks.push(footer);
    return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
  },
};

/**
 * A table of the facts (the page's rows) with a rule under the header and the
 * figures right-aligned, then its notes; as one line per row if the columns
 * would not fit in 78. The first table's title is a heading, the venue
 * table's a line of its own.
 */
function tableBlocks(t: MailTable, rule: '-' | null): string[][] {
  const head = [rule ? headingLines(t.title, rule) : wrapText(`${t.title}:`)];
  const notes = t.notes.map((n) => wrapText(n));
  const header = t.columns.map((c) => c.header);
  const all = [header, ...t.rows.map((r) => r.cells)];
  const widths = header.map((_, i) => Math.max(...all.map((r) => columns(r[i] ?? ''))));
  if (widths.reduce((a, w) => a + w, 0) + 2 * (widths.length - 1) > TEXT_WIDTH) {
    const item = (cells: string[]): string[] =>
      wrapText(`${cells[0]}: ${cells.slice(1).flatMap((c, i) => (c ? [`${header[i + 1]!.toLowerCase()} ${c === NONE ? 'none' : c}`] : [])).join(', ')}`, TEXT_WIDTH, '- ', '  ');
    return [...head, t.rows.flatMap((r) => item(r.cells)), ...notes];
  }
  const right = t.columns.map((c) => c.numeric);
  const line = (cells: string[]): string => alignRow(cells, widths, right);
  return [...head, [line(header), alignRow(widths.map((w) => '-'.repeat(w)), widths, right), ...t.rows.map((r) => line(r.cells))], ...notes];
}
