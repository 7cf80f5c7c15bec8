/**
 * `liqnews history import|list|show|stats|remove`: the editor's view of the
 * store. Options are parsed here (args.ts hands over); the store is loaded
 * only when the command runs.
 */
import { defaultHistoryPath } from '../history/paths.js';
import type { HistoryError } from '../history/errors.js';
import type { HistoryRow } from '../history/types.js';
import { forTerminal } from '../util/terminal.js';
import { plural, type CommandIO } from './report.js';

export const HISTORY_OPTIONS = {
  '--history': { value: true, commands: ['render', 'history', 'decide', 'studio'] },
  // Shared with render (one line per input) and decide (one array).
  '--json': { value: false, commands: ['history', 'decide', 'render'] },
  '--skip-bad': { value: false, commands: ['history'] },
  '--interval': { value: true, commands: ['history'] },
} as const;

export const HISTORY_VALUE_NAMES: Record<string, string> = { '--history': 'FILE', '--interval': 'DURATION' };

export const HISTORY_ACTIONS = ['import', 'list', 'show', 'stats', 'remove'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export interface HistoryRunOptions {
  action: HistoryAction;
  /** Files for import; the story id for show and remove. */
  args: string[];
  /** The store's file: --history, else .liqnews/history.sqlite beside --out (default output). */
  store: string;
  json: boolean;
  skipBad: boolean;
  now: Date | null;
  /** CoinGlass import: the coin the answer was fetched for. */
  symbol: string | null;
  /** CoinGlass import: the bucket interval, in minutes, for a one-bucket answer. */
  intervalMinutes: number | null;
  /** list: only this window length. */
  window: string | null;
  limit: number | null;
  quiet: boolean;
  debug: boolean;
}

const LENGTH = /^(\d{1,6})\s*(m|min|h|d|w)$/i;

export function historyOptions(
  inputs: readonly string[],
  text: (name: string) => string | undefined,
  flag: (name: string) => boolean,
  now: Date | null,
): HistoryRunOptions | string {
  const [action, ...args] = inputs;
  if (action === undefined) return `history needs an action: ${HISTORY_ACTIONS.join(', ')} (liqnews history --help)`;
  if (!(HISTORY_ACTIONS as readonly string[]).includes(action)) return `unknown history action "${action}"; actions: ${HISTORY_ACTIONS.join(', ')}`;
  const a = action as HistoryAction;
  if (a === 'import' && args.length === 0) return 'history import needs at least one file: a snapshot (.json), a CoinGlass history answer (.json) or a history CSV (.csv)';
  if (a === 'import' && args.includes('-')) return 'history import reads files, not standard input';
  if ((a === 'show' || a === 'remove') && args.length !== 1) return `history ${a} takes one story id (see liqnews history list)`;
  if ((a === 'list' || a === 'stats') && args.length > 0) return `history ${a} takes no arguments, got "${args[0]}"`;
  const only = (name: string, ok: readonly HistoryAction[]): string | null => (text(name) !== undefined || flag(name)) && !ok.includes(a) ? `${name} is for history ${ok.join(' or ')}` : null;
  const misplaced = only('--skip-bad', ['import']) ?? only('--symbol', ['import']) ?? only('--interval', ['import']) ?? only('--window', ['list']) ?? only('--limit', ['list']);
  if (misplaced) return misplaced;
  const intervalText = text('--interval');
  const interval = intervalText === undefined ? null : lengthMinutes(intervalText);
  if (interval === undefined) return `--interval "${intervalText}" is not a length such as 1h or 1d`;
  const window = text('--window') ?? null;
  if (window !== null && lengthMinutes(window) === undefined) return `--window "${window}" is not a length such as 1h, 24h or 7d`;
  const limitText = text('--limit');
  const limit = limitText === undefined ? null : Number(limitText);
  if (limit !== null && (!/^\d+$/.test(limitText ?? '') || limit < 1 || limit > 1_000_000)) return `--limit takes a whole number from 1, got "${limitText}"`;
  return {
    action: a,
    args,
    store: text('--history') ?? defaultHistoryPath(text('--out') ?? 'output'),
    json: flag('--json'),
    skipBad: flag('--skip-bad'),
    now,
    symbol: text('--symbol') ?? null,
    intervalMinutes: interval,
    window,
    limit,
    quiet: flag('--quiet'),
    debug: flag('--debug'),
  };
}

function lengthMinutes(t: string): number | undefined {
  const m = LENGTH.exec(t.trim());
  if (!m) return undefined;
  const per = { m: 1, min: 1, h: 60, d: 1440, w: 10080 }[m[2]!.toLowerCase() as 'm'];
  const n = Number(m[1]) * per;
  return n >= 1 ? n : undefined;
}

/** 0 done · 1 bad rows, a store that cannot be used, or no such story. */
export async function runHistory(o: HistoryRunOptions, now: Date, io: CommandIO): Promise<number> {
  const lib = await import('../history/index.js');
  const out = (line: string): void => void io.stdout.write(`${line}\n`);
  const err = (line: string): void => void io.stderr.write(`${line}\n`);
  const json = (value: unknown): void => out(JSON.stringify(value, null, 2));
  let history: import('../history/store.js').History | undefined;
  try {
    const readonly = o.action !== 'import' && o.action !== 'remove';
    history = lib.openHistory(o.store, { readonly, now: () => now });
    switch (o.action) {
      case 'import':
        return importFiles(lib, history, o, now, io);
      case 'list': {
        const rows = history.list({ ...(o.window ? { window: o.window } : {}), limit: o.limit ?? 50 });
        if (o.json) json(rows);
        else if (rows.length === 0) out(`${o.store}: no stories${o.window ? ` of ${o.window}` : ''}`);
        else for (const r of rows) out(listLine(r, lib.windowLabel));
        return 0;
      }
      case 'show': {
        const row = history.show(o.args[0]!);
        if (!row) {
          err(`liqnews: no story "${forTerminal(o.args[0]!)}" in ${o.store} (see liqnews history list)`);
          return 1;
        }
        if (o.json) json(row);
        else for (const line of showLines(row, lib.windowLabel)) out(line);
        return 0;
      }
      case 'stats': {
        const s = history.stats();
        if (o.json) json(s);
        else {
          out(`${s.file}: ${plural(s.stories, 'story', 'stories')}, schema version ${s.schemaVersion}`);
          for (const w of s.byWindow) {
            out(`  ${w.window.padEnd(4)} ${plural(w.stories, 'story', 'stories')}${w.partial ? ` (${w.partial} partial)` : ''}, ${w.firstEnd} to ${w.lastEnd}; largest $${usd(w.largest.usd)} (${w.largest.end}, ${w.largest.id})`);
          }
          const sources = Object.entries(s.bySource).map(([k, n]) => `${k} ${n}`).join(', ');
          if (sources) out(`  from: ${sources}`);
        }
        return 0;
      }
      case 'remove': {
        const removed = history.remove(o.args[0]!);
        if (!removed) {
          err(`liqnews: no story "${forTerminal(o.args[0]!)}" in ${o.store}; nothing removed`);
          return 1;
        }
        if (o.json) json({ removed: o.args[0] });
        else if (!o.quiet) out(`removed ${o.args[0]} from ${o.store}`);
        return 0;
      }
    }
    return 2;
  } catch (e) {
    if (e instanceof lib.HistoryError) {
      reportError(e, err);
      return 1;
    }
    throw e;
  } finally {
    history?.close();
  }
}

type Lib = typeof import('../history/index.js');

function importFiles(lib: Lib, history: import('../history/store.js').History, o: HistoryRunOptions, now: Date, io: CommandIO): number {
  const out = (line: string): void => void io.stdout.write(`${line}\n`);
  const err = (line: string): void => void io.stderr.write(`${line}\n`);
  const files = lib.expandInputs(o.args);
  const reads = files.map((f) => lib.readImportFile(f, { now, ...(o.symbol ? { symbol: o.symbol } : {}), ...(o.intervalMinutes ? { intervalMinutes: o.intervalMinutes } : {}) }));
  const entries = reads.flatMap((r) => r.entries);
  const unreadable = reads.flatMap((r) => r.problems);
  const notes = reads.flatMap((r) => r.notes);
  if (!o.quiet && !o.json) for (const n of notes) err(`${n.where}: note: ${n.message}`);
  let result;
  let bad;
  try {
    if (o.skipBad) {
      result = history.record(entries, { skipBad: true });
      bad = [...unreadable, ...result.skipped];
    } else {
      // A dry run first, so that every bad row (unreadable, future, overlapping…) is told at once and nothing is written.
      const check = history.record(entries, { skipBad: true, dryRun: true });
      bad = [...unreadable, ...check.skipped];
      if (bad.length > 0) {
        if (o.json) out(JSON.stringify({ imported: false, store: o.store, problems: bad }, null, 2));
        for (const p of bad) err(`${p.where}: ${forTerminal(p.message, 400)}`);
        err(`liqnews: nothing imported into ${o.store}: ${plural(bad.length, 'bad row')}; fix ${bad.length === 1 ? 'it' : 'them'}, or give --skip-bad to import the rest`);
        return 1;
      }
      result = history.record(entries);
    }
  } catch (e) {
    if (!(e instanceof lib.HistoryError)) throw e;
    reportError(e, err);
    return 1;
  }
  if (o.json) {
    out(JSON.stringify({ imported: true, store: o.store, files: reads.map((r) => ({ file: r.file, kind: r.kind, rows: r.entries.length })), ...result, skipped: bad, notes }, null, 2));
    return 0;
  }
  for (const p of bad) err(`${p.where}: skipped: ${forTerminal(p.message, 400)}`);
  if (!o.quiet) {
    for (const r of reads) out(`${r.file}: ${plural(r.entries.length, 'row')} (${r.kind ?? 'unreadable'})`);
    out(`${o.store}: ${result.added} added, ${result.replaced} replaced, ${result.unchanged} unchanged${bad.length ? `, ${bad.length} skipped` : ''}`);
  }
  return 0;
}

function reportError(e: HistoryError, err: (line: string) => void): void {
  err(`liqnews: ${forTerminal(e.message, 600)}`);
  for (const p of e.problems) err(`${p.where}: ${forTerminal(p.message, 400)}`);
}

const usd = (n: number): string => Math.round(n).toLocaleString('en-US');

function listLine(r: HistoryRow, label: (m: number) => string): string {
  const cells = [r.window.end, label(r.windowMinutes).padEnd(4), `$${usd(r.totals.usd)}`.padStart(16), r.coverage === 'partial' ? 'partial ' : 'complete', (r.style ?? '-').padEnd(9), r.id];
  return forTerminal(cells.join('  '), 400);
}

function showLines(r: HistoryRow, label: (m: number) => string): string[] {
  const lines = [
    `id:        ${r.id}`,
    `window:    ${r.window.start} to ${r.window.end} (${label(r.windowMinutes)})`,
    `total:     $${usd(r.totals.usd)} (long $${usd(r.totals.longUsd)}, short $${usd(r.totals.shortUsd)})${r.totals.traders !== null ? `, ${usd(r.totals.traders)} traders` : ''}`,
    `coverage:  ${r.coverage}`,
  ];
  if (r.assets.length) lines.push(`assets:    ${r.assets.map((a) => `${a.symbol} $${usd(a.longUsd + a.shortUsd)}`).join(', ')}`);
  if (r.venues.length) lines.push(`venues:    ${r.venues.map((v) => `${v.name} $${usd(v.longUsd + v.shortUsd)}`).join(', ')}`);
  if (r.sentiment.index !== null || r.sentiment.label !== null) lines.push(`sentiment: ${[r.sentiment.index, r.sentiment.label].filter((x) => x !== null).join(' ')}`);
  if (r.openInterestChangePct !== null) lines.push(`open interest change: ${r.openInterestChangePct} %`);
  if (r.fundingRatePct !== null) lines.push(`funding:   ${r.fundingRatePct} %`);
  if (r.style) lines.push(`style:     ${r.style}`);
  if (r.slug) lines.push(`slug:      ${r.slug}`);
  if (r.url) lines.push(`url:       ${r.url}`);
  if (Object.keys(r.choices).length) lines.push(`choices:   ${Object.entries(r.choices).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  lines.push(`source:    ${r.source.kind}${r.source.ref ? ` (${r.source.ref})` : ''}`, `recorded:  ${r.recordedAt}`);
  return lines.map((l) => forTerminal(l, 400));
}
