/** `liqnews validate`: the same reading and the same error lines as `render`, and nothing written. */
import { parseSnapshot } from '../snapshot/parse.js';
import type { RunOptions } from './args.js';
import { listInputs, namedOwnOutput, nothingToRead, ownOutputReason, readInput } from './inputs.js';
import { problemLines } from './problems.js';
import { PROGRESS_FROM, Reporter, SUMMARY_ABOVE, plural, type CommandIO } from './report.js';
import { shownName } from '../util/terminal.js';

export async function runValidate(o: RunOptions, now: Date, io: CommandIO): Promise<number> {
  // Listed with the links it passes over (to nothing, in a loop, to a folder), so each is said as `render` says it.
  const listed = [...listInputs(o.inputs, null)];
  const items = listed.filter((i) => i.kind !== 'skipped');
  const total = items.length;
  const summarise = total > SUMMARY_ABOVE;
  const report = new Reporter(io.stdout, io.stderr, io.isTTY && total >= PROGRESS_FROM && !o.quiet);
  let invalid = 0;
  let own = 0;
  let index = 0;
  // In listing order, skips included, as render says them.
  for (const item of listed) {
    if (item.kind === 'skipped') {
      report.err(`skipped ${shownName(item.label)}: ${item.reason}`);
      continue;
    }
    report.progress('validating', index++, total);
    if (item.kind === 'error') {
      report.err(`${shownName(item.label)}: ${item.message}`);
      invalid++;
      continue;
    }
    try {
      const text = await readInput(item, io.stdin);
      // A folder that was also render's or feed's --out holds the product's own files: passed over, as render does.
      const reason = ownOutputReason(text);
      if (reason !== null && item.kind === 'file' && item.named) {
        report.err(shownName(namedOwnOutput(item.label, reason)));
        invalid++;
        continue;
      }
      if (reason !== null) {
        if (!o.quiet) report.err(`skipped ${shownName(item.label)}: ${reason}`);
        own++;
        continue;
      }
      parseSnapshot(text, now);
      if (!summarise && !o.quiet) report.out(`${shownName(item.label)}: ok`);
    } catch (e) {
      for (const line of problemLines(item.label, e, o.debug)) report.err(line);
      invalid++;
    }
  }
  report.done();
  if (total - own === 0 && listed.length > 0) {
    report.err(nothingToRead(listed.length));
    return 1;
  }
  // The same count as render's summary: every entry listed, the skipped ones too.
  const skipped = listed.length - total + own;
  if (summarise && !o.quiet) report.out(`${plural(listed.length, 'input')}: ${total - invalid - own} valid, ${invalid} invalid${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return invalid > 0 ? 1 : 0;
}
