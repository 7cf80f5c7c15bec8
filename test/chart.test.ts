// The chart (--format svg, --sections +chart; src/chart/): vega's SVG, the same bytes on every run and in every TZ,
// valid XML, bars that are the facts, snapshot strings escaped, the Markdown image with figures in its alt text only
// beside its file, the page's inline copy, the history chart only with earlier windows, and vega never loaded by
// the default formats.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { generate, loadCharts, openHistory, writeArticle, type Article } from '../src/index.js';
import { chartData } from '../src/chart/data.js';
import { svgFormat } from '../src/formats/svg.js';
import { chartAlt } from '../src/chart/alt.js';
import { vegaSpec, withoutTemplateOpeners } from '../src/chart/svg.js';
import { NOW, ROOT, allCases, findCase, generateCase, runCli } from './helpers.js';
import { days } from './history/helpers.js';

const bulletin = findCase('golden/000-bulletin-long-flush');
const snapText = readFileSync(join(bulletin.dir, 'snapshot.json'), 'utf8');
const withChart = (extra: Parameters<typeof generateCase>[2] = {}): Article => generateCase(bulletin, 'bulletin', { sections: '+chart', chart: true, ...extra });
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const tmp = mkdtempSync(join(tmpdir(), 'liqnews-chart-'));
beforeAll(() => loadCharts());
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The text nodes of an SVG, entities decoded. */
const textNodes = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));

/** A store with `n` earlier daily windows ending where the bulletin fixture's window starts. */
function storeWith(n: number): ReturnType<typeof openHistory> {
  const h = openHistory(join(mkdtempSync(join(tmp, 'h-')), 'h.sqlite'), { now: () => NOW });
  if (n > 0) h.record(days('2026-02-03', []).concat(days(new Date(Date.parse('2026-02-04T00:00:00Z') - n * 86_400_000).toISOString().slice(0, 10), Array.from({ length: n }, (_, i) => 1e8 + i * 1e7))));
  return h;
}

