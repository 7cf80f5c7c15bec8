// Reading the venues' decimal strings: the fast digit loop must give exactly the double Number() gives, and refuse what Number() wrongly accepts.
import { describe, expect, it } from 'vitest';
import { decimal, epochMs } from '../../src/ingest/streams/decode.js';
import { prng } from '../prng.js';

describe('decimal', () => {
  it('equals Number() bit for bit on 200,000 random plain decimals of up to 15 digits', () => {
    const r = prng(42);
    const mismatches: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const intDigits = 1 + Math.floor(r() * 9);
      const fracDigits = Math.floor(r() * (15 - intDigits + 1));
      let text = String(Math.floor(r() * 10 ** intDigits));
      if (fracDigits > 0 || r() < 0.1) text += `.${Array.from({ length: fracDigits }, () => Math.floor(r() * 10)).join('')}`;
      if (!Object.is(decimal(text), Number(text))) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });

  it('reads the documented shapes', () => {
    expect(decimal('0.014')).toBe(0.014);
    expect(decimal('87535.9')).toBe(87535.9);
    expect(decimal('9910')).toBe(9910);
    expect(decimal('.5')).toBe(0.5);
    expect(decimal('5.')).toBe(5);
    expect(decimal('1e3')).toBe(1000);
    expect(decimal('0.000000000000001234567')).toBe(1.234567e-15); // longer than the fast path: Number()
    expect(decimal(12.5)).toBe(12.5);
  });

  it.each(['', ' ', '.', '0x10', 'Infinity', '1,000', '12 ', '1.2.3', 'NaN', '--1'])('refuses %j (Number() would read some of these as a number)', (text) => {
    expect(decimal(text)).toBeNaN();
  });

  it('refuses non-numbers', () => {
    for (const v of [null, undefined, true, {}, []]) expect(decimal(v)).toBeNaN();
  });
});

describe('epochMs', () => {
  it('reads milliseconds as a number or a digit string, and refuses seconds', () => {
    expect(epochMs('1770166800000')).toBe(1770166800000);
    expect(epochMs(1770166800000)).toBe(1770166800000);
    expect(epochMs('1770166800')).toBeNaN(); // seconds
    expect(epochMs(1770166800)).toBeNaN();
    expect(epochMs('1770166800000.5')).toBeNaN();
    expect(epochMs('')).toBeNaN();
  });
});
