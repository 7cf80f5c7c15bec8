/**
 * Catalysts may carry a kind (issue 10): a sentence, or `{ text, kind }`.
 * Errors name the form that was given; a catalyst that repeats a level's
 * price is told once, by the level.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { validateSnapshot } from '../src/snapshot/parse.js';
import { STYLE_NAMES } from '../src/plan/styles.js';
import { NOW, ROOT } from './helpers.js';

const base = {
  schemaVersion: 1,
  window: { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' },
  totals: { usd: 100e6, longUsd: 60e6, shortUsd: 40e6 },
  assets: [{ symbol: 'BTC', longUsd: 50e6, shortUsd: 30e6, price: { open: 95_000, close: 92_000 } }],
};
const issues = (catalysts: unknown[]): string[] => {
  const r = validateSnapshot({ ...base, context: { catalysts } }, NOW);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('catalysts', () => {
  it('are sentences or { text, kind }, mixed in one list', () => {
    expect(issues(['The Fed held rates', { text: 'ETF outflows', kind: 'flows' }, { text: 'A new listing' }])).toEqual([]);
  });

  it('are refused with the problem of the form given', () => {
    expect(issues([''])).toEqual(['context.catalysts[0]: must not be empty']);
    expect(issues([{ text: '' }])).toEqual(['context.catalysts[0].text: must not be empty']);
    expect(issues([{ kind: 'macro' }])).toEqual(['context.catalysts[0].text: is required but missing']);
    expect(issues([{ text: 'x', kind: 'news' }])[0]).toMatch(/^context\.catalysts\[0\]\.kind: expected one of "macro", "regulatory", "flows", "technical", "on-chain", "exchange", "other", got "news"/);
    expect(issues([5])[0]).toMatch(/^context\.catalysts\[0\]: expected a sentence of plain text, or an object/);
  });

  it('keep their kind in the facts, and one that repeats a level is told once, by the level', () => {
    const a = generate(
      { ...base, levels: [{ asset: 'BTC', kind: 'resistance', low: 93_900 }], context: { catalysts: ["Bitcoin's repeated rejection below the $93,900 high", { text: 'The Fed held rates', kind: 'macro' }] } },
      { style: 'tldr', now: NOW },
    );
    expect(a.facts.catalystItems).toEqual([{ text: 'The Fed held rates', kind: 'macro', technical: false, again: false }]);
    expect(a.body.match(/\$93,900/g)?.length ?? 0).toBeGreaterThan(0);
    expect(a.body).not.toContain('repeated rejection');
  });
});

/** One catalyst text per kind (null: a plain string), each opening with "The" so a capital after a colon or a comma shows. */
const BY_KIND: [string | null, string][] = [
  ['macro', 'The Federal Reserve kept rates on hold'],
  ['regulatory', 'The SEC delayed a decision on staking rules'],
  ['flows', 'The spot funds saw heavy outflows'],
  ['technical', 'The price failed twice at its weekly high'],
  ['on-chain', 'The largest wallets moved coins to exchanges'],
  ['exchange', 'The biggest venue paused withdrawals for an hour'],
  ['other', 'The weekend trading volume was thin'],
  [null, 'The options expiry fell on a Friday'],
];
const item = ([kind, text]: [string | null, string]) => (kind === null ? text : { text, kind });
const TECH = BY_KIND.find(([k]) => k === 'technical')!;

/** Several windows, so the seed (and with it each slot's alternative) differs from one render to the next. */
const DAYS = [1, 2, 3, 4, 5, 6, 7, 8];
const render = (style: string, catalysts: unknown[], day: number): string => {
  const d = String(day).padStart(2, '0');
  const e = String(day + 1).padStart(2, '0');
  const snap = {
    ...base,
    window: { start: `2026-10-${d}T00:00:00Z`, end: `2026-10-${e}T00:00:00Z` },
    market: { sentiment: { index: 30 + day } },
    context: { catalysts },
  };
  return generate(snap, { style: style as never, now: NOW }).body;
};

