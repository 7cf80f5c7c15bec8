/**
 * The history CSV. One header line naming the columns, then one window a line:
 *
 *   date,window,usd,longUsd,shortUsd,traders,coverage
 *   2026-10-10,24h,410000000,300000000,110000000,,complete
 *   2026-10-11T14:00:00Z,1h,12500000,5000000,7500000,3100,partial
 *
 * - date: the window's END, as an ISO 8601 date-time with an offset; or a
 *   bare YYYY-MM-DD, meaning the UTC day: the window ends at the midnight
 *   that closes that day (2026-10-10 with 24h = 2026-10-10T00:00Z to
 *   2026-10-11T00:00Z; with 7d, the week ending that day).
 * - window: its length, e.g. 1h, 4h, 24h, 7d, 30m.
 * - usd, longUsd, shortUsd: plain US dollars (digits and one dot; no $, no
 *   thousands commas). longUsd + shortUsd must be usd to 0.5 % or $1,000.
 * - traders (optional, may be empty): a whole number.
 * - coverage (optional, may be empty = complete): complete or partial.
 *
 * The first five columns are required, in this order; the optional ones may
 * be left off the end. Blank lines and lines starting with # are skipped.
 */
import { tolerance } from '../snapshot/rules.js';
import type { RowProblem } from './errors.js';
import { DAY_MS, bareEntry, importedId, type ImportOptions, type ImportRead } from './import-types.js';
import { MINUTE_MS, instantMs, isoUtc, parseWindowLabel } from './window.js';

export const CSV_COLUMNS = ['date', 'window', 'usd', 'longUsd', 'shortUsd', 'traders', 'coverage'] as const;
const REQUIRED = 5;
const NUMBER = /^\d+(\.\d+)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readHistoryCsv(text: string, file: string, _options: ImportOptions): ImportRead {
  const out: ImportRead = { entries: [], problems: [], notes: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | null = null;
  lines.forEach((raw, i) => {
    const where = `${file}:${i + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = splitCsv(line);
    if (header === null) {
      header = cells.map((c) => c.trim());
      const expected = CSV_COLUMNS.slice(0, Math.max(REQUIRED, header.length));
      if (header.length < REQUIRED || header.length > CSV_COLUMNS.length || header.some((h, k) => h.toLowerCase() !== expected[k]!.toLowerCase())) {
        out.problems.push({ where, message: `the header is "${line}"; expected "${CSV_COLUMNS.slice(0, REQUIRED).join(',')}" optionally followed by ",traders" and ",coverage"` });
        header = [];
      }
      return;
    }
    if (header.length === 0) return; // a bad header was reported; the rows cannot be read by it
    const problem = (message: string): void => void out.problems.push({ where, message: `${message} (in "${line.length > 120 ? `${line.slice(0, 117)}...` : line}")` });
    if (cells.length > header.length) return problem(`${cells.length} cells, but the header names ${header.length} columns`);
    if (cells.length < REQUIRED) return problem(`${cells.length} cells; date, window, usd, longUsd and shortUsd are required`);
    const [date, window, usdText, longText, shortText, tradersText = '', coverageText = ''] = cells.map((c) => c.trim());
    const minutes = parseWindowLabel(window!);
    if (minutes === null) return problem(`window "${window}" is not a length such as 1h, 24h or 7d`);
    let endMs: number;
    if (DAY.test(date!)) endMs = Date.parse(`${date}T00:00:00Z`) + DAY_MS;
    else if (ISO.test(date!)) endMs = instantMs(date!.toUpperCase());
    else return problem(`date "${date}" is neither YYYY-MM-DD (a UTC day) nor an ISO 8601 date-time with an offset (the window's end)`);
    if (Number.isNaN(endMs) || (DAY.test(date!) && isoUtc(endMs - DAY_MS).slice(0, 10) !== date)) return problem(`date "${date}" is not a real date`);
    const figures: number[] = [];
    for (const [name, t] of [['usd', usdText], ['longUsd', longText], ['shortUsd', shortText]] as const) {
      if (t!.startsWith('-')) return problem(`${name} "${t}" is negative; liquidations are never below 0`);
      if (!NUMBER.test(t!)) return problem(`${name} "${t}" is not a plain number of US dollars (digits and one dot, no $ or commas)`);
      figures.push(Number(t));
    }
    const [usd, longUsd, shortUsd] = figures as [number, number, number];
    if (Math.abs(longUsd + shortUsd - usd) > tolerance(usd)) return problem(`longUsd + shortUsd is ${longUsd + shortUsd}, but usd is ${usd}`);
    let traders: number | null = null;
    if (tradersText !== '') {
      if (!/^\d+$/.test(tradersText)) return problem(`traders "${tradersText}" is not a whole number`);
      traders = Number(tradersText);
    }
    if (coverageText !== '' && coverageText !== 'complete' && coverageText !== 'partial') return problem(`coverage "${coverageText}" is not complete or partial`);
    const startMs = endMs - minutes * MINUTE_MS;
    out.entries.push(
      bareEntry({
        id: importedId('csv', minutes, endMs),
        window: { start: isoUtc(startMs), end: isoUtc(endMs) },
        totals: { usd, longUsd, shortUsd, traders },
        coverage: coverageText === 'partial' ? 'partial' : 'complete',
        source: { kind: 'import-csv', ref: where },
      }),
    );
  });
  if (header === null) out.problems.push({ where: `${file}:1`, message: 'the file holds no header and no rows' } satisfies RowProblem);
  return out;
}

/** Cells of one line; a cell in double quotes may hold commas ("" is a quote). */
function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  return cells;
}
