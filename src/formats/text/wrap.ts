/**
 * Word wrap for plain text at a column limit. A figure is one word even when
 * it has a space in it ("$1.08 billion"), and a URL never has one, so neither
 * is ever split; a single word longer than the line (a long URL) gets a line
 * of its own rather than being broken.
 */
import { figuresIn } from '../../check/figures.js';

export const TEXT_WIDTH = 78;

/** Stands for a space that must not break; never occurs in our text. */
const GLUE = '\u0000';

/**
 * Terminal columns of a string: emoji and East Asian wide characters take
 * two, combining marks and zero-width characters none.
 */
export function columns(s: string): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let n = 0;
  for (const ch of s) {
    // Marks (\p{M} includes the emoji variation selectors) and zero-width spaces and joiners.
    if (/\p{M}/u.test(ch) || /[\u200B-\u200D\u2060]/.test(ch)) continue;
    n += /[\p{Extended_Pictographic}\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) && ch.codePointAt(0)! > 0xff ? 2 : 1;
  }
  return n;
}

function glueFigures(text: string): string {
  let out = text;
  for (const { figure, index } of figuresIn(text)) {
    if (figure.includes(' ')) out = out.slice(0, index) + figure.replace(/ /g, GLUE) + out.slice(index + figure.length);
  }
  return out;
}

/**
 * Lines of at most `width` columns. `first` and `rest` prefix the first and
 * the following lines (a list marker and its hanging indent). A `\n` in the
 * text is a hard line break.
 */
export function wrapText(text: string, width = TEXT_WIDTH, first = '', rest = first): string[] {
  const lines: string[] = [];
  for (const segment of text.split('\n')) {
    const words = glueFigures(segment.replace(/\s+/g, ' ').trim()).split(' ').filter(Boolean);
    let line: string | null = null;
    let used = 0;
    for (const glued of words) {
      const word = glued.replaceAll(GLUE, ' ');
      const w = columns(word);
      if (line !== null && used + 1 + w <= width) {
        line += ` ${word}`;
        used += 1 + w;
        continue;
      }
      if (line !== null) lines.push(line);
      const prefix = lines.length === 0 ? first : rest;
      line = prefix + word;
      used = columns(prefix) + w;
    }
    if (line !== null) lines.push(line);
  }
  return lines;
}
