/**
 * `render --json`: one JSON line per input on standard output, in input
 * order, for pipelines: `{"input", "status", "files", "problems"}`. The
 * human lines (`wrote …`, the summary) are not printed; problems still go to
 * standard error as well, and each is also in its input's line.
 *
 * Inputs are not always finished in order (with a history store a group's
 * files are written after the group is rendered), so records queue and each
 * is printed once every input before it is done.
 */
import type { WriteResult } from '../output/write.js';
import type { TextSink } from './report.js';

export interface InputResult {
  input: string;
  status: 'rendered' | 'failed' | 'skipped' | 'pending';
  files: { path: string; format: string; status: string }[];
  problems: string[];
}

export class JsonResults {
  private readonly queue: InputResult[] = [];
  private current: InputResult | null = null;

  constructor(private readonly stdout: TextSink) {}

  /** Where the human stdout lines go: nowhere (the JSON lines replace them). */
  readonly silent: TextSink = { write: () => true };

  /** Standard error as before, each line also kept as a problem of the input being handled. */
  tee(stderr: TextSink): TextSink {
    return {
      write: (chunk: string) => {
        const line = chunk.replace(/\n$/, '');
        if (this.current && line && !line.startsWith('\r')) this.current.problems.push(line);
        return stderr.write(chunk);
      },
    };
  }

  /** A new input, now being handled. */
  begin(input: string): InputResult {
    const r: InputResult = { input, status: 'pending', files: [], problems: [] };
    this.queue.push(r);
    this.current = r;
    return r;
  }

  /** Problems reported from now on belong to `r` (a group's write, later than its render). */
  focus(r: InputResult | null): void {
    this.current = r;
  }

  end(r: InputResult, status: 'rendered' | 'failed' | 'skipped', results: readonly WriteResult[] = []): void {
    r.status = status;
    r.files = results.map((w) => ({ path: w.path, format: w.format, status: w.status }));
    this.flush();
  }

  /** Prints every finished record whose earlier inputs are finished too. */
  flush(): void {
    while (this.queue.length > 0 && this.queue[0]!.status !== 'pending') this.stdout.write(`${JSON.stringify(this.queue.shift())}\n`);
  }

  /** At the end: what is still pending was never attempted (after a stop). */
  finish(): void {
    for (const r of this.queue) if (r.status === 'pending') r.status = 'failed';
    this.current = null;
    this.flush();
  }
}
