/**
 * The desk in a real browser: Debian's chromium driven by playwright-core
 * (its browser installer is never run), against the server on 127.0.0.1.
 * An editor's round: the list, a story, a figure's provenance by keyboard,
 * a style switch, publish (the file on disk changes), an edit on disk (the
 * diff appears), a new snapshot dropped in (it appears without a reload);
 * the chart and the table, a section checkbox, and a second style beside the
 * first with its own provenance.
 * Screenshots go to output/screenshots/studio-*.png for a person to look at.
 * Skipped when /usr/bin/chromium is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStudio, type RunningStudio } from '../src/studio/server.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = 'output/screenshots';
const MD = '2026-02-05-crypto-liquidations-1-1b-long-flush.md';

let root: string;
let snaps: string;
let out: string;
let studio: RunningStudio;
let browser: Browser;
let page: Page;

describe.skipIf(!existsSync(CHROMIUM))('studio in a browser', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'liqnews-studio-browser-'));
    snaps = join(root, 'snapshots');
    out = join(root, 'output');
    mkdirSync(snaps);
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync('fixtures/golden/000-bulletin-long-flush/snapshot.json', join(snaps, 'day.json'));
    copyFileSync('fixtures/edge/hostile-strings/snapshot.json', join(snaps, 'hostile.json'));
    studio = await startStudio({ snapshots: snaps, out, host: '127.0.0.1', port: 0, now: new Date('2026-12-01T00:00:00Z') });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Nothing may leave the machine: any request to another host fails the test.
    page.on('request', (r) => {
      if (!r.url().startsWith(`http://127.0.0.1:${studio.port}/`)) throw new Error(`external request: ${r.url()}`);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await studio?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('takes an editor from the list to a published article, with provenance, diff and live updates', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A blocked inline style or script (the page's policy) shows as a console error.
    page.on('console', (m) => {
      // 409 is the answer for an edited file, which this test provokes on purpose.
      if (m.type() === 'error' && !m.text().includes('status of 409')) errors.push(m.text());
    });
    await page.goto(studio.url);
    const rows = page.locator('#stories a');
    await expect.poll(() => rows.count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/studio-list.png` });

    // Open a story by keyboard: Tab to the first row, Enter.
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await page.locator('#page mark[data-claim]').first().waitFor();
    await expect.poll(() => page.locator('#story-file').textContent()).toContain('day.json');


    // Focus a figure: its provenance shows (source, raw value, rounding).
    const mark = page.locator('#page mark[data-claim]', { hasText: '$1.08 billion' }).first();
    await mark.focus();
    const tip = page.locator('#prov');
    await tip.waitFor({ state: 'visible' });
    const tipText = (await tip.textContent()) ?? '';
    expect(tipText).toContain('totals.usd');
    expect(tipText).toContain('Raw value');
    expect(tipText).toMatch(/significant/);
    await page.screenshot({ path: `${SHOTS}/studio-provenance.png` });
    await page.keyboard.press('Escape');

    // The article's table of contents scrolls within it and does not open another story.
    await page.locator('#page a[href="#tldr"]').click();
    await page.waitForTimeout(200);
    expect(await page.locator('#status').textContent()).toBe('');
    expect(await page.locator('#story-file').textContent()).toContain('day.json');

    // Switch style: the article is rendered again in that style.
    await page.selectOption('#style', 'bulletin');
    await expect.poll(() => page.locator('#story-file').textContent()).toContain('day.json');
    // The bulletin has no section headings of its own: only the table's, which the desk adds with the chart.
    await expect.poll(() => page.locator('#page h2').allTextContents()).toEqual(['By the numbers']);
    expect(await page.locator('#page figure.chart svg').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/studio-bulletin.png` });

    // Another alternative for the first slot: the choice changes.
    const firstChoice = page.locator('#choices li').first();
    const before = await firstChoice.textContent();
    await firstChoice.locator('button').click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('now alternative');
    expect(await page.locator('#choices li').first().textContent()).not.toBe(before);

    // Approve & publish: draft: false on disk.
    await page.click('#publish');
    await expect.poll(() => page.locator('#status').textContent()).toContain('published');
    const md = readFileSync(join(out, MD), 'utf8');
    expect(md).toMatch(/^draft: false$/m);
    // With the chart on (the desk's default), its file is written beside the Markdown that links it.
    expect(md).toContain(`](${MD.replace(/\.md$/, '.chart.svg')})`);
    expect(readFileSync(join(out, MD.replace(/\.md$/, '.chart.svg')), 'utf8')).toMatch(/^<svg /);
    await expect.poll(() => page.locator('#story-file .badge').first().textContent()).toBe('published');

    // Edit the draft on disk: the page updates by itself and shows the diff.
    writeFileSync(join(out, MD), md.replace(/^draft: false$/m, 'draft: true').replace(/\n\n([A-Z][^\n]*)\n/, '\n\nAn editor wrote this paragraph by hand.\n'));
    await page.locator('#diff-box').waitFor({ state: 'visible', timeout: 3000 });
    expect(await page.locator('#diff .add').allTextContents()).toContain('+ An editor wrote this paragraph by hand.');
    await page.locator('#diff-box').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-diff.png` });

    // Publishing now reports the edit and writes nothing.
    const edited = readFileSync(join(out, MD), 'utf8');
    await page.click('#publish');
    await expect.poll(() => page.locator('#status').textContent()).toContain('edited by hand');
    expect(readFileSync(join(out, MD), 'utf8')).toBe(edited);

    // Regenerate asks first, naming the file; declining keeps the edit, accepting replaces it.
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.click('#regen');
    await expect.poll(() => page.locator('#status').textContent()).toContain('kept');
    expect(asked).toContain(MD);
    expect(readFileSync(join(out, MD), 'utf8')).toBe(edited);
    page.once('dialog', (d) => void d.accept());
    await page.click('#regen');
    await expect.poll(() => page.locator('#status').textContent()).toContain('regenerated');
    expect(readFileSync(join(out, MD), 'utf8')).not.toContain('An editor wrote');
    await expect.poll(() => page.locator('#diff-box').isHidden()).toBe(true);

    // Skip, with a reason: the list says so.
    page.once('dialog', (d) => void d.accept('an ordinary day'));
    await page.click('#skip');
    await expect.poll(() => page.locator('#stories a').first().textContent()).toContain('skipped');
    expect(readFileSync(join(root, '.liqnews', 'studio.json'), 'utf8')).toContain('an ordinary day');

    // A new snapshot lands: the list grows within a second, without a reload.
    const t0 = Date.now();
    copyFileSync('fixtures/golden/001-recap-all-time-high/snapshot.json', join(snaps, 'new.json'));
    await expect.poll(() => rows.count(), { timeout: 2000, interval: 50 }).toBe(3);
    expect(Date.now() - t0).toBeLessThan(1500);

    // The open story's snapshot changes on disk: the story follows without a reload.
    const changed = { ...(JSON.parse(readFileSync(join(snaps, 'day.json'), 'utf8')) as Record<string, unknown>), id: 'desk-test' };
    writeFileSync(join(snaps, 'day.json'), JSON.stringify(changed));
    await expect.poll(() => page.locator('#story-file').textContent(), { timeout: 2000, interval: 50 }).toContain('2026-02-05-desk-test.md');
    expect(errors).toEqual([]);
  }, 60_000);

  it('toggles the sections, and shows a second style beside the first with its own provenance', async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
    p.on('request', (r) => {
      if (!r.url().startsWith(`http://127.0.0.1:${studio.port}/`)) throw new Error(`external request: ${r.url()}`);
    });
    await p.goto(`${studio.url}#story=day.json`);
    await p.locator('#page figure.chart svg').waitFor();
    expect(await p.locator('#sec-chart').isChecked()).toBe(true);
    expect(await p.locator('#sec-table').isChecked()).toBe(true);
    expect(await p.locator('#page table mark[data-claim]').count()).toBeGreaterThan(10);
    expect(await p.locator('#page svg mark').count()).toBe(0);
    // The chart's text is drawn: vega's <text> holds the figures, untouched.
    expect(await p.locator('#page svg text', { hasText: '$428 million' }).count()).toBe(1);

    // Chart off by keyboard (Space on the checkbox): it leaves the preview; on again, it is back.
    await p.locator('#sec-chart').focus();
    await p.keyboard.press('Space');
    await expect.poll(() => p.locator('#page figure.chart').count()).toBe(0);
    await expect.poll(() => p.locator('#status').textContent()).toMatch(/^Sections: (tldr, )?table\. /);
    expect(await p.locator('#page table').count()).toBeGreaterThan(0);
    await p.keyboard.press('Space');
    await expect.poll(() => p.locator('#page figure.chart').count()).toBe(1);

    // Compare with the explainer: a second column beside the first.
    // The story as the page received it (its sections are now the exact list ticked), to know each column's claims.
    const answer = p.waitForResponse((r) => r.url().includes('compare=explainer'));
    await p.selectOption('#compare', 'explainer');
    const api = (await (await answer).json()) as {
      style: string;
      mdFile: string;
      claims: { display: string }[];
      compare: { claims: { display: string; source: string }[] };
    };
    await p.locator('#page2 mark[data-claim]').first().waitFor();
    expect(await p.locator('#cmp-style').textContent()).toBe('explainer');
    expect(await p.locator('#main-h').textContent()).toContain('Approve & publish write this one');
    const b1 = (await p.locator('#page').boundingBox())!;
    const b2 = (await p.locator('#page2').boundingBox())!;
    expect(b2.x).toBeGreaterThanOrEqual(b1.x + b1.width);
    expect(Math.abs(b2.y - b1.y)).toBeLessThan(2);
    expect(await p.locator('#page2 figure.chart svg').count()).toBe(1);
    expect(await p.locator('#page2 svg mark').count()).toBe(0);

    // A figure of the second column whose claim number is another figure in the first: its tooltip is its own claim.
    const marked = (await p.locator('#page2 mark[data-claim]').evaluateAll((ms) => ms.map((m) => Number((m as HTMLElement).dataset['claim'])))) as number[];
    const n = marked.find((i) => api.claims[i]?.display !== api.compare.claims[i]!.display)!;
    expect(n).toBeDefined();
    await p.locator(`#page2 mark[data-claim="${n}"]`).first().hover();
    const tip = p.locator('#prov');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.locator('dd').first().textContent()).toBe(api.compare.claims[n]!.display);
    expect(await tip.textContent()).toContain(api.compare.claims[n]!.source);
    await p.screenshot({ path: `${SHOTS}/studio-compare.png` });
    // By keyboard too: Tab reaches the second column's figures.
    await p.locator('#page2 mark[data-claim]').first().focus();
    await expect.poll(() => tip.locator('dd').first().textContent()).toBe(await p.locator('#page2 mark[data-claim]').first().textContent());
    await p.keyboard.press('Escape');

    // Publish acts on the main column: its style, with the chart file beside it.
    await p.click('#publish');
    await expect.poll(() => p.locator('#status').textContent()).toContain('published');
    const md = readFileSync(join(out, api.mdFile), 'utf8');
    expect(md).toContain(`style: "${api.style}"`);
    expect(api.style).not.toBe('explainer');
    expect(existsSync(join(out, api.mdFile.replace(/\.md$/, '.chart.svg')))).toBe(true);

    // Stacked under 760 px, and readable at 375 px with the comparison open.
    await p.setViewportSize({ width: 700, height: 900 });
    await expect.poll(async () => (await p.locator('#page2').boundingBox())!.y).toBeGreaterThan((await p.locator('#page').boundingBox())!.y + 100);
    await p.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await p.locator('#col-cmp .col-h').evaluate((e) => e.scrollIntoView());
    await p.screenshot({ path: `${SHOTS}/studio-375-compare.png` });
    expect(errors).toEqual([]);
    await p.close();
  }, 60_000);

  it('is readable at 375 px and escapes hostile snapshot strings', async () => {
    const small = await browser.newPage({ viewport: { width: 375, height: 800 } });
    let alerted = false;
    small.on('dialog', (d) => {
      alerted = true;
      void d.dismiss();
    });
    await small.goto(`${studio.url}#story=hostile.json`);
    await small.locator('#page mark[data-claim]').first().waitFor();
    expect(await small.locator('#page script, #page img').count()).toBe(0);
    expect(await small.locator('#page').textContent()).toContain('<script>alert(1)</script>');
    // Nothing wider than the screen: no horizontal scrolling.
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await small.screenshot({ path: `${SHOTS}/studio-375-list.png` });
    await small.locator('#story').scrollIntoViewIfNeeded();
    await small.screenshot({ path: `${SHOTS}/studio-375-story.png` });
    expect(alerted).toBe(false);
    await small.close();
  }, 30_000);
});
