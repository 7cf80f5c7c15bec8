import { describe, expect, it } from 'vitest';
import { headingId } from '../src/render/html.js';

// Heading anchors as GitHub makes them, so a table of contents can link to a section.
describe('headingId', () => {
  it('lowercases, drops punctuation and tags, and joins words with hyphens', () => {
    expect(headingId('What Happened?')).toBe('what-happened');
    expect(headingId('Key <em>Takeaways</em>: BTC &amp; ETH')).toBe('key-takeaways-btc--eth');
    expect(headingId('FAQ — 2026')).toBe('faq--2026');
  });
  it('keeps letters and digits of any script', () => {
    expect(headingId('Résumé du marché')).toBe('résumé-du-marché');
    expect(headingId('Ethereum (ETH) 📉 Fell')).toBe('ethereum-eth--fell');
  });
});
