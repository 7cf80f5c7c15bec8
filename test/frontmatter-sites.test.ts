// Site profiles (`--site`): the keys each generator gets, in order, and the portable base set untouched without one.
// The real builds are in test/sites/ (npm run test:sites); these are the fast checks.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate, readStamp, LiqnewsError, type Article } from '../src/index.js';
import { SITES, idPath, sitePath, type SiteName } from '../src/output/sites.js';
import { markdownToHtml, markdownToHtmlByMarked } from '../src/render/html.js';
import { FRONT_MATTER_KEYS, NOW, allCases, findCase, generateCase, listCases, splitFrontMatter, runCli } from './helpers.js';

const PROFILE_KEYS: Record<SiteName, string[]> = {
  hugo: ['url', 'aliases'],
  eleventy: ['permalink', 'templateEngineOverride', 'eleventyExcludeFromCollections'],
  astro: ['pubDate', 'updatedDate'],
  jekyll: ['layout', 'published', 'render_with_liquid', 'permalink'],
};
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const BULLETIN = findCase('golden/000-bulletin-long-flush');

/** The YAML lines the profile added: everything after the stamp line. */
const profileLines = (md: string): string[] => {
  const { yaml } = splitFrontMatter(md);
  const lines = yaml.split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith('contentHash:')) + 1);
};

describe('without --site: the portable base set of OUTPUT.md', () => {
  it('is byte for byte what the golden files hold, whether site is left out or null', () => {
    for (const c of listCases('golden')) {
      const expected = readFileSync(join(c.dir, 'expected', 'article.md'), 'utf8');
      expect(generateCase(c).files.md, c.id).toBe(expected);
      expect(generateCase(c, undefined, { site: null }).files.md, c.id).toBe(expected);
    }
  });
});

