// What `render` takes as input from a folder, and what it refuses to write: never over an input, never
// choking on its own sidecars, and never silent about a link it cannot follow.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { FolderNames } from '../src/cli/folder-names.js';
import { listInputs } from '../src/cli/inputs.js';
import { NamesSeen, sourceHash } from '../src/cli/names-seen.js';
import { GROUP, GROUP_BYTES, groupFill } from '../src/cli/render-job.js';
import { runCli } from './helpers.js';
import { prng } from './prng.js';

const NOW = '2026-11-21T00:00:00Z';
const base = JSON.parse(readFileSync(new URL('../fixtures/golden/000-bulletin-long-flush/snapshot.json', import.meta.url), 'utf8'));
const snapshot = (id: string): string => `${JSON.stringify({ ...base, id }, null, 2)}\n`;
const basenameOf = (id: string): string => generate(snapshot(id), { now: new Date(NOW) }).basename;
const lines = (text: string): string[] => text.split('\n').filter(Boolean);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liqnews-inputs-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('render never writes over an input', () => {
  it('refuses, even with --force, a sidecar that would replace the snapshot it comes from (a folder that is also --out)', async () => {
    const name = `${basenameOf('over')}.json`;
    const input = join(dir, name);
    writeFileSync(input, snapshot('over'));
    const r = await runCli(['render', dir, '--out', dir, '--force', '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`not written: ${input} is an input of this run (${input})`);
    expect(readFileSync(input, 'utf8')).toBe(snapshot('over'));
    expect(readdirSync(dir)).toEqual([name]); // nothing of that article written: its files are one unit
  });

  it('refuses it for a snapshot given by name, and through a link to it', async () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const target = join(out, `${basenameOf('linked')}.json`);
    writeFileSync(target, snapshot('linked'));
    symlinkSync(target, join(dir, 'link.json'));
    for (const args of [[target], [join(dir, 'link.json')], [dir]]) {
      const r = await runCli(['render', ...args, '--out', out, '--force', '--now', NOW]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`not written: ${target} is an input of this run`);
      expect(readFileSync(target, 'utf8')).toBe(snapshot('linked'));
    }
  });
});

describe('render never writes over an input at a name only the product uses', () => {
  it('a snapshot given by name at an article\'s side-stamp name or lock name is refused, and kept as it was', async () => {
    const name = basenameOf('hidden');
    for (const [file, expected] of [
      [`.${name}.txt.sha256`, 'is an input of this run'],
      [`.${name}.lock`, 'is in the way: it is a file liqnews did not write'],
    ] as const) {
      const input = join(dir, file);
      writeFileSync(input, snapshot('hidden'));
      const r = await runCli(['render', input, '--out', dir, '--format', 'txt', '--force', '--now', NOW]);
      expect(r.code, file).toBe(1);
      expect(r.err, file).toContain(expected);
      expect(readFileSync(input, 'utf8'), file).toBe(snapshot('hidden'));
      expect(readdirSync(dir), file).toEqual([file]);
      rmSync(input);
    }
  });
});

describe('render skips what it wrote itself', () => {
  it('renders a folder into itself again, skipping its own sidecars', async () => {
    writeFileSync(join(dir, 'snap.json'), snapshot('again'));
    const first = await runCli(['render', dir, '--out', dir, '--now', NOW]);
    expect(first.code).toBe(0);
    const again = await runCli(['render', dir, '--out', dir, '--now', NOW]);
    expect(again.err).toBe(`skipped ${join(dir, `${basenameOf('again')}.json`)}: a liquidation-news sidecar (the facts file render writes), not a snapshot\n`);
    expect(again.code).toBe(0);
    expect(lines(again.out).every((l) => l.startsWith('unchanged '))).toBe(true);
  });

  it('skips the sidecars of an old output folder inside an input folder', async () => {
    writeFileSync(join(dir, 'snap.json'), snapshot('nested'));
    expect((await runCli(['render', dir, '--out', join(dir, 'old'), '--now', NOW, '--quiet'])).code).toBe(0);
    const r = await runCli(['render', dir, '--out', join(dir, 'new'), '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`skipped ${join(dir, 'old', `${basenameOf('nested')}.json`)}: a liquidation-news sidecar`);
  });
});

describe('validate and decide skip what the product wrote, as render does', () => {
  it('a folder that was render\'s and feed\'s --out: the sidecar and feed.json are passed over, named, and not counted invalid', async () => {
    writeFileSync(join(dir, 'snap.json'), snapshot('own'));
    expect((await runCli(['render', dir, '--out', dir, '--now', NOW, '--quiet'])).code).toBe(0);
    expect((await runCli(['feed', dir, '--site-url', 'https://example.com/news', '--drafts', '--quiet'])).code).toBe(0);
    const sidecar = join(dir, `${basenameOf('own')}.json`);
    const skipped = [
      `skipped ${join(dir, 'feed.json')}: the JSON Feed liqnews feed writes, not a snapshot`,
      `skipped ${sidecar}: a liquidation-news sidecar (the facts file render writes), not a snapshot`,
    ].sort();
    const validated = await runCli(['validate', dir, '--now', NOW]);
    expect(validated.code).toBe(0);
    expect(lines(validated.err).sort()).toEqual(skipped);
    expect(lines(validated.out)).toEqual([`${join(dir, 'snap.json')}: ok`]);
    const decided = await runCli(['decide', dir, '--now', NOW]);
    expect(decided.code).not.toBe(1);
    expect(lines(decided.err).sort()).toEqual(skipped);
    expect(lines(decided.out)).toEqual([expect.stringMatching(new RegExp(`^${join(dir, 'snap.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (publish|skip) `))]);
    const rendered = await runCli(['render', dir, '--out', dir, '--now', NOW]);
    expect(rendered.code).toBe(0);
    expect(lines(rendered.err).sort()).toEqual(skipped);
    // With --quiet, the product's own files are passed over without a line each (a folder rendered into itself has one per article).
    for (const command of ['render', 'validate', 'decide']) {
      const quiet = await runCli([command, dir, ...(command === 'render' ? ['--out', dir] : []), '--now', NOW, '--quiet']);
      expect(quiet.err, command).toBe('');
    }
  });
});

describe('links in an input folder', () => {
  it('says which *.json links it skips and why', async () => {
    writeFileSync(join(dir, 'a.json'), snapshot('a'));
    symlinkSync(join(dir, 'missing.json.txt'), join(dir, 'b-dangling.json'));
    symlinkSync(join(dir, 'c-loop.json'), join(dir, 'd-loop.json'));
    symlinkSync(join(dir, 'd-loop.json'), join(dir, 'c-loop.json'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'sub'), join(dir, 'e-folder.json'));
    const r = await runCli(['render', dir, '--out', join(dir, 'out'), '--now', NOW, '--quiet']);
    expect(lines(r.err)).toEqual([
      `skipped ${join(dir, 'b-dangling.json')}: a link to nothing (its target does not exist)`,
      `skipped ${join(dir, 'c-loop.json')}: a loop of links`,
      `skipped ${join(dir, 'd-loop.json')}: a loop of links`,
      `skipped ${join(dir, 'e-folder.json')}: a link to something that is not a file (links to folders are not followed)`,
    ]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toHaveLength(3);
  });
});

describe('a run with nothing to read is not a success', () => {
  it('a sidecar or feed.json given by name is an error, and a folder of nothing but them gives exit 1, in render, validate and decide', async () => {
    writeFileSync(join(dir, 'snap.json'), snapshot('only'));
    const out = join(dir, 'site');
    expect((await runCli(['render', join(dir, 'snap.json'), '--out', out, '--now', NOW, '--quiet'])).code).toBe(0);
    expect((await runCli(['feed', out, '--site-url', 'https://example.com/news', '--drafts', '--quiet'])).code).toBe(0);
    const sidecar = join(out, `${basenameOf('only')}.json`);
    for (const command of ['validate', 'decide', 'render']) {
      const extra = command === 'render' ? ['--out', join(dir, 'again'), '--quiet'] : [];
      const byName = await runCli([command, sidecar, '--now', NOW, ...extra]);
      expect(byName.code, command).toBe(1);
      expect(byName.err, command).toContain(`${sidecar}: a liquidation-news sidecar (the facts file render writes), not a snapshot; give the snapshot it was made from`);
      const folder = await runCli([command, out, '--now', NOW, ...extra]);
      expect(folder.code, command).toBe(1);
      expect(lines(folder.err).at(-1), command).toBe('no snapshots among the 2 inputs: each was passed over');
    }
    expect(readdirSync(dir).sort()).toEqual(['site', 'snap.json']);
  });
});

describe('validate counts inputs as render does', () => {
  it('its summary counts every entry listed, links to nothing and the product\'s own files among the skipped, and says them in listing order', async () => {
    for (let i = 0; i < 21; i++) writeFileSync(join(dir, `s${String(i).padStart(2, '0')}.json`), snapshot(`count-${i}`));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'a-dangling.json'));
    expect((await runCli(['render', join(dir, 's00.json'), '--out', dir, '--now', NOW, '--quiet'])).code).toBe(0);
    const v = await runCli(['validate', dir, '--now', NOW]);
    const r = await runCli(['render', dir, '--out', join(dir, 'out'), '--now', NOW]);
    expect(v.code).toBe(0);
    expect(lines(v.out)).toEqual(['23 inputs: 21 valid, 0 invalid, 2 skipped']);
    expect(lines(r.out).at(-1)).toMatch(/^rendered 21 of 23 inputs, 2 skipped: /);
    expect(lines(v.err)).toContain(`skipped ${join(dir, 'a-dangling.json')}: a link to nothing (its target does not exist)`);
    expect(lines(v.err)).toEqual(lines(r.err));
  });
});

describe('special files in an input folder', () => {
  it('a named pipe called *.json is said and passed over, not read (which would block) nor hidden; given by name it is read', async () => {
    writeFileSync(join(dir, 'a.json'), snapshot('fifo'));
    const fifo = join(dir, 'b.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await runCli(['validate', dir, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(lines(r.err)).toEqual([`skipped ${fifo}: a named pipe (FIFO), not a file (in a folder only files are read; give it by name to read it)`]);
    expect(lines(r.out)).toEqual([`${join(dir, 'a.json')}: ok`]);
    // By name (as a shell's <(…) gives one), the pipe is read like any file.
    const writer = spawnSync('bash', ['-c', `cat ${JSON.stringify(join(dir, 'a.json'))} > ${JSON.stringify(fifo)} & node --import tsx ${JSON.stringify(fileURLToPath(new URL('./ingest/liqnews-src.ts', import.meta.url)))} validate ${JSON.stringify(fifo)} --now ${NOW}; wait`], { encoding: 'utf8', timeout: 60_000 });
    expect(writer.stdout).toBe(`${fifo}: ok\n`);
  });
});

describe('the listing', () => {
  it('walks each folder in code-unit order of names, whatever the locale', () => {
    const names = ['b.json', 'B.json', 'a.json', 'ä.json', '\u{1F600}.json', '\uE000.json', 'a0.json', 'a.json.json', '_.json', '~.json'];
    for (const n of names) writeFileSync(join(dir, n), '{}');
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'm', 'z.json'), '{}');
    const listed = [...listInputs([dir], null)].map((i) => i.label.slice(dir.length + 1));
    expect(listed).toEqual([...names, 'm'].sort().map((n) => (n === 'm' ? join('m', 'z.json') : n)));
  });

  it('sorts a folder of names exactly as the default sort does (surrogates, private use, case)', () => {
    const rand = prng(7);
    const alphabet = ['a', 'B', 'é', '\uE000', '\uFFFD', '\u{1F600}', '\u{10000}', '0', '-', '.'];
    const names = new Set<string>();
    while (names.size < 300) {
      let n = '';
      for (let k = 1 + Math.floor(rand() * 6); k > 0; k--) n += alphabet[Math.floor(rand() * alphabet.length)];
      names.add(`${n}.json`);
    }
    for (const n of names) writeFileSync(join(dir, n), '');
    const folder = FolderNames.read(dir);
    expect(Array.from({ length: folder.length }, (_, i) => folder.at(i))).toEqual([...names].sort());
  });

  it('gives each file its size, and a batch groups 32 inputs or 64 KB of them, whichever comes first', () => {
    writeFileSync(join(dir, 'a.json'), 'x'.repeat(1234));
    writeFileSync(join(dir, 'b.json'), '');
    symlinkSync(join(dir, 'a.json'), join(dir, 'c.json'));
    expect([...listInputs([dir], null)].map((i) => (i.kind === 'file' ? i.size : i.kind))).toEqual([1234, 0, 1234]);
    expect([...listInputs([join(dir, 'a.json')], null)].map((i) => (i.kind === 'file' ? i.size : i.kind))).toEqual([1234]);
    const fill = groupFill();
    const until = (size: number): number => {
      fill.reset();
      for (let n = 1; ; n++) if (fill.add(size)) return n;
    };
    expect(until(1500)).toBe(GROUP);
    expect(until(40_000)).toBe(2);
    expect(until(GROUP_BYTES)).toBe(1);
  });

  it('a folder of small snapshots and ones with hundreds of coins renders each as it renders alone', async () => {
    const wide = { ...base, assets: Array.from({ length: 400 }, (_, i) => ({ symbol: `C${i}`, name: `Coin ${i}`, longUsd: 1000 + i, shortUsd: 10 })) };
    const sum = (k: 'longUsd' | 'shortUsd'): number => [...base.assets, ...wide.assets].reduce((t: number, a: Record<string, number>) => t + a[k]!, 0);
    wide.assets = [...base.assets, ...wide.assets];
    wide.totals = { ...base.totals, longUsd: sum('longUsd'), shortUsd: sum('shortUsd'), usd: sum('longUsd') + sum('shortUsd') };
    const texts: string[] = [];
    for (let i = 0; i < 40; i++) texts.push(i % 9 === 4 ? `${JSON.stringify({ ...wide, id: `wide-${i}` }, null, 2)}\n` : snapshot(`small-${i}`));
    mkdirSync(join(dir, 'in'));
    texts.forEach((t, i) => writeFileSync(join(dir, 'in', `${String(i).padStart(2, '0')}.json`), t));
    expect(texts.filter((t) => t.length > 40_000).length).toBe(4);
    const r = await runCli(['render', join(dir, 'in'), '--out', join(dir, 'out'), '--format', 'md', '--now', NOW, '--quiet', '--no-history']);
    expect(r.code).toBe(0);
    for (const t of texts) {
      const a = generate(t, { now: new Date(NOW) });
      expect(readFileSync(join(dir, 'out', `${a.basename}.md`), 'utf8')).toBe(a.files.md);
    }
  });

  it('remembers base names in a few bytes each, and tells the same input again from another', () => {
    const seen = new NamesSeen();
    for (let i = 0; i < 5000; i++) expect(seen.claim(`2026-02-05-name-${i}`, `/in/${i}.json`)).toBeNull();
    expect(seen.claim('2026-02-05-name-17', '/in/17.json')).toBeNull(); // the same file listed twice
    expect(seen.claim('2026-02-05-name-17', '/in/other.json')).toBe(sourceHash('/in/17.json'));
  });
});
