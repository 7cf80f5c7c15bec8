/**
 * Text widths from the shipped font's own advance widths (opentype.js
 * `charToGlyph`), so the card's headline wraps and shrinks the same way on
 * every machine. The sum of advances ignores kerning, which only ever
 * narrows a line: a line measured to fit does fit once the rasteriser
 * shapes it.
 *
 * opentype.js is loaded and the fonts parsed on the first measure only, so
 * a render without a card never pays for them.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Font } from 'opentype.js';
import { CARD_FONTS, type CardWeight } from './font.js';

const fonts = new Map<CardWeight, Font>();
/** Advance width in font units per character, per weight: a headline repeats most of its letters. */
const advances = new Map<CardWeight, Map<string, number>>();

function fontOf(weight: CardWeight): Font {
  let font = fonts.get(weight);
  if (font === undefined) {
    const opentype = createRequire(import.meta.url)('opentype.js') as typeof import('opentype.js');
    const bytes = readFileSync(CARD_FONTS[weight]);
    font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    fonts.set(weight, font);
    advances.set(weight, new Map());
  }
  return font;
}

/** Width in pixels of `text` set in the card font at `size` px. */
export function textWidth(text: string, size: number, weight: CardWeight = 'regular'): number {
  const font = fontOf(weight);
  const cache = advances.get(weight)!;
  let units = 0;
  for (const ch of text) {
    let w = cache.get(ch);
    if (w === undefined) {
      // A character the font lacks is drawn as its .notdef box, whose advance charToGlyph returns.
      w = font.charToGlyph(ch).advanceWidth ?? font.unitsPerEm / 2;
      cache.set(ch, w);
    }
    units += w;
  }
  return (units * size) / font.unitsPerEm;
}

/**
 * Words into lines no wider than `width` at `size`, greedily. A single word
 * wider than the line is cut by characters (a long ticker or URL-like name).
 */
export function wrapText(text: string, width: number, size: number, weight: CardWeight = 'regular'): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, size, weight) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (textWidth(line, size, weight) > width) {
      const chars = [...line];
      let n = chars.length - 1;
      while (n > 1 && textWidth(chars.slice(0, n).join(''), size, weight) > width) n--;
      lines.push(chars.slice(0, n).join(''));
      line = chars.slice(n).join('');
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `text` cut at a word (or a character) and ended with "…" so that it fits `width`. */
export function ellipsize(text: string, width: number, size: number, weight: CardWeight = 'regular'): string {
  if (textWidth(text, size, weight) <= width) return text;
  const words = text.split(' ');
  while (words.length > 1) {
    words.pop();
    const cut = `${words.join(' ').replace(/[\s,;:—–-]+$/, '')}…`;
    if (textWidth(cut, size, weight) <= width) return cut;
  }
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size, weight) > width) chars.pop();
  return `${chars.join('')}…`;
}
