/**
 * CoinGlass liquidation history answers (`liquidation/aggregated-history`,
 * a coin across exchanges; `liquidation/history`, one pair on one exchange),
 * as saved by `curl`: each bucket becomes one window of the bucket's interval
 * (1h buckets ⇒ 1h rows, 1d ⇒ 24h rows). A bucket's `time` is its start.
 * The rows are `partial`: either endpoint covers one coin or one pair, a
 * slice of the market, so they compare only as lower bounds.
 *
 * The newest bucket of a fresh answer is usually still running: a bucket that
 * ends after "now" is left out with a note, not rejected.
 */
import { checkCoinglassEnvelope } from '../ingest/coinglass/index.js';
import { inferInterval, readBuckets } from '../ingest/coinglass/buckets.js';
import { asTicker, sideTotals } from '../ingest/coinglass/values.js';
import type { IngestProblem } from '../ingest/types.js';
import { bareEntry, importedId, type ImportOptions, type ImportRead } from './import-types.js';
import { MINUTE_MS, isoUtc, windowLabel } from './window.js';

const FIELDS = {
  aggregated: { long: 'aggregated_long_liquidation_usd', short: 'aggregated_short_liquidation_usd' },
  pair: { long: 'long_liquidation_usd', short: 'short_liquidation_usd' },
};

/** Whether parsed JSON looks like a CoinGlass answer (an envelope with `code`), not a snapshot. */
export function isCoinglassAnswer(json: unknown): boolean {
  return json !== null && typeof json === 'object' && !Array.isArray(json) && 'code' in json && !('schemaVersion' in json);
}

export function readCoinglassHistory(json: unknown, text: string, file: string, options: ImportOptions): ImportRead {
  const out: ImportRead = { entries: [], problems: [], notes: [] };
  const env = checkCoinglassEnvelope(json);
  if (!env.ok) return { ...out, problems: [{ where: file, message: env.problem.message }] };
  if (!Array.isArray(env.data) || env.data.length === 0) {
    return { ...out, problems: [{ where: file, message: 'expected "data" to be a non-empty array of history buckets (an empty answer means "not found", never $0)' }] };
  }
  const first = env.data.find((r) => r !== null && typeof r === 'object') as Record<string, unknown> | undefined;
  const fields = first && FIELDS.pair.long in first ? FIELDS.pair : FIELDS.aggregated;
  if (first && !(fields.long in first)) {
    return { ...out, problems: [{ where: file, message: `not a liquidation history answer: the buckets have no "${FIELDS.aggregated.long}" or "${FIELDS.pair.long}" (coin-list and exchange-list answers are not history)` }] };
  }
  const lines = bucketLines(text);
  const at = (i: number): string => `${file}:${lines[i] ?? 1}`;
  const problems: IngestProblem[] = [];
  const buckets = readBuckets(env.data, fields, problems);
  for (const p of problems) {
    const i = /^data\[(\d+)\]/.exec(p.message)?.[1];
    out.problems.push({ where: i === undefined ? file : at(Number(i)), message: p.message.replace(/; the bucket is not counted$/, '') });
  }
  const intervalMs = options.intervalMinutes !== undefined ? options.intervalMinutes * MINUTE_MS : inferInterval(buckets.map((b) => b.time));
  if (intervalMs === undefined) {
    out.problems.push({ where: file, message: 'one bucket only, so its interval cannot be told; give it with --interval (e.g. --interval 1h)' });
    return out;
  }
  const minutes = Math.round(intervalMs / MINUTE_MS);
  const symbol = options.symbol === undefined ? undefined : asTicker(options.symbol);
  if (options.symbol !== undefined && symbol === undefined) out.problems.push({ where: file, message: `--symbol "${options.symbol}" is not a coin ticker such as BTC` });
  const prefix = symbol ? `cg-${symbol.toLowerCase()}` : 'cg';
  const order = new Map<number, number>();
  env.data.forEach((row, i) => {
    const t = (row as { time?: unknown } | null)?.time;
    if (typeof t === 'number' && !order.has(t)) order.set(t, i);
  });
  for (const b of buckets) {
    const endMs = b.time + intervalMs;
    const where = at(order.get(b.time) ?? 0);
    if (endMs > options.now.getTime()) {
      out.notes.push({ where, message: `the ${windowLabel(minutes)} bucket from ${isoUtc(b.time)} is not over yet (it ends ${isoUtc(endMs)}); left out` });
      continue;
    }
    const totals = sideTotals(b.long, b.short);
    out.entries.push(
      bareEntry({
        id: importedId(prefix, minutes, endMs),
        window: { start: isoUtc(b.time), end: isoUtc(endMs) },
        totals: { ...totals, traders: null },
        assets: symbol ? [{ symbol, longUsd: totals.longUsd, shortUsd: totals.shortUsd, priceOpen: null, priceClose: null }] : [],
        coverage: 'partial',
        source: { kind: 'import-coinglass', ref: where },
      }),
    );
  }
  return out;
}

/** The line of each bucket: the line of the n-th `"time"` key (each bucket has exactly one). */
function bucketLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  const re = /"time"\s*:|\n/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '\n') line++;
    else lines.push(line);
  }
  return lines;
}
