/**
 * Stage 5, the claim check: every figure in the rendered text must be the
 * display of a claim in the facts, and a hedge word in front of a figure
 * must point the right way. Anything else is a bug and stops the render.
 */
import { orderClaims, type Claim } from '../facts/ledger.js';
import { LiqnewsError } from '../errors.js';
import { blankParts, type BlankedParts, type Quote } from './quotes.js';

/**
 * A figure: optional "$", digits with thousands commas and decimals, and an
 * optional unit (%, K/M/B/T, or a scale word). Digits glued to letters (a
 * ticker such as 1INCH) are not figures.
 */
const FIGURE = /(?<![\w.,\\])\$?\d[\d,]*(?:\.\d+)?(?:%|[KMBT](?![A-Za-z0-9])| (?:thousand|million|billion|trillion)\b)?(?![\w%])/gi;

const HEDGES: Record<string, 'over' | 'nearly' | 'loose'> = {
  over: 'over', 'more than': 'over', 'at least': 'over',
  nearly: 'nearly', almost: 'nearly', 'just under': 'nearly', under: 'nearly', 'less than': 'nearly',
  about: 'loose', around: 'loose', roughly: 'loose',
};
const HEDGE_BEFORE = new RegExp(`\\b(${Object.keys(HEDGES).join('|')})\\s+$`, 'i');
/** The last word of every hedge: a figure whose preceding word is none of these has no hedge, and needs no pattern. */
const HEDGE_ENDS = new Set(Object.keys(HEDGES).map((h) => h.split(' ').at(-1)!));

/** The lengths of those last words: a word of another length is no hedge, and is never sliced out to be looked up. */
const HEDGE_END_LENGTHS = new Set([...HEDGE_ENDS].map((w) => w.length));

/** `[A-Za-z]`, by character code. */
const isLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/** The hedge right before the figure at `index` ("at least", "nearly"…), lower case, or undefined. */
function hedgeBefore(text: string, index: number): string | undefined {
  // Runs for every figure of every article: character codes, and a slice only for a word that could be a hedge.
  let end = index;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (end === index) return undefined;
  let start = end;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  if (!HEDGE_END_LENGTHS.has(end - start) || !HEDGE_ENDS.has(text.slice(start, end).toLowerCase())) return undefined;
  return HEDGE_BEFORE.exec(text.slice(Math.max(0, index - 20), index))?.[1]?.toLowerCase();
}

export interface FigureProblem {
  figure: string;
  context: string;
  problem: string;
}

const norm = (s: string): string => s.toLowerCase();

/**
 * Parts of Markdown that are not prose: link destinations and character
 * references (`&#47;` from escaping). They are blanked, keeping offsets.
 */
const NOT_PROSE = /\]\([^)\s]*\)|&#\d+;|&[a-z]+;/g;
/** A Markdown backslash escape (`\$`, `\%`): the character is text, the backslash is not. */
const MD_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** A figure found in a text: as written, where, and the key claims are indexed by (lower case). */
export interface FoundFigure {
  figure: string;
  index: number;
  key: string;
}

export function figuresIn(text: string): FoundFigure[] {
  // Same length out as in, so offsets still point into `text`: the backslash becomes a zero-width
  // space on the side of the character away from any figure ("\\$2" → "\u200B$2", "3\\%" → "3%\u200B").
  // Most text has neither (no link, reference or escape): it is scanned as it is.
  const plain = !text.includes('](') && !text.includes('&') && !text.includes('\\');
  const prose = plain
    ? text
    : text.replace(NOT_PROSE, (m) => ' '.repeat(m.length)).replace(MD_ESCAPE, (_m, c: string) => (c === '%' ? '%\u200B' : `\u200B${c}`));
  const found: FoundFigure[] = [];
  // exec on the shared pattern (it always matches a digit, never nothing): matchAll would copy it per text.
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(prose); m !== null; m = FIGURE.exec(prose)) {
    const last = m[0].charCodeAt(m[0].length - 1);
    // A figure ends in a digit, unit or "%": a trailing comma or full stop is the sentence's.
    const figure = last === 44 || last === 46 ? m[0].replace(/[,.]+$/, '') : m[0];
    found.push({ figure, index: m.index, key: norm(figure) });
  }
  return found;
}

/** Numeric value a display stands for: "$1.08 billion" → 1.08e9, "84%" → 84. */
export function displayValue(display: string): number {
  const m = DISPLAY_VALUE.exec(display);
  if (!m) return NaN;
  const digits = m[1]!;
  const n = Number(digits.includes(',') ? digits.replace(/,/g, '') : digits);
  const unit = m[2];
  return unit === undefined ? n : n * (SCALE.get(unit.toLowerCase()) ?? 1);
}
// Runs for every money figure of every coin (sidesAddUp): the pattern and the table are made once.
const DISPLAY_VALUE = /\$?([\d,]+(?:\.\d+)?)\s*(%|k|m|b|t|thousand|million|billion|trillion)?/i;
const SCALE = new Map<string, number>([['k', 1e3], ['thousand', 1e3], ['m', 1e6], ['million', 1e6], ['b', 1e9], ['billion', 1e9], ['t', 1e12], ['trillion', 1e12]]);

