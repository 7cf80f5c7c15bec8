/**
 * `liqnews studio`: the server in-process on a free port, over a temporary
 * snapshots folder. The security rules of issue 12, each as a request that
 * must be refused, then the desk's reads and writes as an editor meets them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStudio, type RunningStudio } from '../src/studio/server.js';
import { markClaims } from '../src/studio/marks.js';
import { lineDiff } from '../src/studio/diff.js';
import { parseArgv } from '../src/cli/args.js';
import { withConfig } from '../src/cli/config.js';
import { openHistory } from '../src/history/open.js';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { deskPage } from '../src/studio/page.js';

const FIXTURE = 'fixtures/golden/000-bulletin-long-flush/snapshot.json';
const HOSTILE = 'fixtures/edge/hostile-strings/snapshot.json';
const TOKEN = 'a'.repeat(32);

let root: string;
let snaps: string;
let out: string;
let studio: RunningStudio;
let origin: string;

interface Answer {
  status: number;
  text: string;
  json: () => Record<string, unknown>;
}

/** A raw HTTP request: the path is sent as written (no URL normalisation) and any Host header can be set. */
function call(method: string, path: string, opts: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request({ host: '127.0.0.1', port: studio.port, method, path, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...opts.headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, text, json: () => JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', fail);
    req.end(body);
  });
}
const get = (path: string): Promise<Answer> => call('GET', path, { headers: { 'x-liqnews-token': TOKEN } });
const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> => call('POST', path, { body, headers: { 'x-liqnews-token': TOKEN, origin, ...headers } });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'liqnews-studio-'));
  snaps = join(root, 'snapshots');
  out = join(root, 'output');
  mkdirSync(snaps);
  copyFileSync(FIXTURE, join(snaps, 'day.json'));
  copyFileSync(HOSTILE, join(snaps, 'hostile.json'));
  writeFileSync(join(root, 'outside.json'), readFileSync(FIXTURE));
  symlinkSync(join(root, 'outside.json'), join(snaps, 'link-out.json'));
  studio = await startStudio({ snapshots: snaps, out, host: '127.0.0.1', port: 0, now: new Date('2026-12-01T00:00:00Z'), token: TOKEN });
  origin = `http://127.0.0.1:${studio.port}`;
});