/** The sentences of a paragraph (a list item or a heading is one line of its own). */
const sentences = (line: string): string[] => line.split(/(?<=[.!?])\s+(?=[A-Z*"])/);

/**
 * Where a catalyst's text sits: the sentence that carries it, the sentence before it in the same paragraph
 * (which introduces it), and, for a list item, the line that opens the list.
 */
function carriers(body: string, text: string): string[] {
  const lines = body.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!line.includes(text)) return;
    const ss = sentences(line);
    const k = ss.findIndex((s) => s.includes(text));
    out.push(ss[k]!);
    if (k > 0) out.push(ss[k - 1]!);
    if (/^\s*[-*] /.test(line)) {
      let j = i - 1;
      while (j >= 0 && (/^\s*[-*] /.test(lines[j]!) || lines[j]!.trim() === '')) j--;
      if (j >= 0) out.push(lines[j]!);
    }
  });
  return out;
}

const NEWS = /\bnews\b|headline|developments outside/i;

describe('catalysts in the text', () => {
  for (const style of STYLE_NAMES) {
    it(`${style}: a technical catalyst is never called news, alone or in a list`, () => {
      const sets = [[item(TECH)], [item(TECH), item(BY_KIND[0]!)], [item(BY_KIND[0]!), item(TECH), item(BY_KIND[2]!)]];
      for (const day of DAYS) {
        for (const set of sets) {
          const body = render(style, set, day);
          for (const c of carriers(body, TECH[1])) expect(c, `${style}, day ${day}`).not.toMatch(NEWS);
        }
      }
    });

    it(`${style}: each kind is told as a full sentence, the editor's capital at its start`, () => {
      const sets = [...BY_KIND.map((k) => [item(k)]), BY_KIND.map(item), [item(BY_KIND[0]!), item(BY_KIND[0]!), item(TECH)]];
      for (const day of DAYS) {
        for (const set of sets) {
          const body = render(style, set, day);
          expect(body).not.toMatch(/\bthe first: /i);
          for (const [, text] of BY_KIND) {
            for (const line of body.split('\n').filter((l) => l.includes(text))) {
              // The text opens a sentence, a list item or follows a bold title; never a mid-sentence colon or comma.
              const before = line.slice(0, line.indexOf(text));
              expect(before, `${style}, day ${day}: ${line}`).toMatch(/(^|[.!?] |^\s*[-*] |\*\* |^🔸 )$/u);
              expect(line).not.toMatch(/[a-z,]: The /);
            }
          }
        }
      }
    });

    it(`${style}: no two lines in a row carry the same bold title`, () => {
      const sets = [BY_KIND.map(item), [item(BY_KIND[0]!), item(BY_KIND[0]!)], [BY_KIND[7]![1], BY_KIND[7]![1] + ' again'], [item(TECH), item(TECH)]];
      for (const day of DAYS) {
        for (const set of sets) {
          const labels = render(style, set, day)
            .split('\n')
            .filter((l) => l.trim() !== '')
            .map((l) => /^\W*\*\*([^*]+)\*\*/u.exec(l)?.[1] ?? null);
          for (let i = 1; i < labels.length; i++) if (labels[i] !== null) expect(labels[i], `${style}, day ${day}`).not.toBe(labels[i - 1]);
        }
      }
    });
  }
});

describe('a catalyst without a kind is not called news', () => {
  // "Bitcoin was rejected twice near its weekly high" is a chart event; given as a plain string it has no kind,
  // so no style may frame it as news, headlines or developments outside the market.
  const NEWSY = /\b(?:news flow|news backdrop|the headlines|headlines (?:provide|set|like)|news from outside|outside news|news beyond|developments outside|outside the derivatives market|item of outside news|(?<!any one )piece of news)\b/i;
  it.each(STYLE_NAMES)('%s', (style) => {
    const base = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'golden', '003-analysis-weekly-flush', 'snapshot.json'), 'utf8')) as { id?: string; context?: { catalysts?: unknown[] } };
    for (let i = 0; i < 12; i++) {
      const s = structuredClone(base);
      s.id = `plain-cat-${i}`;
      s.context = { ...s.context, catalysts: ['Bitcoin was rejected twice near its weekly high', 'Funding turned negative on two large venues'] };
      const a = generate(s, { style, now: new Date('2026-12-01T00:00:00Z') });
      expect(a.body, `plain-cat-${i}`).not.toMatch(NEWSY);
    }
  });
});
