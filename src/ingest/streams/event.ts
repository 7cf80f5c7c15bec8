/**
 * The normalised liquidation event every stream adapter produces, whatever
 * the venue's field names, units and side convention.
 */

export type Side = 'long' | 'short';

export interface LiquidationEvent {
  /** Venue as credited in the text: `Binance`, `Bybit`, `OKX`. */
  venue: string;
  /** Instrument as the venue names it: `BTCUSDT`, `BTCUSD_PERP`, `BTC-USDT-SWAP`. */
  instrument: string;
  /** Coin ticker, `BTC` (multiplier prefixes such as 1000PEPE removed). */
  asset: string;
  /** The side of the LIQUIDATED POSITION, by the venue's own rule (never the raw order side). */
  side: Side;
  /** Notional in US dollars. */
  usd: number;
  /** The price the notional was computed with (Binance average fill, Bybit and OKX bankruptcy price). */
  price: number;
  /** Size as the venue states it (coins or contracts, see the adapter). */
  qty: number;
  /** The event's own time, ms since the epoch (Binance o.T, Bybit data[].T, OKX details[].ts). */
  time: number;
  /**
   * Identical for a repeated frame of the same liquidation, different for two
   * liquidations: a 53-bit fingerprint of the fields that identify it (see
   * fingerprint.ts); the aggregate pairs it with `time`.
   */
  dedupeKey: number;
}

/** The stream sources of `liqnews ingest --source`. */
export const STREAM_SOURCES = ['binance', 'binance-coinm', 'bybit', 'okx'] as const;
export type StreamSource = (typeof STREAM_SOURCES)[number];
export const isStreamSource = (s: string): s is StreamSource => (STREAM_SOURCES as readonly string[]).includes(s);

/** Which recorded stream a frame belongs to (both Binance sources share one frame format). */
export type StreamKind = 'binance' | 'bybit' | 'okx';

export const STREAM_KIND: Record<StreamSource, StreamKind> = {
  binance: 'binance',
  'binance-coinm': 'binance',
  bybit: 'bybit',
  okx: 'okx',
};

export const VENUE_NAME: Record<StreamKind, string> = { binance: 'Binance', bybit: 'Bybit', okx: 'OKX' };

/**
 * Whether a feed delivers every liquidation. Binance pushes at most one order
 * per symbol per second and OKX says its feed "doesn't represent the total":
 * totals from them are lower bounds ("at least"). Bybit allLiquidation says
 * it pushes all liquidations.
 */
export const SOURCE_COVERAGE: Record<StreamSource, 'complete' | 'partial'> = {
  binance: 'partial',
  'binance-coinm': 'partial',
  bybit: 'complete',
  okx: 'partial',
};
