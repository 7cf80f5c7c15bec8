// The command line, run in-process through main() with fake streams: what a user would see and find on disk.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { STYLES, STYLE_NAMES } from '../src/plan/styles.js';
import { runCli, type CliRun } from './helpers.js';

const NOW = '2026-11-21T00:00:00Z';
const golden = (name: string): string => fileURLToPath(new URL(`../fixtures/golden/${name}`, import.meta.url));
const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/golden', import.meta.url));
const GOLDEN_CASES = readdirSync(GOLDEN_DIR).filter((d) => existsSync(join(GOLDEN_DIR, d, 'snapshot.json'))).length;
const BULLETIN = golden('000-bulletin-long-flush/snapshot.json');
const BULLETIN_BASE = '2026-02-05-crypto-liquidations-1-1b-long-flush';
const BAD = JSON.stringify({ schemaVersion: 1, window: { start: '2026-02-04T00:00:00Z', end: '2026-02-05T00:00:00Z' }, totals: { usd: '1.2B', longUsd: 1, shortUsd: 1 } });



const run = runCli;
const lines = (text: string): string[] => text.split('\n').filter(Boolean);
const NO_STACK = /^\s+at |\.ts:\d+|Error:/m;

let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liqnews-cli-'));
  out = join(dir, 'out');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('render', () => {
  it('writes md, html and json named <date>-<slug>.<ext> and says so, one line per file', async () => {
    const r = await run(['render', BULLETIN, '--out', out, '--style', 'bulletin', '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(lines(r.out)).toEqual(['md', 'html', 'json'].map((ext) => `wrote ${join(out, `${BULLETIN_BASE}.${ext}`)}`));
    expect(readdirSync(out).sort()).toEqual([`${BULLETIN_BASE}.html`, `${BULLETIN_BASE}.json`, `${BULLETIN_BASE}.md`]);
    const md = readFileSync(join(out, `${BULLETIN_BASE}.md`), 'utf8');
    expect(md.startsWith('---\ntitle: "')).toBe(true);
    expect(md).toContain('style: "bulletin"');
    expect(readFileSync(join(out, `${BULLETIN_BASE}.html`), 'utf8').toLowerCase().startsWith('<!doctype html>')).toBe(true);
  });

  it('writes only the formats asked for, and is byte-identical when run again', async () => {
    const first = await run(['render', BULLETIN, '--out', out, '--format', 'md', '--style', 'bulletin', '--now', NOW]);
    expect(first.code).toBe(0);
    expect(readdirSync(out)).toEqual([`${BULLETIN_BASE}.md`]);
    const again = await run(['render', BULLETIN, '--out', out, '--format', 'md', '--style', 'bulletin', '--now', NOW]);
    expect(again.code).toBe(0);
    expect(lines(again.out)).toEqual([`unchanged ${join(out, `${BULLETIN_BASE}.md`)}`]);
  });

  it('prints nothing on success with --quiet', async () => {
    const r = await run(['render', BULLETIN, '--out', out, '--quiet', '--now', NOW]);
    expect(r).toEqual({ code: 0, out: '', err: '' });
    expect(readdirSync(out)).toHaveLength(3);
  });

  it('renders every snapshot in a directory, recursively and in order, skipping expected/, node_modules/ and case.json', async () => {
    const input = join(dir, 'in');
    cpSync(GOLDEN_DIR, input, { recursive: true });
    mkdirSync(join(input, '000-bulletin-long-flush', 'expected'), { recursive: true });
    writeFileSync(join(input, '000-bulletin-long-flush', 'expected', 'article.json'), '{"not":"a snapshot"}');
    mkdirSync(join(input, 'node_modules'));
    writeFileSync(join(input, 'node_modules', 'pkg.json'), '{}');
    writeFileSync(join(input, 'notes.txt'), 'not json');

    const r = await run(['render', input, '--out', out, '--style', 'bulletin', '--format', 'md', '--now', NOW]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(lines(r.out)).toHaveLength(GOLDEN_CASES);
    expect(readdirSync(out)).toHaveLength(GOLDEN_CASES);
    // Name order: 000 first, then 001.
    expect(lines(r.out)[0]).toBe(`wrote ${join(out, `${BULLETIN_BASE}.md`)}`);
    expect(lines(r.out)[1]).toContain('2025-07-14-');
  });

  it('does not read its own output directory back as input', async () => {
    const input = join(dir, 'in');
    cpSync(golden('000-bulletin-long-flush'), input, { recursive: true });
    const inside = join(input, 'output');
    expect((await run(['render', input, '--out', inside, '--now', NOW])).code).toBe(0);
    const again = await run(['render', input, '--out', inside, '--now', NOW]);
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
  });

  it('reads one snapshot from standard input with -', async () => {
    const r = await run(['render', '-', '--out', out, '--format', 'md,json', '--now', NOW], { stdin: readFileSync(BULLETIN, 'utf8') });
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${BULLETIN_BASE}.json`, `${BULLETIN_BASE}.md`]);
  });

  it('keeps going past a bad input: reports file and path, writes the good one, exits 1, no stack trace', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, BAD);
    const r = await run(['render', bad, BULLETIN, '--out', out, '--style', 'bulletin', '--now', NOW]);
    expect(r.code).toBe(1);
    expect(lines(r.err)).toContain(`${bad}: totals.usd: expected a number of US dollars, got "1.2B"`);
    for (const line of lines(r.err)) expect(line.startsWith(`${bad}: `)).toBe(true);
    expect(r.err).not.toMatch(NO_STACK);
    expect(readdirSync(out).sort()).toEqual([`${BULLETIN_BASE}.html`, `${BULLETIN_BASE}.json`, `${BULLETIN_BASE}.md`]);
    expect(lines(r.out)).toHaveLength(3);
  });

  it('reports text that is not JSON, a missing file and a bad snapshot on stdin', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "schemaVersion": 1,');
    const missing = join(dir, 'missing.json');
    const r = await run(['render', broken, missing, '--out', out, '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${broken}: not valid JSON`, 'm'));
    expect(r.err).toContain(`${missing}: cannot read: no such file or directory`);
    expect(existsSync(out)).toBe(false);

    const s = await run(['render', '-', '--out', out, '--now', NOW], { stdin: BAD });
    expect(s.code).toBe(1);
    expect(s.err).toContain('<stdin>: totals.usd: expected a number of US dollars, got "1.2B"');
  });

  it('will not let two snapshots that get the same name overwrite each other', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    cpSync(BULLETIN, a);
    cpSync(BULLETIN, b);
    const r = await run(['render', a, b, '--out', out, '--format', 'md', '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${b}: gives the same file name as ${a}`);
    expect(lines(r.out)).toEqual([`wrote ${join(out, `${BULLETIN_BASE}.md`)}`]);
  });

  it('takes --tz for dates in the text', async () => {
    const r = await run(['render', BULLETIN, '--stdout', '--format', 'md', '--style', 'bulletin', '--tz', 'Asia/Tokyo', '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('---\n')).toBe(true);
  });
});

describe('render --stdout', () => {
  it.each([
    ['md', (t: string) => t.startsWith('---\ntitle: ')],
    ['html', (t: string) => t.toLowerCase().startsWith('<!doctype html>') && t.includes('<article')],
    ['json', (t: string) => Array.isArray((JSON.parse(t) as { claims?: unknown }).claims)],
  ])('writes the %s file to standard output and nothing to disk', async (format, looksRight) => {
    const r = await run(['render', BULLETIN, '--stdout', '--format', format, '--style', 'bulletin', '--out', out, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(looksRight(r.out)).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('is the same text as the file render writes', async () => {
    await run(['render', BULLETIN, '--out', out, '--format', 'md', '--style', 'bulletin', '--now', NOW]);
    const r = await run(['render', '-', '--stdout', '--format', 'md', '--style', 'bulletin', '--now', NOW], { stdin: readFileSync(BULLETIN, 'utf8') });
    expect(r.out).toBe(readFileSync(join(out, `${BULLETIN_BASE}.md`), 'utf8'));
  });

  it('needs exactly one input and one format', async () => {
    for (const argv of [
      ['render', BULLETIN, '--stdout', '--now', NOW],
      ['render', BULLETIN, BULLETIN, '--stdout', '--format', 'md', '--now', NOW],
      ['render', GOLDEN_DIR, '--stdout', '--format', 'md', '--now', NOW],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(lines(r.err).at(-1)).toBe('see liqnews render --help');
    }
  });

  it('prints nothing to standard output for an invalid snapshot', async () => {
    const r = await run(['render', '-', '--stdout', '--format', 'md', '--now', NOW], { stdin: BAD });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('<stdin>: totals.usd:');
  });
});

describe('edit safety', () => {
  const md = (): string => join(out, `${BULLETIN_BASE}.md`);
  const render = (...extra: string[]): Promise<CliRun> => run(['render', BULLETIN, '--out', out, '--style', 'bulletin', '--now', NOW, ...extra]);

  it('leaves an edited file alone and exits 1, then overwrites it with --force', async () => {
    await render();
    const edited = readFileSync(md(), 'utf8').replace('draft: true', 'draft: false') + '\nAn editor added this paragraph.\n';
    writeFileSync(md(), edited);

    const kept = await render();
    expect(kept.code).toBe(1);
    expect(kept.err).toContain(`kept ${md()} (edited since generated; use --force to overwrite)`);
    expect(readFileSync(md(), 'utf8')).toBe(edited);
    // The other formats were not edited: they are left as they are, being identical.
    expect(kept.out).toContain(`unchanged ${join(out, `${BULLETIN_BASE}.html`)}`);

    const forced = await render('--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toContain(`wrote ${md()}`);
    expect(readFileSync(md(), 'utf8')).not.toBe(edited);
    expect(readFileSync(md(), 'utf8')).toContain('draft: true');
  });

  it('does not overwrite a file liquidation-news did not write', async () => {
    mkdirSync(out);
    writeFileSync(md(), 'my own notes\n');
    const r = await render('--format', 'md');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`kept ${md()} (not generated by liqnews; use --force to overwrite)`);
    expect(readFileSync(md(), 'utf8')).toBe('my own notes\n');
  });

  it('replaces an earlier generation nobody edited', async () => {
    // An earlier, different generation of the same article (published rather than draft), stamped and untouched.
    mkdirSync(out);
    writeFileSync(md(), generate(readFileSync(BULLETIN, 'utf8'), { style: 'bulletin', now: new Date(NOW), draft: false }).files.md);
    const r = await render();
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${md()}`);
    expect(readFileSync(md(), 'utf8')).toContain('style: "bulletin"');
  });

  it('leaves no temporary files behind', async () => {
    await render();
    await render('--force');
    await run(['render', GOLDEN_DIR, '--out', out, '--style', 'bulletin', '--now', NOW]);
    expect(readdirSync(out).filter((n) => n.startsWith('.') || n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(out)).toHaveLength(GOLDEN_CASES * 3);
  });
});

describe('many inputs', () => {
  function makeBatch(n: number): string {
    const input = join(dir, 'batch');
    mkdirSync(input);
    const snap = JSON.parse(readFileSync(BULLETIN, 'utf8')) as Record<string, unknown>;
    for (let i = 0; i < n; i++) writeFileSync(join(input, `s-${String(i).padStart(3, '0')}.json`), JSON.stringify({ ...snap, id: `batch-${i}` }));
    return input;
  }

  it('prints one summary line instead of a line per file above 20 inputs', async () => {
    const r = await run(['render', makeBatch(21), '--out', out, '--format', 'md', '--style', 'bulletin', '--now', NOW]);
    expect(r.code).toBe(0);
    expect(lines(r.out)).toEqual([`rendered 21 of 21 inputs: 21 files written, 0 unchanged in ${out}`]);
    expect(r.err).toBe('');
    expect(readdirSync(out)).toHaveLength(21);
  });

  it('shows progress in place on a terminal, and clears it at the end', async () => {
    const r = await run(['render', makeBatch(25), '--out', out, '--format', 'md', '--style', 'bulletin', '--now', NOW], { isTTY: true });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/\rrendering \d+\/25 \(\d+%\)/);
    expect(r.err).not.toContain('\n');
    expect(r.err.endsWith('\r')).toBe(true);
    expect(r.err.trim()).not.toBe('');
  });

  it('summarises validate too', async () => {
    const input = makeBatch(22);
    writeFileSync(join(input, 'zz-bad.json'), BAD);
    const r = await run(['validate', input, '--now', NOW]);
    expect(r.code).toBe(1);
    expect(lines(r.out)).toEqual(['23 inputs: 22 valid, 1 invalid']);
    expect(r.err).toContain('zz-bad.json: totals.usd:');
  });
});

describe('validate', () => {
  it('prints <file>: ok for each valid snapshot and writes nothing', async () => {
    const input = join(dir, 'in');
    cpSync(GOLDEN_DIR, input, { recursive: true });
    const before = readdirSync(dir, { recursive: true }).length;
    const r = await run(['validate', input, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(lines(r.out)).toHaveLength(GOLDEN_CASES);
    for (const line of lines(r.out)) expect(line).toMatch(/snapshot\.json: ok$/);
    expect(readdirSync(dir, { recursive: true }).length).toBe(before);
  });

  it('gives the same error lines as render and exits 1', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, BAD);
    const v = await run(['validate', bad, BULLETIN, '--now', NOW]);
    const r = await run(['render', bad, '--out', out, '--now', NOW]);
    expect(v.code).toBe(1);
    expect(v.err).toBe(r.err);
    expect(lines(v.out)).toEqual([`${BULLETIN}: ok`]);
  });

  it('reads standard input', async () => {
    const r = await run(['validate', '-', '--now', NOW], { stdin: readFileSync(BULLETIN, 'utf8') });
    expect(r).toEqual({ code: 0, out: '<stdin>: ok\n', err: '' });
  });

  it('applies --now to the future-date check', async () => {
    const r = await run(['validate', BULLETIN, '--now', '2026-01-01T00:00:00Z']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${BULLETIN}: window\\.end: `, 'm'));
  });
});

describe('usage errors', () => {
  it.each([
    [['rendr', BULLETIN], /unknown command "rendr" \(did you mean render\?\)/],
    [['render', BULLETIN, '--frce'], /unknown option --frce \(did you mean --force\?\)/],
    [['render', BULLETIN, '--out'], /--out needs a value/],
    [['render'], /render needs at least one input/],
    [[], /missing command/],
    [['render', BULLETIN, '--style', 'fancy'], /unknown style "fancy"/],
    [['render', BULLETIN, '--format', 'md,pdf'], /unknown format "pdf"/],
    [['render', BULLETIN, '--now', 'yesterday'], /--now "yesterday"/],
    [['render', BULLETIN, '--now', '2026-11-21T00:00:00'], /time zone offset/],
    [['render', BULLETIN, '--tz', 'Mars/Olympus'], /unknown time zone/],
    [['render', BULLETIN, '--force=yes'], /--force takes no value/],
    [['validate', BULLETIN, '--out', 'x'], /validate does not take --out/],
    [['styles', 'extra'], /styles takes no inputs/],
    [['render', '-', '-'], /standard input/],
  ])('%j exits 2 with a one-line hint', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const [hint, see, ...rest] = lines(r.err);
    expect(hint).toMatch(/^liqnews: /);
    expect(hint).toMatch(message);
    // The hint points to the help of the command the line is for.
    const known = ['render', 'validate', 'styles', 'ingest', 'feed', 'history', 'decide'].includes(String(argv[0]));
    expect(see).toBe(known ? `see liqnews ${String(argv[0])} --help` : 'see liqnews --help');
    expect(rest).toEqual([]);
  });

  it('without a command, points to the general help', async () => {
    const r = await run(['--bogus']);
    expect(r.code).toBe(2);
    expect(lines(r.err).at(-1)).toBe('see liqnews --help');
  });

  it('suggests only options the command takes', async () => {
    // --strict is ingest's: render must not suggest it for --stric.
    const r = await run(['render', 'x.json', '--stric']);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('--strict');
    expect((await run(['ingest', 'x.ndjson', '--stric'])).err).toContain('did you mean --strict');
  });

  it('refuses a value option given twice rather than keeping the last silently', async () => {
    const r = await run(['render', 'x.json', '--format', 'md', '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format is given twice ("md" and "html"); give one comma-separated list, e.g. --format md,html');
    expect((await run(['render', 'x.json', '--out', 'a', '--out=b'])).err).toContain('--out is given twice ("a" and "b"); give it once');
  });

  it('keeps every help text within 80 columns', async () => {
    for (const topic of [[], ['render'], ['validate'], ['styles'], ['ingest'], ['feed'], ['history'], ['decide'], ['studio']]) {
      const text = (await run([...topic, '--help'])).out;
      const wide = text.split('\n').filter((l) => [...l].length > 80);
      expect(wide, `liqnews ${topic.join(' ')} --help`).toEqual([]);
    }
  });

  it('writes nothing on a usage error', async () => {
    await run(['render', BULLETIN, '--out', out, '--format', 'docx']);
    expect(existsSync(out)).toBe(false);
  });
});

describe('help, version and styles', () => {
  it('prints general help with --help and -h', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await run([flag]);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      for (const command of ['render', 'validate', 'styles']) expect(r.out).toContain(`liqnews ${command}`);
    }
  });

  it('prints per-command help', async () => {
    const render = await run(['render', '--help']);
    expect(render.code).toBe(0);
    for (const option of ['--out DIR', '--style NAME', '--format LIST', '--stdout', '--now ISO', '--force', '--tz ZONE', '--quiet', '--debug']) {
      expect(render.out).toContain(option);
    }
    expect((await run(['validate', '-h'])).out).toMatch(/^Usage: liqnews validate/);
    expect((await run(['help', 'styles'])).out).toMatch(/^Usage: liqnews styles/);
    // Help wins over a mistake on the same line.
    expect((await run(['render', '--bogus', '--help'])).code).toBe(0);
  });

  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) expect(await run([flag])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('lists every style with its description, and auto', async () => {
    const r = await run(['styles']);
    expect(r.code).toBe(0);
    const shown = lines(r.out);
    expect(shown).toHaveLength(STYLE_NAMES.length + 1);
    for (const name of STYLE_NAMES) expect(shown).toContainEqual(expect.stringMatching(new RegExp(`^${name} +${escapeRegExp(STYLES[name])}$`)));
    expect(shown.at(-1)).toMatch(/^auto +.*bulletin otherwise/);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
