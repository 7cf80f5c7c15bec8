/**
 * Figures as printed: hedges point the right way, rounding stays within the
 * contract's bounds (1 % in the body, 5 % in headlines), partial coverage
 * rounds down and says "at least", and a non-zero share never reads "0%".
 */
import { describe, it, expect } from 'vitest';
import { Ledger } from '../src/facts/ledger.js';
import { money, percent, count, price, roundSig } from '../src/facts/format.js';
import { displayValue } from '../src/check/figures.js';

const fresh = (): Ledger => new Ledger();
const m = (v: number, lowerBound = false) => money(fresh(), v, { source: 'test', lowerBound });

/** Values spread over every scale and leading digit, including the awkward ones next to a rounding step. */
const VALUES: number[] = (() => {
  const out = [845, 999.5, 1_000, 9_950, 99_950, 512_345, 999_500, 999_999, 1_000_000, 1_049_999, 1_050_000, 9_995_000, 10_000_000];
  for (let e = 3; e <= 12; e++) for (const lead of [1, 1.049, 1.05, 1.0834, 1.5, 1.96, 2.563, 4.27, 7.503, 9.49, 9.5, 9.949, 9.95, 9.999]) out.push(Math.round(lead * 10 ** e));
  out.push(1e13);
  return out;
})();

/** The number a money text stands for, without its hedge words. */
const shown = (text: string): number => displayValue(text.replace(/^(over|at least|nearly) /i, ''));

describe('money in the body', () => {
  it('spells the unit and stays within 1 % of the value', () => {
    for (const v of VALUES) {
      const t = m(v).text;
      expect(t, String(v)).toMatch(/^\$[\d,]+(\.\d+)? ?(thousand|million|billion|trillion)?$/);
      expect(Math.abs(shown(t) - v) / v, `${v} → ${t}`).toBeLessThanOrEqual(0.01);
    }
  });

  it('examples a reader would see', () => {
    expect(m(1_083_400_000).text).toBe('$1.08 billion');
    expect(m(427_600_000).text).toBe('$428 million');
    expect(m(71_500_000).text).toBe('$71.5 million');
    expect(m(512_345).text).toBe('$512,000');
    expect(m(19_160_000_000).text).toBe('$19.2 billion');
  });
});

describe('money in headlines', () => {
  it('the compact form stays within 5 % of the value', () => {
    for (const v of VALUES) {
      const h = m(v).head;
      expect(h, String(v)).toMatch(/^\$\d+(\.\d+)?[KMBT]?$/);
      expect(Math.abs(shown(h) - v) / v, `${v} → ${h}`).toBeLessThanOrEqual(0.05);
    }
  });

  it('"Over $X" only when the value exceeds $X, and within 5 % unless hedged "over"', () => {
    for (const v of VALUES) {
      const w = m(v).headWords;
      const n = shown(w);
      if (w.startsWith('Over ')) expect(v, `${v} → ${w}`).toBeGreaterThan(n);
      else {
        expect(Math.abs(n - v) / v, `${v} → ${w}`).toBeLessThanOrEqual(0.05);
        expect(n, `${v} → ${w} rounds up without a hedge`).toBeLessThanOrEqual(v);
      }
    }
  });

  it('"Over $1 Billion" only above $1 billion', () => {
    expect(m(1_083_400_000).headWords).toBe('Over $1 Billion');
    expect(m(1_000_000_001).headWords).toBe('Over $1 Billion');
    expect(m(1_000_000_000).headWords).toBe('$1 Billion');
    expect(m(999_999_999).headWords).not.toMatch(/Billion/);
    expect(m(999_999_999).headWords).toBe('Over $990 Million');
    expect(m(750_300_000).headWords).toBe('Over $750 Million');
  });

  it('below a million the headline words are abbreviated, so they never read as a second exact figure', () => {
    // Body "$128,000" beside a headline "$120,000" would be two values at what looks like one precision.
    const small = money(new Ledger(), 128_050, { source: 'totals.usd', lowerBound: true });
    expect(small.text).toBe('at least $128,000');
    expect(small.headWords).toBe('At Least $120K');
    expect(m(845_000).headWords).toBe('Over $840K');
    expect(m(985).headWords).toBe('Over $980');
  });
});

describe('partial coverage (a lower bound)', () => {
  it('rounds down and says "at least" in every form', () => {
    for (const v of VALUES) {
      const x = m(v, true);
      expect(x.text.startsWith('at least $'), x.text).toBe(true);
      expect(x.head.startsWith('At Least $'), x.head).toBe(true);
      expect(x.headWords.startsWith('At Least $'), x.headWords).toBe(true);
      for (const form of [x.text, x.head, x.headWords]) expect(shown(form), `${v} → ${form}`).toBeLessThanOrEqual(v);
    }
    expect(m(1_236_700_000, true).text).toBe('at least $1.23 billion');
    expect(m(1_239_900_000, true).text).toBe('at least $1.23 billion');
    expect(m(1_236_700_000, true).head).toBe('At Least $1.2B');
  });

  it('counts of traders round down too', () => {
    expect(count(fresh(), 201_999, 'test', true).text).toBe('at least 201,000');
    expect(count(fresh(), 9_999, 'test', true).text).toBe('at least 9,999');
  });
});

