// `liqnews feed`: RSS 2.0, Atom 1.0 and JSON Feed 1.1 over a folder rendered from every bundled fixture,
// judged by the tools that consume them: xmllint, Debian's python3-feedparser, and a JSON Feed 1.1 schema (ajv).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { Feed } from 'feed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArticle } from '../src/output/write.js';
import { readMarkdownDoc } from '../src/feed/frontmatter.js';
import type { Claim } from '../src/facts/ledger.js';
import { findProblems } from '../src/check/figures.js';
import { STYLE_NAMES } from '../src/plan/styles.js';
import { ROOT, allCases, generateCase, runCli, type CliRun } from './helpers.js';

const SITE = 'https://example.com/news';



const run = runCli;
const lines = (text: string): string[] => text.split('\n').filter(Boolean);

/** What the feeds must say about one article, read from the files render wrote (not from the feed code). */
interface Expected {
  basename: string;
  id: string;
  url: string;
  title: string;
  published: string;
  claims: Claim[];
  /** The Markdown file's text. */
  article: string;
}

let tmp: string;
let articles: string;
let expected: Expected[];
/** Later articles whose URL an earlier one in feed order already has (two snapshots, one slug). */
let duplicates: Expected[];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'liqnews-feed-'));
  articles = join(tmp, 'articles');
  for (const c of allCases()) writeArticle(generateCase(c), { outDir: articles });
  const all = readdirSync(articles)
    .filter((n) => n.endsWith('.json'))
    .map((n): Expected => {
      const sidecar = JSON.parse(readFileSync(join(articles, n), 'utf8')) as { id: string; snapshot: { window: { end: string } }; claims: Claim[] };
      const basename = n.slice(0, -5);
      const md = readFileSync(join(articles, `${basename}.md`), 'utf8');
      const slug = /^slug: "([^"]+)"$/m.exec(md)![1]!;
      const title = JSON.parse(/^title: (".*")$/m.exec(md)![1]!) as string;
      const published = new Date(sidecar.snapshot.window.end).toISOString().replace('.000Z', 'Z');
      return { basename, id: sidecar.id, url: `${SITE}/${published.slice(0, 10)}-${slug}/`, title, published, claims: sidecar.claims, article: md };
    })
    .sort((a, b) => (a.published === b.published ? (a.id < b.id ? -1 : 1) : a.published > b.published ? -1 : 1));
  const seen = new Set<string>();
  expected = all.filter((e) => !seen.has(e.url) && Boolean(seen.add(e.url)));
  duplicates = all.filter((e) => !expected.includes(e));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The feeds over every fixture (drafts included: render marks every new article draft). */
async function feedAll(outDir: string, extra: string[] = []): Promise<CliRun> {
  return run(['feed', articles, '--site-url', SITE, '--drafts', '--out', outDir, ...extra]);
}

