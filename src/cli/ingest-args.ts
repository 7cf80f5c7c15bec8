/**
 * The options of `liqnews ingest`. `--source` applies to the inputs that
 * follow it, so one command can read files of different sources:
 *
 *   liqnews ingest --source binance a.ndjson b.ndjson --source bybit c.ndjson --combine sum …
 *
 * With a single `--source`, it applies to every input wherever it stands.
 * `--exchange` and `--symbol` (what a saved CoinGlass answer was asked for:
 * the body does not repeat its query) follow the same rule.
 */
import { parseInstant } from '../ingest/aggregate-window.js';
import type { WindowArgs } from '../ingest/aggregate-window.js';

export interface OptionEvent {
  name: string;
  value: string | true;
  /** How many positionals (the command included) came before this option. */
  at: number;
}

export const INGEST_OPTIONS = {
  '--source': { value: true, commands: ['ingest'] },
  '--window': { value: true, commands: ['ingest'] },
  '--end': { value: true, commands: ['ingest'] },
  '--from': { value: true, commands: ['ingest'] },
  '--to': { value: true, commands: ['ingest'] },
  '--instruments': { value: true, commands: ['ingest'] },
  '--strict': { value: false, commands: ['ingest'] },
  '--combine': { value: true, commands: ['ingest'] },
  '--coverage': { value: true, commands: ['ingest'] },
  '--exchange': { value: true, commands: ['ingest'] },
  '--symbol': { value: true, commands: ['ingest'] },
} as const;

export const INGEST_VALUE_NAMES: Record<string, string> = {
  '--source': 'NAME',
  '--window': 'DURATION',
  '--end': 'ISO',
  '--from': 'ISO',
  '--to': 'ISO',
  '--instruments': 'FILE',
  '--combine': 'sum',
  '--coverage': 'partial',
  '--exchange': 'NAME',
  '--symbol': 'NAME',
};

export interface IngestInputArg {
  /** A file path, or `-` for standard input. */
  path: string;
  /** As given; checked against the known sources when the command runs. */
  source: string;
  /** CoinGlass query parameters the answer was fetched with: `exchange` (coin-list, history), `symbol` (a coin, or history's pair). */
  exchange?: string;
  symbol?: string;
}

export interface IngestRunOptions {
  inputs: IngestInputArg[];
  window: WindowArgs;
  instruments: string[];
  strict: boolean;
  combine: 'sum' | null;
  coverage: 'partial' | null;
  /** Snapshot file; null: standard output. */
  out: string | null;
  /** Null: the caller reads the clock. */
  now: Date | null;
  /** Replace an existing --out file that holds something else (never an input). */
  force: boolean;
  quiet: boolean;
  debug: boolean;
}

/** The options, or a one-line usage message. `positionals[0]` is the command. */
export function ingestOptions(positionals: readonly string[], events: readonly OptionEvent[]): IngestRunOptions | string {
  const inputs = positionals.slice(1);
  if (inputs.length === 0) return 'ingest needs at least one input: a recorded file, or - for standard input';
  if (inputs.filter((i) => i === '-').length > 1) return 'standard input (-) can be read only once';

  const last = (name: string): string | undefined => {
    const found = events.filter((e) => e.name === name).at(-1)?.value;
    return typeof found === 'string' ? found : undefined;
  };
  const has = (name: string): boolean => events.some((e) => e.name === name);

  const sources = events.filter((e) => e.name === '--source') as (OptionEvent & { value: string })[];
  if (sources.length === 0) return 'ingest needs --source: binance, binance-coinm, bybit, okx, or a coinglass-… / context source (see liqnews ingest --help)';
  for (const s of sources) {
    if (s.value.includes(',')) return `--source takes one name (got "${s.value}"); give --source before each group of files, e.g. --source binance a.ndjson --source bybit b.ndjson`;
  }
  const exchanges = events.filter((e) => e.name === '--exchange') as (OptionEvent & { value: string })[];
  const symbols = events.filter((e) => e.name === '--symbol') as (OptionEvent & { value: string })[];
  // Input i is positional i + 1; the option that applies is the last one before it (a single one applies to all).
  const applying = (given: readonly (OptionEvent & { value: string })[], i: number): string | undefined =>
    given.filter((s) => s.at <= i + 1).at(-1)?.value ?? (given.length === 1 ? given[0]?.value : undefined);
  const assigned: IngestInputArg[] = [];
  for (const [i, path] of inputs.entries()) {
    const source = applying(sources, i);
    if (source === undefined) return `say which source ${path} is: put --source NAME before its files`;
    const exchange = applying(exchanges, i);
    const symbol = applying(symbols, i);
    assigned.push({ path, source, ...(exchange !== undefined ? { exchange } : {}), ...(symbol !== undefined ? { symbol } : {}) });
  }

  const combine = last('--combine');
  if (combine !== undefined && combine !== 'sum') return `--combine "${combine}" is not a way to combine sources; the only one is --combine sum`;
  const coverage = last('--coverage');
  if (coverage !== undefined && coverage !== 'partial') {
    return `--coverage "${coverage}": only --coverage partial can be given (a sampled feed is never complete; a complete feed may be lowered)`;
  }
  let now: Date | null = null;
  const nowText = last('--now');
  if (nowText !== undefined) {
    const parsed = parseInstant('--now', nowText);
    if (typeof parsed === 'string') return parsed;
    now = parsed;
  }
  return {
    inputs: assigned,
    window: { from: last('--from'), to: last('--to'), window: last('--window'), end: last('--end') },
    instruments: events.filter((e) => e.name === '--instruments').map((e) => String(e.value)),
    strict: has('--strict'),
    combine: combine === 'sum' ? 'sum' : null,
    coverage: coverage === 'partial' ? 'partial' : null,
    out: last('--out') ?? null,
    now,
    force: has('--force'),
    quiet: has('--quiet'),
    debug: has('--debug'),
  };
}