describe.each(SITES)('--site %s', (site) => {
  const cases = allCases().map((c) => ({ c, base: generateCase(c), draft: generateCase(c, undefined, { site }), published: generateCase(c, undefined, { site, draft: false }) }));

  it("adds only its keys, after the base keys, in a fixed order; base keys' values and the body unchanged but Astro's slug and Eleventy's anchors", () => {
    for (const { c, base, draft } of cases) {
      const fm = splitFrontMatter(draft.files.md);
      const b = splitFrontMatter(base.files.md);
      expect(fm.keys, c.id).toEqual([...FRONT_MATTER_KEYS, ...PROFILE_KEYS[site]]);
      for (const k of FRONT_MATTER_KEYS.filter((k) => k !== 'contentHash' && k !== 'slug')) expect(fm.data[k], `${c.id} ${k}`).toEqual(b.data[k]);
      // Astro's glob loader takes the id from `slug`: the file name, unique where the slug repeats across days.
      expect(fm.data['slug'], c.id).toBe(site === 'astro' ? base.basename : b.data['slug']);
      expect(fm.body.replace(/<a id="[^"]+"><\/a>/g, ''), c.id).toBe(b.body);
      if (site !== 'eleventy') expect(fm.body, c.id).toBe(b.body);
    }
  });

  it('is valid YAML for YAML 1.1 readers too (Ruby, js-yaml), carries an intact stamp, and is the same bytes every time', () => {
    for (const { c, draft } of cases) {
      const { yaml } = splitFrontMatter(draft.files.md);
      expect(() => parse(yaml, { version: '1.1', strict: true, uniqueKeys: true }), c.id).not.toThrow();
      expect(readStamp(draft.files.md), c.id).toBe('intact');
      expect(generateCase(c, undefined, { site }).files.md, c.id).toBe(draft.files.md);
    }
  });

  it('keeps strings double-quoted and dates RFC 3339', () => {
    for (const { c, draft } of cases) {
      for (const line of profileLines(draft.files.md)) {
        const value = line.slice(line.indexOf(': ') + 2);
        expect(value, `${c.id}: ${line}`).toMatch(/^(".*"|\[".*"\]|true|false|\d{4}-\S+)$/);
        if (/^\d{4}-/.test(value)) expect(value, `${c.id}: ${line}`).toMatch(RFC3339_UTC);
      }
    }
  });

  it('gives each key the value its generator expects', () => {
    for (const { c, draft, published } of cases) {
      const d = splitFrontMatter(draft.files.md).data;
      const p = splitFrontMatter(published.files.md).data;
      const yaml11 = parse(splitFrontMatter(draft.files.md).yaml, { version: '1.1' }) as Record<string, unknown>;
      const end = Date.parse(d['date'] as string);
      switch (site) {
        case 'hugo':
          expect(d['url'], c.id).toBe(`/posts/${draft.basename}/`);
          expect(d['aliases'], c.id).toEqual([`/id/${draft.id}/`]);
          break;
        case 'eleventy':
          // Eleventy has no drafts: a draft gets no page and stays off collections.
          expect([d['permalink'], d['eleventyExcludeFromCollections']], c.id).toEqual([false, true]);
          expect([p['permalink'], p['eleventyExcludeFromCollections']], c.id).toEqual([`/posts/${draft.basename}/`, false]);
          expect(d['templateEngineOverride'], c.id).toBe('md');
          break;
        case 'astro':
          // YAML 1.1 readers (Astro's front-matter parser) get real dates: the window end.
          expect((yaml11['pubDate'] as Date).getTime(), c.id).toBe(end);
          expect((yaml11['updatedDate'] as Date).getTime(), c.id).toBe(Date.parse(d['lastmod'] as string));
          break;
        case 'jekyll':
          expect(d['layout'], c.id).toBe('post');
          expect([d['published'], p['published']], c.id).toEqual([false, true]);
          expect(d['render_with_liquid'], c.id).toBe(false);
          expect(d['permalink'], c.id).toBe(`/posts/${draft.basename}/`);
          break;
      }
    }
  });
});

describe('Hugo expiryDate (expiryDays, --expire-after)', () => {
  it('is the window end plus the days asked for, after aliases; absent unless asked', () => {
    for (const c of allCases()) {
      const plain = splitFrontMatter(generateCase(c, undefined, { site: 'hugo' }).files.md);
      expect(plain.keys.at(-1), c.id).toBe('aliases');
      const md = generateCase(c, undefined, { site: 'hugo', expiryDays: 30 }).files.md;
      const fm = splitFrontMatter(md);
      expect(fm.keys, c.id).toEqual([...FRONT_MATTER_KEYS, 'url', 'aliases', 'expiryDate']);
      const line = profileLines(md).at(-1)!;
      expect(line, c.id).toMatch(/^expiryDate: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Date.parse(line.slice('expiryDate: '.length)) - Date.parse(fm.data['date'] as string), c.id).toBe(30 * 86_400_000);
    }
  });

  it('is refused for other profiles and for a count that is not whole days', () => {
    expect(() => generate(BULLETIN.snapshotText, { now: NOW, site: 'jekyll', expiryDays: 30 })).toThrow(/Hugo/);
    expect(() => generate(BULLETIN.snapshotText, { now: NOW, site: 'hugo', expiryDays: 1.5 })).toThrow(/whole number/);
  });
});

describe('site paths', () => {
  it('put the date in the page path, because slugs repeat across days', () => {
    const a = generateCase(findCase('golden/004-explainer-fear'));
    const b = generateCase(findCase('edge/partial-coverage'));
    expect(a.slug).toBe(b.slug);
    expect(sitePath(a.date, a.slug)).not.toBe(sitePath(b.date, b.slug));
    expect(sitePath('2026-02-05T00:00:00Z', 'x')).toBe('/posts/2026-02-05-x/');
  });

  it('are the path of --base-url, so the canonical URL <base>/<date>-<slug>/ is the page', () => {
    expect(sitePath('2026-02-05T00:00:00Z', 'x', 'https://example.org')).toBe('/2026-02-05-x/');
    expect(sitePath('2026-02-05T00:00:00Z', 'x', 'https://example.org/markets/news')).toBe('/markets/news/2026-02-05-x/');
    for (const site of ['hugo', 'jekyll', 'eleventy'] as const) {
      const a = generateCase(BULLETIN, undefined, { site, draft: false, baseUrl: 'https://example.org/news' });
      const key = site === 'hugo' ? 'url' : 'permalink';
      const path = splitFrontMatter(a.files.md).data[key] as string;
      expect(`https://example.org${path}`, site).toBe(/<link rel="canonical" href="([^"]+)">/.exec(a.files.html ?? '')?.[1] ?? `https://example.org/news/${a.basename}/`);
      expect(path, site).toBe(`/news/${a.basename}/`);
    }
  });
  it('keep a snapshot id to one safe path segment under /id/, clear of the site\'s own pages', () => {
    expect(idPath('liq-20260205-7d678080')).toBe('/id/liq-20260205-7d678080/');
    expect(idPath('../../Posts/<b>Ünïcode</b>')).toBe('/id/posts-b-unicode-b/');
    // A snapshot's own id (the contract allows [a-z0-9-]) may be a word like "posts": the alias still lands under /id/.
    const snap = JSON.parse(BULLETIN.snapshotText) as Record<string, unknown>;
    const a: Article = generate({ ...snap, id: 'posts' }, { now: NOW, site: 'hugo' });
    expect(splitFrontMatter(a.files.md).data['aliases']).toEqual(['/id/posts/']);
  });
});