describe('liqnews feed over every golden and edge fixture', () => {
  let outDir: string;
  let result: CliRun;
  beforeAll(async () => {
    outDir = join(tmp, 'feeds');
    result = await feedAll(outDir);
  });

  it('writes feed.xml, atom.xml and feed.json, and names any article it had to leave out', () => {
    expect(readdirSync(outDir).sort()).toEqual(['atom.xml', 'feed.json', 'feed.xml']);
    expect(lines(result.out)).toEqual([
      `wrote ${join(outDir, 'feed.xml')}`,
      `wrote ${join(outDir, 'atom.xml')}`,
      `wrote ${join(outDir, 'feed.json')}`,
      `feed: ${expected.length} articles, newest ${expected[0]!.published}`,
    ]);
    // Two days whose rounded figures give one slug still get two URLs (the date is in them): none is left out.
    expect(duplicates).toEqual([]);
    expect(expected).toHaveLength(allCases().length);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });

  it('keeps two articles of different days that share a slug, each under its own URL', () => {
    const bySlug = new Map<string, Expected[]>();
    for (const e of expected) {
      const slug = /^slug: "([^"]+)"$/m.exec(e.article)![1]!;
      bySlug.set(slug, [...(bySlug.get(slug) ?? []), e]);
    }
    const shared = [...bySlug.values()].filter((list) => list.length > 1);
    expect(shared.length, 'the fixtures hold two days with one slug').toBeGreaterThan(0);
    const ids = (JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8')) as { items: { id: string }[] }).items.map((i) => i.id);
    for (const list of shared) for (const e of list) expect(ids).toContain(e.url);
  });

  it('lists the articles newest first (window end, ties by id), with the canonical URL as id and the window end as date', () => {
    const feed = JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8')) as { items: { id: string; url: string; title: string; date_published: string }[] };
    expect(feed.items.map((i) => i.id)).toEqual(expected.map((e) => e.url));
    expect(feed.items.map((i) => i.url)).toEqual(expected.map((e) => e.url));
    expect(feed.items.map((i) => i.title)).toEqual(expected.map((e) => e.title));
    expect(feed.items.map((i) => i.date_published)).toEqual(expected.map((e) => e.published));
  });

  it('dates the feed by its newest article, never by the clock', () => {
    const rss = readFileSync(join(outDir, 'feed.xml'), 'utf8');
    const atom = readFileSync(join(outDir, 'atom.xml'), 'utf8');
    const newest = expected[0]!.published;
    expect(rss).toContain(`<lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>`);
    expect(atom).toMatch(new RegExp(`^  <updated>${newest}</updated>$`, 'm'));
  });

  it('passes xmllint --noout (well-formed XML)', () => {
    for (const name of ['feed.xml', 'atom.xml']) {
      const r = spawnSync('xmllint', ['--noout', join(outDir, name)], { encoding: 'utf8' });
      if (r.error) throw new Error(`xmllint could not run (${r.error.message}): install the Debian package libxml2-utils (apt-get install -y libxml2-utils)`);
      expect(r.stderr, name).toBe('');
      expect(r.status, name).toBe(0);
    }
  });

  it("parses with Debian's python3-feedparser without bozo, and agrees with every sidecar: id, title, date, figures", () => {
    for (const [name, version] of [
      ['feed.xml', 'rss20'],
      ['atom.xml', 'atom10'],
    ] as const) {
      const parsed = feedparser(join(outDir, name));
      expect(parsed.bozo, `${name}: ${parsed.bozo_exception}`).toBe(false);
      expect(parsed.version).toBe(version);
      expect(parsed.feedUpdated).toBe(expected[0]!.published);
      expect(parsed.entries.map((e) => e.id)).toEqual(expected.map((e) => e.url));
      expect(parsed.entries.map((e) => e.link)).toEqual(expected.map((e) => e.url));
      expect(parsed.entries.map((e) => e.title)).toEqual(expected.map((e) => e.title));
      expect(parsed.entries.map((e) => e.published)).toEqual(expected.map((e) => e.published));
      parsed.entries.forEach((entry, i) => {
        const want = expected[i]!;
        const text = `${entry.title}\n${entry.summary}\n${textOf(entry.content)}`;
        // Every figure in the entry, as the parser hands it to a reader, is one the sidecar holds…
        expect(findProblems(text, want.claims), `${name} ${want.basename}`).toEqual([]);
        // …and the full text travels: every sidecar figure the article states is in the entry (case aside, as in
        // the article's own check: a headline says "$54 Million" where the body says "$54 million").
        const stated = want.claims.map((c) => c.display).filter((d) => want.article.toLowerCase().includes(d.toLowerCase()));
        expect(stated.filter((d) => !text.toLowerCase().includes(d.toLowerCase())), `${name} ${want.basename}`).toEqual([]);
      });
    }
  });

  it('matches the JSON Feed 1.1 schema (ajv), which the feed package’s JSON Feed 1.0 output does not', () => {
    const validate = jsonFeedValidator();
    const doc: unknown = JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8'));
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    // The schema is not a rubber stamp: the `feed` package's JSON Feed 1.0 (version 1, singular author) fails it.
    const legacy = new Feed({ title: 't', id: `${SITE}/`, copyright: '', author: { name: 'x' } });
    legacy.addItem({ title: 'a', id: `${SITE}/a/`, link: `${SITE}/a/`, date: new Date('2026-02-05T00:00:00Z'), content: '<p>a</p>' });
    expect(validate(JSON.parse(legacy.json1()))).toBe(false);
  });

  it('keeps RSS <author> out (RSS 2.0 wants an email there) and names the author with dc:creator', () => {
    const rss = readFileSync(join(outDir, 'feed.xml'), 'utf8');
    expect(rss).not.toContain('<author>');
    expect(rss.match(/<dc:creator>liquidation-news<\/dc:creator>/g)).toHaveLength(expected.length);
    expect(rss.match(/<content:encoded>/g)).toHaveLength(expected.length);
  });

  it('makes in-page links absolute, so a table of contents still works in a feed reader', () => {
    const feed = JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8')) as { items: { url: string; content_html: string }[] };
    const withToc = feed.items.filter((i) => i.content_html.includes('Table of Contents'));
    expect(withToc.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.content_html).not.toContain('href="#');
      for (const m of item.content_html.matchAll(/ href="([^"]*)#/g)) expect(m[1]).toBe(item.url);
    }
  });

  it('is byte-identical when built again, and leaves unchanged files alone', async () => {
    const again = join(tmp, 'feeds-again');
    await feedAll(again);
    for (const name of ['feed.xml', 'atom.xml', 'feed.json']) expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(outDir, name), 'utf8'));
    const rerun = await feedAll(outDir);
    expect(lines(rerun.out).slice(0, 3)).toEqual(['feed.xml', 'atom.xml', 'feed.json'].map((n) => `unchanged ${join(outDir, n)}`));
  });

  it('keeps a feed edited by hand (a BOM or blank line added too), written by another tool, or without its stamp (exit 1) unless --force', async () => {
    const dir = join(tmp, 'feeds-edited');
    expect((await feedAll(dir)).code).toBe(0);
    const ours = (name: string): string => readFileSync(join(outDir, name), 'utf8');
    for (const name of ['feed.xml', 'atom.xml']) expect(ours(name).split('\n')[1]).toMatch(/^<!-- liqnews-content-hash: sha256:[0-9a-f]{64} -->$/);
    expect(JSON.parse(ours('feed.json'))._liqnews.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);

    // An editor's title, saved with a byte-order mark and a blank line first.
    const edited = `\uFEFF\n${ours('atom.xml').replace('<title type="text">Crypto liquidations</title>', '<title type="text">Our own title</title>')}`;
    expect(edited).toContain('Our own title');
    writeFileSync(join(dir, 'atom.xml'), edited);
    const foreign = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Someone else</title></channel></rss>\n';
    writeFileSync(join(dir, 'feed.xml'), foreign);
    // A feed.json without its stamp (as before stamps, or with the key deleted by hand): it names our generator, and is still kept.
    const old = JSON.parse(ours('feed.json')) as Record<string, unknown>;
    delete old['_liqnews'];
    const unstamped = `${JSON.stringify(old, null, 2)}\n`;
    writeFileSync(join(dir, 'feed.json'), unstamped);

    const kept = await feedAll(dir);
    expect(kept.code).toBe(1);
    expect(lines(kept.err)).toEqual([
      `kept ${join(dir, 'feed.xml')} (not generated by liqnews; use --force to overwrite)`,
      `kept ${join(dir, 'atom.xml')} (edited since generated; use --force to overwrite)`,
      `kept ${join(dir, 'feed.json')} (not generated by liqnews; use --force to overwrite)`,
    ]);
    expect(readFileSync(join(dir, 'atom.xml'), 'utf8')).toBe(edited);
    expect(readFileSync(join(dir, 'feed.xml'), 'utf8')).toBe(foreign);
    expect(readFileSync(join(dir, 'feed.json'), 'utf8')).toBe(unstamped);

    const forced = await feedAll(dir, ['--force']);
    expect(forced.code).toBe(0);
    for (const name of ['feed.xml', 'atom.xml', 'feed.json']) expect(readFileSync(join(dir, name), 'utf8')).toBe(ours(name));
  });

  it('never reads or replaces a named pipe at a feed\'s name (it would hang), and never takes its own feed.json for an article', async () => {
    const dir = join(tmp, 'feeds-special');
    mkdirSync(dir, { recursive: true });
    expect(spawnSync('mkfifo', [join(dir, 'feed.xml')]).status).toBe(0);
    const r = spawnSync('timeout', ['60', process.execPath, '--import', 'tsx', join(ROOT, 'test', 'ingest', 'liqnews-src.ts'), 'feed', articles, '--site-url', SITE, '--drafts', '--out', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot write ${join(dir, 'feed.xml')}: it is a named pipe; left alone`);
    // An empty feed.json in the articles' own folder is the feed's file, not a broken article.
    const own = join(tmp, 'feeds-own');
    mkdirSync(own, { recursive: true });
    for (const f of readdirSync(articles)) writeFileSync(join(own, f), readFileSync(join(articles, f)));
    writeFileSync(join(own, 'feed.json'), '');
    const again = await run(['feed', own, '--site-url', SITE, '--drafts', '--force']);
    expect(again.err).not.toContain('left out of the feed');
    expect(again.code).toBe(0);
  });

  it('carries hostile snapshot strings as text: no script, event handler or javascript: link survives in the parsed content', () => {
    const hostile = expected.find((e) => e.id.startsWith('liq-20260218'))!;
    const entry = feedparser(join(outDir, 'atom.xml')).entries.find((e) => e.id === hostile.url)!;
    const tags = entry.content.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((t) => /^<(script|img|iframe|style)|\son\w+=|javascript:/i.test(t))).toEqual([]);
    expect(textOf(entry.content)).toContain('<script>alert(1)</script>');
  });

  it('--limit keeps only the newest N', async () => {
    const dir = join(tmp, 'feeds-limit');
    await feedAll(dir, ['--limit', '2']);
    const feed = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as { items: { id: string }[] };
    expect(feed.items.map((i) => i.id)).toEqual(expected.slice(0, 2).map((e) => e.url));
  });
});

describe.each(STYLE_NAMES)('liqnews feed over every fixture in the %s style (published)', (style) => {
  let dir: string;
  let result: CliRun;
  let sidecars: Map<string, { claims: Claim[]; md: string }>;
  beforeAll(async () => {
    dir = join(tmp, `style-${style}`);
    for (const c of allCases()) writeArticle(generateCase(c, style, { draft: false, baseUrl: SITE }), { outDir: dir });
    sidecars = new Map(
      readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .map((n) => {
          const md = readFileSync(join(dir, `${n.slice(0, -5)}.md`), 'utf8');
          const sidecar = JSON.parse(readFileSync(join(dir, n), 'utf8')) as { claims: Claim[]; snapshot: { window: { end: string } } };
          // URL and date: two snapshots may share a slug (and so a URL), never both.
          const end = new Date(sidecar.snapshot.window.end).toISOString().replace('.000Z', 'Z');
          return [`${SITE}/${end.slice(0, 10)}-${/^slug: "([^"]+)"$/m.exec(md)![1]!}/ ${end}`, { claims: sidecar.claims, md }] as const;
        }),
    );
    // Without --drafts: every article here is published.
    result = await run(['feed', dir, '--site-url', SITE, '--quiet']);
  });

  it('passes xmllint, feedparser (no bozo) and the JSON Feed 1.1 schema, and states only sidecar figures', () => {
    expect(result.err).toBe('');
    for (const name of ['feed.xml', 'atom.xml']) {
      const r = spawnSync('xmllint', ['--noout', join(dir, name)], { encoding: 'utf8' });
      expect([r.status, r.stderr], name).toEqual([0, '']);
      const parsed = feedparser(join(dir, name));
      expect(parsed.bozo, `${name}: ${parsed.bozo_exception}`).toBe(false);
      expect(parsed.entries.length).toBe(allCases().length);
      for (const entry of parsed.entries) {
        const want = sidecars.get(`${entry.id} ${entry.published}`);
        expect(want, entry.id).toBeDefined();
        const text = `${entry.title}\n${entry.summary}\n${textOf(entry.content)}`;
        expect(findProblems(text, want!.claims), `${name} ${entry.id}`).toEqual([]);
        // The full text travels: every sidecar figure the article states is in the entry.
        const stated = want!.claims.map((c) => c.display).filter((d) => want!.md.toLowerCase().includes(d.toLowerCase()));
        expect(stated.filter((d) => !text.toLowerCase().includes(d.toLowerCase())), `${name} ${entry.id}`).toEqual([]);
      }
    }
    expect(result.code).toBe(0);
    const validate = jsonFeedValidator();
    const doc = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as { items: { id: string; date_published: string }[] };
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    const dates = doc.items.map((i) => i.date_published);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('links each entry to the page render wrote for it (the canonical URL in the HTML)', () => {
    const doc = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as { items: { id: string }[] };
    const canonicals = readdirSync(dir)
      .filter((n) => n.endsWith('.html'))
      .map((n) => /<link rel="canonical" href="([^"]+)">/.exec(readFileSync(join(dir, n), 'utf8'))![1]!);
    for (const item of doc.items) expect(canonicals).toContain(item.id);
  });
});

