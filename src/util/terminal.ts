/**
 * Text from outside (file names, symbols from a stream, a provider's error
 * message, snapshot strings) on its way to a terminal. Control characters
 * could move the cursor, recolour or retitle the terminal, or forge a line
 * of our own output; direction overrides and invisible characters could make
 * a name read as another. Each becomes a visible escape, and a value too
 * long to read is cut, saying how much was left out.
 */

/** C0 and C1 controls (tab included: it would misalign a report), DEL, bidi controls, zero-width characters and the BOM. */
// eslint-disable-next-line no-control-regex -- finding these characters is the pattern's whole job
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The default longest value shown: long enough for any real name or message, short enough for one line. */
export const TERMINAL_MAX = 200;

/** `s` made safe to print on one terminal line: escapes for unsafe characters, cut at `max` characters. */
export function forTerminal(s: string, max: number = TERMINAL_MAX): string {
  const cut = s.length > max ? s.slice(0, max) : s;
  const safe = cut.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return s.length > max ? `${safe}… (${s.length - max} more characters)` : safe;
}

/** A file name on a line of our own output: every character a name may hold but a line must not (a newline forges a line) escaped, and never cut short of PATH_MAX. */
export const shownName = (name: string): string => forTerminal(name, 4096);
