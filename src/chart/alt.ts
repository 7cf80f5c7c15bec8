/**
 * The charts' alt text: what a reader who cannot see the image needs, every
 * figure a display string the text already has a claim for (the table's
 * cells, the total), so the claim check reads it with the body (the Markdown
 * image sits in the body) and no figure is stated that the ledger lacks.
 */
import type { ChartData } from './data.js';

/** "Bitcoin (BTC) $428 million longs, $41.3 million shorts". Names pass through `esc` (Markdown escaping in the body). */
function coinPhrase(c: ChartData['coins'][number], esc: (s: string) => string): string {
  const sides = [c.longText && `${c.longText} longs`, c.shortText && `${c.shortText} shorts`].filter((s): s is string => !!s);
  return `${esc(c.coin)} ${sides.join(', ')}`;
}

export function chartAlt(d: ChartData, esc: (s: string) => string = (s) => s): string {
  const parts: string[] = [];
  if (d.coins.length > 0) parts.push(`Long and short liquidations by coin: ${d.coins.map((c) => coinPhrase(c, esc)).join('; ')}.`);
  if (d.windows) parts.push(`Liquidations in this and the earlier ${d.windows.length > 2 ? `${d.windowAdjective} windows` : `${d.windowAdjective} window`} on record, this window's ${d.totalText} highlighted.`);
  return parts.join(' ');
}