describe('liqnews feed: drafts, broken folders and usage', () => {
  it('leaves drafts out by default: a folder of fresh drafts gives no feed and says how to publish', async () => {
    const dir = join(tmp, 'drafts-only');
    const r = await run(['feed', articles, '--site-url', SITE, '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('every article is a draft');
    expect(r.err).toContain('draft: false');
    expect(() => readdirSync(dir)).toThrow();
  });

  it('publishes the articles an editor flipped to draft: false, with lastmod as their updated date', async () => {
    const folder = join(tmp, 'published');
    const picks = allCases().filter((c) => c.id === 'golden/000-bulletin-long-flush' || c.id === 'golden/002-tldr-eth-led');
    for (const c of picks) writeArticle(generateCase(c), { outDir: folder });
    const md = readdirSync(folder).filter((n) => n.endsWith('.md')).sort();
    const edited = join(folder, md[1]!);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('draft: true', 'draft: false').replace(/^lastmod: .*$/m, 'lastmod: 2026-03-01T09:30:00+01:00'));
    const r = await run(['feed', folder, '--site-url', `${SITE}/`, '--title', 'Desk & Co']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 draft left out');
    const feed = JSON.parse(readFileSync(join(folder, 'feed.json'), 'utf8')) as { title: string; items: { date_modified: string; date_published: string }[] };
    expect(feed.title).toBe('Desk & Co');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.date_modified).toBe('2026-03-01T08:30:00Z');
    expect(readFileSync(join(folder, 'atom.xml'), 'utf8')).toContain('<title type="text">Desk &amp; Co</title>');
  });

  it('names an article it cannot read and still writes the others (exit 1)', async () => {
    const folder = join(tmp, 'broken');
    mkdirSync(folder);
    for (const c of allCases().slice(0, 2)) writeArticle(generateCase(c), { outDir: folder });
    const [first, second] = readdirSync(folder).filter((n) => n.endsWith('.md')).sort();
    rmSync(join(folder, first!));
    writeFileSync(join(folder, 'snapshot.json'), '{"schemaVersion":1}'); // not a sidecar: passed over
    writeFileSync(join(folder, 'broken.json'), '{'); // not JSON: named
    const r = await run(['feed', folder, '--site-url', SITE, '--drafts']);
    expect(r.code).toBe(1);
    // In file-name order: 2025-07-14-….json, then broken.json.
    expect(lines(r.err)).toEqual([
      `${join(folder, first!.replace(/\.md$/, '.json'))}: no ${first} beside it; render with --format md,json (the default writes both); left out of the feed`,
      expect.stringMatching(/broken\.json: not valid JSON .*; left out of the feed$/),
    ]);
    const feed = JSON.parse(readFileSync(join(folder, 'feed.json'), 'utf8')) as { items: { id: string }[] };
    expect(feed.items.map((i) => i.id)).toEqual([`${SITE}/${second!.replace(/\.md$/, '')}/`]);
  });

  it('names an article whose URL another one already has (an editor gave two of one day the same slug) and leaves it out', async () => {
    const folder = join(tmp, 'same-url');
    writeArticle(generateCase(allCases()[0]!), { outDir: folder });
    const [md] = readdirSync(folder).filter((n) => n.endsWith('.md'));
    const base = md!.replace(/\.md$/, '');
    for (const ext of ['md', 'json']) writeFileSync(join(folder, `${base}-copy.${ext}`), readFileSync(join(folder, `${base}.${ext}`)));
    const r = await run(['feed', folder, '--site-url', SITE, '--drafts']);
    expect(r.code).toBe(1);
    expect(lines(r.err)).toEqual([`${base}-copy.md: another article already has the URL ${SITE}/${base}/; left out of the feed`]);
    const feed = JSON.parse(readFileSync(join(folder, 'feed.json'), 'utf8')) as { items: { id: string }[] };
    expect(feed.items.map((i) => i.id)).toEqual([`${SITE}/${base}/`]);
  });

  it('refuses to run without a usable --site-url (usage error, exit 2)', async () => {
    expect((await run(['feed', articles])).code).toBe(2);
    const r = await run(['feed', articles, '--site-url', 'ftp://example.com']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('http or https');
    expect((await run(['feed', articles, '--site-url', SITE, '--limit', '0'])).code).toBe(2);
    expect((await run(['feed', articles, 'other', '--site-url', SITE])).code).toBe(2);
    expect((await run(['render', articles, '--site-url', SITE])).err).toContain('render does not take --site-url');
  });

  it('has its own --help', async () => {
    const r = await run(['feed', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('liqnews feed <dir> --site-url URL');
  });
});

describe('liqnews feed with social cards', () => {
  // render --format card writes <basename>.card.png beside the .md: the feed finds it there and carries it as the
  // entry's image (RSS enclosure, Atom link rel="enclosure", JSON Feed image); an article without a card gets none.
  let dir: string;
  let out: string;
  let withCard: string;
  let without: string;
  beforeAll(() => {
    dir = join(tmp, 'cards');
    out = join(tmp, 'cards-feed');
    const [first, second] = allCases();
    const a = generateCase(first!, undefined, { card: true, baseUrl: SITE, draft: false });
    writeArticle(a, { outDir: dir, formats: ['md', 'html', 'json', 'card'] });
    const b = generateCase(second!, undefined, { draft: false });
    writeArticle(b, { outDir: dir });
    withCard = a.basename;
    without = b.basename;
  });

  it('puts the card in each feed, with its type and size, and only for the article that has one', async () => {
    const r = await run(['feed', dir, '--site-url', SITE, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const url = `${SITE}/${withCard}.card.png`;
    const bytes = readFileSync(join(dir, `${withCard}.card.png`)).length;
    const rss = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(rss).toContain(`<enclosure url="${url}" length="${bytes}" type="image/png"/>`);
    expect(rss.match(/<enclosure /g)).toHaveLength(1);
    const atomXml = readFileSync(join(out, 'atom.xml'), 'utf8');
    expect(atomXml).toContain(`<link rel="enclosure" type="image/png" length="${bytes}" href="${url}"/>`);
    for (const [name, version] of [['feed.xml', 'rss20'], ['atom.xml', 'atom10']] as const) {
      const parsed = feedparser(join(out, name));
      expect(parsed.bozo, `${name}: ${parsed.bozo_exception}`).toBe(false);
      expect(parsed.version).toBe(version);
      const byLink = new Map(parsed.entries.map((e) => [e.link, e.enclosures]));
      const entryOf = (basename: string): ParsedEntry['enclosures'] => [...byLink.entries()].find(([link]) => link.includes(basename.slice(11)))![1];
      expect(entryOf(withCard), name).toEqual([{ href: url, type: 'image/png', length: String(bytes) }]);
      expect(entryOf(without), name).toEqual([]);
    }
    for (const name of ['feed.xml', 'atom.xml']) expect(spawnSync('xmllint', ['--noout', join(out, name)], { encoding: 'utf8' }).status, name).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8')) as { items: { url: string; image?: string }[] };
    expect(json.items.filter((i) => i.image).map((i) => i.image)).toEqual([url]);
    const validate = jsonFeedValidator();
    expect(validate(json) ? [] : validate.errors).toEqual([]);
  });
});

describe('front matter as editors leave it', () => {
  it('reads quoted, plain and single-quoted scalars, flow and block lists, and Jekyll published: false', () => {
    const doc = readMarkdownDoc(
      "---\ntitle: 'It''s a \"test\"'\ndescription: plain text # a comment\ndraft: false\npublished: false\nslug: \"a-b\"\ntags:\n  - one\n  - \"two\"\nother: [x, 'y, z']\nnested:\n  a: b\n---\nBody\n",
    );
    if (typeof doc === 'string') throw new Error(doc);
    expect(Object.fromEntries(doc.data)).toEqual({
      title: 'It\'s a "test"',
      description: 'plain text',
      draft: false,
      published: false,
      slug: 'a-b',
      tags: ['one', 'two'],
      other: ['x', 'y, z'],
      nested: null,
    });
    expect(doc.body).toBe('Body\n');
  });

  it('reads what a YAML parser reads: a folded title, a title over two lines, a flow list over two lines', () => {
    const doc = readMarkdownDoc('---\ntitle: >-\n  Longs Flushed\n  as Bitcoin Slides\ndescription: "one\n  two"\ntags: [bitcoin,\n  ETF]\nslug: plain\n---\nBody\n');
    if (typeof doc === 'string') throw new Error(doc);
    expect(doc.data.get('title')).toBe('Longs Flushed as Bitcoin Slides');
    expect(doc.data.get('description')).toBe('one two');
    expect(doc.data.get('tags')).toEqual(['bitcoin', 'ETF']);
  });

  it('refuses front matter YAML cannot read, naming the line in the file', () => {
    const doc = readMarkdownDoc('---\ntitle: "ok"\nslug: a\ntags: [one, two\n---\n');
    expect(typeof doc).toBe('string');
    expect(doc).toMatch(/^front matter line [45]: /);
    expect(readMarkdownDoc('---\ntitle: a\ntitle: b\n---\n')).toMatch(/^front matter line 3: .*unique/i);
  });

  it('leaves an article whose front matter cannot be read out of the feed, with its file and line, and exits 1', async () => {
    const dir = join(tmp, 'broken-yaml');
    const [broken, fine] = allCases();
    const written = writeArticle(generateCase(broken!), { outDir: dir });
    writeArticle(generateCase(fine!), { outDir: dir });
    const md = written.find((w) => w.format === 'md')!.path;
    writeFileSync(md, readFileSync(md, 'utf8').replace(/^tags: .*$/m, 'tags: [one, two'));
    const r = await run(['feed', dir, '--site-url', SITE, '--drafts']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${md.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: front matter line \\d+: .*left out of the feed`));
    const feed = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as { items: { id: string }[] };
    expect(feed.items).toHaveLength(1);
    expect(readFileSync(join(dir, 'feed.json'), 'utf8')).not.toContain(generateCase(broken!).title);
  });

  it('decodes the escapes render writes into double-quoted strings', () => {
    const doc = readMarkdownDoc('---\ntitle: "\\u003Cb\\u003E \\"q\\" \\\\ \\x41"\n---\n');
    if (typeof doc === 'string') throw new Error(doc);
    expect(doc.data.get('title')).toBe('<b> "q" \\ A');
  });
});

interface ParsedEntry {
  id: string;
  link: string;
  title: string;
  summary: string;
  content: string;
  published: string;
  /** RSS <enclosure> / Atom link rel="enclosure", as feedparser reads them. */
  enclosures: { href: string; type: string; length: string }[];
}

interface ParsedFeed {
  bozo: boolean;
  bozo_exception: string;
  version: string;
  feedUpdated: string;
  entries: ParsedEntry[];
}

const FEEDPARSER_SCRIPT = `
import json, sys, time
import feedparser
d = feedparser.parse(sys.argv[1])
iso = lambda t: time.strftime('%Y-%m-%dT%H:%M:%SZ', t) if t else None
print(json.dumps({
  'bozo': bool(d.bozo), 'bozo_exception': str(d.get('bozo_exception', '')), 'version': d.version,
  'feedUpdated': iso(d.feed.get('updated_parsed')),
  'entries': [{'id': e.get('id'), 'link': e.get('link'), 'title': e.get('title'), 'summary': e.get('summary', ''),
               'content': e.content[0].value if e.get('content') else '', 'published': iso(e.get('published_parsed')),
               'enclosures': [{'href': x.get('href'), 'type': x.get('type'), 'length': x.get('length')} for x in e.get('enclosures', [])]}
              for e in d.entries],
}))
`;

let python: string | null = null;

/** Debian's python3 with feedparser: \`python3\` on PATH, or /usr/bin/python3 when PATH has another Python first. */
function feedparserPython(): string {
  if (python) return python;
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(candidate, ['-c', 'import feedparser'], { encoding: 'utf8' });
    if (!r.error && r.status === 0) return (python = candidate);
  }
  throw new Error('python3 with feedparser not found: install the Debian package python3-feedparser (apt-get install -y python3-feedparser)');
}

function feedparser(file: string): ParsedFeed {
  return JSON.parse(execFileSync(feedparserPython(), ['-c', FEEDPARSER_SCRIPT, file], { encoding: 'utf8' })) as ParsedFeed;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#47': '/', '#46': '.', '#58': ':' };
/** HTML to the text a reader sees: tags out, entities decoded. */
const textOf = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? m);

function jsonFeedValidator(): ReturnType<Ajv['compile']> {
  // strictRequired off: the schema's "content_html or content_text" names properties defined one level up.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  formats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/schemas/jsonfeed-1.1.schema.json'), 'utf8')) as object);
}
