/**
 * The `liqnews` command, callable in-process: streams in, an exit code out.
 * bin/liqnews.js only wires it to the process. This is the one place that
 * reads the clock (when --now is not given).
 */
import { parseArgv, type RunOptions, type Command } from './args.js';
import { helpText } from './help.js';
import { stylesText } from './styles.js';
import { packageVersion } from './version.js';
import type { CommandIO, TextSink } from './report.js';

export interface MainIO {
  argv: readonly string[];
  stdin?: AsyncIterable<string | Uint8Array>;
  stdout: TextSink;
  stderr: TextSink;
  env?: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress display). */
  isTTY?: boolean;
}

/** 0 success · 1 some input invalid or some file not written · 2 usage error · 3 decide: a snapshot to skip. */
export async function main(io: MainIO): Promise<number> {
  const debug = io.argv.includes('--debug');
  try {
    const parsed = parseArgv(io.argv);
    switch (parsed.kind) {
      case 'help':
        io.stdout.write(helpText(parsed.topic));
        return 0;
      case 'version':
        io.stdout.write(`${packageVersion()}\n`);
        return 0;
      case 'usage':
        io.stderr.write(`liqnews: ${parsed.message}\nsee liqnews ${parsed.command ? `${parsed.command} ` : ''}--help\n`);
        return 2;
      case 'run':
        // LIQNEWS_HISTORY=off: no default store (a test run or a throwaway render); --history FILE still opens one.
        if (parsed.options.history === null && (io.env ?? process.env)['LIQNEWS_HISTORY'] === 'off') parsed.options.history = false;
        return await run(parsed.command, parsed.options, { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY ?? false });
      case 'ingest':
        return await (await import('./ingest.js')).runIngest(parsed.options, () => new Date(), { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY ?? false });
      case 'feed':
        return await (await import('./feed.js')).runFeed(parsed.options, { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY ?? false });
      case 'history':
        return await (await import('./history.js')).runHistory(parsed.options, parsed.options.now ?? new Date(), { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY ?? false });
      case 'decide':
        return await (await import('./decide.js')).runDecide(parsed.options, parsed.options.now ?? new Date(), { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY ?? false });
    }
  } catch (e) {
    // Anything that reaches here is a bug, not a bad input: say so briefly, with the stack only on request.
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`liqnews: internal error: ${message}\n`);
    io.stderr.write(debug && e instanceof Error && e.stack ? `${e.stack}\n` : 'run with --debug for details\n');
    return 1;
  }
}

async function run(command: Exclude<Command, 'ingest' | 'feed' | 'history' | 'decide'>, options: RunOptions, io: CommandIO): Promise<number> {
  if (command === 'styles') {
    io.stdout.write(stylesText());
    return 0;
  }
  const now = options.now ?? new Date();
  // Loaded on demand so that --help, --version and styles start without the rendering stack.
  if (command === 'validate') return (await import('./validate.js')).runValidate(options, now, io);
  return (await import('./render.js')).runRender(options, now, io);
}
