/**
 * How deeply a JSON text nests, found by one scan of its characters, never by
 * recursion: JSON.parse reads 100,000 nested arrays without trouble, but the
 * first recursive step after it (JSON.stringify in a message, a reader that
 * walks the value) overflows the stack and ends the whole run. A frame or an
 * answer nested deeper than any provider sends is refused before it is
 * parsed.
 */

/** Stream frames nest at most 5 deep (OKX: wrapper, data, item, details, detail); 32 leaves room for any layout. */
export const MAX_FRAME_DEPTH = 32;
/** CoinGlass, context and instrument answers nest a few levels; 64 is far beyond any of them. */
export const MAX_ANSWER_DEPTH = 64;

/**
 * The offset of the first `[` or `{` that opens level `max + 1`, or -1 when
 * the text never nests deeper than `max`. Brackets inside strings do not
 * count; the text need not be valid JSON (JSON.parse judges that).
 */
export function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Skip the string: to its closing quote, past escaped characters.
      for (i++; i < n; i++) {
        const s = text.charCodeAt(i);
        if (s === 92 /* \ */) i++;
        else if (s === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return -1;
}

/** The problem text for a value nested too deep. */
export function tooDeepMessage(max: number, at: number): string {
  return `nested more than ${max} levels deep (at character ${at + 1}); no provider sends that, so it is not read`;
}
