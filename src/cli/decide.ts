/**
 * `liqnews decide <snapshot…>`: publish or skip, per snapshot, from the
 * history store (read only; a missing default store means no history) or the
 * snapshot's own context.history block. Options are parsed here; the store
 * and the rules load only when the command runs.
 */
import { defaultHistoryPath } from '../history/paths.js';
import type { DecideRules } from '../history/decide.js';
import { parseSnapshot } from '../snapshot/parse.js';
import { forTerminal, shownName } from '../util/terminal.js';
import { listInputs, namedOwnOutput, nothingToRead, ownOutputReason, readInput } from './inputs.js';
import { problemLines } from './problems.js';
import type { CommandIO } from './report.js';

export const DECIDE_OPTIONS = {
  '--no-history': { value: false, commands: ['render', 'decide', 'studio'] },
  '--floor': { value: true, commands: ['decide'] },
  '--floor-per-hour': { value: true, commands: ['decide'] },
  '--median-multiple': { value: true, commands: ['decide'] },
  '--max-rank': { value: true, commands: ['decide'] },
  '--rank-days': { value: true, commands: ['decide'] },
  '--price-move': { value: true, commands: ['decide'] },
} as const;

export const DECIDE_VALUE_NAMES: Record<string, string> = {
  '--floor': 'USD',
  '--floor-per-hour': 'USD',
  '--median-multiple': 'X',
  '--max-rank': 'N',
  '--rank-days': '7|30|90|365',
  '--price-move': 'PCT',
};

export interface DecideRunOptions {
  inputs: string[];
  /** The store; null with --no-history. */
  store: string | null;
  /** The store was named with --history: a missing file is then an error, not "no history". */
  storeGiven: boolean;
  rules: Partial<DecideRules>;
  json: boolean;
  now: Date | null;
  quiet: boolean;
  debug: boolean;
}

export function decideOptions(inputs: readonly string[], text: (name: string) => string | undefined, flag: (name: string) => boolean, now: Date | null): DecideRunOptions | string {
  if (inputs.length === 0) return 'decide needs at least one snapshot: a file, a directory, or - for standard input';
  if (inputs.filter((i) => i === '-').length > 1) return 'standard input (-) can be read only once';
  if (flag('--no-history') && text('--history') !== undefined) return 'give --history FILE or --no-history, not both';
  const rules: Partial<DecideRules> = {};
  const num = (name: string, key: 'floorUsd' | 'floorUsdPerHour' | 'medianMultiple' | 'priceMovePct', min: number): string | null => {
    const t = text(name);
    if (t === undefined) return null;
    const n = Number(t.replace(/_/g, ''));
    if (!/^\d+(\.\d+)?$/.test(t.replace(/_/g, '')) || n < min) return `${name} takes a number from ${min}, got "${t}"`;
    rules[key] = n;
    return null;
  };
  const bad = num('--floor', 'floorUsd', 0) ?? num('--floor-per-hour', 'floorUsdPerHour', 0) ?? num('--median-multiple', 'medianMultiple', 0) ?? num('--price-move', 'priceMovePct', 0);
  if (bad) return bad;
  const rankText = text('--max-rank');
  if (rankText !== undefined) {
    if (!/^\d+$/.test(rankText) || Number(rankText) < 1) return `--max-rank takes a whole number from 1, got "${rankText}"`;
    rules.maxRank = Number(rankText);
  }
  const daysText = text('--rank-days');
  if (daysText !== undefined) {
    if (!['7', '30', '90', '365'].includes(daysText)) return `--rank-days takes 7, 30, 90 or 365, got "${daysText}"`;
    rules.rankDays = Number(daysText) as DecideRules['rankDays'];
  }
  const given = text('--history');
  return {
    inputs: [...inputs],
    store: flag('--no-history') ? null : (given ?? defaultHistoryPath(text('--out') ?? 'output')),
    storeGiven: given !== undefined,
    rules,
    json: flag('--json'),
    now,
    quiet: flag('--quiet'),
    debug: flag('--debug'),
  };
}

/** 0 every snapshot is to be published · 3 at least one is to be skipped · 1 an input or the store could not be read. */
export async function runDecide(o: DecideRunOptions, now: Date, io: CommandIO): Promise<number> {
  const lib = await import('../history/index.js');
  const err = (line: string): void => void io.stderr.write(`${line}\n`);
  let history: import('../history/store.js').History | null = null;
  if (o.store !== null) {
    try {
      history = lib.openHistory(o.store, { readonly: true });
    } catch (e) {
      if (!(e instanceof lib.HistoryError)) throw e;
      if (e.code !== 'HISTORY_MISSING' || o.storeGiven) {
        err(`liqnews: ${forTerminal(e.message, 600)}`);
        return 1;
      }
    }
  }
  const results: unknown[] = [];
  let invalid = 0;
  let skipped = 0;
  let listed = 0;
  let passedOver = 0;
  try {
    for (const item of listInputs(o.inputs, null)) {
      listed++;
      if (item.kind === 'skipped') {
        err(`skipped ${shownName(item.label)}: ${item.reason}`);
        passedOver++;
        continue;
      }
      if (item.kind === 'error') {
        err(`${shownName(item.label)}: ${item.message}`);
        invalid++;
        continue;
      }
      let snapshot;
      try {
        const text = await readInput(item, io.stdin);
        // The product's own files in a folder that was also an --out: passed over, as render does.
        const own = ownOutputReason(text);
        if (own !== null && item.kind === 'file' && item.named) {
          err(shownName(namedOwnOutput(item.label, own)));
          invalid++;
          continue;
        }
        if (own !== null) {
          if (!o.quiet) err(`skipped ${shownName(item.label)}: ${own}`);
          passedOver++;
          continue;
        }
        snapshot = parseSnapshot(text, now);
      } catch (e) {
        for (const line of problemLines(item.label, e, o.debug)) err(line);
        invalid++;
        continue;
      }
      const stored = history ? history.contextFor(snapshot) : null;
      const block = lib.historyBlockOf(snapshot);
      const context = stored && !stored.empty ? stored : block ? lib.contextFromBlock(block, snapshot) : stored;
      const d = lib.decide(snapshot, context, o.rules);
      if (!d.publish) skipped++;
      if (o.json) results.push({ input: item.label, ...d });
      else if (!o.quiet || !d.publish) io.stdout.write(`${forTerminal(item.label)}: ${d.publish ? 'publish' : 'skip'} (${d.register}): ${d.reason}\n`);
    }
  } finally {
    history?.close();
  }
  if (o.json) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  // Nothing decided is not "publish everything": a script that runs render next must not carry on.
  if (listed > 0 && passedOver === listed) {
    err(nothingToRead(listed));
    return 1;
  }
  return invalid > 0 ? 1 : skipped > 0 ? 3 : 0;
}
