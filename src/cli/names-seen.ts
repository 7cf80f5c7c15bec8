/**
 * Which base names a batch has given so far, and from which input, in a
 * few bytes per article: a render of 200,000 snapshots must not hold 200,000
 * names and paths just to notice that two snapshots would write the same
 * files.
 *
 * Each name is kept as a 64-bit hash (two different 32-bit hashes) and the
 * input it came from as a 32-bit hash of its path, 12 bytes in an
 * open-addressing table of typed arrays (filled up to four fifths). Two different names share a
 * 64-bit hash with a probability of about n²/2⁶⁵ (one in a hundred million
 * for a batch of 200,000); the same input listed twice (a folder and a file
 * in it) is told from two inputs by the path's hash.
 */
export class NamesSeen {
  private capacity = 1 << 10;
  private hi = new Uint32Array(this.capacity);
  private lo = new Uint32Array(this.capacity);
  /** The source's hash, with the top bit set in a used slot (0: empty). */
  private source = new Uint32Array(this.capacity);
  private size = 0;

  /**
   * Records that the input at `sourcePath` gives `name`. Returns the source
   * hash (`sourceHash`) of an earlier, different input that gave the same
   * name, or null (a new name, or the same input again).
   */
  claim(name: string, sourcePath: string): number | null {
    const [h, l] = [fnv(name), mix(name)];
    const src = sourceHash(sourcePath);
    let slot = this.find(h, l);
    if (this.source[slot] !== 0) return this.source[slot] === src ? null : this.source[slot]!;
    if ((this.size + 1) * 5 > this.capacity * 4) {
      this.grow();
      slot = this.find(h, l);
    }
    this.hi[slot] = h;
    this.lo[slot] = l;
    this.source[slot] = src;
    this.size++;
    return null;
  }

  private find(h: number, l: number): number {
    const mask = this.capacity - 1;
    let slot = (l ^ Math.imul(h, 0x9e3779b1)) & mask;
    while (this.source[slot] !== 0 && (this.hi[slot] !== h || this.lo[slot] !== l)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const old = { hi: this.hi, lo: this.lo, source: this.source };
    this.capacity *= 2;
    this.hi = new Uint32Array(this.capacity);
    this.lo = new Uint32Array(this.capacity);
    this.source = new Uint32Array(this.capacity);
    for (let i = 0; i < old.source.length; i++) {
      if (old.source[i] === 0) continue;
      const slot = this.find(old.hi[i]!, old.lo[i]!);
      this.hi[slot] = old.hi[i]!;
      this.lo[slot] = old.lo[i]!;
      this.source[slot] = old.source[i]!;
    }
  }
}

/** The 31-bit hash of an input's path that `claim` keeps and returns (top bit set, so never 0). */
export const sourceHash = (path: string): number => (fnv(path) | 0x80000000) >>> 0;

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A second, unrelated 32-bit hash (murmur-style multiply and shift), so the pair acts as one of 64 bits. */
function mix(text: string): number {
  let h = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 16)) >>> 0;
}
