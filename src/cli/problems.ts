/**
 * How a failed input is told: `<file>: <path>: <message>` lines, no stack
 * trace unless --debug. File names and messages (which may quote snapshot
 * values) go through `forTerminal`: no control or direction character reaches
 * the terminal, and no value, however long, makes a line longer than a screen
 * or two.
 */
import { LiqnewsError, formatIssues } from '../errors.js';
import { forTerminal } from '../util/terminal.js';
import { InputReadError } from './inputs.js';

/** Longest file name shown whole: PATH_MAX on Linux, so a real path is never cut. */
export const LABEL_MAX = 4096;
/** Longest message shown whole: every message we write is shorter; a quoted value that is not is cut. */
export const MESSAGE_MAX = 1000;

export function problemLines(label: string, error: unknown, debug: boolean): string[] {
  const name = forTerminal(label, LABEL_MAX);
  const say = (text: string): string => `${name}: ${forTerminal(text, MESSAGE_MAX)}`;
  if (error instanceof LiqnewsError && error.issues.length > 0) return formatIssues(error.issues).map(say);
  if (error instanceof InputReadError) return [say(error.message)];
  const lines: string[] = [];
  if (error instanceof LiqnewsError) {
    // Every line names the file, so a long report still greps by file.
    for (const line of error.message.split('\n')) lines.push(say(line));
    if (error.hint) lines.push(say(`hint: ${error.hint}`));
  } else {
    const message = error instanceof Error ? error.message : String(error);
    lines.push(say(`internal error: ${message}${debug ? '' : ' (run with --debug for details)'}`));
  }
  if (debug && error instanceof Error && error.stack) lines.push(error.stack.split('\n').map((l) => forTerminal(l, MESSAGE_MAX)).join('\n'));
  return lines;
}
