/**
 * Issue 10 item 8 (house voice) and item 1 (explainer FAQ): the explainer's
 * evergreen questions rotate and at most two appear per article; the meta
 * description comes in many shapes; a recap carries at most one stock idiom.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { NOW } from './helpers.js';
import { EVERGREEN_QUESTIONS } from './editorial-measures.js';
import { randomSnapshot } from './random-snapshots.js';

/** The evergreen FAQ questions (templates/explainer/faq.hbs): the editorial measures' list. */
const EVERGREEN: readonly string[] = EVERGREEN_QUESTIONS;

/** Stock idioms a recap may carry at most one of (the allowed ones are listed in templates/recap/twist.hbs). */
const IDIOMS = [
  "lion's share",
  'caught in the crossfire',
  'bore the brunt',
  'silver lining',
  'plot twist',
  'cold comfort',
  'in a vacuum',
  'cuts both ways',
  'found the exit crowded',
  'took the hit',
  'on the hook',
  'got the bill',
  'record books',
  'the wrong way for them',
  'it always is',
  'camps bled',
  'red across the screens',
  'sat this one out',
  'road a little less crowded',
];

const seeds = (n: number, from: number): number[] => Array.from({ length: n }, (_, i) => from + i);

describe('explainer FAQ', () => {
  it('shows at most two evergreen questions per article, and rotates at least four across 40 snapshots', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const seed of seeds(40, 7000)) {
      const a = generate(randomSnapshot(seed), { style: 'explainer', now: NOW });
      const heads = [...a.body.matchAll(/^### (.+)$/gm)].map((m) => m[1]!);
      const ever = heads.filter((h) => EVERGREEN.includes(h));
      if (ever.length > 2) problems.push(`seed ${seed}: ${ever.join(' | ')}`);
      ever.forEach((h) => seen.add(h));
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('states a remainder "outside" the leading coins only after naming all of them', () => {
    for (const seed of seeds(80, 7100)) {
      const a = generate(randomSnapshot(seed), { style: 'explainer', now: NOW });
      const f = a.facts;
      if (!f.others) continue;
      const line = a.body.split('\n').find((l) => l.includes(f.others!.usd.text) && /outside|beyond|aside|other than|after/i.test(l));
      if (line) for (const t of f.topAssets) expect(line, `seed ${seed}`).toContain(t.name);
    }
  });
});

describe('meta descriptions', () => {
  it('come in at least 10 shapes over 200 snapshots (figures and names masked)', () => {
    const shapes = new Set<string>();
    for (const seed of seeds(200, 7300)) {
      const a = generate(randomSnapshot(seed), { style: 'bulletin', now: NOW });
      const f = a.facts;
      const names = [...f.assets.flatMap((x) => [x.name, x.label, x.symbol]), ...f.exchanges.map((e) => e.name), f.largestOrder?.symbol ?? '', f.largestOrder?.exchange ?? '']
        .filter((x) => x.length > 0)
        .sort((x, y) => y.length - x.length);
      let s = a.description;
      for (const n of names) s = s.split(n).join('NAME');
      s = s
        .replace(/(?:at least |about |nearly )?\$?[\d][\d.,]*(?:%| (?:million|billion|thousand))?/g, 'N')
        .replace(/\b(?:in|over) the past [\w ]*?(?:hours?|days?|minutes?|hour)\b|\bthis week\b|\btoday\b/g, 'WINDOW')
        .replace(/\b(?:long|short)s?\b/g, 'SIDE');
      shapes.add(s);
    }
    expect(shapes.size).toBeGreaterThanOrEqual(10);
  });

  it('stay near 160 characters', () => {
    for (const seed of seeds(200, 7300)) {
      const a = generate(randomSnapshot(seed), { style: 'bulletin', now: NOW });
      expect(a.description.length, a.description).toBeLessThanOrEqual(175);
    }
  });
});

describe('recap idioms', () => {
  it('no recap carries more than one stock idiom', () => {
    const problems: string[] = [];
    for (const seed of seeds(200, 7600)) {
      const a = generate(randomSnapshot(seed), { style: 'recap', now: NOW });
      const text = `${a.title}\n${a.description}\n${a.body}`.toLowerCase();
      const found = IDIOMS.filter((i) => text.includes(i));
      if (found.length > 1) problems.push(`seed ${seed}: ${found.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
