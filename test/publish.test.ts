// Publishing from the command line: --publish, an editor's `draft: false` surviving a re-render,
// --keep-edited, and the byline / publisher / category / locale options (issue 14, item 3).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, LiqnewsError } from '../src/index.js';
import { ROOT, runCli } from './helpers.js';

const SNAP = join(ROOT, 'fixtures', 'golden', '000-bulletin-long-flush', 'snapshot.json');
const NOW = '2026-12-01T00:00:00Z';
const work = mkdtempSync(join(tmpdir(), 'liqnews-publish-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(work, `out-${++n}`);
const mdIn = (dir: string): string => join(dir, readdirSync(dir).find((f) => f.endsWith('.md'))!);
const render = (out: string, ...extra: string[]) => runCli(['render', SNAP, '--out', out, '--now', NOW, ...extra]);

describe('publishing', () => {
  it('--publish writes draft: false, and Jekyll published: true', async () => {
    const out = fresh();
    expect((await render(out, '--publish')).code).toBe(0);
    expect(readFileSync(mdIn(out), 'utf8')).toMatch(/^draft: false$/m);
    const jekyll = fresh();
    expect((await render(jekyll, '--publish', '--site', 'jekyll')).code).toBe(0);
    expect(readFileSync(mdIn(jekyll), 'utf8')).toMatch(/^published: true$/m);
    expect((await render(fresh())).code).toBe(0);
  });

  it('an article the editor only published is updated on re-render and stays published', async () => {
    const out = fresh();
    await render(out, '--style', 'bulletin');
    const md = mdIn(out);
    writeFileSync(md, readFileSync(md, 'utf8').replace(/^draft: true$/m, 'draft: false'));
    // Another style: new text for the same file, so the re-render must write it.
    const r = await render(out, '--style', 'recap');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${md}\n`);
    expect(r.out).toContain('published by an editor');
    const after = readFileSync(md, 'utf8');
    expect(after).toMatch(/^draft: false$/m);
    expect(after).toContain(generate(readFileSync(SNAP, 'utf8'), { style: 'recap', now: new Date(NOW), draft: false }).files.md.split('\n---\n')[1]!.slice(0, 200));
    // The file written carries a valid stamp again: a later render sees it as its own.
    expect((await render(out, '--style', 'recap')).out).toContain(`unchanged ${md}`);
  });

  it('a long batch (over 20 inputs) counts the articles kept published in its summary instead of a line each', async () => {
    const snaps = join(work, `many-${++n}`);
    const out = fresh();
    const base = JSON.parse(readFileSync(SNAP, 'utf8')) as { id?: string };
    const { mkdirSync } = await import('node:fs');
    mkdirSync(snaps);
    for (let i = 0; i < 22; i++) writeFileSync(join(snaps, `s${i}.json`), JSON.stringify({ ...base, id: `story-${i}` }));
    expect((await runCli(['render', snaps, '--out', out, '--now', NOW, '--no-history', '--style', 'bulletin'])).code).toBe(0);
    const mds = readdirSync(out).filter((f) => f.endsWith('.md')).slice(0, 3);
    for (const f of mds) writeFileSync(join(out, f), readFileSync(join(out, f), 'utf8').replace(/^draft: true$/m, 'draft: false'));
    const r = await runCli(['render', snaps, '--out', out, '--now', NOW, '--no-history', '--style', 'recap']);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('was published by an editor');
    expect(r.out).toMatch(/rendered 22 of 22 inputs: .*, 3 articles kept published by an editor in /);
  });

  it('an Eleventy draft the editor published (draft, permalink and exclusion keys) is updated and stays published', async () => {
    const out = fresh();
    await render(out, '--style', 'bulletin', '--site', 'eleventy');
    const md = mdIn(out);
    const permalink = '/news/2026-02-05-my-own-url/';
    writeFileSync(
      md,
      readFileSync(md, 'utf8')
        .replace(/^draft: true$/m, 'draft: false')
        .replace(/^permalink: false$/m, `permalink: "${permalink}"`)
        .replace(/^eleventyExcludeFromCollections: true$/m, 'eleventyExcludeFromCollections: false'),
    );
    const r = await render(out, '--style', 'recap', '--site', 'eleventy');
    expect(r.err).toBe('');
    expect(r.out).toContain('published by an editor');
    const after = readFileSync(md, 'utf8');
    expect(after).toMatch(/^style: "recap"$/m);
    expect(after).toMatch(/^draft: false$/m);
    expect(after).toContain(`permalink: "${permalink}"`);
    expect(after).toMatch(/^eleventyExcludeFromCollections: false$/m);
  });

  it('an article edited beyond publishing is kept: exit 1, or exit 0 with --keep-edited', async () => {
    const out = fresh();
    await render(out);
    const md = mdIn(out);
    const edited = readFileSync(md, 'utf8').replace(/^draft: true$/m, 'draft: false') + '\nAn editor wrote this.\n';
    writeFileSync(md, edited);
    const r = await render(out, '--style', 'recap');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`kept ${md} (edited since generated`);
    const k = await render(out, '--style', 'recap', '--keep-edited');
    expect(k.code).toBe(0);
    expect(k.err).toContain(`kept ${md}`);
    expect(readFileSync(md, 'utf8')).toBe(edited);
    expect((await render(out, '--force', '--keep-edited')).code).toBe(2);
  });

  it('--author, --publisher and --category reach the front matter and the page', async () => {
    const out = fresh();
    expect((await render(out, '--author', 'Jane Doe', '--publisher', 'Example Wire', '--category', 'Derivatives')).code).toBe(0);
    const md = readFileSync(mdIn(out), 'utf8');
    const html = readFileSync(mdIn(out).replace(/\.md$/, '.html'), 'utf8');
    expect(md).toMatch(/^categories: \["derivatives"\]$/m);
    expect(html).toContain('Example Wire');
    expect(html).toContain('Jane Doe');
    const bad = await render(fresh(), '--author', '   ');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--author must not be empty');
  });

  it('supports en-US and en-GB and refuses other locales', async () => {
    const gb = generate(readFileSync(SNAP, 'utf8'), { now: new Date(NOW), locale: 'en-GB' });
    const us = generate(readFileSync(SNAP, 'utf8'), { now: new Date(NOW), locale: 'en-US' });
    expect(/<time[^>]*>([^<]*)/.exec(gb.files.html)?.[1]).toBe('5 February 2026');
    expect(/<time[^>]*>([^<]*)/.exec(us.files.html)?.[1]).toBe('February 5, 2026');
    expect(gb.files.txt).toContain('5 February 2026');
    const r = await render(fresh(), '--locale', 'de-DE');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unsupported locale "de-DE"; locales: en-US, en-GB');
    expect(() => generate(readFileSync(SNAP, 'utf8'), { now: new Date(NOW), locale: 'de-DE' })).toThrow(LiqnewsError);
  });
});

describe('render --json', () => {
  it('prints one JSON line per input, in input order, with its files and problems', async () => {
    const dir = join(work, 'json-in');
    rmSync(dir, { recursive: true, force: true });
    const { mkdirSync, copyFileSync } = await import('node:fs');
    mkdirSync(dir);
    copyFileSync(SNAP, join(dir, 'a.json'));
    writeFileSync(join(dir, 'b.json'), '{"schemaVersion": 1}');
    copyFileSync(join(ROOT, 'fixtures', 'golden', '001-recap-all-time-high', 'snapshot.json'), join(dir, 'c.json'));
    const out = fresh();
    const r = await runCli(['render', dir, '--out', out, '--now', NOW, '--json']);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { input: string; status: string; files: { path: string; format: string; status: string }[]; problems: string[] });
    expect(lines.map((l) => [l.input.split('/').pop(), l.status])).toEqual([['a.json', 'rendered'], ['b.json', 'failed'], ['c.json', 'rendered']]);
    expect(lines[0]!.files.map((f) => [f.format, f.status])).toEqual([['md', 'written'], ['html', 'written'], ['json', 'written']]);
    expect(lines[1]!.problems.length).toBeGreaterThan(0);
    expect(r.err).toContain(lines[1]!.problems[0]!);
    expect(r.out).not.toContain('wrote ');
    // A second run: unchanged files, exit 0 for the good inputs alone.
    const again = await runCli(['render', join(dir, 'a.json'), '--out', out, '--now', NOW, '--json']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.out) as { files: { status: string }[] }).files.every((f) => f.status === 'unchanged')).toBe(true);
    expect((await runCli(['render', SNAP, '--stdout', '--format', 'md', '--json'])).code).toBe(2);
    // With a history store a group's files are written after the group renders: the lines keep input order.
    const withStore = await runCli(['render', dir, '--out', fresh(), '--now', NOW, '--json', '--history', join(work, 'json.sqlite')]);
    expect(withStore.out.trim().split('\n').map((l) => (JSON.parse(l) as { status: string }).status)).toEqual(['rendered', 'failed', 'rendered']);
  });
});
