// Library options a caller gets wrong: a LiqnewsError with its own code and a hint, never a crash deep in a stage.
import { describe, expect, it } from 'vitest';
import { generate, LiqnewsError, type GenerateOptions } from '../src/index.js';
import { allCases } from './helpers.js';

const snapshot = allCases()[0]!.snapshotText;
const NOW = new Date('2026-12-01T00:00:00Z');

function failure(options: GenerateOptions): LiqnewsError {
  try {
    generate(snapshot, { now: NOW, ...options });
  } catch (e) {
    if (e instanceof LiqnewsError) return e;
    throw e;
  }
  throw new Error('expected the options to be refused');
}

describe('bad library options', () => {
  it.each<[string, GenerateOptions, RegExp]>([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, /unknown time zone "Mars\/Olympus"/],
    ['an unknown site profile', { site: 'wordpress' as never }, /unknown site profile "wordpress"/],
    ['expiryDays without Hugo', { expiryDays: 7 }, /expiryDays sets Hugo's expiryDate/],
  ])('%s is INVALID_OPTION, said in words', (_what, options, message) => {
    const e = failure(options);
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toMatch(message);
  });

  it('an unknown style is UNKNOWN_STYLE and points at `liqnews styles`', () => {
    const e = failure({ style: 'sonnet' as never });
    expect(e.code).toBe('UNKNOWN_STYLE');
    expect(e.hint).toMatch(/liqnews styles/);
  });

  it('a valid zone other than UTC is accepted and changes only the dates in the text', () => {
    const utc = generate(snapshot, { now: NOW });
    const tokyo = generate(snapshot, { now: NOW, timeZone: 'Asia/Tokyo' });
    expect(tokyo.basename).toBe(utc.basename);
    expect(tokyo.title).toBe(utc.title);
  });
});