afterAll(async () => {
  await studio?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('studio security', () => {
  it('prints a loopback URL with the per-run token', () => {
    expect(studio.url).toBe(`http://127.0.0.1:${studio.port}/?token=${TOKEN}`);
  });

  it('refuses a state-changing request without the token, with a wrong one, or from another origin', async () => {
    const body = { file: 'day.json' };
    expect((await call('POST', '/api/publish', { body, headers: { origin } })).status).toBe(403);
    expect((await post('/api/publish', body, { 'x-liqnews-token': 'b'.repeat(32) })).status).toBe(403);
    expect((await post('/api/publish', body, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/api/publish', body, { origin: 'null' })).status).toBe(403);
    expect((await call('POST', '/api/regenerate', { body, headers: { 'x-liqnews-token': TOKEN } })).status).toBe(403); // no Origin at all
    // A token in the query string is not enough for a write: the header is what another site cannot send.
    expect((await call('POST', `/api/skip?token=${TOKEN}`, { body, headers: { origin } })).status).toBe(403);
    expect(() => readFileSync(join(out, '2026-02-05-crypto-liquidations-1-1b-long-flush.md'))).toThrow();
  });

  it('refuses a foreign Host header on every request (DNS rebinding)', async () => {
    expect((await call('GET', `/?token=${TOKEN}`, { headers: { host: 'evil.example:80' } })).status).toBe(403);
    expect((await call('GET', '/api/stories', { headers: { host: `rebind.example:${studio.port}`, 'x-liqnews-token': TOKEN } })).status).toBe(403);
    expect((await post('/api/publish', { file: 'day.json' }, { host: `rebind.example:${studio.port}` })).status).toBe(403);
  });

  it('serves the page and the data only with the token', async () => {
    expect((await call('GET', '/')).status).toBe(403);
    expect((await call('GET', '/api/stories')).status).toBe(403);
    expect((await call('GET', '/api/events')).status).toBe(403);
    const page = await call('GET', `/?token=${TOKEN}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<meta name="liqnews-token" content="${TOKEN}">`);
    // No request leaves the machine: no absolute URL in the page at all.
    expect(page.text).not.toMatch(/(src|href)="?(https?:)?\/\//i);
  });

  it('keeps snapshot names inside the folder: .., absolute, encoded slashes and symlinks out', async () => {
    for (const path of ['/api/story/../outside.json', '/api/story/%2e%2e/outside.json', '/api/story/..%2foutside.json', '/api/story/sub%2F..%2F..%2Foutside.json', '/api/story//etc/passwd', '/api/story/%2Fetc%2Fpasswd', '/api/story/a%5c..%5coutside.json', '/api/story/.hidden.json']) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
    }
    expect((await get('/api/story/link-out.json')).status).toBe(404);
    expect((await get('/api/story/missing.json')).status).toBe(404);
    expect((await get('/api/story/day.json')).status).toBe(200);
    for (const file of ['../outside.json', '/etc/passwd', join(root, 'outside.json'), 'a/../../outside.json', 'x\\..\\outside.json']) {
      expect((await post('/api/publish', { file })).status, file).toBe(400);
    }
    expect((await post('/api/publish', { file: 'link-out.json' })).status).toBe(404);
  });

  it('says in the list what decide would do with each snapshot, and why', async () => {
    const rows = (await get('/api/stories')).json()['stories'] as { file: string; decision: { publish: boolean; reason: string; register: string } }[];
    const day = rows.find((r) => r.file === 'day.json')!;
    expect(day.decision.publish).toBe(true);
    expect(day.decision.reason.length).toBeGreaterThan(10);
    expect(['brief', 'standard', 'major']).toContain(day.decision.register);
  });

  it('leaves symlinks pointing out of the folder out of the list', async () => {
    const files = ((await get('/api/stories')).json()['stories'] as { file: string }[]).map((s) => s.file);
    expect(files).toEqual(['day.json', 'hostile.json']);
  });

  it('escapes snapshot strings with <script> in the list, the story and the page', async () => {
    const list = await get('/api/stories');
    const story = await get('/api/story/hostile.json');
    for (const r of [list, story]) {
      expect(r.status).toBe(200);
      expect(r.text).not.toMatch(/<script|<img|<b>/i);
    }
    const html = story.json()['html'] as string;
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toMatch(/&lt;script&gt;|&lt;img/);
  });
});

describe('studio desk', () => {
  const md = (): string => readFileSync(join(out, '2026-02-05-crypto-liquidations-1-1b-long-flush.md'), 'utf8');

  it('marks every figure in text only, each mark pointing at a claim', async () => {
    const s = (await get('/api/story/day.json')).json() as { html: string; claims: { display: string; source: string; rounding: string }[] };
    const marks = [...s.html.matchAll(/<mark tabindex="0" data-claim="(\d+)">([^<]*)<\/mark>/g)];
    expect(marks.length).toBeGreaterThan(5);
    for (const [, n, text] of marks) expect(s.claims[Number(n)]!.display.replace(/&/g, '&amp;')).toBe(text);
    expect(s.html).not.toMatch(/<[^>]*<mark/);
    const total = s.claims.find((c) => c.source === 'totals.usd' && c.display === '$1.08 billion');
    expect(total?.rounding).toMatch(/significant/);
  });

  it('never marks inside a tag or an attribute', () => {
    const claims = [{ display: '$5', value: 5, source: 's', hedge: 'exact' as const, rounding: 'r' }];
    expect(markClaims('<a title="$5">$5</a> $50', claims)).toBe('<a title="$5"><mark tabindex="0" data-claim="0">$5</mark></a> $50');
  });

  it('never marks inside an SVG (the chart\'s <text> holds figures), and marks after it again', () => {
    const claims = [{ display: '$5', value: 5, source: 's', hedge: 'exact' as const, rounding: 'r' }];
    const svg = '<figure aria-label="$5"><svg viewBox="0 0 9 9"><g><text x="1">$5</text><path d="M0,0h1"/></g></svg></figure>';
    expect(markClaims(`${svg}<p>$5</p>`, claims)).toBe(`${svg}<p><mark tabindex="0" data-claim="0">$5</mark></p>`);
  });

  it('shows another alternative per slot, deterministically', async () => {
    const s = (await get('/api/story/day.json')).json() as { choices: { slot: string; index: number }[]; html: string };
    const slot = s.choices[0]!;
    const q = `/api/story/day.json?avoid=${encodeURIComponent(JSON.stringify({ [slot.slot]: [slot.index] }))}`;
    const a = (await get(q)).json() as typeof s;
    const b = (await get(q)).json() as typeof s;
    expect(a.choices.find((c) => c.slot === slot.slot)!.index).not.toBe(slot.index);
    expect(a.html).toBe(b.html);
    expect(a.html).not.toBe(s.html);
  });

  it('regenerates a draft, publishes it (draft: false on disk), and keeps an edited one', async () => {
    const r1 = await post('/api/regenerate', { file: 'day.json', style: 'bulletin' });
    expect(r1.status).toBe(200);
    expect(md()).toMatch(/^draft: true$/m);
    expect(((await get('/api/stories')).json()['stories'] as { file: string; status: string }[])[0]!.status).toBe('draft');
    const r2 = await post('/api/publish', { file: 'day.json', style: 'bulletin' });
    expect(r2.json()['message']).toMatch(/published/);
    expect(md()).toMatch(/^draft: false$/m);
    expect(((await get('/api/stories')).json()['stories'] as { status: string }[])[0]!.status).toBe('published');

    // The editor edits the text by hand: publish reports it and writes nothing; the story shows the diff.
    const edited = md().replace(/^(Buyers|[A-Z].*)$/m, 'An editor rewrote this opening line.');
    writeFileSync(join(out, '2026-02-05-crypto-liquidations-1-1b-long-flush.md'), edited);
    const r3 = await post('/api/publish', { file: 'day.json', style: 'bulletin' });
    expect(r3.status).toBe(409);
    expect(r3.json()['edited']).toBe('2026-02-05-crypto-liquidations-1-1b-long-flush.md');
    expect(md()).toBe(edited);
    const view = (await get('/api/story/day.json?style=bulletin')).json() as { status: string; diff: { op: string; text: string }[] };
    expect(view.status).toBe('edited');
    expect(view.diff.filter((d) => d.op === '+').map((d) => d.text)).toEqual(['An editor rewrote this opening line.']);
    expect(view.diff.filter((d) => d.op === '-')).toHaveLength(1);

    // Force without the confirmation naming the file is refused; with it, the file is replaced.
    expect((await post('/api/regenerate', { file: 'day.json', style: 'bulletin', force: true })).status).toBe(409);
    expect((await post('/api/regenerate', { file: 'day.json', style: 'bulletin', force: true, confirm: 'other.md' })).status).toBe(409);
    expect(md()).toBe(edited);
    expect((await post('/api/regenerate', { file: 'day.json', style: 'bulletin', force: true, confirm: '2026-02-05-crypto-liquidations-1-1b-long-flush.md' })).status).toBe(200);
    expect(md()).not.toContain('An editor rewrote');
  });

  it('records a skip beside the output folder', async () => {
    expect((await post('/api/skip', { file: 'hostile.json', reason: 'ordinary day' })).status).toBe(200);
    expect(JSON.parse(readFileSync(join(root, '.liqnews', 'studio.json'), 'utf8'))).toEqual({ skipped: { 'hostile.json': 'ordinary day' } });
    const rows = (await get('/api/stories')).json()['stories'] as { file: string; skipped: string | null }[];
    expect(rows.find((r) => r.file === 'hostile.json')!.skipped).toBe('ordinary day');
    await post('/api/skip', { file: 'hostile.json', reason: null });
    expect(JSON.parse(readFileSync(join(root, '.liqnews', 'studio.json'), 'utf8'))).toEqual({ skipped: {} });
  });

  it('sends a change event within a second of a new snapshot landing', async () => {
    const seen = new Promise<number>((ok, fail) => {
      const started = Date.now();
      const req = request({ host: '127.0.0.1', port: studio.port, path: `/api/events?token=${TOKEN}` }, (res) => {
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (c: string) => {
          buf += c;
          if (buf.includes('event: change')) {
            ok(Date.now() - started);
            req.destroy();
          }
        });
      });
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : fail(e)));
      req.end();
      setTimeout(() => copyFileSync(FIXTURE, join(snaps, 'new.json')), 100);
    });
    expect(await seen).toBeLessThan(1000);
    const files = ((await get('/api/stories')).json()['stories'] as { file: string }[]).map((s) => s.file);
    expect(files).toContain('new.json');
  });
});

describe('studio with the chart and the table', () => {
  const MD = '2026-02-05-crypto-liquidations-1-1b-long-flush.md';
  const SVG = '2026-02-05-crypto-liquidations-1-1b-long-flush.chart.svg';
  let dir: string;
  let s: RunningStudio;
  let o: string;
  const read = async (path: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const r = await fetch(`${o}${path}`, { headers: { 'x-liqnews-token': TOKEN } });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const write = async (path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const r = await fetch(`${o}${path}`, { method: 'POST', headers: { 'x-liqnews-token': TOKEN, origin: o, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  interface Column { style: string; html: string; claims: { display: string; source: string }[]; sections: Record<string, boolean> }
  const svgOf = (html: string): string => html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
  /** Every mark's text is its claim's display, in that column's own claims. */
  const marksAgree = (c: Column): number => {
    const marks = [...c.html.matchAll(/<mark tabindex="0" data-claim="(\d+)">([^<]*)<\/mark>/g)];
    for (const [, n, text] of marks) expect(c.claims[Number(n)]!.display.replace(/&/g, '&amp;')).toBe(text);
    return marks.length;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liqnews-studio-chart-'));
    mkdirSync(join(dir, 'snapshots'));
    copyFileSync(FIXTURE, join(dir, 'snapshots', 'day.json'));
    s = await startStudio({ snapshots: join(dir, 'snapshots'), out: join(dir, 'output'), host: '127.0.0.1', port: 0, now: new Date('2026-12-01T00:00:00Z'), token: TOKEN });
    o = `http://127.0.0.1:${s.port}`;
  });
  afterAll(async () => {
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the story with the chart inline and the table by default, the table\'s figures marked, none inside the SVG', async () => {
    const r = await read('/api/story/day.json?style=bulletin');
    expect(r.status).toBe(200);
    const v = r.body as unknown as Column & { sectionsAsked: string };
    expect(v.sections).toEqual({ tldr: false, table: true, chart: true, faq: false });
    expect(v.sectionsAsked).toBe('+table,+chart');
    expect(v.html).toMatch(/<figure class="chart" role="img" aria-label="Long and short liquidations by coin: [^"]*\$428 million/);
    const svg = svgOf(v.html);
    expect(svg).toMatch(/^<svg [^>]*viewBox="[^"]+"[^>]*>/);
    expect(svg).toMatch(/<text[^>]*>[^<]*\$428 million/); // figures in vega's text, left as drawn
    expect(svg).not.toContain('<mark');
    // By the numbers: the coin table, each figure a mark with its claim (the snapshot field it came from).
    const table = v.html.slice(v.html.indexOf('<table>'), v.html.indexOf('</table>'));
    expect(v.html).toContain('<h2 id="by-the-numbers">By the numbers</h2>');
    const inTable = [...table.matchAll(/data-claim="(\d+)">([^<]*)</g)].map(([, n, text]) => ({ text, source: v.claims[Number(n)]!.source }));
    expect(inTable).toContainEqual({ text: '$41.3 million', source: 'assets[0].shortUsd' });
    expect(marksAgree(v)).toBeGreaterThan(30);
  });

  it('honours the section checkboxes: the exact list asked for, and refuses a bad one', async () => {
    const none = (await read('/api/story/day.json?style=bulletin&sections=none')).body as unknown as Column;
    expect(none.sections).toEqual({ tldr: false, table: false, chart: false, faq: false });
    expect(none.html).not.toContain('<svg');
    expect(none.html).not.toContain('<table>');
    const some = (await read(`/api/story/day.json?style=bulletin&sections=${encodeURIComponent('tldr,table,faq')}`)).body as unknown as Column;
    expect(some.sections).toEqual({ tldr: true, table: true, chart: false, faq: true });
    expect(some.html).not.toContain('<svg');
    expect(some.html).toContain('<table>');
    expect(some.html).toContain('<h2 id="faqs">FAQs</h2>');
    expect(some.html).toContain('TL;DR');
    const bad = await read('/api/story/day.json?sections=graph');
    expect(bad.status).toBe(400);
    expect(bad.body['message']).toContain('unknown section "graph"');
    expect((await write('/api/regenerate', { file: 'day.json', sections: 'table,+faq' })).status).toBe(400);
    expect((await write('/api/regenerate', { file: 'day.json', sections: ['table'] })).status).toBe(400);
  });

  it('publishes with the chart: the .chart.svg is written beside the Markdown that links it, the same SVG the page shows', async () => {
    const r = await write('/api/publish', { file: 'day.json', style: 'bulletin', sections: '+table,+chart' });
    expect(r.status).toBe(200);
    expect((r.body['files'] as { file: string }[]).map((f) => f.file)).toEqual([MD, MD.replace(/md$/, 'html'), MD.replace(/md$/, 'json'), SVG]);
    const md = readFileSync(join(dir, 'output', MD), 'utf8');
    expect(md).toMatch(/^draft: false$/m);
    expect(md).toMatch(new RegExp(`^!\\[Long and short liquidations by coin: [^\\]]*\\]\\(${SVG.replace(/\./g, '\\.')}\\)$`, 'm'));
    expect(md).toContain('## By the numbers');
    const file = readFileSync(join(dir, 'output', SVG), 'utf8');
    const shown = svgOf(((await read('/api/story/day.json?style=bulletin')).body as unknown as Column).html);
    expect(file.replace(/^(<svg[^>]*?) width="[\d.]+" height="[\d.]+"/, '$1').trimEnd()).toBe(shown);
    // The page written beside it inlines the same chart.
    expect(readFileSync(join(dir, 'output', MD.replace(/md$/, 'html')), 'utf8')).toContain(shown);

    // Chart off: the Markdown no longer links it (the old file may stay; nothing points at it).
    expect((await write('/api/publish', { file: 'day.json', style: 'bulletin', sections: '+table' })).status).toBe(200);
    const without = readFileSync(join(dir, 'output', MD), 'utf8');
    expect(without).not.toContain('.chart.svg');
    expect(without).toContain('## By the numbers');
  });

  it('renders a second style beside the first on request, each column with its own marks and claims', async () => {
    const r = await read('/api/story/day.json?style=bulletin&compare=explainer');
    expect(r.status).toBe(200);
    const v = r.body as unknown as Column & { compare: Column | null };
    expect(v.style).toBe('bulletin');
    expect(v.compare?.style).toBe('explainer');
    expect(v.compare!.html).not.toBe(v.html);
    expect(v.compare!.sections).toEqual({ tldr: false, table: true, chart: true, faq: true });
    expect(svgOf(v.compare!.html)).not.toContain('<mark');
    expect(marksAgree(v.compare!)).toBeGreaterThan(30);
    expect(marksAgree(v)).toBeGreaterThan(30);
    expect(((await read('/api/story/day.json?style=bulletin')).body as { compare: unknown }).compare).toBeNull();
    expect((await read('/api/story/day.json?compare=poem')).status).toBe(400);
  });

  it('starts with the sections given (--sections): none of them, no chart', async () => {
    const d = mkdtempSync(join(tmpdir(), 'liqnews-studio-none-'));
    mkdirSync(join(d, 'snapshots'));
    copyFileSync(FIXTURE, join(d, 'snapshots', 'day.json'));
    const t = await startStudio({ snapshots: join(d, 'snapshots'), out: join(d, 'output'), host: '127.0.0.1', port: 0, now: new Date('2026-12-01T00:00:00Z'), token: TOKEN, sections: 'none' });
    try {
      const r = await fetch(`http://127.0.0.1:${t.port}/api/story/day.json`, { headers: { 'x-liqnews-token': TOKEN } });
      const v = (await r.json()) as Column & { sectionsAsked: string };
      expect(v.sectionsAsked).toBe('none');
      expect(v.html).not.toContain('<svg');
      expect(v.html).not.toContain('<table>');
    } finally {
      await t.close();
      rmSync(d, { recursive: true, force: true });
    }
    await expect(startStudio({ snapshots: d, out: d, host: '127.0.0.1', port: 0, now: new Date(), sections: 'graph' })).rejects.toThrow(/unknown section/);
  });
});

describe('studio with a broken snapshot', () => {
  it('lists it with the problem naming the field, and refuses to open or write it', async () => {
    const snap = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
    delete snap['totals'];
    writeFileSync(join(snaps, 'zz-bad.json'), JSON.stringify(snap));
    const rows = (await get('/api/stories')).json()['stories'] as { file: string; ok: boolean; error?: string }[];
    const bad = rows.find((r) => r.file === 'zz-bad.json')!;
    expect(bad.ok).toBe(false);
    expect(bad.error).toContain('totals');
    const story = await get('/api/story/zz-bad.json');
    expect(story.status).toBe(422);
    expect(story.json()['message']).toContain('totals');
    expect((await post('/api/publish', { file: 'zz-bad.json' })).status).toBe(422);
  });
});

describe('studio with a history store', () => {
  it('renders against the store and records what it publishes, as render does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liqnews-studio-history-'));
    const storePath = join(dir, '.liqnews', 'history.sqlite');
    mkdirSync(join(dir, 'snapshots'));
    mkdirSync(join(dir, '.liqnews'));
    copyFileSync(FIXTURE, join(dir, 'snapshots', 'day.json'));
    openHistory(storePath).close(); // an empty store, as a first render leaves it
    const s = await startStudio({ snapshots: join(dir, 'snapshots'), out: join(dir, 'output'), host: '127.0.0.1', port: 0, now: new Date('2026-12-01T00:00:00Z'), token: TOKEN, history: storePath });
    try {
      const o = `http://127.0.0.1:${s.port}`;
      const r = await fetch(`${o}/api/publish`, { method: 'POST', headers: { 'x-liqnews-token': TOKEN, origin: o, 'content-type': 'application/json' }, body: JSON.stringify({ file: 'day.json' }) });
      expect(r.status).toBe(200);
      const store = openHistory(storePath, { readonly: true });
      const { id } = JSON.parse(readFileSync(join(dir, 'output', '2026-02-05-crypto-liquidations-1-1b-long-flush.json'), 'utf8')) as { id: string };
      expect(store.show(id)?.slug).toBe('crypto-liquidations-1-1b-long-flush');
      store.close();
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('studio helpers and command line', () => {
  it('serves a desk page that html-validate passes with the project settings', async () => {
    const hv = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as ConfigData);
    const report = await hv.validateString(deskPage(TOKEN, 'bm9uY2U='));
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('diffs lines by longest common subsequence', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc')).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '+', text: 'x' },
      { op: ' ', text: 'c' },
    ]);
  });

  it('parses studio options', () => {
    expect(parseArgv(['studio'])).toEqual({ kind: 'studio', options: { dir: '.', out: 'output', host: '127.0.0.1', port: 4917, history: null, sections: null } });
    expect(parseArgv(['studio', 'snaps', '--port', '0', '--host', '0.0.0.0', '--out', 'o', '--no-history'])).toEqual({ kind: 'studio', options: { dir: 'snaps', out: 'o', host: '0.0.0.0', port: 0, history: false, sections: null } });
    expect(parseArgv(['studio', '--sections', '+faq,-chart'])).toMatchObject({ kind: 'studio', options: { sections: '+faq,-chart' } });
    // The same check and message as render's.
    const renderSays = parseArgv(['render', 'x.json', '--sections', 'table,+faq']);
    expect(parseArgv(['studio', '--sections', 'table,+faq'])).toMatchObject({ kind: 'usage', message: 'message' in renderSays ? renderSays.message : 'render took it' });
    expect(parseArgv(['studio', '--sections', 'graph'])).toMatchObject({ kind: 'usage', message: expect.stringContaining('unknown section "graph"') });
    // The config file's `sections` key reaches the studio as it reaches render; the line wins.
    expect(withConfig(['studio', 'snaps'], [['--sections', 'tldr,chart']])).toEqual(['studio', '--sections=tldr,chart', 'snaps']);
    expect(withConfig(['studio', '--sections', 'none'], [['--sections', 'tldr,chart']])).toEqual(['studio', '--sections', 'none']);
    expect(parseArgv(['studio', '--history', 'h.sqlite'])).toMatchObject({ options: { history: 'h.sqlite' } });
    expect(parseArgv(['studio', '--history', 'h.sqlite', '--no-history'])).toMatchObject({ kind: 'usage' });
    expect(parseArgv(['studio', '--port', '70000'])).toMatchObject({ kind: 'usage', message: expect.stringContaining('--port') });
    expect(parseArgv(['studio', 'a', 'b'])).toMatchObject({ kind: 'usage' });
    expect(parseArgv(['render', 'x.json', '--port', '1'])).toMatchObject({ kind: 'usage', message: 'render does not take --port' });
  });
});
