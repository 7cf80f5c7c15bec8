/**
 * `liqnews.config.json`: a newsroom's settings, so that every command line
 * does not repeat them. Found upward from the working directory (the first
 * `liqnews.config.json` in it or a parent), or named with `--config FILE`;
 * `--no-config` ignores it.
 *
 * The config is turned into the flags it stands for and put in front of the
 * command line, but only for flags the line does not give itself and the
 * command takes: the command line always wins, and one parser checks both, so
 * a value in the file is refused with the same message as on the line.
 * Validated with zod (strict: a misspelt key is an error, not ignored), every
 * problem reported at once with the file and the key (config-file.ts, loaded
 * only when a config exists, so `--help` never loads zod).
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { OPTIONS, commandOf } from './args.js';

export const CONFIG_FILE = 'liqnews.config.json';

export type { Config, LoadedConfig } from './config-file.js';
import type { Config } from './config-file.js';

/** The config file for a run: `--config FILE`, else the nearest `liqnews.config.json` upward from `cwd`; null with `--no-config` or none. */
export function findConfig(argv: readonly string[], cwd: string): string | null | { problem: string } {
  if (argv.includes('--no-config')) return null;
  const at = argv.findIndex((a) => a === '--config' || a.startsWith('--config='));
  if (at >= 0) {
    const value = argv[at]!.startsWith('--config=') ? argv[at]!.slice('--config='.length) : argv[at + 1];
    if (!value || value.startsWith('-')) return { problem: '--config needs a value (--config FILE)' };
    const file = resolve(cwd, value);
    return existsSync(file) ? file : { problem: `--config ${value}: no such file` };
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return null;
  }
}

/** The flags a config stands for, as [flag, value] pairs; paths are relative to the config file's folder. */
export function configFlags(config: Config, file: string): [string, string | true][] {
  const base = dirname(file);
  const path = (p: string): string => (isAbsolute(p) ? p : join(base, p));
  const out: [string, string | true][] = [];
  const add = (flag: string, value: string | number | boolean | undefined): void => {
    if (value === undefined || value === false) return;
    out.push([flag, value === true ? true : String(value)]);
  };
  add('--publisher', config.publisher?.name);
  add('--publisher-logo', config.publisher?.logo);
  add('--publisher-url', config.publisher?.url);
  add('--author', config.author);
  add('--site', config.site);
  add('--base-url', config.baseUrl);
  add('--tz', config.timeZone);
  add('--locale', config.locale);
  add('--style', config.style);
  add('--format', config.formats?.join(','));
  add('--sections', Array.isArray(config.sections) ? config.sections.join(',') : config.sections);
  add('--category', config.category);
  add('--email-publication', config.email?.publication);
  add('--email-address', config.email?.address);
  add('--email-unsubscribe', config.email?.unsubscribe);
  add('--publish', config.publish);
  add('--out', config.out === undefined ? undefined : path(config.out));
  if (config.history === false) add('--no-history', true);
  else add('--history', config.history === undefined ? undefined : path(config.history));
  const rules = config.newsworthiness ?? {};
  add('--floor', rules.floor);
  add('--floor-per-hour', rules.floorPerHour);
  add('--median-multiple', rules.medianMultiple);
  add('--max-rank', rules.maxRank);
  add('--rank-days', rules.rankDays);
  add('--price-move', rules.priceMove);
  return out;
}

/** Flags that stand in for each other: a line that gives one has decided them all. */
const SAME_CHOICE: Record<string, readonly string[]> = { '--history': ['--no-history'], '--no-history': ['--history'] };

/**
 * The command line with the config's flags in front, for the flags the line
 * does not give and the command takes. `--config`/`--no-config` are taken out
 * (they are read here, not by the parser).
 */
export function withConfig(argv: readonly string[], flags: readonly [string, string | true][]): string[] {
  const line: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-config' || a.startsWith('--config=')) continue;
    if (a === '--config') {
      i++;
      continue;
    }
    line.push(a);
  }
  const command = commandOf(line);
  if (command === null) return line;
  const given = new Set(line.filter((a) => a.startsWith('--')).map((a) => a.split('=')[0]!));
  const front: string[] = [];
  for (const [flag, value] of flags) {
    if (given.has(flag) || (SAME_CHOICE[flag] ?? []).some((f) => given.has(f))) continue;
    if (!OPTIONS[flag]?.commands.includes(command)) continue;
    front.push(value === true ? flag : `${flag}=${value}`);
  }
  // After the command name, so the line still starts with it (`render --out=… x.json`).
  const at = line.indexOf(command);
  return [...line.slice(0, at + 1), ...front, ...line.slice(at + 1)];
}
