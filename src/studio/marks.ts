/**
 * Every figure of the article made visible: each claim's display text, where
 * it stands in the page's text, is wrapped in
 * `<mark tabindex="0" data-claim="N">`, N the claim's index. Only text
 * between tags is searched (never a tag or an attribute), and the display is
 * looked for in its escaped form, as it stands in the HTML. Nothing inside
 * the chart's `<svg>` is marked: its `<text>` holds figures, and an HTML
 * `<mark>` there would not draw (the SVG states its figures in the figure's
 * accessible name; the table and the text carry the marks).
 */
import type { Claim } from '../facts/ledger.js';
import { escapeHtml } from '../render/escape.js';

const reEscape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function markClaims(html: string, claims: readonly Claim[]): string {
  // One index per display (the first claim that shows it); the longest displays first, so "$1.08 billion" wins over "1.08".
  const byDisplay = new Map<string, number>();
  claims.forEach((c, i) => {
    const d = escapeHtml(c.display);
    if (d.trim() !== '' && !byDisplay.has(d)) byDisplay.set(d, i);
  });
  if (byDisplay.size === 0) return html;
  const displays = [...byDisplay.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // Not inside a longer number: no digit or decimal point touching either end.
  const re = new RegExp(`(?<![\\d.,])(?:${displays.map(reEscape).join('|')})(?![\\d]|[.,]\\d)`, 'g');
  let inCode = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        // Nothing is marked inside <script>, <style>, <code>, <pre>, <svg> or a <mark> already there.
        if (/^<(script|style|code|pre|mark|svg)\b/i.test(part) && !part.endsWith('/>')) inCode++;
        else if (/^<\/(script|style|code|pre|mark|svg)>/i.test(part)) inCode = Math.max(0, inCode - 1);
        return part;
      }
      if (inCode > 0 || part === '') return part;
      return part.replace(re, (m) => `<mark tabindex="0" data-claim="${byDisplay.get(m)!}">${m}</mark>`);
    })
    .join('');
}
