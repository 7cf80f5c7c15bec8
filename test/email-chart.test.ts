// The newsletter carries the chart as an image with alt text that states the figures (issue 11,
// item 5), only when the chart file is written beside the article and a base URL makes its
// address absolute: a mail never points at a missing image.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const SNAP = join(ROOT, 'fixtures', 'golden', '000-bulletin-long-flush', 'snapshot.json');
const BASE = 'https://news.example.com/liquidations';
const work = mkdtempSync(join(tmpdir(), 'liqnews-email-chart-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

async function mail(...args: string[]): Promise<{ html: string; files: string[] }> {
  const out = join(work, `o${++n}`);
  const r = await runCli(['render', SNAP, '--out', out, '--now', '2026-12-01T00:00:00Z', '--sections', '+chart', ...args]);
  expect(r.err).toBe('');
  const files = readdirSync(out);
  return { html: readFileSync(join(out, files.find((f) => f.endsWith('.email.html'))!), 'utf8'), files };
}

describe('the chart in the newsletter', () => {
  it('is an image at its absolute address, with the figures in its alt text', async () => {
    const { html, files } = await mail('--format', 'md,email,svg', '--base-url', BASE);
    const chart = files.find((f) => f.endsWith('.chart.svg'))!;
    const img = new RegExp(`<img src="${BASE.replace(/[.]/g, '\\.')}/${chart.replace(/[.]/g, '\\.')}" alt="([^"]+)" width="552"`).exec(html);
    expect(img).not.toBeNull();
    expect(img![1]).toMatch(/Bitcoin \(BTC\) \$428 million longs/);
  });

  it('is left out without a base URL or without the chart file', async () => {
    expect((await mail('--format', 'md,email,svg')).html).not.toMatch(/\.chart\.svg/);
    expect((await mail('--format', 'md,email', '--base-url', BASE)).html).not.toMatch(/\.chart\.svg/);
  });
});
