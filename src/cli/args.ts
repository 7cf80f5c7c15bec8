/**
 * Command-line parsing, by hand so that every mistake gets a one-line message
 * a person can act on. Parsing reads no file and no clock: it only turns argv
 * into either a request or a usage error.
 */
import { DEFAULT_FORMATS, FORMATS, LOCALES, SITES, UNSUBSCRIBE_SCHEMES, WEB_SCHEMES, isFormat, isLocale, isSiteName, isValidZone, nameProblem, urlProblem, type Format, type SiteName } from '../options.js';
import { STYLE_NAMES, isStyleName, type StyleName } from '../plan/styles.js';
import { closest } from './suggest.js';
import { parseSections } from '../plan/sections.js';
import { INGEST_OPTIONS, INGEST_VALUE_NAMES, ingestOptions, type IngestRunOptions, type OptionEvent } from './ingest-args.js';
import { FEED_OPTIONS, FEED_VALUE_NAMES, checkSiteUrl, feedOptions, type FeedRunOptions } from './feed.js';
import { HISTORY_OPTIONS, HISTORY_VALUE_NAMES, historyOptions, type HistoryRunOptions } from './history.js';
import { DECIDE_OPTIONS, DECIDE_VALUE_NAMES, decideOptions, type DecideRunOptions } from './decide.js';
import { STUDIO_OPTIONS, STUDIO_VALUE_NAMES, studioOptions, type StudioRunOptions } from './studio.js';

export const COMMANDS = ['render', 'validate', 'styles', 'ingest', 'feed', 'history', 'decide', 'studio'] as const;
export type Command = (typeof COMMANDS)[number];
const isCommand = (s: string | undefined): s is Command => (COMMANDS as readonly (string | undefined)[]).includes(s);

interface OptionSpec {
  /** Takes a value (`--out DIR` or `--out=DIR`). */
  value: boolean;
  commands: readonly Command[];
}

export const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  '--out': { value: true, commands: ['render', 'ingest', 'feed', 'history', 'decide', 'studio'] },
  '--style': { value: true, commands: ['render'] },
  '--format': { value: true, commands: ['render'] },
  '--site': { value: true, commands: ['render'] },
  '--faq-jsonld': { value: false, commands: ['render'] },
  '--sections': { value: true, commands: ['render', 'studio'] },
  '--base-url': { value: true, commands: ['render'] },
  '--publisher-logo': { value: true, commands: ['render'] },
  '--publisher-url': { value: true, commands: ['render'] },
  '--email-publication': { value: true, commands: ['render'] },
  '--email-address': { value: true, commands: ['render'] },
  '--email-unsubscribe': { value: true, commands: ['render'] },
  '--expire-after': { value: true, commands: ['render'] },
  '--stdout': { value: false, commands: ['render'] },
  '--now': { value: true, commands: ['render', 'validate', 'ingest', 'history', 'decide'] },
  '--tz': { value: true, commands: ['render'] },
  '--force': { value: false, commands: ['render', 'ingest', 'feed'] },
  '--publish': { value: false, commands: ['render'] },
  '--keep-edited': { value: false, commands: ['render'] },
  '--author': { value: true, commands: ['render'] },
  '--publisher': { value: true, commands: ['render'] },
  '--category': { value: true, commands: ['render'] },
  '--locale': { value: true, commands: ['render'] },
  '--jobs': { value: true, commands: ['render'] },
  '--only-newsworthy': { value: false, commands: ['render'] },
  '--quiet': { value: false, commands: ['render', 'validate', 'ingest', 'feed', 'history', 'decide'] },
  ...INGEST_OPTIONS,
  ...FEED_OPTIONS,
  ...HISTORY_OPTIONS,
  ...DECIDE_OPTIONS,
  ...STUDIO_OPTIONS,
  // Shared with history: list --window / --limit, import --symbol (a CoinGlass answer's coin).
  '--window': { value: true, commands: ['ingest', 'history'] },
  '--symbol': { value: true, commands: ['ingest', 'history'] },
  '--limit': { value: true, commands: ['feed', 'history'] },
  '--debug': { value: false, commands: COMMANDS },
  '--help': { value: false, commands: COMMANDS },
  '--version': { value: false, commands: COMMANDS },
};
const ALIASES: Record<string, string> = { '-h': '--help', '-v': '--version' };