describe('claims record what was shown', () => {
  it('every money form is a claim with its value, source, hedge and rounding', () => {
    const ledger = fresh();
    money(ledger, 1_083_400_000, { source: 'totals.usd' });
    const claims = ledger.list();
    expect(claims.map((c) => [c.display, c.hedge])).toEqual(
      expect.arrayContaining([
        ['$1.08 billion', 'about'],
        ['$1.1B', 'about'],
        ['$1 Billion', 'over'],
      ]),
    );
    for (const c of claims) {
      expect(c.value).toBe(1_083_400_000);
      expect(c.source).toBe('totals.usd');
      expect(c.rounding.length).toBeGreaterThan(0);
    }
  });

  it('an exact figure is claimed as exact', () => {
    const ledger = fresh();
    money(ledger, 640_000_000, { source: 'x' });
    expect(ledger.list().every((c) => c.hedge === 'exact')).toBe(true);
  });
});

describe('percentages', () => {
  it('a non-zero share never reads "0%"; zero is "0%"', () => {
    expect(percent(fresh(), 0.3, 'test').text).not.toBe('0%');
    expect(percent(fresh(), 0.04, 'test', 1).text).not.toBe('0.0%');
    expect(percent(fresh(), 0, 'test').text).toBe('0%');
  });

  it('are magnitudes rounded to the stated decimals', () => {
    expect(percent(fresh(), 87.79, 'test').text).toBe('88%');
    expect(percent(fresh(), -4.54, 'test', 1).text).toBe('4.5%');
    expect(percent(fresh(), 12.5, 'test').text).toBe('13%');
  });
});

describe('counts and prices', () => {
  it('people are exact below 10,000 and "about" above', () => {
    expect(count(fresh(), 9_999, 'test').text).toBe('9,999');
    expect(count(fresh(), 182_340, 'test').text).toBe('about 182,000');
    expect(count(fresh(), 120_000, 'test').text).toBe('120,000');
  });

  it('prices: whole dollars from $100, cents from $1, four figures below', () => {
    expect(price(fresh(), 72_950.4, 'test').text).toBe('$72,950');
    expect(price(fresh(), 188.75, 'test').text).toBe('$189');
    expect(price(fresh(), 2.5, 'test').text).toBe('$2.50');
    expect(price(fresh(), 0.123456, 'test').text).toBe('$0.1235');
  });

  it('roundSig rounds to significant figures and floors without float artefacts', () => {
    expect(roundSig(1_083_400_000, 3)).toBe(1_080_000_000);
    expect(roundSig(1_085_000_000, 3)).toBe(1_090_000_000);
    expect(roundSig(0.29 * 1e9, 2, 'floor')).toBe(290_000_000);
    expect(roundSig(1_236_700_000, 3, 'floor')).toBe(1_230_000_000);
  });
});

describe('roundSig', () => {
  it('gives the double nearest the decimal at every scale, as exact powers of ten do', () => {
    expect(roundSig(0.000123456, 3)).toBe(0.000123);
    expect(roundSig(1.23456e24, 3)).toBe(1.23e24);
    expect(roundSig(1.5e22, 3)).toBe(1.5e22);
    expect(roundSig(987_654_321, 2, 'floor')).toBe(980_000_000);
    expect(roundSig(-4567, 2)).toBe(-4600);
  });
});

describe('fixed2', () => {
  it('gives what toFixed(2) gives, trailing zeros dropped, for rounded figures, ties and every scale', async () => {
    const { fixed2 } = await import('../src/facts/format.js');
    const { prng } = await import('./prng.js');
    const rand = prng(42);
    const viaToFixed = (n: number): string => n.toFixed(2).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
    const cases = [0, 1, 2.5, 1.005, 1.015, 1.255, 0.285, 10.075, 999.995, 1e14, 1e15 + 0.5, 1e21, 123.456, 0.001, 0.004999, 0.005, -1.25, -0.001];
    for (let i = 0; i < 20000; i++) {
      const v = 10 ** (rand() * 16 - 3);
      cases.push(v, Math.round(v * 1000) / 1000, Number(v.toPrecision(3)), Math.round(v * 100) / 100 + 0.005);
    }
    for (const n of cases) expect(fixed2(n), String(n)).toBe(viaToFixed(n));
  });
});
