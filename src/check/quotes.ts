/**
 * Snapshot text quoted in an article: a catalyst such as "2.5% CPI surprise
 * spooked markets", an asset called "5B Coin", a venue "Exchange 2.0". The
 * figures in such a string are the editor's words, printed as written, so the
 * claim check does not read them as the article's own figures: wherever the
 * string appears in the text (in the form the templates printed it: escaped
 * for Markdown in the body, made plain in the headline), it is blanked before
 * the figures are looked up. A figure of ours beside it is still checked, and
 * a hedge inside the string ("outflows over 3 days") is the string's, not a
 * hedge on our figure.
 */
import type { StoryFacts } from '../facts/types.js';
import { escapeMarkdown, plainText } from '../render/escape.js';
import { figuresIn } from './figures.js';

/** One quoted string: every form a template may have printed it in, longest first. */
export interface Quote {
  forms: string[];
  /** The figures the string holds, as the claim index keys them: the verbatim claims a reader saw when it is quoted. */
  keys: string[];
}

/**
 * The strings of the facts that came from the snapshot and hold a digit (the
 * only ones with figures to blank), or with `all` every one of them (the
 * statement check: a catalyst that says "liquidity was thin" is the editor's
 * claim, not ours).
 */
export function quotesOf(f: StoryFacts, all = false): Quote[] {
  const raw = new Set<string>();
  const add = (s: string | null | undefined): void => {
    if (s && (all || /\d/.test(s))) raw.add(s);
  };
  for (const a of f.assets) {
    add(a.symbol);
    add(a.name);
    add(a.label);
  }
  for (const e of f.exchanges) add(e.name);
  if (f.largestOrder) {
    add(f.largestOrder.exchange);
    add(f.largestOrder.symbol);
    add(f.largestOrder.assetName);
  }
  for (const l of f.levels) add(l.assetName);
  for (const c of f.catalysts) add(c);
  for (const r of f.related) add(r.title);
  for (const t of f.tags) add(t);
  add(f.source?.name);
  const quotes: Quote[] = [];
  for (const s of raw) {
    const forms = [...new Set([s, escapeMarkdown(s), plainText(s)].map((x) => x.toLowerCase()))].filter((x) => x.length > 0);
    quotes.push({ forms: forms.sort((a, b) => b.length - a.length), keys: figuresIn(s).map((f) => f.key) });
  }
  // The longest strings first: "5B Coin" is blanked before "5B" could leave " Coin" behind.
  return quotes.sort((a, b) => b.forms[0]!.length - a.forms[0]!.length);
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/**
 * `text` with every whole occurrence of a quote blanked (spaces, so offsets
 * hold). "Whole": no letter or digit glued on either side, and a quote that
 * starts or ends with a digit is not part of a longer figure ("0" is not
 * blanked out of "0.5%" or "$0").
 */
export function blankQuotes(text: string, quotes: readonly Quote[], hits?: Set<Quote>): string {
  if (quotes.length === 0) return text;
  const lower = text.toLowerCase();
  // Lower-casing can change a string's length (a few letters outside ASCII); then offsets would not hold, and nothing is blanked.
  if (lower.length !== text.length) return text;
  // Blanked ranges, [start, end) pairs; the text is rebuilt once from slices at the end
  // (a `split('')` array of one-character strings per quoted text was a tenth of the checks' garbage).
  let ranges: number[] | null = null;
  for (const q of quotes) {
    for (const form of q.forms) {
      let at = lower.indexOf(form);
      while (at >= 0) {
        const end = at + form.length;
        const before = text[at - 1];
        const after = text[end];
        const startsDigit = /\d/.test(form[0]!);
        const endsDigit = /\d/.test(form[form.length - 1]!);
        const whole =
          !isWordChar(before) &&
          !isWordChar(after) &&
          !(startsDigit && before !== undefined && /[$.,\\]/.test(before)) &&
          !(endsDigit && after !== undefined && (after === '%' || (/[.,]/.test(after) && /\d/.test(text[end + 1] ?? ''))));
        if (whole) {
          hits?.add(q);
          // UTF-16 units, as the offsets count them.
          (ranges ??= []).push(at, end);
        }
        at = lower.indexOf(form, at + 1);
      }
    }
  }
  return ranges === null ? text : blankRanges(text, ranges);
}

/** `text` with each [start, end) range of `ranges` (pairs, in any order, possibly overlapping) turned to spaces. */
function blankRanges(text: string, ranges: number[]): string {
  const starts: number[] = [];
  for (let i = 0; i < ranges.length; i += 2) starts.push(i);
  starts.sort((a, b) => ranges[a]! - ranges[b]!);
  let out = '';
  let pos = 0;
  for (const i of starts) {
    const start = Math.max(ranges[i]!, pos);
    const end = ranges[i + 1]!;
    if (end <= start) continue;
    out += text.slice(pos, start) + ' '.repeat(end - start);
    pos = end;
  }
  return out + text.slice(pos);
}

/** An article's parts as printed, the same with its quoted strings blanked, and the quotes found: what both checks read. */
export interface BlankedParts {
  shown: Readonly<Record<string, string>>;
  blanked: Readonly<Record<string, string>>;
  /** The quotes that appear in some part (their verbatim claims are what the reader saw). */
  hits: ReadonlySet<Quote>;
}

/** Each part blanked once (check/figures.ts and check/statements.ts both read the result). */
export function blankParts(parts: Readonly<Record<string, string>>, quotes: readonly Quote[]): BlankedParts {
  const hits = new Set<Quote>();
  const blanked: Record<string, string> = {};
  for (const [where, shown] of Object.entries(parts)) blanked[where] = blankQuotes(shown, quotes, hits);
  return { shown: parts, blanked, hits };
}