export interface RunOptions {
  inputs: string[];
  out: string;
  style: StyleName | 'auto';
  formats: Format[];
  /** Site profile for the Markdown front matter; null: OUTPUT.md's portable set. */
  site?: SiteName | null;
  /** Add a FAQPage JSON-LD block to HTML pages that have a FAQ section. */
  faqJsonLd?: boolean;
  /** `--sections` as given (checked here; plan/sections.ts), or null for each style's default. */
  sections?: string | null;
  /** Where the articles are published (no trailing slash): each one's canonical URL is `<baseUrl>/<slug>/`. */
  baseUrl?: string | null;
  /** Hugo `expiryDate`: the window end plus this many days (with --site hugo only). */
  expiryDays?: number | null;
  /** The publisher's logo (http or https): JSON-LD publisher.logo. */
  publisherLogo?: string | null;
  /** JSON-LD publisher.url (http or https). */
  publisherUrl?: string | null;
  /** The newsletter's masthead: the publication's name. */
  emailPublication?: string | null;
  /** The newsletter's footer: the postal address. */
  emailAddress?: string | null;
  /** The newsletter's footer: the unsubscribe link (http, https or mailto). */
  emailUnsubscribe?: string | null;
  stdout: boolean;
  /** Null: the caller reads the clock. */
  now: Date | null;
  timeZone: string;
  /** en-US or en-GB: how dates are written. */
  locale?: string;
  /** One JSON line per input on stdout (status, files, problems) instead of the human lines. */
  json?: boolean;
  /** `draft: false` in the front matter (default: every article is a draft). */
  publish?: boolean;
  /** Files kept because an editor changed them are reported, but do not make the exit code 1. */
  keepEdited?: boolean;
  author?: string | null;
  publisher?: string | null;
  category?: string | null;
  force: boolean;
  quiet: boolean;
  debug: boolean;
  /** Worker threads for large batches; null: chosen from the batch size and cores. */
  jobs?: number | null;
  /** The history store: a file, null for the default beside --out, or false for none (--no-history). */
  history?: string | null | false;
  /** Render only what `decide` would publish; the rest are reported as skipped. */
  onlyNewsworthy?: boolean;
}

export type Parsed =
  | { kind: 'help'; topic: Command | null }
  | { kind: 'version' }
  | { kind: 'run'; command: Exclude<Command, 'ingest' | 'feed' | 'history' | 'decide' | 'studio'>; options: RunOptions }
  | { kind: 'ingest'; options: IngestRunOptions }
  | { kind: 'feed'; options: FeedRunOptions }
  | { kind: 'history'; options: HistoryRunOptions }
  | { kind: 'decide'; options: DecideRunOptions }
  | { kind: 'studio'; options: StudioRunOptions }
  | { kind: 'usage'; message: string; command?: Command };

/**
 * The command a line is for, read before the options are checked, so a
 * mistake can point to that command's help and suggest only its options.
 * Skips the values of options that take one (`--out render` is not `render`).
 */
export function commandOf(argv: readonly string[]): Command | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return isCommand(argv[i + 1]) ? (argv[i + 1] as Command) : null;
    if (arg !== '-' && arg.startsWith('-')) {
      const name = ALIASES[arg] ?? arg;
      if (OPTIONS[name]?.value && !arg.includes('=')) i++;
      continue;
    }
    return isCommand(arg) ? arg : null;
  }
  return null;
}

export function parseArgv(argv: readonly string[]): Parsed {
  const parsed = parseLine(argv);
  if (parsed.kind !== 'usage') return parsed;
  const command = commandOf(argv);
  return command ? { ...parsed, command } : parsed;
}

