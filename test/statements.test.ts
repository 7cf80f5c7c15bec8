/**
 * The statement check (issue 10): the figure check proves every number; this
 * holds the sentences around them to the data. The phrases and the fact
 * predicate each needs live beside the templates, in templates/assertions.json
 * (predicates: src/check/predicates.ts), and generate() refuses an article
 * that asserts one whose predicate is false (src/check/statements.ts). Here
 * every fixture and several hundred random snapshots (ties, 50/50 splits,
 * prices absent, squeezes, one-hour windows, weeks, partial coverage) are
 * rendered in every style and read again with the same list, text the
 * snapshot supplies (catalysts, names) blanked first: it is the editor's.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import type { StoryFacts } from '../src/facts/types.js';
import type { StyleName } from '../src/plan/styles.js';
import { LiqnewsError } from '../src/errors.js';
import { ASSERTIONS, checkStatements, combined, findStatements, topLevelAlternatives, type Assertion } from '../src/check/statements.js';
import { PREDICATES } from '../src/check/predicates.js';
import { allCases, NOW } from './helpers.js';
import { randomSnapshot } from './random-snapshots.js';
import { adversarialSnapshot } from './adversarial-snapshots.js';
import { asRead } from './text-defects.js';

const STYLES: readonly StyleName[] = ['bulletin', 'explainer', 'recap', 'tldr', 'analysis'];

/** Every string the snapshot supplies, longest first. */
function supplied(snapshot: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= 3) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(snapshot);
  return [...out].sort((a, b) => b.length - a.length);
}

/** Whether the sentence around a match denies it or asks it (a negation, or a question mark ending it). */
function deniedOrAsked(text: string, at: number, length: number): boolean {
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('\n', at), text.lastIndexOf('— ', at)) + 1;
  const ends = [text.indexOf('. ', at + length), text.indexOf('\n', at + length), text.indexOf('?', at + length)].filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : text.length;
  const sentence = text.slice(start, end + 1);
  return /\b(?:not|no|nobody|neither|nor|never|none)\b|n't\b/i.test(sentence) || text[end] === '?';
}

