/**
 * The CoinGlass envelope: `code` is a string, "0" is success, and HTTP 200
 * can carry an error body — which must stop the run with CoinGlass's msg.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkCoinglassEnvelope, coinListPart, exchangeListPart, aggregatedHistoryPart, pairHistoryPart, largestOrderPart } from '../../src/ingest/coinglass/index.js';
import type { IngestWindow } from '../../src/ingest/types.js';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/ingest/coinglass/${name}`, import.meta.url), 'utf8'));
const DAY: IngestWindow = { start: new Date('2026-02-04T00:00:00Z'), end: new Date('2026-02-05T00:00:00Z') };

describe('checkCoinglassEnvelope', () => {
  it('accepts code "0" and hands back data', () => {
    expect(checkCoinglassEnvelope({ code: '0', msg: 'success', data: [1] })).toEqual({ ok: true, data: [1] });
  });

  it('an "Upgrade plan" body (HTTP 200) is an api-error carrying the msg', () => {
    const r = checkCoinglassEnvelope(load('error-upgrade-plan.synthetic.json'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.kind).toBe('api-error');
      expect(r.problem.message).toContain('"403"');
      expect(r.problem.message).toContain('Upgrade plan');
    }
  });

  it('the missing exchange_list error of aggregated-history is an api-error', () => {
    const r = checkCoinglassEnvelope(load('error-missing-exchange-list.synthetic.json'));
    expect(!r.ok && r.problem.kind).toBe('api-error');
    expect(!r.ok && r.problem.message).toContain("Required String parameter 'exchange_list'");
  });

  it('a body without code (only "data" saved) or not an object is malformed', () => {
    for (const bad of [[{ symbol: 'BTC' }], 'text', null, { data: [] }]) {
      const r = checkCoinglassEnvelope(bad);
      expect(!r.ok && r.problem.kind, JSON.stringify(bad)).toBe('malformed');
    }
  });

  it('success without data is malformed', () => {
    const r = checkCoinglassEnvelope({ code: '0', msg: 'success' });
    expect(!r.ok && r.problem.kind).toBe('malformed');
  });
});

describe('every CoinGlass adapter stops on an error envelope', () => {
  const adapters = [coinListPart, exchangeListPart, aggregatedHistoryPart, pairHistoryPart, largestOrderPart];
  it.each(adapters.map((f) => [f.name, f] as const))('%s', (_name, adapter) => {
    const part = adapter(load('error-upgrade-plan.synthetic.json'), DAY);
    expect(part.fatal).toBe(true);
    expect(part.snapshot).toEqual({});
    expect(part.problems.map((p) => p.kind)).toEqual(['api-error']);
  });

  it('an empty data array is "not found", fatal, never $0', () => {
    const part = aggregatedHistoryPart({ code: '0', msg: 'success', data: [] }, DAY);
    expect(part.fatal).toBe(true);
    expect(part.problems[0]!.message).toContain('not found');
  });
});