const SINGLE_FIGURE = /^\$?\d[\d,]*(?:\.\d+)?(?:%|[KMBT]| (?:thousand|million|billion|trillion))?$/i;

/** Claims by the figure they display, built once per article. */
export type ClaimIndex = Map<string, Claim[]>;

/** Claims by figure; with `only`, just the figures in that set (the ones a text states), which is all a check looks up. */
export function indexClaims(claims: readonly Claim[], only?: ReadonlySet<string>): ClaimIndex {
  const known: ClaimIndex = new Map();
  const add = (k: string, c: Claim): void => {
    if (only && !only.has(k)) return;
    const list = known.get(k);
    if (list) list.push(c);
    else known.set(k, [c]);
  };
  for (const c of claims) {
    // Most displays are one figure and nothing else ("$1.08 billion", "84%"): the display is the key.
    if (SINGLE_FIGURE.test(c.display)) add(norm(c.display), c);
    // Claim displays are our own short strings: no link destinations or entities to blank.
    else for (const m of c.display.matchAll(FIGURE)) add(norm(m[0].replace(/[,.]+$/, '')), c);
  }
  return known;
}

/** What a missing value prints as, once it has reached the text. */
const LEAKED_WORDS = ['undefined', 'NaN', '[object Object]'] as const;

/** The text around a figure, for a problem's message (only a problem needs it: nearly every figure has none). */
const contextOf = (text: string, index: number, figure: string): string => text.slice(Math.max(0, index - 40), index + figure.length + 20).replace(/\s+/g, ' ');

/** `shown`: the text as printed, for the messages, when `text` has had quoted strings blanked. */
export function findProblems(text: string, claims: readonly Claim[] | ClaimIndex, found = figuresIn(text), shown = text): FigureProblem[] {
  const known = claims instanceof Map ? claims : indexClaims(claims);
  const problems: FigureProblem[] = [];
  for (const { figure, index, key } of found) {
    const matches = known.get(key);
    if (!matches) {
      problems.push({ figure, context: contextOf(shown, index, figure), problem: 'no claim in the facts displays this figure' });
      continue;
    }
    const hedge = hedgeBefore(text, index);
    const kind = hedge ? HEDGES[hedge] : undefined;
    if (kind === 'over' || kind === 'nearly') {
      const value = displayValue(figure);
      const ok = matches.some((c) => (kind === 'over' ? c.value > value || (hedge === 'at least' && c.value >= value) : c.value < value));
      if (!ok) problems.push({ figure, context: contextOf(shown, index, figure), problem: `"${hedge}" points the wrong way for this figure` });
    }
  }
  for (const word of LEAKED_WORDS) {
    const at = text.indexOf(word);
    if (at >= 0 && /\W/.test(text[at - 1] ?? ' ') && /\W/.test(text[at + word.length] ?? ' ')) {
      problems.push({ figure: word, context: text.slice(Math.max(0, at - 40), at + 40), problem: 'a missing value reached the text' });
    }
  }
  return problems;
}

/**
 * Throws when the text states anything the facts do not hold; otherwise
 * returns the claims whose figures the text states (for the sidecar).
 * `quotes`: snapshot strings the text may quote, whose own figures are
 * theirs (check/quotes.ts); the verbatim claims of those figures are
 * returned as used.
 */
export function checkClaims(parts: Record<string, string>, claims: readonly Claim[], story: string, quotes: readonly Quote[] = []): Claim[] {
  return checkClaimsIn(blankParts(parts, quotes), claims, story);
}

/** The same over parts already blanked (generate.ts blanks an article's once for both checks). */
export function checkClaimsIn(parts: BlankedParts, claims: readonly Claim[], story: string): Claim[] {
  const quoted = parts.hits;
  const found = Object.entries(parts.shown).map(([where, shown]) => {
    const text = parts.blanked[where]!;
    return { where, text, shown, figures: figuresIn(text) };
  });
  // Only the figures the text states are looked up: the index need hold no other.
  const stated = new Set<string>();
  for (const part of found) for (const { key } of part.figures) stated.add(key);
  const index = indexClaims(claims, stated);
  const all: string[] = [];
  const used = new Set<Claim>();
  for (const { where, text, shown, figures } of found) {
    for (const p of findProblems(text, index, figures, shown)) all.push(`${where}: ${p.figure} — ${p.problem} (…${p.context}…)`);
    for (const { key } of figures) for (const c of index.get(key) ?? []) used.add(c);
  }
  // A quoted string's figures were blanked, not looked up: its verbatim claims are what the reader saw.
  if (quoted.size > 0) {
    const keys = new Set([...quoted].flatMap((q) => q.keys));
    for (const c of claims) if (c.source.startsWith('verbatim: ') && keys.has(norm(c.display))) used.add(c);
  }
  if (all.length > 0) {
    throw new LiqnewsError('UNCLAIMED_FIGURE', `story ${story}: ${all.length} figure(s) without a claim:\n  ${all.join('\n  ')}`);
  }
  return orderClaims(claims.filter((c) => used.has(c)));
}
