/**
 * A set of (event time, 53-bit key) pairs for one minute of event time, in
 * two typed arrays with open addressing: no object per entry, so the keys a
 * stream must remember never reach the garbage collector.
 */
export class KeySet {
  private times: Float64Array;
  private keys: Float64Array;
  private mask: number;
  size = 0;

  constructor(capacity = 64) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.times = new Float64Array(n);
    this.keys = new Float64Array(n);
    this.mask = n - 1;
  }

  /** Adds the pair; false when it was already there. Times are >= 1e12, so 0 marks an empty slot. */
  add(time: number, key: number): boolean {
    let i = (key ^ time) & this.mask;
    for (;;) {
      const t = this.times[i] as number;
      if (t === 0) break;
      if (t === time && this.keys[i] === key) return false;
      i = (i + 1) & this.mask;
    }
    this.times[i] = time;
    this.keys[i] = key;
    if (++this.size * 2 > this.mask) this.grow();
    return true;
  }

  has(time: number, key: number): boolean {
    let i = (key ^ time) & this.mask;
    for (;;) {
      const t = this.times[i] as number;
      if (t === 0) return false;
      if (t === time && this.keys[i] === key) return true;
      i = (i + 1) & this.mask;
    }
  }

  /** Every pair, for a merge. */
  forEach(fn: (time: number, key: number) => void): void {
    for (let i = 0; i <= this.mask; i++) {
      const t = this.times[i] as number;
      if (t !== 0) fn(t, this.keys[i] as number);
    }
  }

  private grow(): void {
    const { times, keys } = this;
    this.times = new Float64Array(times.length * 2);
    this.keys = new Float64Array(keys.length * 2);
    this.mask = this.times.length - 1;
    this.size = 0;
    for (let i = 0; i < times.length; i++) if (times[i] !== 0) this.add(times[i] as number, keys[i] as number);
  }
}
