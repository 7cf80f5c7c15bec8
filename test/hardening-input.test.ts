/**
 * Issue 13, items 8 (ids), 9 (inputs refused, not guessed) and 10 (what
 * reaches the terminal, sums at the boundary). Each test feeds what a user
 * or an attacker could write and checks what `liqnews` answers.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, parseSnapshot, type LiqnewsError } from '../src/index.js';
import { findCase, runCli, NOW } from './helpers.js';

const seed = (): Record<string, unknown> => JSON.parse(findCase('golden/000-bulletin-long-flush').snapshotText) as Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'liqnews-input-'));
let n = 0;
const file = (content: string | Uint8Array, name = `s${n++}.json`): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
/** The issue lines `parseSnapshot` gives, or [] when it accepts. */
function problems(input: string | Record<string, unknown>): string[] {
  try {
    parseSnapshot(typeof input === 'string' ? input : JSON.stringify(input), NOW);
    return [];
  } catch (e) {
    return (e as LiqnewsError).issues.map((i) => `${i.path}: ${i.message}`);
  }
}

describe('ids map to distinct file names (item 8)', () => {
  it('refuses an id with a leading, trailing or doubled hyphen, saying why', () => {
    for (const id of ['btc-day-', '-btc-day', 'btc--day', '-']) {
      const lines = problems({ ...seed(), id });
      expect(lines, id).toHaveLength(1);
      expect(lines[0]).toMatch(/^id: .*hyphen.*file name/);
    }
    expect(problems({ ...seed(), id: 'btc-day' })).toEqual([]);
  });

  it('"btc-day" and "btc-day-" no longer replace each other: the second is refused with exit 1', async () => {
    const a = file(JSON.stringify({ ...seed(), id: 'btc-day' }));
    const b = file(JSON.stringify({ ...seed(), id: 'btc-day-' }));
    const out = mkdtempSync(join(tmpdir(), 'liqnews-ids-'));
    expect((await runCli(['render', a, '--out', out])).code).toBe(0);
    const second = await runCli(['render', b, '--out', out]);
    expect(second.code).toBe(1);
    expect(second.err).toContain('id:');
  });
});

describe('bytes that are not UTF-8 (item 9)', () => {
  it('are refused with the byte offset, not printed as U+FFFD', async () => {
    const text = JSON.stringify({ ...seed(), source: { name: 'BitXXcoin' } });
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf('XX');
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    const path = file(bytes);
    for (const cmd of ['validate', 'render']) {
      const run = await runCli(cmd === 'render' ? ['render', path, '--stdout', '--format', 'md'] : ['validate', path]);
      expect(run.code).toBe(1);
      expect(run.err).toContain(`not valid UTF-8 at byte ${at.toLocaleString('en-US')}`);
      expect(run.out + run.err).not.toContain('\uFFFD');
    }
    // The batch path (render-job) reads files itself.
    const out = mkdtempSync(join(tmpdir(), 'liqnews-utf8-'));
    const batch = await runCli(['render', path, file(text), '--out', out]);
    expect(batch.code).toBe(1);
    expect(batch.err).toContain(`not valid UTF-8 at byte ${at.toLocaleString('en-US')}`);
  });

  it('the library takes bytes too, and refuses bad ones the same way', () => {
    expect(() => parseSnapshot(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), NOW)).toThrow(/not valid UTF-8 at byte 1/);
    expect(generate(Buffer.from(JSON.stringify(seed())), { now: NOW }).title).toBeTruthy();
  });
});

