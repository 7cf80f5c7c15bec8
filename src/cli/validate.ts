/** `liqnews validate`: the same reading and the same error lines as `render`, and nothing written. */
import { parseSnapshot } from '../snapshot/parse.js';
import type { RunOptions } from './args.js';
import { expandInputs, readInput } from './inputs.js';
import { problemLines } from './problems.js';
import { PROGRESS_FROM, Reporter, SUMMARY_ABOVE, plural, type CommandIO } from './report.js';

export async function runValidate(o: RunOptions, now: Date, io: CommandIO): Promise<number> {
  const items = expandInputs(o.inputs, null);
  const total = items.length;
  const summarise = total > SUMMARY_ABOVE;
  const report = new Reporter(io.stdout, io.stderr, io.isTTY && total >= PROGRESS_FROM && !o.quiet);
  let invalid = 0;
  for (const [index, item] of items.entries()) {
    report.progress('validating', index, total);
    if (item.kind === 'error') {
      report.err(`${item.label}: ${item.message}`);
      invalid++;
      continue;
    }
    try {
      parseSnapshot(await readInput(item, io.stdin), now);
      if (!summarise && !o.quiet) report.out(`${item.label}: ok`);
    } catch (e) {
      for (const line of problemLines(item.label, e, o.debug)) report.err(line);
      invalid++;
    }
  }
  report.done();
  if (summarise && !o.quiet) report.out(`${plural(total, 'input')}: ${total - invalid} valid, ${invalid} invalid`);
  return invalid > 0 ? 1 : 0;
}
