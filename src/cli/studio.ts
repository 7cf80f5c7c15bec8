/**
 * `liqnews studio [dir]`: the editor's desk over a snapshots folder and the
 * output folder (src/studio/). Runs until interrupted.
 */
import { existsSync, statSync } from 'node:fs';
import type { CommandIO } from './report.js';
import { forTerminal } from '../util/terminal.js';
import { parseSections } from '../plan/sections.js';

export const STUDIO_OPTIONS = {
  '--port': { value: true, commands: ['studio'] },
  '--host': { value: true, commands: ['studio'] },
} as const;

export const STUDIO_VALUE_NAMES: Record<string, string> = { '--port': 'N', '--host': 'ADDRESS' };

export const DEFAULT_PORT = 4917;

export interface StudioRunOptions {
  /** The snapshots folder. */
  dir: string;
  out: string;
  host: string;
  port: number;
  /** The history store: a file, null for the default beside --out, or false for none (--no-history). */
  history: string | null | false;
  /** `--sections` (or the config's `sections`) as given, checked; null: the desk's default, the style's plus table and chart. */
  sections: string | null;
}

export function studioOptions(inputs: readonly string[], text: (name: string) => string | undefined, flag: (name: string) => boolean): StudioRunOptions | string {
  if (inputs.length > 1) return 'studio takes one snapshots folder';
  if (flag('--no-history') && text('--history') !== undefined) return '--history and --no-history contradict each other: give one';
  const portText = text('--port');
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (portText !== undefined && (!/^\d+$/.test(portText) || port > 65_535)) return `--port takes a port number from 0 to 65535, got "${portText}"`;
  const host = text('--host') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) return `--host takes an address or a host name, got "${host}"`;
  const sections = text('--sections') ?? null;
  const problem = sections === null ? null : parseSections(sections);
  // The same check and message as render's (args.ts).
  if (typeof problem === 'string') return problem.startsWith('--sections') ? problem : `--sections: ${problem}`;
  return { dir: inputs[0] ?? '.', out: text('--out') ?? 'output', host, port, history: flag('--no-history') ? false : (text('--history') ?? null), sections };
}

/** Starts the desk and resolves only when the process is told to stop (Ctrl-C), with the exit code. */
export async function runStudio(o: StudioRunOptions, now: Date, io: CommandIO, env: Readonly<Record<string, string | undefined>> = process.env, stop: Promise<void> = interrupted()): Promise<number> {
  if (!existsSync(o.dir) || !statSync(o.dir).isDirectory()) {
    io.stderr.write(`liqnews: ${forTerminal(o.dir, 300)} is not a folder of snapshots\n`);
    return 1;
  }
  const { isLoopback } = await import('../studio/security.js');
  if (!isLoopback(o.host)) {
    io.stderr.write(`liqnews: warning: listening on ${forTerminal(o.host, 100)}, not on loopback: anyone who can reach this address and learns the URL below can publish articles\n`);
  }
  const { startStudio } = await import('../studio/server.js');
  // As render: the default store beside --out, unless LIQNEWS_HISTORY=off; it is used only when it exists (the studio never creates one).
  const { defaultHistoryPath } = await import('../history/paths.js');
  const history = o.history === false ? null : (o.history ?? (env['LIQNEWS_HISTORY'] === 'off' ? null : defaultHistoryPath(o.out)));
  let studio;
  try {
    studio = await startStudio({ snapshots: o.dir, out: o.out, host: o.host, port: o.port, now, history, sections: o.sections });
  } catch (e) {
    const code = e !== null && typeof e === 'object' && 'code' in e ? String(e.code) : '';
    io.stderr.write(`liqnews: cannot listen on ${forTerminal(o.host, 100)}:${o.port}: ${code === 'EADDRINUSE' ? 'the port is in use (give another with --port N)' : e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  io.stdout.write(`liqnews studio: ${studio.url}\n`);
  io.stdout.write(`snapshots: ${forTerminal(o.dir, 300)} · output: ${forTerminal(o.out, 300)} · history: ${history && existsSync(history) ? forTerminal(history, 300) : 'none'} · stop with Ctrl-C\n`);
  await stop;
  await studio.close();
  return 0;
}

const interrupted = (): Promise<void> =>
  new Promise((ok) => {
    process.once('SIGINT', () => ok());
    process.once('SIGTERM', () => ok());
  });
