/**
 * Contract sizes: what one contract of a derivative is worth, so that a
 * liquidation counted in contracts becomes US dollars.
 *
 * The sizes come from the venue's own instrument list, saved to a file and
 * passed with `--instruments` (Binance COIN-M `/dapi/v1/exchangeInfo`, OKX
 * `/api/v5/public/instruments`, Bybit `/v5/market/instruments-info`). A small
 * built-in table covers the major instruments when no list is given; its
 * values were checked against recorded instrument lists. An instrument in
 * neither is reported as a problem: a guessed size would be a wrong total
 * (OKX BTC-USDT-SWAP is 0.01 BTC; reading it as 1 BTC inflates it 100×).
 */
import { preview } from './preview.js';
import { forTerminal } from '../util/terminal.js';

/** How one contract turns into US dollars. */
export type ContractSpec =
  /** Linear: one contract holds `base` coins; USD = contracts × base × price. */
  | { kind: 'linear'; base: number }
  /** Inverse: one contract is `usd` US dollars, whatever the price. */
  | { kind: 'inverse'; usd: number };

export interface InstrumentInfo {
  spec: ContractSpec;
  /** The coin, when the list names it (OKX ctValCcy/instFamily, Bybit baseCoin, Binance baseAsset). */
  asset?: string;
  /** OKX instType (SWAP, FUTURES, MARGIN, OPTION), when known. */
  type?: string;
}

export type ContractVenue = 'binance-cm' | 'okx' | 'bybit';

/** Per venue, by instrument name. Lookups are by exact name, then (Binance COIN-M) by pair. */
export class ContractTable {
  private readonly entries = new Map<string, InstrumentInfo>();

  set(venue: ContractVenue, instrument: string, info: InstrumentInfo): void {
    this.entries.set(`${venue}:${instrument}`, info);
  }

