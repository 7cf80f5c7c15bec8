/**
 * What the CLI prints. Lines go through one reporter so that a progress line
 * on a terminal is cleared before any other line and never garbles it, and
 * so that every line is made safe for a terminal in one place: a file name or
 * a snapshot value in it can hold no control, direction or invisible
 * character (they are shown as escapes), and no line runs on for megabytes.
 */
import { forTerminal } from '../util/terminal.js';

/** Longest line printed whole (a long path and a long message fit). */
export const LINE_MAX = 8192;

/** Each line of `text` (a --debug stack has several) safe for a terminal. forTerminal is idempotent, so lines already made safe pass unchanged. */
const safeLines = (text: string): string => text.split('\n').map((l) => forTerminal(l, LINE_MAX)).join('\n');

/** The little the CLI needs of a stream, so tests can pass a plain object. */
export interface TextSink {
  write(chunk: string): unknown;
}

export interface CommandIO {
  stdin: AsyncIterable<string | Uint8Array> | undefined;
  stdout: TextSink;
  stderr: TextSink;
  isTTY: boolean;
}

/** Above this many inputs, one summary line replaces the line per file. */
export const SUMMARY_ABOVE = 20;
/** From this many inputs on, a terminal gets a progress line. */
export const PROGRESS_FROM = 20;

export class Reporter {
  private shown = ''; // the progress text now on screen, if any
  private lastStep = -1;

  constructor(
    private readonly stdout: TextSink,
    private readonly stderr: TextSink,
    /** Show progress (only when stderr is a terminal and the batch is big). */
    private readonly progressOn: boolean,
  ) {}

  out(line: string): void {
    this.clearProgress();
    this.stdout.write(`${safeLines(line)}\n`);
  }

  err(line: string): void {
    this.clearProgress();
    this.stderr.write(`${safeLines(line)}\n`);
  }

  /** `rendering 120/10000 (1%)`, redrawn in place about a hundred times over a batch. */
  progress(verb: string, done: number, total: number): void {
    if (!this.progressOn) return;
    const step = Math.floor((done * 100) / total);
    if (step === this.lastStep && this.shown) return;
    this.lastStep = step;
    const text = `${verb} ${done}/${total} (${step}%)`;
    this.stderr.write(`\r${text}${' '.repeat(Math.max(0, this.shown.length - text.length))}`);
    this.shown = text;
  }

  /** Any one-line status, redrawn in place; the caller decides how often (e.g. per percent of a large file). */
  status(text: string): void {
    if (!this.progressOn) return;
    this.stderr.write(`\r${text}${' '.repeat(Math.max(0, this.shown.length - text.length))}`);
    this.shown = text;
  }

  /** Leaves the terminal as it was before the first progress line. */
  done(): void {
    this.clearProgress();
  }

  private clearProgress(): void {
    if (!this.shown) return;
    this.stderr.write(`\r${' '.repeat(this.shown.length)}\r`);
    this.shown = '';
  }
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