describe('a key given twice (item 9)', () => {
  it('is refused, naming the path of the repeat', () => {
    const text = JSON.stringify(seed()).replace('"totals":{', '"totals":{"usd":1,').replace(/"assets":\[\{/, '"assets":[{"symbol":"X",');
    expect(problems(text).filter((l) => l.includes('twice in the same object'))).toEqual([
      expect.stringMatching(/^totals\.usd: appears twice/),
      expect.stringMatching(/^assets\[0\]\.symbol: appears twice/),
    ]);
    // An escaped key is the same key; keys in different objects are not repeats.
    expect(problems(JSON.stringify(seed()).replace('"schemaVersion":1', '"schemaVersion":1,"schema\\u0056ersion":1'))[0]).toMatch(/^schemaVersion: appears twice/);
    expect(problems(seed())).toEqual([]);
  });

  it('a value with quotes, backslashes and braces in it does not confuse the scan', () => {
    const doc = { ...seed(), source: { name: 'a "quoted" \\ {name}, "x": [1]' } };
    expect(problems(doc)).toEqual([]);
  });
});

describe('invisible direction and width characters (item 9)', () => {
  it.each([
    ['\u202E', 'right-to-left override'],
    ['\u202A', 'left-to-right embedding'],
    ['\u2066', 'left-to-right isolate'],
    ['\u2069', 'pop-directional-isolate'],
    ['\u200B', 'zero-width space'],
    ['\u200F', 'right-to-left mark'],
    ['\u061C', 'Arabic letter mark'],
    ['\uFEFF', 'byte-order mark'],
    ['\u2060', 'word joiner'],
    ['\u00AD', 'soft hyphen'],
    ['\u034F', 'combining grapheme joiner'],
    ['\u3164', 'Hangul filler'],
    ['\u180E', 'invisible formatting character'],
    ['\u2028', 'line separator'],
    ['\u{E0041}', 'tag character'],
  ])('U+%s in a text field is refused, naming the field and the position', (ch, name) => {
    const doc = { ...seed(), exchanges: [{ name: `Bin${ch}ance`, longUsd: 1, shortUsd: 1 }] };
    const lines = problems(doc);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`exchanges[0].name: holds a`);
    expect(lines[0]).toContain(name);
    expect(lines[0]).toContain('position 4');
  });
});

describe('half a character (item 9)', () => {
  it('a lone surrogate written as a JSON escape is refused, not printed as U+FFFD', () => {
    const text = JSON.stringify({ ...seed(), exchanges: [{ name: 'Bin', longUsd: 1, shortUsd: 1 }] }).replace('"Bin"', '"Bin\\ud800ance"');
    const lines = problems(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^exchanges\[0\]\.name: holds half of a character \(a lone surrogate, \\ud800\) at position 4/);
    // A whole character outside the BMP (two surrogates together) is text like any other.
    expect(problems({ ...seed(), exchanges: [{ name: 'Bin 🚀', longUsd: 1, shortUsd: 1 }] })).toEqual([]);
  });
});

describe('URL hosts (item 4)', () => {
  it('a host with template braces is refused: the URL parser would decode %7B there back to {', () => {
    const lines = problems({ ...seed(), context: { related: [{ title: 'x', url: 'https://ex{{page.x}}ample.com/a' }] } });
    expect(lines).toEqual([expect.stringMatching(/^context\.related\[0\]\.url: has a host name \("ex\{\{page\.x\}\}ample\.com"\) that is not a domain name/)]);
  });

  it('domain names, international ones, IPv4 and IPv6 addresses are hosts', () => {
    for (const url of ['https://example.com/a', 'https://münchen.de/', 'https://1.2.3.4/', 'https://[::1]/x', 'https://a_b.example.com./']) {
      expect(problems({ ...seed(), context: { related: [{ title: 'x', url }] } })).toEqual([]);
    }
  });
});

describe('window years (item 9)', () => {
  it('a year-0 window is refused, with the rule in the message', () => {
    const doc = { ...seed(), window: { start: '0000-01-01T00:00:00+01:00', end: '0000-01-01T12:00:00+01:00' } };
    const lines = problems(doc);
    expect(lines.some((l) => l.startsWith('window.start:') && l.includes('from 2009') && l.includes('9999'))).toBe(true);
    const late = { ...seed(), window: { start: '2008-12-31T00:00:00Z', end: '2008-12-31T12:00:00Z' } };
    expect(problems(late).filter((l) => l.includes('2009'))).toHaveLength(2);
  });
});

describe('URLs with credentials (item 9)', () => {
  it('source.url and related urls with user:pass@ are refused', () => {
    const s = seed();
    const lines = problems({
      ...s,
      source: { name: 'CoinGlass', url: 'https://user:secret@example.com/x' },
      context: { related: [{ title: 'x', url: 'http://admin@example.com/' }] },
    });
    expect(lines).toEqual([expect.stringMatching(/^source\.url: holds a user name or password/), expect.stringMatching(/^context\.related\[0\]\.url: holds a user name or password/)]);
    expect(lines.join('\n')).not.toContain('secret');
  });
});

describe('the size cap (item 9)', () => {
  it('a 2.1 GB file is refused before it is read, naming the file and the cap', async () => {
    const path = file('');
    truncateSync(path, 2_100_000_000);
    const started = Date.now();
    const run = await runCli(['validate', path]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(path);
    expect(run.err).toContain('2,100,000,000 bytes');
    expect(run.err).toContain('at most 16 MB');
    expect(Date.now() - started).toBeLessThan(2000);
    const out = mkdtempSync(join(tmpdir(), 'liqnews-big-'));
    const batch = await runCli(['render', path, '--out', out]);
    expect(batch.err).toContain('at most 16 MB');
  });

  it('standard input is read no further than the cap', async () => {
    const run = await runCli(['validate', '-'], { stdin: ' '.repeat(17 * 1024 * 1024) });
    expect(run.code).toBe(1);
    expect(run.err).toContain('at most 16 MB');
  });
});

describe('what reaches the terminal (item 10)', () => {
  it('file names and values on stderr have their control and direction characters escaped', async () => {
    const path = file(JSON.stringify({ ...seed(), window: { start: '\u001b[31mred\u202e', end: '2026-02-05T00:00:00Z' } }), 'evil\u001b]0;title\u0007\u202e.json');
    const run = await runCli(['validate', path]);
    expect(run.code).toBe(1);
    // eslint-disable-next-line no-control-regex -- the test is that none of these reach the terminal
    expect(run.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(run.err).toContain('\\u001B');
    expect(run.err).toContain('\\u202E');
  });

  it('a file name with a newline cannot forge a line of our own, on stdout or stderr', async () => {
    const good = file(JSON.stringify(seed()), 'x\nforged.json: ok');
    const ok = await runCli(['validate', good]);
    expect(ok.code).toBe(0);
    expect(ok.out.trim().split('\n')).toEqual([`${good.replace('\n', '\\n')}: ok`]);
    const missing = await runCli(['validate', join(dir, 'nofile\nforged.json: ok')]);
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toContain('nofile\\nforged.json: ok: cannot read');
  });

  it('validate and decide say which links in a folder they passed over, as render does', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'liqnews-links-'));
    writeFileSync(join(folder, 'a.json'), JSON.stringify(seed()));
    symlinkSync(join(folder, 'nothing.json'), join(folder, 'b.json'));
    symlinkSync(join(folder, 'c.json'), join(folder, 'c.json'));
    for (const command of ['validate', 'decide']) {
      const run = await runCli(command === 'decide' ? [command, folder, '--no-history'] : [command, folder]);
      expect(run.err).toContain(`skipped ${join(folder, 'b.json')}: a link to nothing`);
      expect(run.err).toContain(`skipped ${join(folder, 'c.json')}: a loop of links`);
    }
  });

  it('a 10 MB value is not echoed into a 10 MB line', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const path = file(JSON.stringify({ ...seed(), window: { start: huge, end: '2026-02-05T00:00:00Z' }, assets: [{ symbol: 'BTC', longUsd: 1, shortUsd: 1 }, { symbol: 'BTC', longUsd: 1, shortUsd: 1 }] }));
    const run = await runCli(['validate', path]);
    expect(run.code).toBe(1);
    for (const line of run.err.split('\n')) expect(line.length).toBeLessThan(2000);
  });
});

