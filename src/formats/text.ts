/**
 * `txt`: the newsletter as plain text, the text/plain part of a mail (and
 * the same content as `email`): headline, date, the description (the
 * e-mail's preview line, which can state a figure of its own), TL;DR, the body, the
 * breakdown by asset in aligned columns, disclaimer and source, wrapped at
 * 78 columns. Sent out verbatim, so it carries no stamp (see output/write.ts).
 */
import type { FormatWriter } from './context.js';
import { BREAKDOWN_HEADERS, BREAKDOWN_TITLE, LOWER_BOUND_NOTE, mailContent, type Breakdown, type BreakdownRow } from './email/content.js';
import { alignRow, headingLines, markdownToTextBlocks } from './text/plain.js';
import { columns, wrapText, TEXT_WIDTH } from './text/wrap.js';

export const textFormat: FormatWriter = {
  ext: 'txt',
  description: 'the newsletter as plain text, wrapped at 78 columns (the text part of the email)',
  build(ctx) {
    const c = mailContent(ctx);
    const blocks: string[][] = [[...headingLines(c.headline, '='), c.dateText], wrapText(c.preheader)];
    blocks.push(...markdownToTextBlocks(c.body.lead));
    if (c.tldr) blocks.push(headingLines('TL;DR', '-'), c.tldr.flatMap((line) => wrapText(line, TEXT_WIDTH, '- ', '  ')));
    if (c.body.tldr) blocks.push(headingLines('TL;DR', '-'), ...markdownToTextBlocks(c.body.tldr));
    if (c.breakdown) blocks.push(...breakdownBlocks(c.breakdown));
    blocks.push(...markdownToTextBlocks(c.body.rest));
    if (c.disclaimer) blocks.push(wrapText(c.disclaimer));
    const footer = [...wrapText(`Source: ${c.credit}${c.sourceUrl ? ` <${c.sourceUrl}>` : ''}`)];
    if (c.canonicalUrl) footer.push(...wrapText(`Read it on the web: <${c.canonicalUrl}>`));
    blocks.push(footer);
    return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
  },
};

const FIELDS = ['asset', 'total', 'long', 'short', 'share'] as const;

/**
 * The breakdown as a table with a rule under the header and the figures
 * right-aligned; as one line per asset if the columns would not fit.
 */
function breakdownBlocks(b: Breakdown): string[][] {
  const head = [headingLines(BREAKDOWN_TITLE, '-'), ...(b.lowerBound ? [wrapText(LOWER_BOUND_NOTE)] : [])];
  const rows: BreakdownRow[] = [BREAKDOWN_HEADERS, ...b.rows, b.all];
  const widths = FIELDS.map((f) => Math.max(...rows.map((r) => columns(r[f]))));
  if (widths.reduce((a, w) => a + w, 0) + 2 * (FIELDS.length - 1) > TEXT_WIDTH) {
    const item = (r: BreakdownRow): string[] =>
      wrapText(`${r.asset}: total ${r.total}, long ${r.long}, short ${r.short}${r.share ? `, ${r.share} of the total` : ''}`, TEXT_WIDTH, '- ', '  ');
    return [...head, [...b.rows, b.all].flatMap(item)];
  }
  const right = FIELDS.map((f) => f !== 'asset');
  const line = (r: BreakdownRow): string => alignRow(FIELDS.map((f) => r[f]), widths, right);
  return [...head, [line(BREAKDOWN_HEADERS), alignRow(widths.map((w) => '-'.repeat(w)), widths, right), ...b.rows.map(line), line(b.all)]];
}
