/**
 * Issue 10 (item 1): parts that do not add up. Every sum a reader can do from
 * the text must come out.
 *
 * - A remainder ("everything outside the top three added $X", "the rest of the
 *   market came to $X") follows, in its paragraph (a run of list items counts as
 *   one), exactly the coins it is the remainder after, each named with its
 *   amount: the figure is `others` (the total minus `topAssets`), so the coins
 *   named with amounts before it are exactly `topAssets`, and a phrase that counts
 *   them ("top three", "top two", "third place") says that number.
 * - A paragraph that prints the total and both sides' amounts has long + short
 *   equal to the total at the total's display precision (3 significant figures,
 *   or cents for small sums): "$375 million" and "$125 million" beside
 *   "$499 million" is a sum that does not come out.
 *
 * Every fixture, 300 random and 200 adversarial snapshots, in all five styles.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import type { StoryFacts } from '../src/facts/types.js';
import type { StyleName } from '../src/plan/styles.js';
import { displayValue } from '../src/check/figures.js';
import { allCases, NOW } from './helpers.js';
import { randomSnapshot } from './random-snapshots.js';
import { adversarialSnapshot } from './adversarial-snapshots.js';

const STYLES: readonly StyleName[] = ['bulletin', 'explainer', 'recap', 'tldr', 'analysis'];

/** Words that state a remainder. */
const REMAINDER = /\b(?:outside|beyond|past|below|everything else|the rest of|rest of the|remaining|other coins|other markets|smaller markets|further coins|more coins|elsewhere|the coins above|on the board)\b/i;
/** A remainder phrase that counts the coins before it. */
const COUNTED: [RegExp, number][] = [
  [/\btop three\b|\bthird place\b|\btop 3\b/i, 3],
  [/\btop two\b|\bsecond place\b|\btop 2\b/i, 2],
];

/** Blocks of prose: paragraphs, with a run of list items ("🔹 …", "- …") read as one block. */
function blocks(body: string): string[] {
  const paras = body
    .replace(/\\(?=[^\w\s])/g, '')
    .replace(/\u2024/g, '.') // a defanged name ("EVIL․COM") is still the name
    .replace(/&lt;|&gt;|&amp;|&#\d+;/g, decode).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  const item = /^(?:🔹|🔸|[-*•]|\d+\.)\s/u;
  let prevItem = false;
  for (const p of paras) {
    const isItem = item.test(p);
    if (isItem && prevItem && out.length > 0) out[out.length - 1] += `\n${p}`;
    else out.push(p);
    prevItem = isItem;
  }
  return out;
}

/** Sentences: a decimal point is not an end. */
const sentences = (text: string): string[] => text.split(/\n+|(?<=[.!?])\s+/).map((s) => s.trim()).filter(Boolean);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const has = (text: string, word: string): boolean => word.length > 0 && new RegExp(`(?<![\\w$])${escape(word)}(?![\\w])`, 'i').test(text);

const decode = (t: string): string => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));

