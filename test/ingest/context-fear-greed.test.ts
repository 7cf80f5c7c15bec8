/**
 * Fear & Greed (alternative.me): strings everywhere, timestamps in SECONDS;
 * the value used is the newest at or before the window end, at most two days old.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fearGreedPart } from '../../src/ingest/context/index.js';
import type { IngestWindow } from '../../src/ingest/types.js';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/ingest/context/${name}`, import.meta.url), 'utf8'));
const endingAt = (end: string): IngestWindow => ({ start: new Date(Date.parse(end) - 86_400_000), end: new Date(end) });

describe('fear-greed', () => {
  it('documentation sample: "1551157200" is 2019-02-26T05:00Z in seconds, so a window ending at 00:00 takes the day before', () => {
    // 1551070800 s = 2019-02-25T05:00Z ("47", Neutral) ≤ end 2019-02-26T00:00Z < 1551157200 s.
    const part = fearGreedPart(load('fear-greed.docs.json'), endingAt('2019-02-26T00:00:00Z'));
    expect(part.snapshot).toEqual({ market: { sentiment: { index: 47, label: 'Neutral' } } });
    expect(part.problems).toEqual([]);
    // At 05:00 exactly the newer value ("40", Fear) is published: at or before counts.
    expect(fearGreedPart(load('fear-greed.docs.json'), endingAt('2019-02-26T05:00:00Z')).snapshot).toEqual({ market: { sentiment: { index: 40, label: 'Fear' } } });
  });

  it('synthetic: the value at the end (inclusive), the day before one second earlier', () => {
    const doc = load('fear-greed-feb.synthetic.json');
    // 1770249600 s = 2026-02-05T00:00Z → "15"; 1770163200 s = 2026-02-04T00:00Z → "22".
    expect(fearGreedPart(doc, endingAt('2026-02-05T00:00:00Z')).snapshot).toEqual({ market: { sentiment: { index: 15, label: 'Extreme Fear' } } });
    expect(fearGreedPart(doc, endingAt('2026-02-04T23:59:59Z')).snapshot).toEqual({ market: { sentiment: { index: 22, label: 'Extreme Fear' } } });
    // 36 hours after the last value: still used.
    expect(fearGreedPart(doc, endingAt('2026-02-06T12:00:00Z')).snapshot).toEqual({ market: { sentiment: { index: 15, label: 'Extreme Fear' } } });
  });

  it('stale (two days or more) or before all values: fatal', () => {
    const doc = load('fear-greed-feb.synthetic.json');
    expect(fearGreedPart(doc, endingAt('2026-02-07T00:00:00Z')).fatal).toBe(true);
    const early = fearGreedPart(doc, endingAt('2026-02-01T00:00:00Z'));
    expect(early.fatal).toBe(true);
    expect(early.problems[0]!.kind).toBe('out-of-window');
  });

  it('an error in metadata is an api-error', () => {
    const part = fearGreedPart({ name: 'Fear and Greed Index', data: [], metadata: { error: 'Invalid limit' } }, endingAt('2026-02-05T00:00:00Z'));
    expect(part.fatal).toBe(true);
    expect(part.problems[0]).toMatchObject({ kind: 'api-error' });
  });

  it('millisecond timestamps and out-of-range values are rejected; an unknown label is dropped, not guessed', () => {
    const doc = {
      data: [
        { value: '55', value_classification: 'Greed', timestamp: '1770249600000' },
        { value: '101', value_classification: 'Extreme Greed', timestamp: '1770249600' },
        { value: '60', value_classification: 'Bullish', timestamp: '1770163200' },
      ],
      metadata: { error: null },
    };
    const part = fearGreedPart(doc, endingAt('2026-02-05T00:00:00Z'));
    expect(part.snapshot).toEqual({ market: { sentiment: { index: 60 } } });
    expect(part.problems.map((p) => p.kind)).toEqual(['bad-value', 'bad-value', 'bad-value']);
    expect(part.problems[0]!.message).toContain('milliseconds');
  });
});
