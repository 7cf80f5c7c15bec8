/**
 * `GET /api/futures/liquidation/coin-list?exchange=…`: per coin, rolling
 * 1h/4h/12h/24h liquidations on ONE exchange (the `exchange` parameter is
 * mandatory). Totals are the sum over coins, assets[] the coins themselves.
 *
 * Because the list covers one venue, the part is `partial` (a lower bound of
 * the whole market) unless the caller says it was fetched for "All".
 */
import type { IngestPart, IngestProblem, IngestWindow } from '../types.js';
import { tolerance } from '../../snapshot/rules.js';
import { dataArray, fatalPart, problem, type Coverage } from './part.js';
import { rollingRangeOf } from './rolling.js';
import { asTicker, cents, isObject, readUsd, show, sideTotals } from './values.js';
import { isAllRow, venueName } from './venues.js';
import { MAX_VENUE_NAME, nameProblem } from '../names.js';

export interface CoinListOptions {
  /** The `exchange` query parameter the list was fetched with, e.g. "Binance"; "All" only when the list covers every venue. */
  exchange?: string;
}

/** The contract allows at most 500 assets; the rest still count in the totals. */
const MAX_ASSETS = 500;
const SOURCE = 'coinglass-coin-list';

interface CoinRow {
  symbol: string | undefined;
  long: number;
  short: number;
}

export function coinListPart(json: unknown, window: IngestWindow, options: CoinListOptions = {}): IngestPart {
  const data = dataArray(SOURCE, json);
  if ('part' in data) return data.part;
  const ranged = rollingRangeOf(window, 'liquidation/coin-list');
  if ('problem' in ranged) return fatalPart(SOURCE, [ranged.problem]);
  const r = ranged.range;

  const problems: IngestProblem[] = [];
  const coins: CoinRow[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  data.rows.forEach((row, i) => {
    const coin = readCoin(row, i, r, problems);
    if (!coin) return void rejected++;
    const key = coin.symbol ?? `#${i}`;
    if (seen.has(key)) {
      problems.push(problem('duplicate', `data[${i}]: coin ${key} appears twice; the second row is not counted`));
      return void rejected++;
    }
    seen.add(key);
    coins.push(coin);
  });
  if (coins.length === 0) return fatalPart(SOURCE, [...problems, problem('bad-value', 'no usable coin rows')], { rows: data.rows.length, rowsRejected: rejected });

  const longSum = coins.reduce((s, c) => s + c.long, 0);
  const shortSum = coins.reduce((s, c) => s + c.short, 0);
  const withLiquidations = coins.filter((c) => c.symbol !== undefined && c.long + c.short > 0);
  // Largest first, then by ticker: the same input always lists assets in the same order.
  withLiquidations.sort((a, b) => b.long + b.short - (a.long + a.short) || (a.symbol! < b.symbol! ? -1 : 1));
  const assets = withLiquidations.slice(0, MAX_ASSETS).map((c) => ({ symbol: c.symbol!, longUsd: cents(c.long), shortUsd: cents(c.short) }));

  const exchange = options.exchange?.trim();
  const allVenues = exchange !== undefined && isAllRow(exchange);
  const coverage: Coverage = allVenues ? 'complete' : 'partial';
  const snapshot: Record<string, unknown> = {
    coverage,
    totals: sideTotals(longSum, shortSum),
  };
  if (assets.length > 0) snapshot['assets'] = assets;
  if (exchange && !allVenues) {
    const bad = nameProblem(venueName(exchange), MAX_VENUE_NAME);
    if (bad !== undefined) problems.push(problem('bad-value', `--exchange: ${bad}; no venue row is written`));
    else snapshot['exchanges'] = [{ name: venueName(exchange), longUsd: cents(longSum), shortUsd: cents(shortSum) }];
  }
  return {
    source: SOURCE,
    fatal: false,
    snapshot,
    problems,
    stats: {
      rows: data.rows.length,
      rowsUsed: coins.length,
      rowsRejected: rejected,
      assets: assets.length,
      assetsOverLimit: Math.max(0, withLiquidations.length - MAX_ASSETS),
      coinsWithoutLiquidations: coins.filter((c) => c.long + c.short === 0).length,
    },
  };
}

/**
 * One coin's sides for range `r`. A row with an unreadable side is left out
 * whole (and reported): half a row in a total is worse than none. The stated
 * `liquidation_usd_*` is only checked against long + short, because the
 * snapshot's total must equal the sum of its sides anyway.
 */
function readCoin(row: unknown, i: number, r: string, problems: IngestProblem[]): CoinRow | undefined {
  if (!isObject(row)) {
    problems.push(problem('malformed', `data[${i}]: expected a coin row object, got ${show(row)}`));
    return undefined;
  }
  const long = readUsd(row[`long_liquidation_usd_${r}`], `data[${i}].long_liquidation_usd_${r}`);
  const short = readUsd(row[`short_liquidation_usd_${r}`], `data[${i}].short_liquidation_usd_${r}`);
  if (!long.ok || !short.ok) {
    for (const x of [long, short]) if (!x.ok) problems.push(x.problem);
    return undefined;
  }
  const symbol = asTicker(row['symbol']);
  if (symbol === undefined) {
    problems.push(problem('bad-value', `data[${i}].symbol: ${show(row['symbol'])} is not a ticker; its liquidations count in the totals but it is not listed as an asset`));
  }
  const stated = row[`liquidation_usd_${r}`];
  if (stated !== undefined) {
    const total = readUsd(stated, `data[${i}].liquidation_usd_${r}`);
    if (!total.ok) problems.push(total.problem);
    else if (Math.abs(total.value - (long.value + short.value)) > tolerance(total.value)) {
      problems.push(problem('bad-value', `data[${i}]: liquidation_usd_${r} is ${total.value} but long + short is ${long.value + short.value}; the sides are used`));
    }
  }
  return { symbol, long: long.value, short: short.value };
}
