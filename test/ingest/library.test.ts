// The ingest adapters through the package's public entry (src/index.ts), as a program importing 'liquidation-news' uses them.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';

const NOW = new Date('2026-11-21T00:00:00Z');
const fixture = (path: string): string => fileURLToPath(new URL(`../../fixtures/ingest/${path}`, import.meta.url));
const DAY = { start: new Date('2026-02-04T00:00:00Z'), end: new Date('2026-02-05T00:00:00Z') };

describe('library exports', () => {
  it('exports the stream, CoinGlass and context entry points', () => {
    for (const name of ['ingestStreams', 'StreamAggregate', 'StreamIngester', 'ingestCoinglass', 'combineCoinglass', 'ingestContext', 'applyContext', 'builtInContracts', 'loadInstrumentList', 'ContractTable', 'resolveWindow', 'forEachLine']) {
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(lib.STREAM_SOURCES).toEqual(['binance', 'binance-coinm', 'bybit', 'okx']);
  });

  it('turns a recorded Bybit stream into a snapshot that generate() renders', async () => {
    const data = Readable.from([readFileSync(fixture('streams/bybit-synthetic.ndjson'))]);
    const r = await lib.ingestStreams([{ label: 'bybit.ndjson', data, source: 'bybit' }], { window: DAY });
    // By hand (fixtures/ingest/streams/bybit-synthetic.ndjson): Buy 0.2 × 68,000 = 13,600 long; Sell 0.1 × 70,000 = 7,000 short;
    // inverse BTCUSD Buy v 5,000 = 5,000 USD long (not × price); line 4 repeats line 2; lines 5–7 are problems.
    expect(r.snapshot['totals']).toEqual({ usd: 25600, longUsd: 18600, shortUsd: 7000 });
    expect(r.problems.map((p) => [p.line, p.kind])).toEqual([
      [5, 'other-stream'],
      [6, 'unknown-side'],
      [7, 'missing-price'],
    ]);
    expect(lib.validateSnapshot(r.snapshot, NOW)).toMatchObject({ ok: true });
    const md = lib.generate(r.snapshot, { now: NOW }).files.md ?? '';
    expect(md).toContain('Bybit');
  });

  it('builds a CoinGlass snapshot from parts', () => {
    const json = JSON.parse(readFileSync(fixture('coinglass/coinglass-liquidation-exchange-list.docs.json'), 'utf8')) as unknown;
    const part = lib.ingestCoinglass('coinglass-exchange-list', json, DAY);
    const combined = lib.combineCoinglass([part], DAY);
    expect(combined.fatal).toBe(false);
    // The "All" row is the total: 451,394.17404598 long + 14,222,125.64334477 short; Bybit is a venue, not added to it.
    expect(combined.snapshot['totals']).toEqual({ usd: 14673519.81, longUsd: 451394.17, shortUsd: 14222125.64 });
    expect(lib.validateSnapshot(combined.snapshot, NOW)).toMatchObject({ ok: true });
  });
});
