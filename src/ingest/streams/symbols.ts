/**
 * From an instrument name to the coin it is about. Venues name instruments
 * differently (`BTCUSDT`, `BTCUSD_PERP`, `BTC-USDT-SWAP`, `BTCUSDH25`), and
 * low-priced coins trade in multiples (`1000PEPEUSDT` is PEPE): the article
 * talks about the coin, so the multiple is removed; the USD notional is not
 * affected, since price and size are both quoted for the multiple.
 */

const TICKER = /^[A-Z0-9]{1,15}$/;
// 100, 1000, 10000, 1000000 … or 1M, followed by letters. "1INCH" is a coin, not a multiple: it has no zeros after the 1.
const MULTIPLE = /^(?:10{2,}|1M)(?=[A-Z]{2})/;

/** The coin ticker, or undefined when the name does not give one the contract allows. */
export function tickerOf(base: string): string | undefined {
  const coin = base.toUpperCase().replace(MULTIPLE, '');
  return TICKER.test(coin) ? coin : undefined;
}

/** Binance USDⓈ-M `BTCUSDT`, `BTCUSDT_260327`, `ETHUSDC`; COIN-M pair `BTCUSD` or symbol `BTCUSD_PERP`. */
export function binanceBase(symbolOrPair: string): string {
  const name = symbolOrPair.split('_')[0] ?? symbolOrPair;
  return name.replace(/(USDT|USDC|BUSD|FDUSD|USD)$/, '');
}

/**
 * Bybit linear `BTCUSDT`, `BTCPERP` (USDC), `BTC-26DEC25` and `BTCUSDT-26DEC25` (dated);
 * inverse `BTCUSD`, `BTCUSDH26` (dated).
 */
export function bybitBase(symbol: string): string {
  const name = symbol.split('-')[0] ?? symbol;
  return name.replace(/(USDT|USDC|PERP|USD[FGHJKMNQUVXZ]\d{2}|USD)$/, '');
}

/** Bybit's inverse contracts are quoted in USD (`BTCUSD`, `BTCUSDH26`); everything else is linear. */
export function bybitLooksInverse(symbol: string): boolean {
  return /USD([FGHJKMNQUVXZ]\d{2})?$/.test(symbol);
}

/** Binance COIN-M symbols: `<COIN>USD_PERP` or `<COIN>USD_<yymmdd>`. */
export function binanceLooksCoinM(symbol: string): boolean {
  return /USD_(PERP|\d{6})$/.test(symbol);
}

/** OKX `BTC-USDT-SWAP`, `BTC-USD-261030`, `BTC-USD_UM-261030`: the coin comes first. */
export function okxBase(instId: string): string {
  return instId.split('-')[0] ?? instId;
}
