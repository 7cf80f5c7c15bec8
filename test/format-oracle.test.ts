/**
 * The figure formatting (src/facts/format.ts) against its plain reference
 * (test/oracle/format.ts: the same rules written with regular expressions and
 * toFixed): the same texts and the same claims, to the byte, on values of
 * every scale, the awkward ones next to a rounding step and ties included.
 */
import { describe, expect, it } from 'vitest';
import { Ledger } from '../src/facts/ledger.js';
import * as fast from '../src/facts/format.js';
import * as plain from './oracle/format.js';
import { prng } from './prng.js';
import { displayValue } from '../src/check/figures.js';
import { amountsAddUp, sidesAddUp } from '../src/facts/derive.js';

function values(): number[] {
  const r = prng(90210);
  const out: number[] = [0, -0, 1, 99.995, 99.994999, 100, 0.005, 0.015, 1.005, 2.675, 1.115, 19.6, 0.37, 999.5, 1e6 - 0.5, 2 ** 53, 2 ** 53 + 2, 1e15, 1e21, 1.2345e21, 1e22, 5e-7, 1e-12];
  for (let e = -9; e <= 14; e++) {
    for (const lead of [1, 1.049, 1.05, 1.0834, 1.5, 1.96, 2.5, 2.563, 4.27, 7.503, 9.49, 9.5, 9.949, 9.95, 9.995, 9.999]) out.push(lead * 10 ** e, Math.round(lead * 10 ** e));
  }
  for (let i = 0; i < 20000; i++) {
    const v = 10 ** (r() * 24 - 10);
    out.push(v, Math.round(v), Math.round(v * 100) / 100, Math.round(v * 100) / 100 + 0.005, Math.round(v * 1000) / 1000);
  }
  return out;
}

const run = <T>(fn: (l: Ledger) => T): { out: T; claims: unknown } => {
  const l = new Ledger();
  const out = fn(l);
  return { out, claims: l.list() };
};

describe('figure formatting against its plain reference', () => {
  const vs = values();

  it('groups, rounds and formats the same', () => {
    const diffs: string[] = [];
    for (const v of vs) {
      for (const n of [v, -v, Math.round(v)]) if (fast.grouped(n) !== plain.grouped(n)) diffs.push(`grouped(${n})`);
      if (fast.fixed2(v) !== plain.fixed2(v)) diffs.push(`fixed2(${v})`);
      for (const sf of [2, 3]) for (const mode of ['nearest', 'floor'] as const) if (fast.roundSig(v, sf, mode) !== plain.roundSig(v, sf, mode)) diffs.push(`roundSig(${v})`);
    }
    expect(diffs.slice(0, 10)).toEqual([]);
  });

  it('gives the same money, prices, percentages and counts, with the same claims', () => {
    const diffs: string[] = [];
    const same = (what: string, a: unknown, b: unknown): void => {
      if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${what}: ${JSON.stringify(a)} against ${JSON.stringify(b)}`);
    };
    for (const v of vs) {
      if (v <= 1e13) {
        for (const lowerBound of [false, true]) {
          same(`money(${v}, ${lowerBound})`, run((l) => fast.money(l, v, { source: 's', lowerBound })), run((l) => plain.money(l, v, { source: 's', lowerBound })));
        }
      }
      if (v > 0) same(`price(${v})`, run((l) => fast.price(l, v, 's')), run((l) => plain.price(l, v, 's')));
      for (const x of [v, -v]) {
        for (const [d, kind] of [[0, 'share'], [1, 'change'], [3, 'change'], [1, 'share'], [2, 'share']] as const) {
          same(`percent(${x}, ${d}, ${kind})`, run((l) => fast.percent(l, x, 's', d, kind)), run((l) => plain.percent(l, x, 's', d, kind)));
        }
      }
      if (Number.isInteger(v) && v <= 1e10) for (const lb of [false, true]) same(`count(${v})`, run((l) => fast.count(l, v, 's', lb)), run((l) => plain.count(l, v, 's', lb)));
    }
    expect(diffs.slice(0, 10)).toEqual([]);
  });
});

describe('whether a coin’s sides add up, told without formatting its figures', () => {
  it('bodyValue is the amount the body text of money() displays, and amountsAddUp answers as sidesAddUp over those texts', () => {
    const vs = values().filter((v) => v > 0 && v <= 1e13);
    const r = prng(4242);
    const diffs: string[] = [];
    for (const v of vs) {
      for (const lowerBound of [false, true]) {
        const shown = displayValue(fast.money(new Ledger(), v, { source: 's', lowerBound }).text);
        if (Math.abs(shown - fast.bodyValue(v, lowerBound)) > v * 1e-12) diffs.push(`bodyValue(${v}, ${lowerBound}): ${fast.bodyValue(v, lowerBound)}, text shows ${shown}`);
      }
    }
    // Pairs of sides, from the same values (cents included) and from near-ties, where rounding decides.
    let disagreeing = 0;
    let notAddingUp = 0;
    for (let i = 0; i < 40000; i++) {
      const long = i % 3 === 0 ? Math.round(vs[i % vs.length]! * 100) / 100 : vs[Math.floor(r() * vs.length)]!;
      const short = i % 5 === 0 ? long * (1 + (r() - 0.5) * 1e-3) : vs[Math.floor(r() * vs.length)]!;
      const total = Math.round((long + short) * 100) / 100;
      for (const lowerBound of [false, true]) {
        const l = new Ledger();
        const text = sidesAddUp(fast.money(l, total, { source: 't', lowerBound }).text, fast.money(l, long, { source: 'l', lowerBound }).text, fast.money(l, short, { source: 's', lowerBound }).text);
        const amounts = amountsAddUp(fast.bodyValue(total, lowerBound), fast.bodyValue(long, lowerBound), fast.bodyValue(short, lowerBound));
        if (text !== amounts) disagreeing++;
        if (!text) notAddingUp++;
      }
    }
    expect(diffs.slice(0, 10)).toEqual([]);
    expect(disagreeing).toBe(0);
    // The pairs do reach the case that matters: sides whose rounded figures miss the rounded total.
    expect(notAddingUp).toBeGreaterThan(1000);
  });
});
