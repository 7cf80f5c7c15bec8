// The line splitter: the same lines whatever the chunk boundaries, line endings and encodings.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forEachLine, MAX_LINE_CHARS } from '../../src/ingest/streams/lines.js';

async function split(chunks: (string | Buffer)[]): Promise<{ lines: [number, string][]; overlong: number[]; last: number }> {
  const lines: [number, string][] = [];
  const overlong: number[] = [];
  const last = await forEachLine(Readable.from(chunks, { objectMode: true }), { line: (t, n) => lines.push([n, t]), overlong: (n) => overlong.push(n) });
  return { lines, overlong, last };
}

describe('forEachLine', () => {
  it('numbers lines from 1, keeps blank lines, drops CR of CRLF and a final newline', async () => {
    const r = await split(['a\r\n\nb\n']);
    expect(r.lines).toEqual([
      [1, 'a'],
      [2, ''],
      [3, 'b'],
    ]);
    expect(r.last).toBe(3);
  });

  it('gives the last line without a newline', async () => {
    expect((await split(['a\nb'])).lines).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('joins lines cut anywhere by chunk boundaries, including inside a multi-byte character', async () => {
    const text = '{"s":"ÉTH€"}\n{"x":1}\n\n{"y":"日本"}\n';
    const bytes = Buffer.from(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (const second of [cut, Math.min(bytes.length, cut + 3)]) {
        const r = await split([bytes.subarray(0, cut), bytes.subarray(cut, second), bytes.subarray(second)]);
        expect(r.lines.map(([, t]) => t)).toEqual(['{"s":"ÉTH€"}', '{"x":1}', '', '{"y":"日本"}']);
      }
    }
  });

  it('drops a byte-order mark at the start', async () => {
    expect((await split([Buffer.from('\uFEFF{"a":1}\n')])).lines).toEqual([[1, '{"a":1}']]);
  });

  it('skips a line longer than the limit and reports it, then goes on', async () => {
    const big = 'x'.repeat(MAX_LINE_CHARS + 10);
    const r = await split(['ok\n', big.slice(0, 1000), big.slice(1000), '\nnext\n']);
    expect(r.lines).toEqual([
      [1, 'ok'],
      [3, 'next'],
    ]);
    expect(r.overlong).toEqual([2]);
  });
});
