/** What `liqnews ingest` tells the user on standard error: what was read, what was not summed and why. */
import type { IngestProblem } from '../ingest/types.js';
import type { StreamIngestResult } from '../ingest/streams/index.js';
import { isoUtc } from '../ingest/aggregate-snapshot.js';
import { SOURCE_COVERAGE } from '../ingest/streams/event.js';
import { forTerminal } from '../util/terminal.js';

/** Problems that mean the input was bad (fatal under --strict); the others are notes (a CoinGlass answer not used…). */
export const BAD_DATA_KINDS: ReadonlySet<IngestProblem['kind']> = new Set(['malformed', 'unknown-side', 'missing-price', 'other-stream', 'bad-value', 'api-error']);
/** The longest file name and problem message shown (a path can be long; a message names a value or two). */
const FILE_MAX = 4096;
const MESSAGE_MAX = 600;

/** Problems shown one per line; the rest are counted by kind. */
export const SHOWN_PROBLEMS = 5;

const n = (v: number): string => v.toLocaleString('en-US');
const plural = (v: number, one: string, many = `${one}s`): string => `${n(v)} ${v === 1 ? one : many}`;

type Located = IngestProblem & { file?: string };

/**
 * `day.ndjson:12: malformed: not valid JSON (…)` for the first few, then
 * `and 9 more (malformed 6, unknown-side 3)`. `counts` gives totals by kind
 * when `problems` holds only the first ones kept.
 */
export function problemReport(problems: readonly Located[], o: { all?: boolean; counts?: ReadonlyMap<string, number> } = {}): string[] {
  const counts = o.counts ?? countKinds(problems);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  const shown = o.all ? problems : problems.slice(0, SHOWN_PROBLEMS);
  const lines = [`ingest: ${plural(total, 'problem')} in the input; none of them summed:`];
  for (const p of shown) {
    // File names and messages carry text from outside (symbols, a provider's msg): escaped and cut for the terminal.
    const file = p.file === undefined ? undefined : forTerminal(p.file, FILE_MAX);
    const where = file !== undefined ? (p.line !== null ? `${file}:${p.line}` : file) : p.line !== null ? `line ${p.line}` : '';
    lines.push(`  ${where ? `${where}: ` : ''}${p.kind}: ${forTerminal(p.message, MESSAGE_MAX)}`);
  }
  if (total > shown.length) {
    const byKind = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k} ${n(v)}`);
    lines.push(`  and ${n(total - shown.length)} more (${byKind.join(', ')})`);
  }
  return lines;
}

function countKinds(problems: readonly Located[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of problems) m.set(p.kind, (m.get(p.kind) ?? 0) + 1);
  return m;
}

/** Totals by kind from a stream result's stats (`problems.<kind>`). */
export function streamProblemCounts(r: StreamIngestResult): Map<string, number> {
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(r.stats)) if (k.startsWith('problems.')) m.set(k.slice('problems.'.length), v);
  return m;
}

const SAMPLED_BECAUSE: Record<string, string> = {
  binance: 'Binance sends at most one liquidation per symbol per second',
  'binance-coinm': 'Binance sends at most one liquidation per symbol per second',
  okx: 'OKX says its feed is not the total',
};

export function streamSummary(r: StreamIngestResult, inputs: number): string[] {
  const s = (k: string): number => r.stats[k] ?? 0;
  const lines: string[] = [];
  const span = r.figures.firstTime !== null && r.figures.lastTime !== null ? ` (${isoUtc(r.figures.firstTime)} to ${isoUtc(r.figures.lastTime)})` : '';
  lines.push(`ingest: ${r.sources.join(', ')}: ${plural(inputs, 'input')}, ${plural(s('lines'), 'line')}: ${plural(s('accepted'), 'liquidation')} summed${span}`);
  const skipped: string[] = [];
  if (s('duplicates') > 0) skipped.push(`${plural(s('duplicates'), 'repeated frame')} (same liquidation twice)`);
  if (s('outOfWindow') > 0) skipped.push(`${plural(s('outOfWindow'), 'liquidation')} outside the window`);
  if (s('zeroSize') > 0) skipped.push(`${plural(s('zeroSize'), 'order')} with nothing filled`);
  if (skipped.length > 0) lines.push(`ingest: not summed: ${skipped.join(', ')}`);
  const quiet: string[] = [];
  if (s('controlFrames') > 0) quiet.push(`${plural(s('controlFrames'), 'control frame')} (subscriptions, pings)`);
  if (s('blankLines') > 0) quiet.push(plural(s('blankLines'), 'blank line'));
  if (quiet.length > 0) lines.push(`ingest: skipped ${quiet.join(' and ')}`);
  if (s('binanceCoinMRows') > 0 && r.sources.includes('binance-coinm')) {
    lines.push(
      `ingest: warning: the binance input holds ${plural(s('binanceCoinMRows'), 'COIN-M row')} (Binance's merged stream carries them since the CM migration) and a binance-coinm input was given too: the same liquidations may be counted twice; give one of them`,
    );
  }
  if (r.coverage === 'partial' && !r.empty) {
    const sampled = [...new Set(r.sources.filter((x) => SOURCE_COVERAGE[x] === 'partial').map((x) => SAMPLED_BECAUSE[x]))];
    const why = sampled.length > 0 ? sampled.join('; ') : 'asked for with --coverage partial';
    lines.push(`ingest: coverage partial: ${why}; the totals are lower bounds and the article says "at least"`);
  }
  return lines;
}

/** Why a stream run has nothing to write, with where the data was when the window missed it. */
export function emptyWindowLines(r: StreamIngestResult, window: { start: Date; end: Date }): string[] {
  const lines = [`ingest: no liquidation in the window ${isoUtc(window.start.getTime())} to ${isoUtc(window.end.getTime())}; nothing written (an empty window is an error, not a $0 snapshot)`];
  const span = r.figures.span;
  if (span !== null) lines.push(`ingest: hint: the input's liquidations run from ${isoUtc(span.first)} to ${isoUtc(span.last)}; check --from/--to or --window/--end`);
  else if ((r.stats['problems'] ?? 0) > 0) lines.push('ingest: hint: every liquidation line had a problem (above)');
  return lines;
}
