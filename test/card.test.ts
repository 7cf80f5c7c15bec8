// The social card (`--format card`, src/card/): a real 1200×630 PNG, the same bytes on every run and in every TZ,
// a headline that stays inside the canvas however long, snapshot strings that stay text in the SVG, figures only
// the facts hold, the page's og/twitter/JSON-LD tags only with a card, and the writer's edit safety for its bytes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { CARD_HEIGHT, CARD_WIDTH, cardAlt, cardContent, cardSvg, escapeXml, headlineLayout } from '../src/card/svg.js';
import { textWidth } from '../src/card/measure.js';
import { svgToPng } from '../src/card/png.js';
import { generate, writeArticle, LiqnewsError, type Article } from '../src/index.js';
import { NOW, ROOT, allCases, findCase, generateCase, runCli } from './helpers.js';

const BASE = 'https://news.example.com/liquidations';
const bulletin = findCase('golden/000-bulletin-long-flush');
const withCard = (extra: Parameters<typeof generateCase>[2] = {}): Article => generateCase(bulletin, 'bulletin', { card: true, ...extra });
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const tmp = mkdtempSync(join(tmpdir(), 'liqnews-card-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Width and height from the IHDR chunk, after checking the PNG signature and that IHDR comes first. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(b.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const metaContent = (html: string, attr: 'property' | 'name', key: string): string | null =>
  new RegExp(`<meta ${attr}="${key.replace(/[:.]/g, '\\$&')}" content="([^"]*)">`).exec(html)?.[1] ?? null;
const jsonLd = (html: string): Record<string, unknown> => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>;

describe('the card PNG', () => {
  it('is a PNG of 1200×630 for every fixture', () => {
    for (const c of allCases()) expect(pngSize(generateCase(c, undefined, { card: true }).files.card), c.id).toEqual({ width: 1200, height: 630 });
  });

  it('gives the same bytes on a second run', () => {
    expect(sha(withCard().files.card)).toBe(sha(withCard().files.card));
  });

  it('gives the same bytes in a process with another TZ, and the default formats never load the rasteriser', () => {
    // A child with TZ=Pacific/Auckland renders the same snapshot: the PNG's hash must match this process's
    // (which runs under the suite's TZ). It also reports whether md/html/json alone loaded resvg or opentype.js.
    const script = join(tmp, 'child.mts');
    writeFileSync(
      script,
      [
        "import { createRequire } from 'node:module';",
        "import { createHash } from 'node:crypto';",
        "import { readFileSync } from 'node:fs';",
        `import { generate } from ${JSON.stringify(join(ROOT, 'src/index.ts'))};`,
        `const snap = readFileSync(${JSON.stringify(join(bulletin.dir, 'snapshot.json'))}, 'utf8');`,
        `const a = generate(snap, { style: 'bulletin', now: new Date(${JSON.stringify(NOW.toISOString())}), card: true });`,
        'void a.files.md; void a.files.html; void a.files.json;',
        'const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => /resvg|opentype/.test(k)).length;',
        'const before = loaded();',
        "const hash = createHash('sha256').update(a.files.card).digest('hex');",
        'console.log(JSON.stringify({ hash, before, after: loaded(), tz: Intl.DateTimeFormat().resolvedOptions().timeZone }));',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script], { env: { ...process.env, TZ: 'Pacific/Auckland' }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const child = JSON.parse(r.stdout.trim().split('\n').pop()!) as { hash: string; before: number; after: number; tz: string };
    expect(child.tz).toBe('Pacific/Auckland');
    expect(child.hash).toBe(sha(withCard().files.card));
    expect(child.before).toBe(0);
    expect(child.after).toBeGreaterThan(0);
  });

  it('fits the shipped fonts only: the SVG names DejaVu Sans and draws with the files under assets/fonts', () => {
    const svg = cardSvg(cardContent({ headline: 'Test', facts: withCard().facts, publisher: 'Desk' }));
    expect(svg).toContain('font-family="DejaVu Sans"');
    for (const f of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE-DejaVu']) expect(existsSync(join(ROOT, 'assets/fonts', f)), f).toBe(true);
  });
});

describe('the README example', () => {
  // docs/card-example.png is the golden bulletin fixture's card, shown in the README: it must be what the product
  // draws today. UPDATE_GOLDEN=1 rewrites it (with the golden files; look at it before committing).
  it('docs/card-example.png is the card of golden/000-bulletin-long-flush', () => {
    const path = join(ROOT, 'docs', 'card-example.png');
    const png = withCard().files.card;
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, png);
    expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 npx vitest run test/card.test.ts`).toBe(true);
    expect(sha(readFileSync(path)), 'docs/card-example.png is out of date: run UPDATE_GOLDEN=1 npx vitest run test/card.test.ts and look at it').toBe(sha(png));
  });
});

describe('the card layout', () => {
  const INNER = CARD_WIDTH - 2 * 72;

  it('wraps and shrinks a long headline so that every line stays inside the canvas, in at most three lines', () => {
    const long = 'Leveraged Longs Bear the Brunt as Over $2.5 Billion Is Liquidated This Week Across Bitcoin, Ethereum, Solana, XRP, Dogecoin and Hundreds of Smaller Tokens on Every Major Venue';
    const h = headlineLayout(long);
    expect(h.lines.length).toBeLessThanOrEqual(3);
    expect(h.size).toBeLessThan(54);
    for (const line of h.lines) expect(textWidth(line, h.size, 'bold'), line).toBeLessThanOrEqual(INNER);
    expect(h.lines.at(-1)!.endsWith('…')).toBe(true);
    // A word with no break in it (a long ticker) is cut rather than let out of the frame.
    for (const line of headlineLayout(`Liquidations Hit ${'X'.repeat(80)}`).lines) expect(textWidth(line, headlineLayout(`Liquidations Hit ${'X'.repeat(80)}`).size, 'bold')).toBeLessThanOrEqual(INNER);
  });

  it('keeps a headline that fits in three lines at the largest size, balanced: no last line with a lone word', () => {
    const h = headlineLayout('Brutal Stretch for Crypto Longs — Over $96 Million Liquidated in One Hour');
    expect(h.size).toBe(54);
    expect(h.lines).toHaveLength(3);
    const widths = h.lines.map((l) => textWidth(l, h.size, 'bold'));
    expect(Math.min(...widths)).toBeGreaterThan(0.6 * Math.max(...widths));
    // Balancing never cuts a word that fits a line whole.
    expect(h.lines.join(' ')).toBe('Brutal Stretch for Crypto Longs — Over $96 Million Liquidated in One Hour');
  });

  it('every fixture headline is laid out inside the canvas', () => {
    for (const c of allCases()) {
      const h = headlineLayout(generateCase(c).title);
      for (const line of h.lines) expect(textWidth(line, h.size, 'bold'), `${c.id}: ${line}`).toBeLessThanOrEqual(INNER);
    }
  });
});

describe('what the card says', () => {
  it('states the facts: headline, total, both sides with amounts and shares, source and date', () => {
    const a = withCard();
    const c = cardContent({ headline: a.title, facts: a.facts, publisher: 'liquidation-news' });
    expect(c).toMatchObject({ headline: a.title, total: '$1.08 billion', date: 'February 5, 2026', source: 'Data: CoinGlass' });
    expect(c.long).toEqual({ label: 'Longs', amount: '$951 million', share: '88%' });
    expect(c.short).toEqual({ label: 'Shorts', amount: '$132 million', share: '12%' });
    expect(cardAlt(c)).toBe(`${a.title}. $1.08 billion liquidated in the past 24 hours; longs $951 million (88%), shorts $132 million (12%). Data: CoinGlass. February 5, 2026.`);
    // Every figure of the card is one of the facts' claims (formatted once, with its source), never one of its own.
    const claimed = new Set(a.facts.claims.map((x) => x.display));
    for (const fig of ['$1.08 billion', '$951 million', '$132 million', '88%', '12%']) expect(claimed.has(fig), fig).toBe(true);
  });

  it('shows shares only when the printed sides do not add up to the printed total', () => {
    const a = withCard();
    const c = cardContent({ headline: a.title, facts: { ...a.facts, sidesAddUp: false }, publisher: 'x' });
    expect(c.long).toEqual({ label: 'Longs', amount: null, share: '88%' });
    expect(c.short).toEqual({ label: 'Shorts', amount: null, share: '12%' });
    const svg = cardSvg(c);
    expect(svg).not.toContain('$951 million');
    expect(cardAlt(c)).toContain('longs 88%, shorts 12%');
  });

  it('says "none" for a side with nothing liquidated', () => {
    const a = generateCase(findCase('edge/shorts-only'), undefined, { card: true });
    expect(cardContent({ headline: a.title, facts: a.facts, publisher: 'x' }).long).toEqual({ label: 'Longs', amount: null, share: 'none' });
  });

  it('keeps snapshot strings as text: <script> and & are escaped in the SVG, and it still renders', () => {
    const a = withCard();
    const hostile = '<script>alert(1)</script> & "Co" <b>';
    const svg = cardSvg(cardContent({ headline: `${hostile} headline`, facts: { ...a.facts, source: { name: hostile, url: null } }, publisher: `Desk & ${hostile}` }));
    expect(svg).not.toMatch(/<script|<b>/);
    for (const escaped of ['&lt;script&gt;alert(1)&lt;/script&gt;', '&amp;', '&quot;Co&quot;', '&lt;b&gt;']) expect(svg).toContain(escaped);
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(pngSize(svgToPng(svg))).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(escapeXml('a\u0000b\u001b&')).toBe('ab&amp;');
  });

  it('is drawn for the hostile-strings fixture, whose names hold markup', () => {
    const a = generateCase(findCase('edge/hostile-strings'), undefined, { card: true });
    expect(pngSize(a.files.card)).toEqual({ width: 1200, height: 630 });
  });
});

describe('the page with a card', () => {
  it('has og:image, its size and alt, and a large Twitter card only with a card', () => {
    const html = withCard({ baseUrl: BASE }).files.html;
    const url = `${BASE}/${withCard().basename}.card.png`;
    expect(metaContent(html, 'property', 'og:image')).toBe(url);
    expect(metaContent(html, 'property', 'og:image:width')).toBe('1200');
    expect(metaContent(html, 'property', 'og:image:height')).toBe('630');
    expect(metaContent(html, 'property', 'og:image:alt')).toContain('$1.08 billion liquidated in the past 24 hours');
    expect(metaContent(html, 'name', 'twitter:card')).toBe('summary_large_image');
    expect(metaContent(html, 'name', 'twitter:image')).toBe(url);

    const plain = generateCase(bulletin, 'bulletin', { baseUrl: BASE }).files.html;
    expect(plain).not.toMatch(/og:image|twitter:/);
  });

  it('JSON-LD image is the card, absolute, with a base URL; without one og:image is the file name and JSON-LD has no image', () => {
    const a = withCard({ baseUrl: BASE });
    expect(jsonLd(a.files.html)['image']).toBe(`${BASE}/${a.basename}.card.png`);
    const local = withCard();
    expect(metaContent(local.files.html, 'property', 'og:image')).toBe(`${local.basename}.card.png`);
    expect(jsonLd(local.files.html)).not.toHaveProperty('image');
  });

  it('passes html-validate with the og and Twitter tags (the settings of test/lint.test.ts)', () => {
    const hv = new HtmlValidate(JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData);
    for (const c of allCases()) {
      const report = hv.validateStringSync(generateCase(c, undefined, { card: true, baseUrl: BASE }).files.html, `${c.id}.html`);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`)), c.id).toEqual([]);
    }
  });

  it('front matter gets image: only with a card', () => {
    expect(withCard({ baseUrl: BASE }).files.md).toContain(`\nimage: "${BASE}/${withCard().basename}.card.png"\ncontentHash:`);
    expect(generateCase(bulletin, 'bulletin').files.md).not.toMatch(/^image:/m);
  });

  it('publisherLogo puts publisher.logo into JSON-LD; a non-http(s) logo is refused naming the option', () => {
    const ld = jsonLd(generateCase(bulletin, 'bulletin', { publisherLogo: 'https://news.example.com/logo.png' }).files.html);
    expect(ld['publisher']).toEqual({ '@type': 'Organization', name: 'liquidation-news', logo: { '@type': 'ImageObject', url: 'https://news.example.com/logo.png' } });
    expect(jsonLd(generateCase(bulletin, 'bulletin').files.html)['publisher']).toEqual({ '@type': 'Organization', name: 'liquidation-news' });
    expect(() => generateCase(bulletin, 'bulletin', { publisherLogo: 'javascript:alert(1)' })).toThrow(/publisherLogo must be an http or https address/);
  });
});

