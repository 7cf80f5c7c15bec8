/** How a failed input is told: `<file>: <path>: <message>` lines, no stack trace unless --debug. */
import { LiqnewsError, formatIssues } from '../errors.js';
import { InputReadError } from './inputs.js';

export function problemLines(label: string, error: unknown, debug: boolean): string[] {
  if (error instanceof LiqnewsError && error.issues.length > 0) return formatIssues(error.issues).map((line) => `${label}: ${line}`);
  if (error instanceof InputReadError) return [`${label}: ${error.message}`];
  const lines: string[] = [];
  if (error instanceof LiqnewsError) {
    // Every line names the file, so a long report still greps by file.
    for (const line of error.message.split('\n')) lines.push(`${label}: ${line}`);
    if (error.hint) lines.push(`${label}: hint: ${error.hint}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    lines.push(`${label}: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}`);
  }
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  return lines;
}
