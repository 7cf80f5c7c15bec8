/**
 * The property the contract promises: every valid snapshot renders in every
 * style, passes the claim check and reads cleanly. Snapshots come from
 * test/adversarial-snapshots.ts (strings with figures, Markdown and entities
 * in them, figure-like tickers, one-minute and 3,055-minute windows, zero
 * and sub-dollar amounts, e-notation-sized prices); the reader is
 * test/text-defects.ts. `npm test` runs PROPERTY_SNAPSHOTS (default 4,000)
 * snapshots × every style; `npm run property` runs 20,000.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { validateSnapshot } from '../src/snapshot/parse.js';
import { STYLE_NAMES } from '../src/plan/styles.js';
import { NOW } from './helpers.js';
import { adversarialSnapshot } from './adversarial-snapshots.js';
import { textDefects } from './text-defects.js';

const COUNT = Number(process.env['PROPERTY_SNAPSHOTS'] ?? 4000);
const FIRST_SEED = Number(process.env['PROPERTY_SEED'] ?? 1);
const seeds = Array.from({ length: COUNT }, (_, i) => FIRST_SEED + i);

describe(`${COUNT} random valid snapshots (seeds ${FIRST_SEED}–${FIRST_SEED + COUNT - 1})`, () => {
  it('are all valid, so what fails below is the renderer and not the generator', () => {
    const invalid = seeds.flatMap((seed) => {
      const r = validateSnapshot(adversarialSnapshot(seed), NOW);
      return r.ok ? [] : [`seed ${seed}: ${r.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`];
    });
    expect(invalid.slice(0, 10)).toEqual([]);
  });

  for (const style of ['auto', ...STYLE_NAMES] as const) {
    it(`render in the ${style} style: none refused, no text defect`, { timeout: 600_000 }, () => {
      const problems: string[] = [];
      for (const seed of seeds) {
        const snap = adversarialSnapshot(seed);
        try {
          const a = generate(snap, { style, now: NOW, timeZone: seed % 7 === 0 ? 'Asia/Kolkata' : 'UTC' });
          for (const d of textDefects(a.title, a.description, a.body)) problems.push(`seed ${seed}: ${d}`);
        } catch (e) {
          problems.push(`seed ${seed}: refused: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      expect(problems.slice(0, 20), `${problems.length} problem(s) in ${COUNT} renders`).toEqual([]);
    });
  }
});
