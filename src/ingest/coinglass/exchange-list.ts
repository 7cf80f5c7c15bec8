/**
 * `GET /api/futures/liquidation/exchange-list?range=…[&symbol=…]`: rolling
 * liquidations per venue. The row named "All" is CoinGlass's cross-venue
 * total: it gives the totals and is never summed with the venue rows (that
 * would double every dollar). The venues must add up to at most the All row;
 * when they do not, the venue table is left out (and reported) because the
 * contract forbids venues that outgrow the total.
 */
import type { IngestPart, IngestProblem, IngestWindow } from '../types.js';
import { tolerance } from '../../snapshot/rules.js';
import { dataArray, fatalPart, problem, type Coverage } from './part.js';
import { rollingRangeOf } from './rolling.js';
import { asTicker, cents, isObject, readUsd, show, sideTotals } from './values.js';
import { isAllRow, venueName } from './venues.js';
import { MAX_VENUE_NAME, nameProblem } from '../names.js';

export interface ExchangeListOptions {
  /** The `symbol` query parameter (a coin such as "BTC"); absent = all coins. */
  symbol?: string;
}

/** The contract allows at most 200 venues. */
const MAX_VENUES = 200;
const SOURCE = 'coinglass-exchange-list';

interface VenueRow {
  name: string;
  long: number;
  short: number;
}

export function exchangeListPart(json: unknown, window: IngestWindow, options: ExchangeListOptions = {}): IngestPart {
  const data = dataArray(SOURCE, json);
  if ('part' in data) return data.part;
  const ranged = rollingRangeOf(window, 'liquidation/exchange-list');
  if ('problem' in ranged) return fatalPart(SOURCE, [ranged.problem]);

  const problems: IngestProblem[] = [];
  let all: VenueRow | undefined;
  const venues: VenueRow[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  data.rows.forEach((row, i) => {
    const v = readVenue(row, i, problems);
    if (!v) return void rejected++;
    const key = isAllRow(v.name) ? 'all' : venueName(v.name).toLowerCase();
    if (seen.has(key)) {
      problems.push(problem('duplicate', `data[${i}]: exchange "${v.name}" appears twice; the second row is not counted`));
      return void rejected++;
    }
    seen.add(key);
    if (isAllRow(v.name)) all = v;
    else venues.push({ ...v, name: venueName(v.name) });
  });

  const venueLong = venues.reduce((s, v) => s + v.long, 0);
  const venueShort = venues.reduce((s, v) => s + v.short, 0);
  let totals: { long: number; short: number };
  if (all) {
    totals = { long: all.long, short: all.short };
  } else if (venues.length > 0) {
    problems.push(problem('bad-value', `there is no usable "All" row; the totals are the sum of the ${venues.length} venue rows, and venues CoinGlass did not list are missing from them`));
    totals = { long: venueLong, short: venueShort };
  } else {
    return fatalPart(SOURCE, [...problems, problem('bad-value', 'no usable exchange rows')], { rows: data.rows.length, rowsRejected: rejected });
  }

  let keepVenues = venues.length > 0;
  for (const [side, sum, total] of [['long', venueLong, totals.long], ['short', venueShort, totals.short]] as const) {
    if (sum > total + tolerance(total)) {
      problems.push(problem('bad-value', `the venues' ${side} liquidations add up to ${cents(sum)}, more than the All row's ${cents(total)}; the venue table is left out`));
      keepVenues = false;
    }
  }

  const symbol = options.symbol === undefined ? undefined : asTicker(options.symbol);
  if (options.symbol !== undefined && symbol === undefined) problems.push(problem('bad-value', `symbol ${show(options.symbol)} is not a ticker; no asset row is written`));
  // One coin's venues are a slice of the market: a lower bound of all liquidations.
  const coverage: Coverage = options.symbol === undefined ? 'complete' : 'partial';
  const snapshot: Record<string, unknown> = {
    coverage,
    totals: sideTotals(totals.long, totals.short),
  };
  const listed = venues
    .filter((v) => v.long + v.short > 0)
    .sort((a, b) => b.long + b.short - (a.long + a.short) || (a.name < b.name ? -1 : 1))
    .slice(0, MAX_VENUES);
  if (keepVenues && listed.length > 0) snapshot['exchanges'] = listed.map((v) => ({ name: v.name, longUsd: cents(v.long), shortUsd: cents(v.short) }));
  if (symbol !== undefined) snapshot['assets'] = [{ symbol, longUsd: cents(totals.long), shortUsd: cents(totals.short) }];
  return {
    source: SOURCE,
    fatal: false,
    snapshot,
    problems,
    stats: { rows: data.rows.length, rowsRejected: rejected, venues: venues.length, allRow: all ? 1 : 0, venuesListed: keepVenues ? listed.length : 0 },
  };
}

function readVenue(row: unknown, i: number, problems: IngestProblem[]): VenueRow | undefined {
  if (!isObject(row)) {
    problems.push(problem('malformed', `data[${i}]: expected an exchange row object, got ${show(row)}`));
    return undefined;
  }
  const name = row['exchange'];
  if (typeof name !== 'string' || name.trim() === '') {
    problems.push(problem('bad-value', `data[${i}].exchange: expected an exchange name, got ${show(name)}; the row is not counted`));
    return undefined;
  }
  // The name becomes exchanges[].name: one the contract refuses would refuse the whole snapshot, so only this row goes.
  const bad = nameProblem(venueName(name), MAX_VENUE_NAME);
  if (bad !== undefined) {
    problems.push(problem('bad-value', `data[${i}].exchange: ${bad}; the row is not counted`));
    return undefined;
  }
  const long = readUsd(row['long_liquidation_usd'], `data[${i}].long_liquidation_usd`);
  const short = readUsd(row['short_liquidation_usd'], `data[${i}].short_liquidation_usd`);
  if (!long.ok || !short.ok) {
    for (const x of [long, short]) if (!x.ok) problems.push(x.problem);
    return undefined;
  }
  const stated = row['liquidation_usd'];
  if (stated !== undefined) {
    const total = readUsd(stated, `data[${i}].liquidation_usd`);
    if (!total.ok) problems.push(total.problem);
    else if (Math.abs(total.value - (long.value + short.value)) > tolerance(total.value)) {
      problems.push(problem('bad-value', `data[${i}] (${show(name)}): liquidation_usd is ${total.value} but long + short is ${long.value + short.value}; the sides are used`));
    }
  }
  return { name: name.trim(), long: long.value, short: short.value };
}