describe('sums at the boundary (item 10)', () => {
  const totals = (usd: number, longUsd: number, shortUsd: number): Record<string, unknown> => ({ ...seed(), assets: [], exchanges: [], largestOrder: undefined, totals: { usd, longUsd, shortUsd } });
  it('a sum exactly $1,000 off, in decimals, is accepted', () => {
    // 0.1 + 1000.2 is 1000.3000000000001 in binary floating point.
    expect(problems(totals(0.3, 0.1, 1000.2))).toEqual([]);
    expect(problems(totals(100000.3, 0.1, 101000.2))).toEqual([]);
  });
  it('one cent beyond is refused, and the message says two different amounts', () => {
    const lines = problems(totals(0.3, 0.1, 1000.21));
    expect(lines).toEqual(['totals.usd: longUsd + shortUsd is $1,000.31, but usd is $0.30: $1,000.01 apart, and at most $1,000 (0.5 % or $1,000) is allowed']);
  });
  it('parts add up to the total and its tolerance exactly: accepted', () => {
    const doc = { ...seed(), totals: { usd: 1000.3, longUsd: 1000.3, shortUsd: 0 }, assets: [{ symbol: 'A', longUsd: 1000.2, shortUsd: 0 }, { symbol: 'B', longUsd: 1000.1, shortUsd: 0 }], exchanges: [], largestOrder: undefined };
    expect(problems(doc)).toEqual([]);
  });
});