describe('the card on the command line', () => {
  const input = join(bulletin.dir, 'snapshot.json');
  const now = ['--now', NOW.toISOString()];

  it('--format card writes <date>-<slug>.card.png beside the page, which points at it', async () => {
    const out = join(tmp, 'cli');
    const r = await runCli(['render', input, '--out', out, '--style', 'bulletin', '--format', 'md,html,json,card', '--base-url', BASE, '--publisher-logo', 'https://news.example.com/logo.png', ...now]);
    expect(r.code, r.err).toBe(0);
    const name = readdirSync(out).find((n) => n.endsWith('.card.png'))!;
    expect(r.out).toContain(`wrote ${join(out, name)}`);
    expect(pngSize(readFileSync(join(out, name)))).toEqual({ width: 1200, height: 630 });
    const html = readFileSync(join(out, name.replace('.card.png', '.html')), 'utf8');
    expect(metaContent(html, 'property', 'og:image')).toBe(`${BASE}/${name}`);
    expect((jsonLd(html)['publisher'] as { logo: unknown }).logo).toEqual({ '@type': 'ImageObject', url: 'https://news.example.com/logo.png' });
    // A second run leaves it alone.
    const again = await runCli(['render', input, '--out', out, '--style', 'bulletin', '--format', 'card', '--base-url', BASE, ...now]);
    expect(again.out).toContain(`unchanged ${join(out, name)}`);
  });

  it('refuses --stdout with card, exit 2, saying why', async () => {
    const r = await runCli(['render', input, '--stdout', '--format', 'card', ...now]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--stdout cannot write the card: it is a PNG image');
  });

  it('refuses a --publisher-logo that is not http(s), exit 2', async () => {
    const r = await runCli(['render', input, '--out', join(tmp, 'x'), '--format', 'html', '--publisher-logo', 'ftp://example.com/logo.png', ...now]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--publisher-logo must be an http or https address');
  });
});

describe('writing the card', () => {
  it('keeps an edited card unless forced, like the other verbatim files (its hash sits beside it)', () => {
    const dir = join(tmp, 'write');
    const a = withCard();
    const formats = ['md', 'html', 'card'] as const;
    expect(writeArticle(a, { outDir: dir, formats }).map((r) => r.status)).toEqual(['written', 'written', 'written']);
    const path = join(dir, `${a.basename}.card.png`);
    expect(readFileSync(join(dir, `.${a.basename}.card.png.sha256`), 'utf8')).toBe(`sha256:${sha(a.files.card)}\n`);
    expect(writeArticle(a, { outDir: dir, formats }).map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    // A designer retouches the card: it is kept, and reported, until --force.
    const edited = Buffer.concat([Buffer.from(a.files.card), Buffer.from('retouched')]);
    writeFileSync(path, edited);
    const kept = writeArticle(a, { outDir: dir, formats: ['card'] });
    expect(kept).toEqual([{ path, format: 'card', status: 'kept-edited', found: 'edited' }]);
    expect(readFileSync(path).equals(edited)).toBe(true);
    expect(writeArticle(a, { outDir: dir, formats: ['card'], force: true })[0]!.status).toBe('written');
    expect(sha(readFileSync(path))).toBe(sha(a.files.card));
  });

  it('a card that fails to draw is the article\'s error, and nothing of the article is written', () => {
    const dir = join(tmp, 'fail');
    const a = withCard();
    const broken = {
      basename: a.basename,
      cardFile: a.cardFile,
      files: {
        md: a.files.md,
        html: a.files.html,
        get card(): Uint8Array {
          throw new LiqnewsError('CARD_FAILED', 'the social card could not be drawn: test');
        },
      },
    };
    expect(() => writeArticle(broken, { outDir: dir, formats: ['md', 'html', 'card'] })).toThrow(/social card could not be drawn/);
    expect(existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith('.')) : []).toEqual([]);
  });

  it('never writes a page that points at its card without the card', () => {
    const a = withCard();
    expect(a.cardFile).toBe(`${a.basename}.card.png`);
    expect(() => writeArticle(a, { outDir: join(tmp, 'nocard'), formats: ['md', 'html'] })).toThrow(/point at .*\.card\.png, but "card" is not among the formats/);
    expect(existsSync(join(tmp, 'nocard', `${a.basename}.html`))).toBe(false);
    // Without card: true, nothing points at a card and the page is written alone.
    expect(generate(bulletin.snapshotText, { style: 'bulletin', now: NOW }).cardFile).toBeNull();
  });

  it('serialising an article does not draw its card', () => {
    const a = withCard();
    expect(Object.keys(a.files)).not.toContain('card');
    expect(a.files.card).toBeInstanceOf(Uint8Array);
  });
});
