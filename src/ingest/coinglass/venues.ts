/**
 * Venue names as articles print them. CoinGlass spells one venue two ways
 * ("Binance" in exchange-list, "BINANCE" in liquidation/order); the snapshot
 * must use one spelling so that the largest order and the venue table name
 * the same exchange. Unknown venues keep CoinGlass's spelling.
 */
const DISPLAY_NAMES: ReadonlyMap<string, string> = new Map(
  [
    'Binance', 'OKX', 'Bybit', 'Bitget', 'BitMEX', 'Bitfinex', 'Bitmart', 'BingX', 'Bitunix', 'CoinEx', 'Coinbase',
    'Crypto.com', 'CME', 'Deribit', 'dYdX', 'Gate', 'HTX', 'Huobi', 'Hyperliquid', 'Kraken', 'KuCoin', 'MEXC', 'Phemex',
    'WhiteBIT', 'Bitstamp', 'Lighter', 'Aster',
  ].map((n) => [n.toLowerCase(), n]),
);

export function venueName(raw: string): string {
  const trimmed = raw.trim();
  return DISPLAY_NAMES.get(trimmed.toLowerCase()) ?? trimmed;
}

/** The exchange-list row that is the cross-venue total, not a venue. */
export const isAllRow = (name: string): boolean => name.trim().toLowerCase() === 'all';
