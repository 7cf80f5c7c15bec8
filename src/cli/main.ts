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
import { configFlags, findConfig, withConfig } from './config.js';
import { forTerminal } from '../util/terminal.js';

export interface MainIO {
  argv: readonly string[];
  stdin?: AsyncIterable<string | Uint8Array>;
  stdout: TextSink;
  stderr: TextSink;
  env?: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress display). */
  isTTY?: boolean;
  /** Where a relative path starts and the config file is looked for (default: process.cwd()). */
  cwd?: string;
}

/** 0 success · 1 some input invalid or some file not written · 2 usage error · 3 decide: a snapshot to skip. */
export async function main(io: MainIO): Promise<number> {
  const debug = io.argv.includes('--debug');
  try {
    const line = await argvWithConfig(io.argv, io.cwd ?? process.cwd(), io.stderr);
    if (line === null) return 2;
    const parsed = parseArgv(line.argv);
    if (parsed.kind === 'usage' && line.file) {
      // A value the config file set is refused like one on the line: say which setting, and where it came from.
      const culprit = line.added.find((a) => parseArgv(line.argv.filter((x) => x !== a)).kind !== 'usage');
      if (culprit) parsed.message += ` (${culprit.split('=')[0]} set in ${line.file})`;
    }
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
      case 'studio':
        return await (await import('./studio.js')).runStudio(parsed.options, new Date(), { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY ?? false }, io.env ?? process.env);
      case 'decide':
        return await (await import('./decide.js')).runDecide(parsed.options, parsed.options.now ?? new Date(), { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, isTTY: io.isTTY ?? false });
    }
  } catch (e) {
    // A history store busy or unreadable is a condition of the machine, said as such (its message says what to do), not a bug.
    if (e instanceof Error && e.name === 'HistoryError') {
      io.stderr.write(`liqnews: ${forTerminal(e.message, 1000)}\n`);
      if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
      return 1;
    }
    // Anything else that reaches here is a bug, not a bad input: say so briefly, with the stack only on request.
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`liqnews: internal error: ${message}\n`);
    io.stderr.write(debug && e instanceof Error && e.stack ? `${e.stack}\n` : 'run with --debug for details\n');
    return 1;
  }
}

/**
 * The command line with the config file's settings in front (config.ts), or
 * null after saying why the config cannot be used. Help and version never
 * read it, so a broken config cannot hide the help that explains it.
 */
async function argvWithConfig(argv: readonly string[], cwd: string, stderr: TextSink): Promise<{ argv: string[]; file: string | null; added: string[] } | null> {
  if (argv.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-v') || argv[0] === 'help') {
    return { argv: withConfig(argv, []), file: null, added: [] };
  }
  const found = findConfig(argv, cwd);
  if (found !== null && typeof found === 'object') {
    stderr.write(`liqnews: ${found.problem}\nsee liqnews --help\n`);
    return null;
  }
  if (found === null) return { argv: withConfig(argv, []), file: null, added: [] };
  const loaded = (await import('./config-file.js')).loadConfig(found);
  if ('problems' in loaded) {
    for (const p of loaded.problems) stderr.write(`liqnews: ${forTerminal(found, 300)}: ${p}\n`);
    stderr.write(`hint: fix the file, name another with --config FILE, or ignore it with --no-config\n`);
    return null;
  }
  const plain = withConfig(argv, []);
  const full = withConfig(argv, configFlags(loaded.config, found));
  return { argv: full, file: found, added: full.filter((a) => !plain.includes(a)) };
}

async function run(command: Exclude<Command, 'ingest' | 'feed' | 'history' | 'decide' | 'studio'>, options: RunOptions, io: CommandIO): Promise<number> {
  if (command === 'styles') {
    io.stdout.write(stylesText());
    return 0;
  }
  const now = options.now ?? new Date();
  // Loaded on demand so that --help, --version and styles start without the rendering stack.
  if (command === 'validate') return (await import('./validate.js')).runValidate(options, now, io);
  return (await import('./render.js')).runRender(options, now, io);
}
