/**
 * Partial coverage (issue 10 item 7): every amount of a partial snapshot is a
 * lower bound, and the formatter writes each one as "at least …". Said nine
 * to fifteen times in one article it reads as a stammer. The body says it on
 * its first figure, in the lead, and the sentence after the lead
 * (templates/partials/lower-bound.hbs) tells the reader that every figure is a
 * floor; the later "at least" before a figure is dropped here. The headline
 * and the description are one line each and keep theirs.
 */

/** "at least" right before a figure ("at least $1.2 billion", "at least 6,173 traders"), in any case. */
const HEDGE = /\b[Aa]t least (?=[$\d])/g;

/**
 * The body with its first "at least" before a dollar figure kept (the lead's total, as a rule) and every other
 * "at least" before a figure removed: a count said before it ("at least 6,173 traders") loses its hedge too,
 * since the sentence after the lead covers every figure.
 */
export function keepFirstLowerBound(md: string): string {
  let seen = false;
  return md.replace(HEDGE, (m, offset: number) => {
    if (!seen && md[offset + m.length] === '$') {
      seen = true;
      return m;
    }
    return '';
  });
}
