/**
 * Issue 10, items 7 (mechanics) and 8 (house voice), and its "Done when":
 * over the varied set of test/editorial-snapshots.ts (48 snapshots: windows
 * from an hour to a week, $20 million to $3 billion, squeezes, 50/50 ties,
 * alt-led, with and without prices, sentiment, catalysts, partial coverage),
 * every article of every style reads without the mechanical tells an editor
 * strikes: "at least" said over and over, the window phrase in every
 * paragraph, the same figure or phrase in two sentences in a row, the
 * headline's word again in the lead, a stack of stock idioms, a passive
 * style, one closing line for every article. The measures are
 * test/editorial-measures.ts; `npm run editorial` prints them as a table.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/generate.js';
import { articlesFor, hasProselint, measureArticle, proselintAlerts, STYLES, summarise, type ArticleMeasures } from './editorial-report.js';
import { backToBackRepeats, closingSentence, headlineEcho, isPassive, atLeastCount, windowPhraseCount, oneItemPluralLists } from './editorial-measures.js';
import { EDITORIAL_SET_SIZE } from './editorial-snapshots.js';

const cache = new Map<string, { arts: Article[]; ms: ArticleMeasures[] }>();
function of(style: (typeof STYLES)[number]): { arts: Article[]; ms: ArticleMeasures[] } {
  let c = cache.get(style);
  if (!c) {
    const arts = articlesFor(style);
    c = { arts, ms: arts.map((a) => measureArticle(a)) };
    cache.set(style, c);
  }
  return c;
}

/**
 * Repeats that are the data's, not the prose's: in snapshot 40, Bitcoin's total happens to equal the short
 * side's ($25.8 million), so the split and the leading coin state one figure for two facts. Listed so that a new
 * repeat still fails.
 */
const DATA_COINCIDENCES = new Set(['editorial-40 $25.8 million']);

const over = (ms: readonly ArticleMeasures[], f: (m: ArticleMeasures) => string | null): string[] => ms.map(f).filter((x): x is string => x !== null);

describe('the measures read what an editor reads', () => {
  it('count the tells in a sample written the old way', () => {
    const old = [
      'At least $16.8 million was wiped out in the past 24 hours. The total reached at least $16.8 million in the past 24 hours.',
      '',
      'Every dollar of the $310 million came from longs. Every dollar of it was borrowed. Open interest fell in the past 24 hours.',
    ].join('\n');
    expect(atLeastCount(old)).toBe(2);
    expect(windowPhraseCount(old)).toBe(3);
    expect(backToBackRepeats(old).map((r) => r.phrase)).toEqual(['$16.8 million', 'every dollar of']);
    expect(headlineEcho('Leveraged Longs Flushed — $16M Liquidated', 'Crypto longs were flushed as $16.8 million was liquidated.')).toEqual(['longs', 'flushed']);
    expect(isPassive('$16.8 million was wiped out.')).toBe(true);
    expect(isPassive('Exchanges closed out $16.8 million.')).toBe(false);
    expect(oneItemPluralLists("Here's what's driving it:\n\n🔸 **Leverage:** one item.\n")).toHaveLength(1);
    expect(oneItemPluralLists('The main driver:\n\n🔸 **Leverage:** one item.\n')).toHaveLength(0);
    expect(closingSentence('Body.\n\nThe last word. The close.\n\n\\#Crypto #Leverage\n')).toBe('The close.');
  });
});

describe.each(STYLES)('%s over the varied set', (style) => {
  it(`renders ${EDITORIAL_SET_SIZE} articles`, () => {
    expect(of(style).arts).toHaveLength(EDITORIAL_SET_SIZE);
  });

  it('says "at least" at most twice and the window phrase at most twice per article', () => {
    const { ms } = of(style);
    expect(over(ms, (m) => (m.atLeast > 2 ? `${m.id}: "at least" ×${m.atLeast}` : null))).toEqual([]);
    expect(over(ms, (m) => (m.windowPhrases > 2 ? `${m.id}: window phrase ×${m.windowPhrases}` : null))).toEqual([]);
  });

  it('has no back-to-back repeat (a figure or a 4-word phrase in two sentences in a row)', () => {
    const { ms } = of(style);
    const real = (m: ArticleMeasures): ArticleMeasures['repeats'] => m.repeats.filter((r) => !DATA_COINCIDENCES.has(`${m.id} ${r.phrase}`));
    expect(over(ms, (m) => (real(m).length > 0 ? `${m.id}: ${real(m).map((r) => `"${r.phrase}": ${r.first} | ${r.second}`).join(' / ')}` : null))).toEqual([]);
  });

  it("does not echo a headline word in the lead's first sentence", () => {
    const { ms } = of(style);
    expect(over(ms, (m) => (m.echo.length > 0 ? `${m.id}: ${m.echo.join(', ')} — ${m.title}` : null))).toEqual([]);
  });

  it('carries at most one stock idiom per article, and no one-item list under a plural heading', () => {
    const { ms } = of(style);
    expect(over(ms, (m) => (m.idioms.length > 1 ? `${m.id}: ${m.idioms.join(', ')}` : null))).toEqual([]);
    expect(over(ms, (m) => (m.oneItemLists.length > 0 ? `${m.id}: ${m.oneItemLists.join(', ')}` : null))).toEqual([]);
  });

  it('opens each bold lead-in paragraph ("**The twist** — …") after a blank line, never mid-paragraph', () => {
    const { arts } = of(style);
    const glued = arts.flatMap((a) => {
      const lines = a.body.split('\n');
      return lines.flatMap((l, k) => (k > 0 && /^\*\*[^*]+\*\* —/.test(l) && lines[k - 1]!.trim() !== '' ? [`${a.id}: ${l.slice(0, 60)}`] : []));
    });
    expect(glued).toEqual([]);
  });

  it('keeps passive sentences at or under 25 %', () => {
    const s = summarise(style, of(style).ms, null);
    expect(s.passivePct).toBeLessThanOrEqual(25);
  });

  it('ends on at least 6 distinct closing sentences over the set (figures and names masked)', () => {
    const s = summarise(style, of(style).ms, null);
    expect(s.distinctClosings).toBeGreaterThanOrEqual(6);
  });

  it.skipIf(!hasProselint())('has at most 1 proselint alert per 1,000 words (skipped when proselint, Debian python3-proselint, is not installed)', () => {
    const { arts } = of(style);
    const s = summarise(style, of(style).ms, proselintAlerts(arts.map((a) => a.body)));
    expect(s.proselintPer1000).not.toBeNull();
    expect(s.proselintPer1000!).toBeLessThanOrEqual(1);
  }, 120_000);
});

describe('explainer FAQ over the varied set', () => {
  it('asks at most two evergreen questions per article, and they rotate (at least four of six in use)', () => {
    const { ms } = of('explainer');
    expect(over(ms, (m) => (m.evergreen.length > 2 ? `${m.id}: ${m.evergreen.join(' | ')}` : null))).toEqual([]);
    expect(new Set(ms.flatMap((m) => m.evergreen)).size).toBeGreaterThanOrEqual(4);
  });
});