describe('Eleventy heading anchors (the tldr table of contents)', () => {
  it('every link of the table of contents has an anchor of that id, and only linked headings get one', () => {
    let seen = 0;
    for (const c of allCases()) {
      const body = splitFrontMatter(generateCase(c, 'tldr', { site: 'eleventy' }).files.md).body;
      const targets = [...body.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
      const anchors = [...body.matchAll(/^#{1,6} <a id="([^"]+)"><\/a>/gm)].map((m) => m[1]!);
      expect(anchors.sort(), c.id).toEqual([...new Set(targets)].sort());
      seen += targets.length;
      // The other profiles keep GitHub-style ids to their own Markdown (Goldmark, kramdown, Astro do make them).
      expect(generateCase(c, 'tldr', { site: 'hugo' }).files.md, c.id).not.toContain('<a id=');
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("read back by liqnews' own Markdown (liqnews feed), they are the heading's id, not text", () => {
    for (const c of allCases()) {
      const anchored = splitFrontMatter(generateCase(c, 'tldr', { site: 'eleventy' }).files.md).body;
      const plain = splitFrontMatter(generateCase(c, 'tldr').files.md).body;
      expect(markdownToHtml(anchored), c.id).toBe(markdownToHtml(plain));
      expect(markdownToHtmlByMarked(anchored), c.id).toBe(markdownToHtml(plain));
    }
    // Only that exact form: other HTML at a heading's start stays text.
    expect(markdownToHtml('## <a id="x" onclick="y"></a>Hi\n')).toContain('&lt;a id=');
  });
});

describe('choosing a profile', () => {
  it('the library refuses an unknown name and lists the profiles', () => {
    let error: unknown;
    try {
      generate(BULLETIN.snapshotText, { now: NOW, site: 'wordpress' as SiteName });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LiqnewsError);
    expect((error as LiqnewsError).message).toContain('"wordpress"');
    expect((error as LiqnewsError).hint).toBe('site profiles: hugo, eleventy, astro, jekyll');
  });

  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const cli = runCli;
  const bulletin = join(BULLETIN.dir, 'snapshot.json');

  it('--site on the command line reaches the file (and names the choices when mistyped)', async () => {
    const r = await cli(['render', bulletin, '--site', 'Astro', '--stdout', '--format', 'md', '--style', 'bulletin', '--now', NOW.toISOString()]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(generateCase(BULLETIN, undefined, { site: 'astro' }).files.md);

    const hugo = await cli(['render', bulletin, '--site', 'hugo', '--expire-after', '14', '--stdout', '--format', 'md', '--style', 'bulletin', '--now', NOW.toISOString()]);
    expect(hugo.out).toBe(generateCase(BULLETIN, undefined, { site: 'hugo', expiryDays: 14 }).files.md);
    expect(hugo.out).toContain('\nexpiryDate: 2026-02-19T00:00:00Z\n');
    const noHugo = await cli(['render', bulletin, '--expire-after', '14', '--now', NOW.toISOString()]);
    expect([noHugo.code, noHugo.err.split('\n')[0]]).toEqual([2, "liqnews: --expire-after sets Hugo's expiryDate: use it with --site hugo"]);

    const bad = await cli(['render', bulletin, '--site', 'hugu', '--now', NOW.toISOString()]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown site "hugu" (did you mean hugo?); sites: hugo, eleventy, astro, jekyll');
  });

  it('--site reaches files rendered on worker threads (--jobs)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'liqnews-sites-'));
    dirs.push(out);
    const r = await cli(['render', join(BULLETIN.dir, '..'), '--site', 'jekyll', '--format', 'md', '--jobs', '2', '--out', out, '--now', NOW.toISOString(), '--quiet']);
    expect(r.err).toBe('');
    const files = readdirSync(out);
    expect(files).toHaveLength(listCases('golden').length);
    for (const f of files) {
      expect(profileLines(readFileSync(join(out, f), 'utf8')), f).toEqual(['layout: "post"', 'published: false', 'render_with_liquid: false', `permalink: "/posts/${f.replace(/\.md$/, '')}/"`]);
    }
  });
});