describe('the chart SVG', () => {
  it('gives the same bytes on a second run, equal to vega\'s own toSVG()', async () => {
    const a = withChart();
    expect(sha(withChart().files.svg)).toBe(sha(a.files.svg));
    const { View, parse } = await import('vega');
    const d = chartData(a.facts)!;
    expect(`${withoutTemplateOpeners(await new View(parse(vegaSpec(d, chartAlt(d))), { renderer: 'none' }).toSVG())}\n`).toBe(a.files.svg);
  });

  it('gives the same bytes in a process with another TZ, and md/html/json alone never import vega', () => {
    // A resolve hook (module.register) logs every specifier naming vega that the child's module loader sees.
    const log = join(tmp, 'resolved.log');
    const hooks = join(tmp, 'hooks.mjs');
    writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function resolve(spec, ctx, next) { if (/^vega/.test(spec)) appendFileSync(${JSON.stringify(log)}, spec + '\\n'); return next(spec, ctx); }\n`);
    const script = join(tmp, 'child.mts');
    writeFileSync(
      script,
      [
        "import { register } from 'node:module';",
        "import { pathToFileURL } from 'node:url';",
        "import { createHash } from 'node:crypto';",
        "import { existsSync, readFileSync } from 'node:fs';",
        `register(pathToFileURL(${JSON.stringify(hooks)}));`,
        `const { generate, loadCharts } = await import(${JSON.stringify(join(ROOT, 'src/index.ts'))});`,
        `const snap = ${JSON.stringify(snapText)};`,
        `const now = new Date(${JSON.stringify(NOW.toISOString())});`,
        "const a = generate(snap, { style: 'bulletin', now });",
        'void a.files.md; void a.files.html; void a.files.json;',
        `const seen = () => (existsSync(${JSON.stringify(log)}) ? readFileSync(${JSON.stringify(log)}, 'utf8').split('\\n').filter(Boolean) : []);`,
        'const before = seen();',
        'await loadCharts();',
        "const b = generate(snap, { style: 'bulletin', now, sections: '+chart', chart: true });",
        "const hash = createHash('sha256').update(b.files.svg).digest('hex');",
        'console.log(JSON.stringify({ hash, before, after: seen(), tz: Intl.DateTimeFormat().resolvedOptions().timeZone }));',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, TZ: 'Pacific/Auckland' }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const child = JSON.parse(r.stdout.trim().split('\n').pop()!) as { hash: string; before: string[]; after: string[]; tz: string };
    expect(child.tz).toBe('Pacific/Auckland');
    expect(child.hash).toBe(sha(withChart().files.svg));
    expect(child.before).toEqual([]);
    expect(child.after).toEqual(expect.arrayContaining(['vega', 'vega-lite']));
  });

  it('is valid XML (xmllint) for every fixture that has a chart', () => {
    let n = 0;
    for (const c of allCases()) {
      const a = generateCase(c, undefined, { sections: '+chart', chart: true });
      if (!chartData(a.facts)) continue;
      const path = join(tmp, `${a.basename}.chart.svg`);
      writeFileSync(path, a.files.svg);
      const r = spawnSync('xmllint', ['--noout', path], { encoding: 'utf8' });
      expect(r.status, `${c.id}: ${r.stderr}`).toBe(0);
      n++;
    }
    expect(n).toBeGreaterThan(5);
  });

  it('draws the table\'s rows: the leading coins and the rest of the market, long and short, labelled with the table\'s figures', () => {
    const a = withChart();
    const d = chartData(a.facts)!;
    const rows = a.facts.tables.assets!.rows.filter((r) => r.kind !== 'total');
    expect(d.coins.map((c) => c.coin)).toEqual(rows.map((r) => r.label));
    expect(d.coins.map((c) => c.coin)).toEqual(['Bitcoin (BTC)', 'Ethereum (ETH)', 'Solana (SOL)', 'XRP', 'Other coins']);
    // Bar lengths: the snapshot's amounts, and the rest of the market is the totals less the named coins.
    const snap = JSON.parse(snapText) as { totals: { longUsd: number; shortUsd: number }; assets: { longUsd: number; shortUsd: number }[] };
    expect(d.coins.slice(0, 4).map((c) => [c.long, c.short])).toEqual(snap.assets.map((x) => [x.longUsd, x.shortUsd]));
    expect(d.coins[4]!.long).toBeCloseTo(snap.totals.longUsd - snap.assets.reduce((s, x) => s + x.longUsd, 0), 2);
    // The vega data holds those amounts, and the SVG prints each row's two table cells.
    const spec = JSON.stringify(vegaSpec(d, 'x'));
    for (const c of d.coins) expect(spec).toContain(`"usd":${c.long}`);
    const texts = textNodes(a.files.svg);
    for (const r of rows) expect(texts).toContain(`${r.label}: ${r.cells.long} long · ${r.cells.short} short`);
    expect(texts).toEqual(expect.arrayContaining(['Longs', 'Shorts', 'Long and short liquidations by coin', 'Bitcoin (BTC): $428 million long · $41.3 million short']));
  });

  it('prints no figure that is not a claim\'s display (no amount axis)', () => {
    for (const c of allCases()) {
      const a = generateCase(c, undefined, { sections: '+chart', chart: true });
      if (!chartData(a.facts)) continue;
      const claimed = new Set([...a.facts.claims, ...a.facts.tables.claims].map((x) => x.display.replace(/^at least /, '')));
      for (const t of textNodes(a.files.svg)) {
        for (const fig of t.match(/\$[\d,.]+(?: (?:thousand|million|billion|trillion))?|[\d.]+%/g) ?? []) expect(claimed.has(fig), `${c.id}: ${fig} in "${t}"`).toBe(true);
      }
    }
  });

  it('keeps hostile snapshot strings text: <script>, &, quotes', () => {
    const snap = JSON.parse(snapText) as { assets: { name?: string }[] };
    snap.assets[0]!.name = '<script>&"\'';
    const a = generate(JSON.stringify(snap), { style: 'bulletin', now: NOW, sections: '+chart', chart: true });
    for (const doc of [a.files.svg, a.files.html]) {
      expect(doc).not.toContain('<script>&');
      expect(doc).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    }
    expect(textNodes(a.files.svg).filter((t) => t.startsWith('<script>&"\' (BTC): $'))).toHaveLength(1);
    const path = join(tmp, 'hostile.svg');
    writeFileSync(path, a.files.svg);
    expect(spawnSync('xmllint', ['--noout', path]).status).toBe(0);
    // Template openers in a name never reach the SVG or the page as `{{` (site generators would run them).
    const braces = JSON.parse(snapText) as { assets: { name?: string }[] };
    braces.assets[1]!.name = '{{7*7}} {%x%} {#y#}';
    const b = generate(JSON.stringify(braces), { style: 'bulletin', now: NOW, sections: '+chart', chart: true });
    for (const doc of [b.files.svg, b.files.html, b.files.md]) expect(doc).not.toMatch(/\{[{%#]/);
    // The Markdown alt text keeps it text too.
    const line = a.files.md.split('\n').find((l) => l.startsWith('![Long and short'))!;
    expect(line).toContain('&lt;script&gt;');
    expect(line).not.toContain('<script');
  });
});

describe('the chart section', () => {
  it('--sections +chart puts the image in the Markdown with alt text stating the figures, beside its file', () => {
    const a = withChart();
    expect(a.chartFile).toBe(`${a.basename}.chart.svg`);
    expect(a.files.md).toContain(
      `![Long and short liquidations by coin: Bitcoin \\(BTC\\) $428 million longs, $41.3 million shorts; Ethereum \\(ETH\\) $339 million longs, $35.4 million shorts; Solana \\(SOL\\) $61.8 million longs, $9.7 million shorts; XRP $38.2 million longs, $6.1 million shorts; Other coins $84.7 million longs, $39.7 million shorts.](${a.basename}.chart.svg)`,
    );
    // Every figure of the alt text is in the checked claims (the body, alt text included, passed the claim check).
    const claimed = new Set(a.claims.map((c) => c.display));
    for (const fig of ['$428 million', '$41.3 million', '$84.7 million', '$39.7 million']) expect(claimed.has(fig), fig).toBe(true);
    expect(withChart({ baseUrl: 'https://news.example.com/x' }).files.md).toContain(`](https://news.example.com/x/${a.basename}.chart.svg)`);
  });

  it('the page inlines the same SVG in a figure named by the alt text; the Markdown leaves it out without the svg file', () => {
    const a = generateCase(bulletin, 'bulletin', { sections: '+chart' });
    expect(a.chartFile).toBeNull();
    expect(a.files.md).not.toContain('.svg');
    expect(a.files.md).not.toContain('![');
    expect(a.files.html).toContain(`<figure class="chart" role="img" aria-label="Long and short liquidations by coin: Bitcoin (BTC) $428 million longs`);
    // The same SVG, scaled by its viewBox to the column (the root's fixed size left out).
    const svg = withChart().files.svg;
    expect(svg).toMatch(/^<svg [^>]*width="\d+" height="\d+" viewBox=/);
    expect(a.files.html).toContain(svg.trimEnd().replace(/ width="\d+" height="\d+"/, ''));
    expect(a.files.html).not.toContain('liqnews-chart.svg');
    // Nothing of it in the e-mail or the text part.
    for (const f of [a.files.email, a.files.txt]) {
      expect(f).not.toContain('<svg');
      expect(f).not.toContain('Long and short liquidations by coin');
    }
  });

  it('no chart, no section: the default article has none; nothing liquidated, no chart', () => {
    const plain = generateCase(bulletin, 'bulletin');
    expect(plain.files.html).not.toContain('<svg');
    // Without the svg file the Markdown is the default article's, byte for byte (no image, no placeholder).
    expect(generateCase(bulletin, 'bulletin', { sections: '+chart' }).files.md).toBe(plain.files.md);
    const a = withChart();
    expect(chartData({ ...a.facts, total: { ...a.facts.total, value: 0 } })).toBeNull();
    // The svg format's error for an article with nothing to chart names the reason.
    expect(() => svgFormat.build({ chart: null, facts: { id: 'liq-x', total: { value: 0 } } } as never)).toThrow(/no chart to draw for story liq-x: nothing was liquidated/);
  });

  it('a snapshot that names no coins gets one bar: the market\'s split, as the text states it', () => {
    const noCoins = JSON.parse(snapText) as Record<string, unknown>;
    delete noCoins['assets'];
    delete noCoins['largestOrder'];
    delete noCoins['levels'];
    const z = generate(JSON.stringify(noCoins), { style: 'bulletin', now: NOW, sections: '+chart', chart: true });
    expect(chartData(z.facts)!.coins).toEqual([{ coin: 'All coins', long: 951200000, short: 132200000, longText: '$951 million', shortText: '$132 million' }]);
    expect(textNodes(z.files.svg)).toContain('All coins: $951 million long · $132 million short');
    expect(z.files.md).toContain('![Long and short liquidations by coin: All coins $951 million longs, $132 million shorts.](');
  });

  it('html-validate is clean and markdownlint has nothing to say, in every style', async () => {
    const hv = new HtmlValidate(JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData);
    const files: Record<string, string> = {};
    for (const style of ['bulletin', 'recap', 'tldr', 'analysis', 'explainer'] as const) {
      const a = generateCase(bulletin, style, { sections: '+chart,+table', chart: true });
      const report = hv.validateStringSync(a.files.html, `${style}.html`);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${style}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
      files[join(ROOT, 'lint', `${style}.md`)] = a.files.md;
    }
    const { main } = (await import('markdownlint-cli2' as string)) as { main: (p: unknown) => Promise<number> };
    const errors: string[] = [];
    const code = await main({ directory: ROOT, argv: [], nonFileContents: files, logMessage: () => undefined, logError: (l: string) => errors.push(l) });
    expect(errors).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('the history chart', () => {
  it('appears with a store holding earlier windows of the same length: the last 30 and this one highlighted', () => {
    const h = storeWith(40);
    try {
      const a = generate(snapText, { style: 'bulletin', now: NOW, sections: '+chart', chart: true, history: h });
      expect(a.facts.series).toHaveLength(30);
      const d = chartData(a.facts)!;
      expect(d.windows).toHaveLength(31);
      expect(d.windows!.filter((w) => w.current)).toEqual([{ end: a.facts.window.end, usd: 1083400000, current: true }]);
      // Oldest first, the latest earlier window right before this one.
      expect(d.windows!.at(-2)!.usd).toBe(1e8 + 39 * 1e7);
      expect(d.windows![0]!.usd).toBe(1e8 + 10 * 1e7);
      const texts = textNodes(a.files.svg);
      expect(texts).toContain('Earlier 24-hour windows on record, this one highlighted');
      expect(texts).toContain('$1.08 billion');
      expect(a.files.md).toContain("Liquidations in this and the earlier 24-hour windows on record, this window's $1.08 billion highlighted.](");
    } finally {
      h.close();
    }
  });

  it('is left out without an earlier window of this length', () => {
    const h = storeWith(0);
    try {
      const a = generate(snapText, { style: 'bulletin', now: NOW, sections: '+chart', chart: true, history: h });
      expect(chartData(a.facts)!.windows).toBeNull();
      expect(textNodes(a.files.svg)).not.toContain('Earlier 24-hour windows on record, this one highlighted');
    } finally {
      h.close();
    }
  });
});

describe('writing it', () => {
  it('--format svg writes <basename>.chart.svg with a side stamp; the Markdown links it; a second run leaves it unchanged', async () => {
    const out = join(tmp, 'cli');
    const snapPath = join(tmp, 'bulletin.json');
    writeFileSync(snapPath, snapText);
    const args = ['render', snapPath, '--out', out, '--style', 'bulletin', '--format', 'md,html,svg', '--sections', '+chart', '--now', NOW.toISOString()];
    const r = await runCli(args);
    expect(r.code, r.err).toBe(0);
    const a = withChart();
    const svgPath = join(out, `${a.basename}.chart.svg`);
    expect(readFileSync(svgPath, 'utf8')).toBe(a.files.svg);
    expect(existsSync(join(out, `.${a.basename}.chart.svg.sha256`))).toBe(true);
    expect(readFileSync(join(out, `${a.basename}.md`), 'utf8')).toContain(`](${a.basename}.chart.svg)`);
    const again = await runCli(args);
    expect(again.code, again.err).toBe(0);
    expect(readFileSync(svgPath, 'utf8')).toBe(a.files.svg);
  });

  it('an edited chart is kept without --force, replaced with it', () => {
    const a = withChart();
    const out = join(tmp, 'edited');
    writeArticle(a, { outDir: out, formats: ['md', 'svg'] });
    const path = join(out, `${a.basename}.chart.svg`);
    writeFileSync(path, a.files.svg.replace('Long and short', 'Edited'));
    const kept = writeArticle(a, { outDir: out, formats: ['md', 'svg'] });
    expect(kept.find((r) => r.format === 'svg')).toMatchObject({ status: 'kept-edited', found: 'edited' });
    expect(readFileSync(path, 'utf8')).toContain('Edited');
    expect(writeArticle(a, { outDir: out, formats: ['md', 'svg'], force: true }).find((r) => r.format === 'svg')!.status).toBe('written');
    expect(readFileSync(path, 'utf8')).toBe(a.files.svg);
  });

  it('never writes a Markdown file that links a chart without the chart', () => {
    const a = withChart();
    expect(() => writeArticle(a, { outDir: join(tmp, 'nochart'), formats: ['md'] })).toThrow(/links .*\.chart\.svg, but "svg" is not among the formats/);
    expect(existsSync(join(tmp, 'nochart', `${a.basename}.md`))).toBe(false);
  });
});

describe('the README example', () => {
  // docs/chart-example.svg is the golden bulletin fixture's chart, shown in the README: it must be what the product
  // draws today. UPDATE_GOLDEN=1 rewrites it (look at it before committing).
  it('docs/chart-example.svg is the chart of golden/000-bulletin-long-flush', () => {
    const path = join(ROOT, 'docs', 'chart-example.svg');
    const svg = withChart().files.svg;
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, svg);
    expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 npx vitest run test/chart.test.ts`).toBe(true);
    expect(readFileSync(path, 'utf8'), 'docs/chart-example.svg is out of date: run UPDATE_GOLDEN=1 npx vitest run test/chart.test.ts and look at it').toBe(svg);
  });
});