  get(venue: ContractVenue, instrument: string): InstrumentInfo | undefined {
    return this.entries.get(`${venue}:${instrument}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** A copy with `other`'s entries on top: an instrument list overrides the built-in table. */
  withOverrides(other: ContractTable): ContractTable {
    const out = new ContractTable();
    for (const [k, v] of this.entries) out.entries.set(k, v);
    for (const [k, v] of other.entries) out.entries.set(k, v);
    return out;
  }
}

/**
 * Binance COIN-M: 100 USD per BTCUSD contract, 10 USD for the others listed
 * (Binance `/dapi/v1/exchangeInfo` contractSize; the same for the perpetual
 * and every quarterly of a pair, so the table is keyed by pair).
 */
const BINANCE_CM_USD_PER_CONTRACT: Record<string, number> = {
  BTCUSD: 100,
  ETHUSD: 10,
  BNBUSD: 10,
  SOLUSD: 10,
  XRPUSD: 10,
  ADAUSD: 10,
  DOGEUSD: 10,
  LINKUSD: 10,
  DOTUSD: 10,
  LTCUSD: 10,
  BCHUSD: 10,
};

/** OKX, from recorded `/api/v5/public/instruments` answers (ctMult 1 for all of these). */
const OKX_BUILT_IN: Record<string, InstrumentInfo> = {
  'BTC-USDT-SWAP': { spec: { kind: 'linear', base: 0.01 }, asset: 'BTC', type: 'SWAP' },
  'BTC-USDC-SWAP': { spec: { kind: 'linear', base: 0.01 }, asset: 'BTC', type: 'SWAP' },
  'ETH-USDT-SWAP': { spec: { kind: 'linear', base: 0.1 }, asset: 'ETH', type: 'SWAP' },
  'DOGE-USDT-SWAP': { spec: { kind: 'linear', base: 1000 }, asset: 'DOGE', type: 'SWAP' },
  'XRP-USDT-SWAP': { spec: { kind: 'linear', base: 100 }, asset: 'XRP', type: 'SWAP' },
  'BTC-USD-SWAP': { spec: { kind: 'inverse', usd: 100 }, asset: 'BTC', type: 'SWAP' },
};

export function builtInContracts(): ContractTable {
  const t = new ContractTable();
  for (const [pair, usd] of Object.entries(BINANCE_CM_USD_PER_CONTRACT)) t.set('binance-cm', pair, { spec: { kind: 'inverse', usd } });
  for (const [instId, info] of Object.entries(OKX_BUILT_IN)) t.set('okx', instId, info);
  return t;
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const positive = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
};
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export interface LoadedList {
  venue: ContractVenue;
  instruments: number;
  /** Rows that could not be read (no name, no size…), for the report. */
  skipped: number;
}

/**
 * Reads one saved instrument list into `table`, recognising the venue by the
 * documented shape. Throws an Error with a message for people when the shape
 * is none of them or the list is an error answer.
 */
export function loadInstrumentList(table: ContractTable, json: unknown): LoadedList {
  if (!isObject(json)) throw new Error('expected a saved instrument list (a JSON object)');
  if (Array.isArray(json['symbols'])) return loadBinanceCm(table, json['symbols']);
  if ('code' in json && Array.isArray(json['data'])) {
    if (json['code'] !== '0' && json['code'] !== 0) throw new Error(`the OKX answer is an error (code ${preview(json['code'], 40)}${typeof json['msg'] === 'string' && json['msg'] ? `: ${forTerminal(json['msg'])}` : ''})`);
    return loadOkx(table, json['data']);
  }
  if ('retCode' in json) {
    if (json['retCode'] !== 0 && json['retCode'] !== '0') throw new Error(`the Bybit answer is an error (retCode ${preview(json['retCode'], 40)})`);
    const result = json['result'];
    if (isObject(result) && Array.isArray(result['list'])) return loadBybit(table, result['list']);
  }
  throw new Error('not an instrument list this tool knows: expected Binance COIN-M exchangeInfo {"symbols":[…]}, OKX {"code":"0","data":[…]} or Bybit {"retCode":0,"result":{"list":[…]}}');
}

function loadBinanceCm(table: ContractTable, rows: unknown[]): LoadedList {
  let instruments = 0;
  let skipped = 0;
  for (const row of rows) {
    const symbol = isObject(row) ? text(row['symbol']) : undefined;
    const usd = isObject(row) ? positive(row['contractSize']) : undefined;
    if (!isObject(row) || symbol === undefined || usd === undefined) {
      // A USDⓈ-M exchangeInfo has no contractSize: those symbols need none, so they are not counted as skipped.
      if (!(isObject(row) && symbol !== undefined && row['contractSize'] === undefined)) skipped++;
      continue;
    }
    const asset = text(row['baseAsset']);
    const info: InstrumentInfo = { spec: { kind: 'inverse', usd }, ...(asset ? { asset } : {}) };
    table.set('binance-cm', symbol, info);
    const pair = text(row['pair']);
    if (pair !== undefined) table.set('binance-cm', pair, info);
    instruments++;
  }
  return { venue: 'binance-cm', instruments, skipped };
}

function loadOkx(table: ContractTable, rows: unknown[]): LoadedList {
  let instruments = 0;
  let skipped = 0;
  for (const row of rows) {
    if (!isObject(row)) {
      skipped++;
      continue;
    }
    const instId = text(row['instId']);
    const type = text(row['instType']);
    if (instId === undefined) {
      skipped++;
      continue;
    }
    // Spot and margin pairs have no contract ("ctVal": ""): a margin liquidation's size is already in coins.
    const ctVal = positive(row['ctVal']);
    const ctMult = positive(row['ctMult']) ?? 1;
    const family = text(row['instFamily']) ?? text(row['uly']);
    const asset = family?.split('-')[0] ?? text(row['baseCcy']);
    if (ctVal === undefined) {
      if (type === 'SPOT' || type === 'MARGIN') continue;
      skipped++;
      continue;
    }
    const inverse = row['ctType'] === 'inverse' || row['ctValCcy'] === 'USD';
    const spec: ContractSpec = inverse ? { kind: 'inverse', usd: ctVal * ctMult } : { kind: 'linear', base: ctVal * ctMult };
    table.set('okx', instId, { spec, ...(asset ? { asset } : {}), ...(type ? { type } : {}) });
    instruments++;
  }
  return { venue: 'okx', instruments, skipped };
}

/** Bybit sizes need no table (linear in coins, inverse 1 USD per contract); the list says which is which, and the coin. */
function loadBybit(table: ContractTable, rows: unknown[]): LoadedList {
  let instruments = 0;
  let skipped = 0;
  for (const row of rows) {
    const symbol = isObject(row) ? text(row['symbol']) : undefined;
    const type = isObject(row) ? text(row['contractType']) : undefined;
    if (!isObject(row) || symbol === undefined || type === undefined) {
      skipped++;
      continue;
    }
    const asset = text(row['baseCoin']);
    const spec: ContractSpec = type.startsWith('Inverse') ? { kind: 'inverse', usd: 1 } : { kind: 'linear', base: 1 };
    table.set('bybit', symbol, { spec, ...(asset ? { asset } : {}) });
    instruments++;
  }
  return { venue: 'bybit', instruments, skipped };
}