/** The assertions an article makes while the fact behind them is false. */
export function unsupported(text: string, facts: StoryFacts, snapshot: unknown): string[] {
  const plain = supplied(snapshot).reduce((t, s) => t.split(s).join('…'), asRead(text));
  const out: string[] = [];
  for (const a of ASSERTIONS) {
    if (PREDICATES[a.predicate](facts)) continue;
    // A phrase denied or asked about ("not who came out ahead", "Who came out ahead?") asserts nothing.
    const m = [...plain.matchAll(new RegExp(a.phrase, 'gi'))].find((x) => a.evenAsked === true || !deniedOrAsked(plain, x.index, x[0].length));
    if (m) out.push(`${a.claim} [${a.predicate}]: …${plain.slice(Math.max(0, m.index - 60), m.index + m[0].length + 30).replace(/\n/g, ' ')}…`);
  }
  return out;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- snapshots edited as plain JSON */
/** The edge cases the issue names, spelled out on one base snapshot (fixtures/edge/two-way). */
const base = () => JSON.parse(allCases().find((c) => c.id.endsWith('edge/two-way'))!.snapshotText) as Record<string, any>;
const EDGES: { name: string; snap: unknown }[] = [
  { name: 'edge: 50/50 split', snap: { ...base(), totals: { usd: 274800000, longUsd: 137400000, shortUsd: 137400000, traders: 61230 },
    assets: base().assets.map((a: any, i: number) => ({ ...a, longUsd: [70000000, 40000000, 27400000][i], shortUsd: [70000000, 40000000, 27400000][i] })),
    exchanges: [{ name: 'Binance', longUsd: 50000000, shortUsd: 50000000 }, { name: 'Bybit', longUsd: 40000000, shortUsd: 40000000 }] } },
  { name: 'edge: two coins tied', snap: { ...base(), assets: base().assets.map((a: any, i: number) => (i < 2 ? { ...a, longUsd: 55500000, shortUsd: 53000000 } : a)) } },
  { name: 'edge: prices absent', snap: { ...base(), assets: base().assets.map(({ price: _p, ...a }: any) => a) } },
  { name: 'edge: a short squeeze', snap: { ...base(), totals: { usd: 274800000, longUsd: 40000000, shortUsd: 234800000, traders: 61230 },
    assets: base().assets.map((a: any, i: number) => ({ ...a, longUsd: [20000000, 12000000, 8000000][i], shortUsd: [120000000, 76900000, 37900000][i] })),
    exchanges: [{ name: 'Binance', longUsd: 20000000, shortUsd: 100000000 }, { name: 'Bybit', longUsd: 15000000, shortUsd: 80000000 }] } },
  { name: 'edge: one hour', snap: { ...base(), window: { start: '2026-09-15T23:00:00Z', end: '2026-09-16T00:00:00Z' } } },
  { name: 'edge: a week', snap: { ...base(), window: { start: '2026-09-09T00:00:00Z', end: '2026-09-16T00:00:00Z' } } },
  { name: 'edge: partial coverage', snap: { ...base(), coverage: 'partial' } },
];
/* eslint-enable @typescript-eslint/no-explicit-any */

const INPUTS: { name: string; snap: unknown }[] = [
  ...EDGES,
  ...allCases().map((c) => ({ name: c.id, snap: JSON.parse(c.snapshotText) as unknown })),
  ...Array.from({ length: 250 }, (_, i) => ({ name: `random ${7000 + i}`, snap: randomSnapshot(7000 + i) as unknown })),
  ...Array.from({ length: 150 }, (_, i) => ({ name: `adversarial ${500 + i}`, snap: adversarialSnapshot(500 + i) as unknown })),
];

describe('the statement reader', () => {
  it('flags a statement whose fact is false and lets it pass when it is true', () => {
    const facts = generate(randomSnapshot(7000), { style: 'bulletin', now: NOW }).facts;
    expect(unsupported('Shorts came out ahead.', facts, {})).toHaveLength(1);
    expect(unsupported('Order-book depth suffered too.', facts, {})).toHaveLength(1);
    expect(unsupported('Which side was hit hardest?', facts, {})).toHaveLength(1);
    expect(unsupported('The figures show who was forced out, not who came out ahead. Who came out ahead? Nobody knows.', facts, {})).toEqual([]);
    expect(unsupported('Which side was hit harder?', facts, {})).toEqual([]);
    const lopsided = { ...facts, lopsided: true } as StoryFacts;
    expect(unsupported('Longs were the crowded trade.', lopsided, {})).toEqual([]);
    expect(unsupported('Longs were the crowded trade.', { ...facts, lopsided: false } as StoryFacts, {})).toHaveLength(1);
    // The editor's own words are theirs.
    expect(unsupported('Context: shorts came out ahead.', facts, { context: { catalysts: ['shorts came out ahead'] } })).toEqual([]);
  });
});

describe('the render-time statement check', () => {
  const facts = (snap: unknown): StoryFacts => generate(snap, { style: 'bulletin', now: NOW }).facts;
  const squeeze = facts(EDGES.find((e) => e.name === 'edge: a short squeeze')!.snap);

  it('every edge case renders in every style (none is refused)', () => {
    for (const { snap } of EDGES) for (const style of STYLES) expect(() => generate(snap, { style, now: NOW })).not.toThrow();
  });

  it('refuses "longs led" on a shorts-led snapshot, naming the predicate and the phrase', () => {
    expect(squeeze.dominant?.side).toBe('short');
    let e: unknown;
    try {
      checkStatements({ body: 'On the day, longs led the liquidations.' }, squeeze, 'test');
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(LiqnewsError);
    expect((e as LiqnewsError).code).toBe('UNSUPPORTED_STATEMENT');
    expect((e as LiqnewsError).message).toContain('longsLed');
    expect((e as LiqnewsError).message).toContain('"longs led"');
    // The true statement passes and is listed.
    expect(checkStatements({ body: 'On the day, shorts led the liquidations.' }, squeeze, 'test')).toEqual([{ predicate: 'shortsLed', phrase: 'shorts led', holds: true }]);
    // Denied or asked, it asserts nothing.
    expect(checkStatements({ body: 'Longs led? Not this time.' }, squeeze, 'test')).toEqual([]);
  });

  it('reads a catalyst that asserts something as the snapshot’s words, not ours', () => {
    const base = EDGES.find((e) => e.name === 'edge: a short squeeze')!.snap as { context?: Record<string, unknown> };
    const snap = { ...base, context: { ...base.context, catalysts: ['Weekend liquidity was thin across the majors', 'Shorts came out ahead on the week'] } };
    for (const style of STYLES) {
      const a = generate(snap, { style, now: NOW });
      // Quoted or not (a style may leave catalysts out), the render is not refused and the quote lists no predicate of ours.
      expect(a.statements.map((s) => s.predicate)).not.toContain('never');
    }
    // Our own sentence with the same words is still refused.
    expect(() => checkStatements({ body: 'Liquidity was thin.' }, squeeze, 'test')).toThrow(/liquidity was thin/i);
  });

  it('one combined RegExp finds each phrase of the shared list as its own', () => {
    const one: Assertion[] = [{ predicate: 'never', claim: 'x', phrase: 'came out ahead' }];
    expect(findStatements('Shorts came out ahead.', squeeze, one).problems.map((p) => p.predicate)).toEqual(['never']);
    for (const a of ASSERTIONS) expect(() => new RegExp(a.phrase, 'i')).not.toThrow();
  });

  it('the combined RegExp (one word boundary in front of every phrase) matches exactly what each phrase matches alone', () => {
    expect(topLevelAlternatives(String.raw`\bA\b|\b(?:b|c)[|(]\||\bd`)).toEqual([String.raw`\bA\b`, String.raw`\b(?:b|c)[|(]\|`, String.raw`\bd`]);
    const fast = combined(ASSERTIONS);
    expect(fast.source.startsWith(String.raw`\b(?:`)).toBe(true);
    // A phrase that does not start at a boundary keeps the plain form, which still finds it mid-word.
    const loose: Assertion[] = [...ASSERTIONS, { predicate: 'never', claim: 'x', phrase: 'ahead' }];
    expect(findStatements('The bulls kept goingahead.', squeeze, loose).problems.map((p) => p.phrase)).toEqual(['ahead']);
    const texts = ['Shorts came out ahead; the rally held. Longs led, and a rout followed. Longs and shorts were both forced out.'];
    for (const style of STYLES) for (const c of allCases().slice(0, 6)) {
      const a = generate(c.snapshotText, { style, now: NOW });
      texts.push(a.title, a.description, a.body);
    }
    // The form without the shared boundary: each phrase as written, in one alternation.
    const plain = new RegExp(ASSERTIONS.map((a, i) => `(?<a${i}>${a.phrase})`).join('|'), 'gi');
    const found = (re: RegExp, t: string): string[] => [...t.matchAll(re)].map((m) => `${m.index} ${Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0]} ${m[0]}`);
    let seen = 0;
    for (const t of texts) {
      expect(found(fast, t)).toEqual(found(plain, t));
      seen += found(plain, t).length;
    }
    expect(seen).toBeGreaterThan(5);
  });

  it('the sidecar lists the predicates a fixture relies on, sorted and deduplicated', () => {
    const c = allCases().find((x) => x.id.endsWith('golden/001-recap-all-time-high'))!;
    const a = generate(c.snapshotText, { style: 'recap', now: NOW });
    const side = JSON.parse(a.files.json) as { statements: { predicate: string; phrase: string; holds: boolean }[] };
    expect(side.statements.length).toBeGreaterThan(0);
    expect(side.statements).toEqual(a.statements);
    const keys = side.statements.map((s) => `${s.predicate} ${s.phrase}`);
    expect(keys).toEqual([...new Set(keys)].sort());
    for (const s of side.statements) expect(PREDICATES[s.predicate as keyof typeof PREDICATES](a.facts)).toBe(true);
  });
});

describe('no article states what its data does not support', () => {
  for (const style of STYLES) {
    it(`${style}: every fixture, 250 random and 150 adversarial snapshots`, () => {
      const problems: string[] = [];
      for (const { name, snap } of INPUTS) {
        const a = generate(snap, { style, now: NOW });
        for (const p of unsupported(`${a.title}\n${a.description}\n${a.body}`, a.facts, snap)) problems.push(`${name}: ${p}`);
      }
      expect(problems.slice(0, 15), `${problems.length} unsupported statement(s)`).toEqual([]);
    });
  }
});
