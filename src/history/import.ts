/**
 * `history import FILE…`: which reader a file needs, from its content. A
 * .csv file is the history CSV; a JSON file is a CoinGlass answer when it is
 * an envelope with "code", else a snapshot or an array of snapshots. A
 * directory stands for its .json and .csv files, sorted by name.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isCoinglassAnswer, readCoinglassHistory } from './import-coinglass.js';
import { readHistoryCsv } from './import-csv.js';
import { readSnapshots } from './import-snapshots.js';
import type { ImportOptions, ImportRead } from './import-types.js';

export type ImportKind = 'csv' | 'coinglass' | 'snapshot';

export interface FileRead extends ImportRead {
  file: string;
  kind: ImportKind | null;
}

export function readImportFile(file: string, options: ImportOptions): FileRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, kind: null, entries: [], notes: [], problems: [{ where: file, message: `cannot read the file: ${(e as Error).message}` }] };
  }
  if (/\.csv$/i.test(file)) return { file, kind: 'csv', ...readHistoryCsv(text, file, options) };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { file, kind: null, entries: [], notes: [], problems: [{ where: file, message: `neither a .csv file nor valid JSON (${(e as Error).message})` }] };
  }
  if (isCoinglassAnswer(json)) return { file, kind: 'coinglass', ...readCoinglassHistory(json, text, file, options) };
  return { file, kind: 'snapshot', ...readSnapshots(json, file, options) };
}

/** The files an argument stands for: itself, or a directory's .json and .csv files (sorted; not recursive). */
export function expandInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = statSync(p, { throwIfNoEntry: false });
    if (st?.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (/\.(json|csv)$/i.test(name)) out.push(join(p, name));
    } else {
      out.push(p);
    }
  }
  return out;
}
