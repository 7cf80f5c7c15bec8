// A tie is a tie (issue 10, item 4): when the leading coin only equals the next one, no style
// says it led. Ethereum and Solana level at the top of an alt-led day, under many seeds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/index.js';
import { STYLE_NAMES } from '../src/plan/styles.js';
import { ROOT } from './helpers.js';

const base = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'golden', '002-tldr-eth-led', 'snapshot.json'), 'utf8')) as {
  id?: string;
  totals: { usd: number; longUsd: number; shortUsd: number };
  assets: { symbol: string; longUsd: number; shortUsd: number }[];
};

/** The fixture with Solana's longs raised so it equals Ethereum's total exactly, both above Bitcoin. */
function tied(id: string): unknown {
  const s = structuredClone(base);
  const eth = s.assets.find((a) => a.symbol === 'ETH')!;
  const sol = s.assets.find((a) => a.symbol === 'SOL')!;
  const add = eth.longUsd + eth.shortUsd - (sol.longUsd + sol.shortUsd);
  sol.longUsd += add;
  s.totals.longUsd += add;
  s.totals.usd += add;
  s.id = id;
  return s;
}

const LED = /\b(?:took the heaviest hit|topped the leaderboard|was the main casualty|positions leading the forced closures|led the liquidation table|took the largest share of the liquidations|more of it than any other coin|led the forced closures|biggest single-coin tally|the largest slice|was first on the list)\b/;

describe('a tie at the top', () => {
  it.each(STYLE_NAMES)('%s never says one of two level coins led', (style) => {
    for (let i = 0; i < 24; i++) {
      const a = generate(tied(`tie-${i}`), { style, now: new Date('2026-12-01T00:00:00Z') });
      expect(a.facts.leaderAhead).toBe(false);
      expect(a.body, `tie-${i}`).not.toMatch(LED);
    }
  });

  it('the bulletin says they were level', () => {
    const a = generate(tied('tie-0'), { style: 'bulletin', now: new Date('2026-12-01T00:00:00Z') });
    expect(a.angle).toBe('alt-led');
    expect(a.body).toMatch(/finished level at the top of the liquidation table/);
  });
});
