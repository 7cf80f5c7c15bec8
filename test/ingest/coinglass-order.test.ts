/**
 * liquidation/order → the largest order in the window. Side: read as the
 * ORDER side by default (2 = sell = long liquidated), as this endpoint's own
 * documentation says; 'position-side' reads it the WebSocket page's way.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { largestOrderPart } from '../../src/ingest/coinglass/index.js';
import type { IngestWindow } from '../../src/ingest/types.js';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/ingest/coinglass/${name}`, import.meta.url), 'utf8'));
const win = (start: string, end: string): IngestWindow => ({ start: new Date(start), end: new Date(end) });
const DAY = win('2026-02-04T00:00:00Z', '2026-02-05T00:00:00Z');

describe('liquidation/order', () => {
  it('documentation sample: side 2 (sell order) → a long liquidated; venue spelled as articles print it', () => {
    const part = largestOrderPart(load('coinglass-liquidation-order.docs.json'), win('2025-04-21T00:00:00Z', '2025-04-22T00:00:00Z'));
    // Orders at 06:18:39 (205534.2932) and 06:07:27 (15918.6664): the larger is 205534.2932 → 205534.29.
    expect(part.snapshot).toEqual({ largestOrder: { exchange: 'Binance', symbol: 'BTCUSDT', side: 'long', usd: 205534.29, asset: 'BTC' } });
    expect(part.problems).toEqual([]);
  });

  it('synthetic: largest inside [start, end), string values, bad rows reported', () => {
    const part = largestOrderPart(load('order-mixed.synthetic.json'), DAY);
    // In the window: 5000000 (10:00), "7500000.5" (OKX, 12:00, side "1"), 7500000.5 (Binance, 15:00).
    // Outside: 9000000 at 2026-02-03T23:59:59, 1 at 2026-02-05T00:00 (the end is exclusive).
    // Rejected: side 3 (20000000), usd "n/a". The tie at 7500000.5 keeps the earlier row: OKX.
    expect(part.snapshot).toEqual({ largestOrder: { exchange: 'OKX', symbol: 'BTC-USDT-SWAP', side: 'short', usd: 7500000.5, asset: 'BTC' } });
    expect(part.problems.map((p) => p.kind)).toEqual(['unknown-side', 'bad-value']);
    expect(part.stats).toMatchObject({ rows: 7, ordersInWindow: 3, ordersOutside: 2, rowsRejected: 2 });
  });

  it("'position-side' reads 1 as long", () => {
    const part = largestOrderPart(load('order-mixed.synthetic.json'), DAY, { sideMapping: 'position-side' });
    expect((part.snapshot['largestOrder'] as { side: string }).side).toBe('long');
  });

  it('no order in the window: no largest order, reported, not fatal', () => {
    const part = largestOrderPart(load('coinglass-liquidation-order.docs.json'), DAY);
    expect(part.fatal).toBe(false);
    expect(part.snapshot).toEqual({});
    expect(part.problems.map((p) => p.kind)).toEqual(['out-of-window']);
  });
});
