/**
 * Derived facts, as a reader meets them in the article: who was hit and how
 * hard, the rate, the price move, records, the size of the event, the angle
 * the story takes, and a stable id.
 */
import { describe, it, expect } from 'vitest';
import { deriveFacts, parseSnapshot, type Snapshot, type StoryFacts } from '../src/index.js';
import { chooseAngles, type AngleInput } from '../src/facts/angle.js';
import { labelFor } from '../src/facts/derive.js';
import { NOW, findCase } from './helpers.js';

type Doc = Record<string, unknown>;

function snapshot(over: Doc = {}): Doc {
  return {
    schemaVersion: 1,
    window: { start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' },
    totals: { usd: 600_000_000, longUsd: 480_000_000, shortUsd: 120_000_000 },
    ...over,
  };
}

const facts = (doc: Doc, timeZone = 'UTC'): StoryFacts => deriveFacts(parseSnapshot(doc, NOW), { timeZone });
const fixtureFacts = (id: string): StoryFacts => {
  const c = findCase(id);
  return deriveFacts(parseSnapshot(c.snapshotText, NOW), { timeZone: c.spec.timeZone ?? 'UTC' });
};
const totals = (usd: number, longUsd: number, shortUsd: number): Doc => ({ totals: { usd, longUsd, shortUsd } });
const btc = (open: number, close: number, extra: Doc = {}): Doc => ({ symbol: 'BTC', longUsd: 1_000_000, shortUsd: 1_000_000, price: { open, close, ...extra } });

describe('sides and shares', () => {
  it('the dominant side and its share, from the golden long flush', () => {
    const f = fixtureFacts('golden/000-bulletin-long-flush');
    expect(f.dominant?.side).toBe('long');
    expect(f.dominant?.usd.text).toBe('$951 million');
    expect(f.dominant?.share.text).toBe('88%');
    expect(f.minority?.side).toBe('short');
    expect(f.minority?.share.text).toBe('12%');
    expect(f.lopsided).toBe(true);
  });

  it('60 % dominates, 59.9 % is a two-way market; 80 % is "the vast majority"', () => {
    expect(facts(snapshot(totals(1_000_000_000, 600_000_000, 400_000_000))).dominant?.side).toBe('long');
    const twoWay = facts(snapshot(totals(1_000_000_000, 599_000_000, 401_000_000)));
    expect(twoWay.dominant).toBeNull();
    expect(twoWay.minority).toBeNull();
    expect(facts(snapshot(totals(1_000_000_000, 200_000_000, 800_000_000))).lopsided).toBe(true);
    expect(facts(snapshot(totals(1_000_000_000, 201_000_000, 799_000_000))).lopsided).toBe(false);
  });

  it('a day with no long liquidations gives shorts 100 %', () => {
    const f = fixtureFacts('edge/shorts-only');
    expect(f.dominant?.side).toBe('short');
    expect(f.dominant?.share.text).toBe('100%');
    expect(f.assets.every((a) => a.long === null)).toBe(true);
  });
});

describe('assets', () => {
  it('are ranked by total, with each share of the grand total', () => {
    const f = fixtureFacts('golden/002-tldr-eth-led');
    expect(f.assets.map((a) => [a.symbol, a.rank, a.share.text])).toEqual([
      ['ETH', 1, '45%'],
      ['BTC', 2, '44%'],
      ['SOL', 3, '6%'],
      ['DOGE', 4, '3%'],
      ['ZEC', 5, '2%'],
    ]);
    expect(f.leader?.symbol).toBe('ETH');
    expect(f.runnerUp?.symbol).toBe('BTC');
    // ZEC was mostly shorts even though the market was mostly longs.
    expect(f.assets.find((a) => a.symbol === 'ZEC')?.dominantSide).toBe('short');
  });

  it('ties are broken by symbol, so the order never depends on the input order', () => {
    const a = { symbol: 'SOL', longUsd: 5_000_000, shortUsd: 5_000_000 };
    const b = { symbol: 'ADA', longUsd: 6_000_000, shortUsd: 4_000_000 };
    expect(facts(snapshot({ assets: [a, b] })).assets.map((x) => x.symbol)).toEqual(['ADA', 'SOL']);
    expect(facts(snapshot({ assets: [b, a] })).assets.map((x) => x.symbol)).toEqual(['ADA', 'SOL']);
  });

  it('coins with nothing liquidated are left out and do not take a rank', () => {
    const f = facts(snapshot({ assets: [{ symbol: 'BTC', longUsd: 0, shortUsd: 0 }, { symbol: 'ETH', longUsd: 3_000_000, shortUsd: 0 }, { symbol: 'XRP', longUsd: 1_000_000, shortUsd: 0 }] }));
    expect(f.assets.map((a) => [a.symbol, a.rank])).toEqual([['ETH', 1], ['XRP', 2]]);
    expect(f.bitcoin).toBeNull();
    expect(f.assets.some((a) => a.total.value === 0)).toBe(false);
  });

  it('names come from the snapshot, then the built-in table, then the ticker', () => {
    const f = facts(snapshot({ assets: [{ symbol: 'BTC', name: 'Digital Gold', longUsd: 3, shortUsd: 0 }, { symbol: 'SOL', longUsd: 2, shortUsd: 0 }, { symbol: 'ZZZ', longUsd: 1, shortUsd: 0 }] }));
    expect(f.assets.map((a) => a.name)).toEqual(['Digital Gold', 'Solana', 'ZZZ']);
  });

  it('thirty assets: three listed, the rest summed as other markets', () => {
    const f = fixtureFacts('edge/many-assets');
    expect(f.assets).toHaveLength(30);
    expect(f.topAssets.map((a) => a.symbol)).toEqual(['BTC', 'ETH', 'SOL']);
    expect(f.others?.count).toEqual({ value: 27, text: "27" });
    expect(f.others?.usd.value).toBeCloseTo(f.total.value - f.topAssets.reduce((s, a) => s + a.total.value, 0), 0);
  });
});

describe('the window and the hourly rate', () => {
  it('24 hours: the total divided by 24', () => {
    const f = fixtureFacts('golden/000-bulletin-long-flush');
    expect(f.window.length).toBe('24 hours');
    expect(f.hourly?.value).toBeCloseTo(1_083_400_000 / 24, 3);
    expect(f.hourly?.text).toBe('$45.1 million');
  });

  it('seven days is "this week" and the rate is per hour of the week', () => {
    const f = fixtureFacts('edge/seven-day');
    expect(f.window.isWeek).toBe(true);
    expect(f.window.past).toBe('this week');
    expect(f.hourly?.value).toBeCloseTo(3_124_000_000 / 168, 3);
  });

  it('one hour is "the past hour" and has no hourly rate', () => {
    const f = fixtureFacts('edge/one-hour');
    expect(f.window.kind).toBe('hour');
    expect(f.window.past).toBe('in the past hour');
    expect(f.window.head).toBe('in One Hour');
    expect(f.hourly).toBeNull();
  });

  it('dates are given in the reader\u2019s zone, whatever the offsets in the snapshot', () => {
    expect(fixtureFacts('edge/non-utc-window').window.endDate).toBe('April 3, 2026');
    const c = findCase('edge/non-utc-window');
    expect(deriveFacts(parseSnapshot(c.snapshotText, NOW), { timeZone: 'UTC' }).window.endDate).toBe('April 2, 2026');
  });
});

describe('prices', () => {
  it('change in percent, its direction and verb', () => {
    const down = facts(snapshot({ assets: [btc(76_420, 72_950)] })).bitcoin!.price!;
    expect([down.change.text, down.direction, down.verb]).toEqual(['4.5%', 'down', 'fell']);
    const up = facts(snapshot({ assets: [btc(100_000, 103_000)] })).bitcoin!.price!;
    expect([up.change.text, up.direction, up.verb]).toEqual(['3.0%', 'up', 'rose']);
    const flat = facts(snapshot({ assets: [btc(100_000, 100_000)] })).bitcoin!.price!;
    expect([flat.direction, flat.verb]).toEqual(['flat', 'held steady']);
  });

  // BUG: percent() shows any non-zero change as at least "0.1%", and
  // derivePrice decides "flat" from that text, so a 0.01 % move reads
  // "rose 0.1%" — ten times the real move — and "flat" is unreachable.
  it('a move too small to show (0.01 %) is flat, not "rose 0.1%"', () => {
    const p = facts(snapshot({ assets: [btc(100_000, 100_010)] })).bitcoin!.price!;
    expect([p.direction, p.verb]).toEqual(['flat', 'held steady']);
  });

  it('a close above the previous all-time high is a new all-time high; equal is not', () => {
    expect(fixtureFacts('golden/001-recap-all-time-high').bitcoin?.price?.newAllTimeHigh).toBe(true);
    expect(facts(snapshot({ assets: [btc(100_000, 110_000, { previousAllTimeHigh: 110_000 })] })).bitcoin?.price?.newAllTimeHigh).toBe(false);
    expect(facts(snapshot({ assets: [btc(100_000, 110_000)] })).bitcoin?.price?.newAllTimeHigh).toBe(false);
  });

  it('named levels: broken, held, rejected or untouched', () => {
    expect(fixtureFacts('golden/000-bulletin-long-flush').levels.map((l) => [l.text, l.status])).toEqual([['$73,000–$74,000', 'broken']]);
    expect(fixtureFacts('golden/002-tldr-eth-led').levels.map((l) => [l.text, l.status])).toEqual([['$92,000–$93,000', 'rejected']]);
    expect(fixtureFacts('golden/001-recap-all-time-high').levels.map((l) => l.status)).toEqual([null]);
    const held = facts(snapshot({ assets: [btc(100_000, 99_000, { low: 95_500 })], levels: [{ asset: 'BTC', kind: 'support', low: 95_000, high: 96_000 }] }));
    expect(held.levels[0]?.status).toBe('held');
  });
});

describe('size tiers and the record', () => {
  const tierOf = (usd: number): string => facts(snapshot(totals(usd, usd, 0))).tier;

  it('thresholds at $100 million, $500 million, $1 billion and $5 billion', () => {
    expect([99_999_999, 100_000_000, 499_999_999, 500_000_000, 999_999_999, 1e9, 4_999_999_999, 5e9].map(tierOf)).toEqual([
      'small', 'moderate', 'moderate', 'large', 'large', 'massive', 'massive', 'extreme',
    ]);
  });

  it('strong words are allowed from $500 million ("big") and $1 billion ("huge")', () => {
    const f = facts(snapshot(totals(500_000_000, 500_000_000, 0)));
    expect([f.big, f.huge]).toEqual([true, false]);
    const g = facts(snapshot(totals(1e9, 1e9, 0)));
    expect([g.big, g.huge]).toEqual([true, true]);
  });

  it('compares with the record: well below it, or above it', () => {
    const below = facts(snapshot({ ...totals(2.563e9, 2.418e9, 0.145e9), context: { record: { usd: 19.16e9, date: '2025-10-10' } } })).record!;
    expect([below.beaten, below.share.text, below.usd.text, below.date]).toEqual([false, '13%', '$19.2 billion', 'October 10, 2025']);
    // A week is not compared with the one-day record (test/record-window.test.ts).
    expect(fixtureFacts('golden/003-analysis-weekly-flush').record).toBeNull();
    const above = fixtureFacts('edge/record-sized').record!;
    expect([above.beaten, above.share.text]).toEqual([true, '104%']);
    // Equal to the record is not a new record.
    const equal = facts(snapshot({ ...totals(1e9, 1e9, 0), context: { record: { usd: 1e9, date: '2025-10-10' } } }));
    expect(equal.record?.beaten).toBe(false);
  });
});

describe('the largest order', () => {
  it('is a whale story from 10 % of the total', () => {
    const order = (usd: number): Doc => snapshot({ ...totals(100_000_000, 80_000_000, 20_000_000), largestOrder: { exchange: 'Binance', symbol: 'BTCUSDT', side: 'long', usd } });
    expect(facts(order(10_000_000)).largestOrder?.isWhale).toBe(true);
    expect(facts(order(9_999_999)).largestOrder?.isWhale).toBe(false);
    const w = fixtureFacts('edge/whale').largestOrder!;
    expect([w.isWhale, w.share.text, w.usd.text, w.assetName]).toEqual([true, '15%', '$31.6 million', 'Bitcoin']);
  });
});

describe('sentiment', () => {
  it('the label is derived from the index with the Fear & Greed bands', () => {
    expect([0, 24, 25, 44, 45, 55, 56, 74, 75, 100].map(labelFor)).toEqual([
      'Extreme Fear', 'Extreme Fear', 'Fear', 'Fear', 'Neutral', 'Neutral', 'Greed', 'Greed', 'Extreme Greed', 'Extreme Greed',
    ]);
    const f = fixtureFacts('golden/004-explainer-fear').sentiment!;
    expect([f.index?.text, f.label, f.fearful, f.greedy]).toEqual(['28', 'Fear', true, false]);
  });

  it('a label given in the snapshot is used as given, and no index is invented', () => {
    const f = facts(snapshot({ market: { sentiment: { label: 'Greed' } } })).sentiment!;
    expect([f.index, f.label, f.greedy]).toEqual([null, 'Greed', true]);
  });

  it('no sentiment data, no sentiment', () => {
    expect(facts(snapshot()).sentiment).toBeNull();
  });
});

describe('angle rules (src/facts/angle.ts)', () => {
  const input = (over: Partial<AngleInput>): AngleInput => ({ newAllTimeHigh: false, whale: false, dominant: null, leaderIsBitcoin: true, priceDirection: null, ...over });

  it('priority: all-time high, whale, alt-led, then the side story', () => {
    expect(chooseAngles(input({ newAllTimeHigh: true, whale: true, leaderIsBitcoin: false, dominant: 'short', priceDirection: 'up' }))).toEqual([
      'all-time-high', 'whale', 'alt-led', 'short-squeeze',
    ]);
    expect(chooseAngles(input({ whale: true, dominant: 'long', priceDirection: 'down' }))[0]).toBe('whale');
    expect(chooseAngles(input({ leaderIsBitcoin: false, dominant: 'long', priceDirection: 'down' }))[0]).toBe('alt-led');
  });

  it('short squeeze: shorts dominate and the price did not fall', () => {
    expect(chooseAngles(input({ dominant: 'short', priceDirection: 'up' }))).toEqual(['short-squeeze']);
    expect(chooseAngles(input({ dominant: 'short', priceDirection: null }))).toEqual(['short-squeeze']);
  });

  it('long flush: longs dominate and the price did not rise', () => {
    expect(chooseAngles(input({ dominant: 'long', priceDirection: 'down' }))).toEqual(['long-flush']);
    expect(chooseAngles(input({ dominant: 'long', priceDirection: 'flat' }))).toEqual(['long-flush']);
  });

  it('two-way when no side dominates', () => {
    expect(chooseAngles(input({ dominant: null, priceDirection: 'up' }))).toEqual(['two-way']);
  });

  // BUG: rule 6 of angle.ts says two-way when "the price went against the
  // usual story", but the fallback returns short-squeeze / long-flush, so a
  // day where shorts were liquidated while the price fell is headlined as a
  // short squeeze.
  it('two-way when the price went against the dominant side\u2019s story', () => {
    expect(chooseAngles(input({ dominant: 'short', priceDirection: 'down' }))).toEqual(['two-way']);
    expect(chooseAngles(input({ dominant: 'long', priceDirection: 'up' }))).toEqual(['two-way']);
  });

  it('each edge fixture gets the angle it was built for', () => {
    const cases: [string, string][] = [
      ['golden/001-recap-all-time-high', 'all-time-high'],
      ['edge/whale', 'whale'],
      ['edge/alt-led', 'alt-led'],
      ['edge/shorts-only', 'short-squeeze'],
      ['edge/two-way', 'two-way'],
      ['edge/minimal', 'long-flush'],
    ];
    for (const [id, angle] of cases) expect(fixtureFacts(id).angle, id).toBe(angle);
  });
});

describe('the story id', () => {
  it('is the given id when there is one', () => {
    expect(facts(snapshot({ id: 'my-story-1' })).id).toBe('my-story-1');
  });

  it('when absent: liq-<UTC date of the end>-<hash>, a valid id itself', () => {
    const id = fixtureFacts('edge/non-utc-window').id;
    // The window ends 2026-04-03T06:00+09:00, which is April 2 in UTC.
    expect(id).toMatch(/^liq-20260402-[0-9a-f]{8}$/);
    expect(id).toMatch(/^[a-z0-9-]{1,80}$/);
  });

  it('is stable: the same content in another key order gives the same id', () => {
    const a = snapshot({ assets: [{ symbol: 'BTC', longUsd: 1, shortUsd: 2 }] });
    const reordered = JSON.parse(JSON.stringify({ assets: [{ shortUsd: 2, longUsd: 1, symbol: 'BTC' }], totals: a['totals'], window: a['window'], schemaVersion: 1 })) as Doc;
    expect(facts(reordered).id).toBe(facts(a).id);
    expect(facts(a).id).toBe(facts(a).id);
  });

  it('changes when the content changes', () => {
    expect(facts(snapshot(totals(600_000_001, 480_000_001, 120_000_000))).id).not.toBe(facts(snapshot()).id);
  });
});

describe('partial coverage', () => {
  it('marks every amount as a lower bound, but not the derived shares', () => {
    const f = fixtureFacts('edge/partial-coverage');
    expect(f.partial).toBe(true);
    expect(f.total.text).toBe('at least $1.23 billion');
    expect(f.total.head).toBe('At Least $1.2B');
    expect(f.long.usd.text.startsWith('at least ')).toBe(true);
    expect(f.traders?.text).toBe('at least 201,000');
    expect(f.long.share.text).toBe('81%');
  });
});

// Keep the fixture type honest: parseSnapshot returns the contract's Snapshot.
const _typed: Snapshot = parseSnapshot(snapshot(), NOW);
void _typed;
