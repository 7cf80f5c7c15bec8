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
  for (const i of listed) if (i.kind === 'skipped') report.err(`skipped ${shownName(i.label)}: ${i.reason}`);
  let invalid = 0;
  let own = 0;
  for (const [index, item] of items.entries()) {
    report.progress('validating', index, total);
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
  if (summarise && !o.quiet) report.out(`${plural(total, 'input')}: ${total - invalid - own} valid, ${invalid} invalid${own > 0 ? `, ${own} skipped (the product's own files)` : ''}`);
  return invalid > 0 ? 1 : 0;
}
