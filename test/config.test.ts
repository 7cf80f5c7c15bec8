// liqnews.config.json (issue 14, item 3): found upward from the working directory or named with
// --config, validated with every problem at once, and always overridden by the command line.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { ROOT } from './helpers.js';

const SNAP = join(ROOT, 'fixtures', 'golden', '000-bulletin-long-flush', 'snapshot.json');
const NOW = '2026-12-01T00:00:00Z';
const work = mkdtempSync(join(tmpdir(), 'liqnews-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

/** A fresh project folder holding `config` (unless null), and a nested folder to run from. */
function project(config: unknown): { root: string; deep: string } {
  const root = join(work, `p${++n}`);
  const deep = join(root, 'a', 'b');
  mkdirSync(deep, { recursive: true });
  if (config !== null) writeFileSync(join(root, 'liqnews.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return { root, deep };
}

async function run(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main({ argv, cwd, env: { LIQNEWS_HISTORY: 'off' }, stdout: { write: (s: string) => void (out += s) }, stderr: { write: (s: string) => void (err += s) } });
  return { code, out, err };
}
const md = (cwd: string, ...extra: string[]) => run(cwd, ['render', SNAP, '--stdout', '--format', 'md', '--now', NOW, ...extra]);

describe('liqnews.config.json', () => {
  it('is found upward from the working directory and sets the defaults', async () => {
    const { deep } = project({ style: 'recap', publish: true, category: 'Derivatives', locale: 'en-GB' });
    const r = await md(deep);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^style: "recap"$/m);
    expect(r.out).toMatch(/^draft: false$/m);
    expect(r.out).toMatch(/^categories: \["derivatives"\]$/m);
  });

  it('is overridden by the command line', async () => {
    const { deep } = project({ style: 'recap' });
    expect((await md(deep, '--style', 'bulletin')).out).toMatch(/^style: "bulletin"$/m);
  });

  it('is ignored with --no-config, and --config names another file', async () => {
    const { deep, root } = project({ style: 'recap' });
    expect((await md(deep, '--no-config')).out).not.toMatch(/^style: "recap"$/m);
    const other = join(root, 'other.json');
    writeFileSync(other, JSON.stringify({ style: 'analysis' }));
    expect((await md(deep, '--config', other)).out).toMatch(/^style: "analysis"$/m);
    const missing = await md(deep, '--config', join(root, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
  });

  it('resolves its paths from its own folder', async () => {
    const { deep, root } = project({ out: 'site/posts', formats: ['md'] });
    const r = await run(deep, ['render', SNAP, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(root, 'site', 'posts')).filter((f) => !f.startsWith('.'))).toHaveLength(1);
  });

  it('reports every problem at once, with the file and the key, and exits 2', async () => {
    const { deep, root } = project({ style: 5, formats: [], publisher: { nmae: 'x' }, bogus: true });
    const r = await md(deep);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const file = join(root, 'liqnews.config.json');
    for (const line of ['style: Invalid input', 'formats: Too small', 'publisher: Unrecognized key: "nmae"', '(top level): Unrecognized key: "bogus"']) {
      expect(r.err).toContain(`liqnews: ${file}: ${line}`);
    }
    // The help that explains the file still works.
    expect((await run(deep, ['render', '--help'])).code).toBe(0);
    const broken = project('{ not json');
    expect((await md(broken.deep)).err).toContain('not valid JSON');
  });

  it('refuses a bad value as the command line would, and says it came from the file', async () => {
    const { deep, root } = project({ locale: 'de-DE' });
    const r = await md(deep);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`unsupported locale "de-DE"; locales: en-US, en-GB (--locale set in ${join(root, 'liqnews.config.json')})`);
  });

  it('gives each command only the settings it takes', async () => {
    const { deep } = project({ formats: ['md'], publish: true, newsworthiness: { floor: 1 } });
    const v = await run(deep, ['validate', SNAP, '--now', NOW]);
    expect(v.err).toBe('');
    expect(v.code).toBe(0);
    expect(readFileSync(SNAP, 'utf8').length).toBeGreaterThan(0);
  });
});

describe('liqnews.config.json email slots', () => {
  it('fills the newsletter masthead and footer', async () => {
    const { deep } = project({ email: { publication: 'The Desk', address: '1 Example Street', unsubscribe: 'https://example.com/u' } });
    const r = await run(deep, ['render', SNAP, '--stdout', '--format', 'email', '--now', NOW]);
    expect(r.err).toBe('');
    for (const s of ['The Desk', '1 Example Street', 'https://example.com/u']) expect(r.out).toContain(s);
  });
});

describe('liqnews.config.json publisher', () => {
  it('names the publisher, its home page and its logo in the JSON-LD', async () => {
    const { deep } = project({ publisher: { name: 'Example Wire', url: 'https://example.com/', logo: 'https://example.com/logo.png' } });
    const r = await run(deep, ['render', SNAP, '--stdout', '--format', 'html', '--now', NOW]);
    expect(r.err).toBe('');
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(r.out)![1]!) as { publisher: Record<string, unknown> };
    expect(ld.publisher).toEqual({ '@type': 'Organization', name: 'Example Wire', url: 'https://example.com/', logo: { '@type': 'ImageObject', url: 'https://example.com/logo.png' } });
    const bad = await run(deep, ['render', SNAP, '--stdout', '--format', 'html', '--now', NOW, '--publisher-url', 'javascript:alert(1)']);
    expect(bad.code).toBe(2);
  });
});