function parseLine(argv: readonly string[]): Parsed {
  // Help and version win over everything else on the line, even over mistakes, as people expect.
  const beforeDashDash = argv.indexOf('--') < 0 ? argv : argv.slice(0, argv.indexOf('--'));
  if (beforeDashDash[0] === 'help') return { kind: 'help', topic: isCommand(beforeDashDash[1]) ? beforeDashDash[1] : null };
  if (beforeDashDash.some((a) => a === '--help' || a === '-h')) return { kind: 'help', topic: beforeDashDash.find(isCommand) ?? null };
  if (beforeDashDash.some((a) => a === '--version' || a === '-v')) return { kind: 'version' };

  const positionals: string[] = [];
  const given = new Map<string, string | true>();
  // Every option in order, with how many positionals came before it: `ingest` reads --source per input from this.
  const events: OptionEvent[] = [];
  // The first value option given twice: ingest reads per-file options in order; elsewhere the last would win silently.
  let repeated: { name: string; first: string; second: string } | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = ALIASES[arg] ?? (eq > 0 ? arg.slice(0, eq) : arg);
    const spec = OPTIONS[name];
    if (!spec) {
      // Suggest only what the command takes: a near miss that another command accepts would be refused next.
      const command = commandOf(argv);
      const candidates = Object.keys(OPTIONS).filter((o) => command === null || OPTIONS[o]!.commands.includes(command));
      return usage(`unknown option ${name}${didYouMean(name, candidates)}`);
    }
    if (!spec.value) {
      if (eq > 0) return usage(`${name} takes no value`);
      given.set(name, true);
      events.push({ name, value: true, at: positionals.length });
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && (next === '-' || !next.startsWith('-'))) value = next;
      if (value !== undefined) i++;
    }
    if (value === undefined || value === '') {
      // ingest writes one file where render and feed write a folder.
      const shape = name === '--out' && commandOf(argv) === 'ingest' ? 'FILE' : (VALUE_NAMES[name] ?? 'VALUE');
      return usage(`${name} needs a value (${name} ${shape})`);
    }
    const earlier = given.get(name);
    if (typeof earlier === 'string') repeated ??= { name, first: earlier, second: value };
    given.set(name, value);
    events.push({ name, value, at: positionals.length });
  }

  const [first, ...inputs] = positionals;
  if (first === undefined) return usage('missing command: render, validate, styles, ingest, feed, history, decide or studio');
  if (!isCommand(first)) return usage(`unknown command "${first}"${didYouMean(first, COMMANDS)}`);
  const command = first;
  for (const name of given.keys()) {
    if (!OPTIONS[name]?.commands.includes(command)) return usage(`${command} does not take ${name}`);
  }
  if (repeated && command !== 'ingest') {
    const { name, first: a, second: b } = repeated;
    const list = name === '--format' || name === '--sections' ? `; give one comma-separated list, e.g. ${name} ${a},${b}` : '; give it once';
    return usage(`${name} is given twice ("${a}" and "${b}")${list}`);
  }
  if (command === 'ingest') {
    const options = ingestOptions(positionals, events);
    return typeof options === 'string' ? usage(options) : { kind: 'ingest', options };
  }

  const text = (name: string): string | undefined => {
    const v = given.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const flag = (name: string): boolean => given.get(name) === true;
  if (command === 'studio') {
    const options = studioOptions(inputs, text, flag);
    return typeof options === 'string' ? usage(options) : { kind: 'studio', options };
  }
  if (command === 'feed') {
    const options = feedOptions(inputs, text, flag);
    return typeof options === 'string' ? usage(options) : { kind: 'feed', options };
  }
  if (command === 'history' || command === 'decide') {
    const now = parseNow(text('--now'));
    if (typeof now === 'string') return usage(now);
    if (command === 'history') {
      const options = historyOptions(inputs, text, flag, now);
      return typeof options === 'string' ? usage(options) : { kind: 'history', options };
    }
    const options = decideOptions(inputs, text, flag, now);
    return typeof options === 'string' ? usage(options) : { kind: 'decide', options };
  }

  const style = text('--style') ?? 'auto';
  if (style !== 'auto' && !isStyleName(style)) {
    return usage(`unknown style "${style}"${didYouMean(style, ['auto', ...STYLE_NAMES])}; styles: auto, ${STYLE_NAMES.join(', ')}`);
  }
  const formats = parseFormats(text('--format') ?? DEFAULT_FORMATS.join(','));
  if (typeof formats === 'string') return usage(formats);
  const site = text('--site')?.toLowerCase() ?? null;
  if (site !== null && !isSiteName(site)) return usage(`unknown site "${site}"${didYouMean(site, SITES)}; sites: ${SITES.join(', ')}`);
  const baseUrlText = text('--base-url');
  const baseUrl = baseUrlText === undefined ? null : checkSiteUrl(baseUrlText, '--base-url');
  if (baseUrl !== null && 'problem' in baseUrl) return usage(baseUrl.problem);
  const publisherLogo = text('--publisher-logo') ?? null;
  const logoProblem = publisherLogo === null ? null : urlProblem(publisherLogo, '--publisher-logo', WEB_SCHEMES);
  if (logoProblem) return usage(`${logoProblem}; give the logo's absolute address, for example https://example.com/logo.png`);
  const publisherUrl = text('--publisher-url') ?? null;
  const homeProblem = publisherUrl === null ? null : urlProblem(publisherUrl, '--publisher-url', WEB_SCHEMES);
  if (homeProblem) return usage(`${homeProblem}; give the publisher's home page, for example https://example.com/`);
  const emailUnsubscribe = text('--email-unsubscribe') ?? null;
  const unsubscribeProblem = emailUnsubscribe === null ? null : urlProblem(emailUnsubscribe, '--email-unsubscribe', UNSUBSCRIBE_SCHEMES);
  if (unsubscribeProblem) return usage(`${unsubscribeProblem}; for example https://example.com/unsubscribe or mailto:leave@example.com`);
  const expiryText = text('--expire-after');
  const expiryDays = expiryText === undefined ? null : Number(expiryText);
  if (expiryDays !== null && (!/^\d+$/.test(expiryText ?? '') || expiryDays < 1 || expiryDays > 36_500)) return usage(`--expire-after takes a whole number of days from 1, got "${expiryText}"`);
  if (expiryDays !== null && site !== 'hugo') return usage('--expire-after sets Hugo\'s expiryDate: use it with --site hugo');
  const sections = text('--sections') ?? null;
  if (sections !== null) {
    const problem = parseSections(sections);
    if (typeof problem === 'string') return usage(problem.startsWith('--sections') ? problem : `--sections: ${problem}`);
  }
  const now = parseNow(text('--now'));
  if (typeof now === 'string') return usage(now);
  const timeZone = text('--tz') ?? 'UTC';
  if (!isValidZone(timeZone)) return usage(`unknown time zone "${timeZone}"; use an IANA name such as UTC or Europe/London`);
  const locale = text('--locale') ?? 'en-US';
  if (!isLocale(locale)) return usage(`unsupported locale "${locale}"; locales: ${LOCALES.join(', ')}`);
  for (const name of ['--author', '--publisher', '--category', '--email-publication', '--email-address'] as const) {
    const problem = nameProblem(text(name));
    if (problem) return usage(`${name} ${problem}`);
  }
  if (flag('--force') && flag('--keep-edited')) return usage('--force overwrites edited files and --keep-edited keeps them: give one');

  if (command === 'styles') {
    if (inputs.length > 0) return usage('styles takes no inputs');
  } else {
    if (inputs.length === 0) return usage(`${command} needs at least one input: a snapshot file, a directory, or - for standard input`);
    if (inputs.filter((i) => i === '-').length > 1) return usage('standard input (-) can be read only once');
  }
  const jobsText = text('--jobs');
  const jobs = jobsText === undefined ? null : Number(jobsText);
  if (jobs !== null && (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)) return usage(`--jobs takes a whole number from 1 to 64, got "${jobsText}"`);
  const noHistory = flag('--no-history');
  if (noHistory && text('--history') !== undefined) return usage('--history and --no-history contradict each other: give one');
  if (noHistory && flag('--only-newsworthy')) return usage('--only-newsworthy measures against the history store: it cannot be used with --no-history');
  const stdout = flag('--stdout');
  if (stdout && flag('--json')) return usage('--json reports on files written to a folder; --stdout writes the article itself: give one');
  if (stdout && formats.includes('card')) return usage('--stdout cannot write the card: it is a PNG image; write it to a folder with --out DIR (the file is <date>-<slug>.card.png)');
  if (stdout && (inputs.length !== 1 || formats.length !== 1)) {
    return usage('--stdout writes one format of one input: give exactly one input and one --format (for example --format md)');
  }

  return {
    kind: 'run',
    command,
    options: {
      inputs,
      out: text('--out') ?? 'output',
      style,
      formats,
      site,
      faqJsonLd: flag('--faq-jsonld'),
      sections,
      baseUrl: baseUrl?.url ?? null,
      expiryDays,
      publisherLogo,
      publisherUrl,
      emailPublication: text('--email-publication') ?? null,
      emailAddress: text('--email-address') ?? null,
      emailUnsubscribe,
      stdout,
      now,
      timeZone,
      locale,
      publish: flag('--publish'),
      json: flag('--json'),
      keepEdited: flag('--keep-edited'),
      author: text('--author') ?? null,
      publisher: text('--publisher') ?? null,
      category: text('--category') ?? null,
      force: flag('--force'),
      quiet: flag('--quiet'),
      debug: flag('--debug'),
      jobs,
      history: noHistory ? false : (text('--history') ?? null),
      onlyNewsworthy: flag('--only-newsworthy'),
    },
  };
}

