/**
 * Variation that remembers: with a memory of earlier articles, each slot
 * takes its least recently used alternative (the seed breaks ties), so a
 * daily series does not repeat the previous day's sentences; the same input
 * with the same memory still gives the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { leastRecent, memoryVariation } from '../src/render/variation.js';
import { NOW } from './helpers.js';
import { dailyFeed } from '../bench/daily-feed.js';

describe('least recently used alternatives', () => {
  it('takes an alternative the window has not used, else the one unused for longest', () => {
    expect(leastRecent([0, 1], 3, 7)).toBe(2);
    expect(leastRecent([2, 0, 1], 3, 7)).toBe(1);
    // Two never used: the seed's hash picks between them, the same way each time.
    expect([1, 3]).toContain(leastRecent([0, 2], 4, 12345));
    expect(leastRecent([0, 2], 4, 12345)).toBe(leastRecent([0, 2], 4, 12345));
    // An index a template no longer has is ignored.
    expect(leastRecent([5], 2, 0)).toBe(0);
  });
});

describe('a series rendered with a variation memory', () => {
  const feed = dailyFeed(10) as unknown[];

  it('never repeats the previous article\'s choice in a slot with another alternative left', () => {
    const memory = memoryVariation();
    let previous: Record<string, number> | null = null;
    let compared = 0;
    for (const snap of feed) {
      const a = generate(snap, { style: 'bulletin', now: NOW, variation: memory });
      expect(Object.keys(a.choices).length).toBeGreaterThan(3);
      if (previous) {
        for (const [slot, k] of Object.entries(a.choices)) {
          if (slot in previous) {
            compared++;
            expect(k, slot).not.toBe(previous[slot]);
          }
        }
      }
      previous = a.choices;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('gives the same bytes for the same snapshot and the same memory', () => {
    const build = (): string[] => {
      const memory = memoryVariation();
      return feed.map((s) => generate(s, { style: 'recap', now: NOW, variation: memory }).files.md);
    };
    expect(build()).toEqual(build());
  });

  it('looks only at earlier windows: a later story in the memory does not change an earlier one', () => {
    const memory = memoryVariation();
    const first = generate(feed[0], { style: 'tldr', now: NOW, variation: memory }).files.md;
    for (const s of feed.slice(1)) generate(s, { style: 'tldr', now: NOW, variation: memory });
    expect(generate(feed[0], { style: 'tldr', now: NOW, variation: memory }).files.md).toBe(first);
  });

  it('records the choices in the sidecar, and without a memory chooses as before', () => {
    const plain = generate(feed[0], { style: 'bulletin', now: NOW });
    const sidecar = JSON.parse(plain.files.json) as { choices: Record<string, number> };
    expect(sidecar.choices).toEqual(Object.fromEntries(Object.entries(plain.choices).sort(([a], [b]) => (a < b ? -1 : 1))));
    const emptyMemory = generate(feed[0], { style: 'bulletin', now: NOW, variation: memoryVariation() });
    expect(emptyMemory.files.md).toBe(plain.files.md);
  });
});