/** Letters and digits only, for names the text escapes or defangs ("\\_under\\_", "EVIL․COM", "™ Token"). */
const loose = (t: string): string => ` ${decode(t).replace(/\u2024/g, '.').normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
const hasLoose = (text: string, word: string): boolean => loose(word).trim().length > 0 && loose(text).includes(loose(word));

/** The display unit a reader adds at: 3 significant figures, or cents below $100 (src/facts/format.ts). */
function unitOf(value: number): number {
  if (value < 100) return 0.01;
  return 10 ** (Math.floor(Math.log10(value)) - 2);
}

/** Whether displayed long + short comes to the displayed total at the total's precision. */
export function sidesAdd(total: string, long: string, short: string): boolean {
  const t = displayValue(total);
  const sum = displayValue(long) + displayValue(short);
  return Math.abs(sum - t) <= unitOf(t) / 2 + 1e-9 * t;
}

/** The problems with the sums in an article's body. */
export function sumProblems(body: string, f: StoryFacts): string[] {
  const out: string[] = [];
  const top = new Set(f.topAssets.map((a) => a.symbol));
  // A coin past the top three whose amount ties a top coin's cannot be told from it by its amount.
  const topAmounts = new Set(f.topAssets.map((a) => a.total.text));
  for (const block of blocks(body)) {
    // Remainders.
    if (f.others) {
      // A name with a full stop in it ("Mt. Gox", "Co. Ltd.") does not end a sentence.
      const dotted = f.assets.map((a) => decode(a.name)).filter((n) => n.includes('.'));
      const ss = sentences(dotted.reduce((t, n) => t.split(n).join(n.replace(/\./g, '\u2024')), block));
      for (let i = 0; i < ss.length; i++) {
        const s = ss[i]!;
        if (!has(s, f.others.usd.text) || !REMAINDER.test(s)) continue;
        const earlier = ss.slice(0, i).join(' ');
        const before = earlier + ' ' + s.slice(0, s.indexOf(f.others.usd.text));
        // A remainder figure that is also a coin's own amount (it happens in random data) is that coin's sentence.
        if (f.assets.some((a) => a.total.text === f.others!.usd.text)) continue;
        // A coin is named by its name or ticker, compared loosely (escapes, defanging and marks aside); one without a
        // letter ("100") reads as a number and is not looked for.
        const names = (a: StoryFacts['assets'][number], t: string): boolean => [a.name, a.symbol].some((w) => /[a-z]/i.test(w) && hasLoose(t, w));
        // Named with its amount before the remainder, in this block (told by the amount: adversarial names can read as
        // anything, "..." or "100"); or, for the coins left out, named in the remainder
        // sentence itself ("Outside Bitcoin, Ethereum and Solana, the rest came to $X"), which says exactly which they are.
        // Coins past the top three named in it ("XRP, Dogecoin and the rest of the market added $X") are part of the rest.
        const head = s.slice(0, s.indexOf(f.others.usd.text));
        // A name with no word of two letters ("...", "{{7*7}}") cannot be looked for: it is taken as said when the others are.
        const unfindable = (a: StoryFacts['assets'][number]): boolean => !/\p{L}{2,}/u.test(decode(a.name));
        const found = f.topAssets.filter((a) => names(a, head) || hasLoose(head, a.name));
        const named = found.length > 0 && f.topAssets.every((a) => found.includes(a) || unfindable(a)) && !COUNTED.some(([re]) => re.test(s))
          ? f.topAssets.map((a) => a.symbol)
          : f.assets
              .filter((a) => has(before, a.total.text) && (top.has(a.symbol) || (!topAmounts.has(a.total.text) && sentences(earlier).some((e) => names(a, e) && has(e, a.total.text)))))
              .map((a) => a.symbol);
        const expected = COUNTED.find(([re]) => re.test(s))?.[1];
        const namedSet = new Set(named);
        const same = namedSet.size === top.size && [...top].every((x) => namedSet.has(x));
        if (!same) out.push(`remainder ${f.others.usd.text} after ${named.join(', ') || 'no coin'} with amounts (it is the rest after ${[...top].join(', ')}): ${s}`);
        else if (expected !== undefined && expected !== named.length) out.push(`remainder says ${expected} coins, ${named.length} named: ${s}`);
      }
    }
    // Sides against the total.
    if (f.total.value > 0 && f.long.usd.value > 0 && f.short.usd.value > 0) {
      if (has(block, f.total.text) && has(block, f.long.usd.text) && has(block, f.short.usd.text) && !sidesAdd(f.total.text, f.long.usd.text, f.short.usd.text)) {
        out.push(`${f.long.usd.text} + ${f.short.usd.text} beside ${f.total.text}: ${block.slice(0, 300)}`);
      }
    }
  }
  return out;
}

const RANDOM = Array.from({ length: 300 }, (_, i) => ({ id: `random ${13_000 + i}`, snap: randomSnapshot(13_000 + i) }));
const ADVERSARIAL = Array.from({ length: 200 }, (_, i) => ({ id: `adversarial ${14_000 + i}`, snap: adversarialSnapshot(14_000 + i) }));

describe('the sums reader', () => {
  it('adds sides at the display precision', () => {
    expect(sidesAdd('$499 million', '$375 million', '$125 million')).toBe(false);
    expect(sidesAdd('$500 million', '$375 million', '$125 million')).toBe(true);
    expect(sidesAdd('$1.21 billion', '$800 million', '$412 million')).toBe(true);
    expect(sidesAdd('$12.50', '$6.25', '$6.25')).toBe(true);
  });
});

describe('every sum in the text comes out', () => {
  for (const style of STYLES) {
    it(`${style}: fixtures, random and adversarial snapshots`, () => {
      const problems: string[] = [];
      const run = (id: string, make: () => ReturnType<typeof generate>): void => {
        let a;
        try {
          a = make();
        } catch {
          return; // invalid input is other tests' business
        }
        for (const p of sumProblems(a.body, a.facts)) problems.push(`${id}: ${p}`);
      };
      for (const c of allCases()) run(c.id, () => generate(c.snapshotText, { style, now: NOW, timeZone: c.spec.timeZone ?? 'UTC' }));
      for (const { id, snap } of [...RANDOM, ...ADVERSARIAL]) run(id, () => generate(snap, { style, now: NOW }));
      expect(problems.slice(0, 15), `${problems.length} problem(s)`).toEqual([]);
    }, 300_000);
  }
});