const VALUE_NAMES: Record<string, string> = { '--out': 'DIR', '--style': 'NAME', '--format': 'LIST', '--site': 'NAME', '--sections': 'LIST', '--base-url': 'URL', '--publisher-logo': 'URL', '--publisher-url': 'URL', '--email-publication': 'NAME', '--email-address': 'TEXT', '--email-unsubscribe': 'URL', '--expire-after': 'DAYS', '--now': 'ISO', '--tz': 'ZONE', '--jobs': 'N', '--locale': 'TAG', '--author': 'NAME', '--publisher': 'NAME', '--category': 'NAME', ...INGEST_VALUE_NAMES, ...FEED_VALUE_NAMES, ...HISTORY_VALUE_NAMES, ...DECIDE_VALUE_NAMES, ...STUDIO_VALUE_NAMES };

const usage = (message: string): Parsed => ({ kind: 'usage', message });

function didYouMean(word: string, candidates: readonly string[]): string {
  const best = closest(word, candidates);
  return best ? ` (did you mean ${best}?)` : '';
}

function parseFormats(list: string): Format[] | string {
  const names = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) return `--format needs at least one of ${FORMATS.join(', ')}`;
  for (const n of names) {
    if (!isFormat(n)) return `unknown format "${n}"${didYouMean(n, FORMATS)}; formats: ${FORMATS.join(', ')}`;
  }
  return [...new Set(names)] as Format[];
}

// RFC 3339 date-time: the offset is required, so "now" never depends on the machine's time zone.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

function parseNow(value: string | undefined): Date | null | string {
  if (value === undefined) return null;
  const hint = 'give a date-time with an offset, for example 2026-11-21T00:00:00Z';
  if (!ISO_WITH_OFFSET.test(value)) return `--now "${value}" is not an ISO date-time with a time zone offset; ${hint}`;
  const date = new Date(value.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return `--now "${value}" is not a real date-time; ${hint}`;
  return date;
}
