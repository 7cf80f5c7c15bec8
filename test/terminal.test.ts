import { describe, expect, it } from 'vitest';
import { forTerminal } from '../src/util/terminal.js';

describe('forTerminal', () => {
  it('shows control, direction and invisible characters as escapes a reader can see', () => {
    expect(forTerminal('BTC\u001b[2J\nUSDT')).toBe('BTC\\u001B[2J\\nUSDT');
    expect(forTerminal('a\u202Eb\u200Bc')).toBe('a\\u202Eb\\u200Bc');
    expect(forTerminal('Bitcoin')).toBe('Bitcoin');
  });
  it('cuts a value too long for one line and says how much is left out', () => {
    const s = forTerminal('x'.repeat(10_000_000));
    expect(s.length).toBeLessThan(260);
    expect(s).toMatch(/… \(9999800 more characters\)$/);
  });
});
