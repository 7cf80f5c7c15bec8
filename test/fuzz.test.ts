/**
 * Any valid snapshot renders in every style. The fixtures cover the shapes an
 * editor thought of; this covers the combinations nobody wrote down: seeded
 * random snapshots where each optional part is present or not, sides can be
 * zero, windows run from an hour to a month, and amounts span six orders of
 * magnitude. Every one must pass the claim check (generate throws otherwise)
 * and read cleanly: no leaked placeholder, no doubled space or stray
 * punctuation, no empty section heading.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { validateSnapshot } from '../src/snapshot/parse.js';
import { STYLE_NAMES } from '../src/plan/styles.js';
import { FORMATS } from '../src/options.js';
import { cardContent, cardSvg } from '../src/card/svg.js';
import { LEAKS, NOW, whitespaceProblems } from './helpers.js';
import { randomSnapshot } from './random-snapshots.js';
import { readingProblems } from './text-defects.js';

const SNAPSHOTS = Array.from({ length: 240 }, (_, i) => ({ seed: 1000 + i, snap: randomSnapshot(1000 + i) }));

describe('random valid snapshots', () => {
  it('are checked by a reader that catches what it looks for', () => {
    expect(readingProblems('Prices fell  sharply.')).toHaveLength(1);
    expect(readingProblems('Prices fell , sharply.')).toHaveLength(1);
    expect(readingProblems('Prices fell,, sharply..')).toHaveLength(1);
    expect(readingProblems('## What happened\n\n## Why')).toEqual(['an empty section: ## What happened', 'an empty section: ## Why']);
    expect(readingProblems('## FAQ\n\n### Why?\n\nBecause.\n\nWait... it held.')).toEqual([]);
  });


  it('are valid, so the cases below test rendering and not the generator', () => {
    for (const { seed, snap } of SNAPSHOTS) {
      const r = validateSnapshot(snap, NOW);
      expect(r.ok ? [] : r.issues, `seed ${seed}`).toEqual([]);
    }
  });

  for (const style of ['auto', ...STYLE_NAMES] as const) {
    it(`render in the ${style} style, pass the claim check and read cleanly`, () => {
      const problems: string[] = [];
      for (const { seed, snap } of SNAPSHOTS) {
        let article;
        try {
          article = generate(snap, { style, now: NOW, timeZone: seed % 5 === 0 ? 'America/New_York' : 'UTC' });
        } catch (e) {
          problems.push(`seed ${seed}: ${e instanceof Error ? e.message : String(e)}`);
          continue;
        }
        const md = article.files.md;
        const text = `${article.title}\n${article.description}\n${article.body}`;
        if (LEAKS.test(text)) problems.push(`seed ${seed}: a missing value reached the text: ${LEAKS.exec(text)![0]}`);
        for (const p of [...whitespaceProblems(md), ...readingProblems(article.body)]) problems.push(`seed ${seed}: ${p}`);
        if (!article.title.trim() || article.title.includes('\n')) problems.push(`seed ${seed}: the headline is empty or not one line`);
        // Every other file builds too (e-mail aside: juice makes it slow, and test/email.test.ts covers it;
        // the card's PNG too, at tens of milliseconds a card: its SVG, where the words are laid out, is built here;
        // and the chart, drawn by vega: test/chart.test.ts draws it for every fixture).
        for (const f of FORMATS) if (f !== 'email' && f !== 'md' && f !== 'card' && f !== 'svg') void article.files[f];
        void cardSvg(cardContent({ headline: article.title, facts: article.facts, publisher: 'liquidation-news' }));
      }
      expect(problems).toEqual([]);
    });
  }
});
