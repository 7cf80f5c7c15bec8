/**
 * One folder's entry names, sorted, outside the JavaScript heap. A folder of
 * 200,000 snapshots listed as 200,000 strings keeps that many objects alive
 * for the whole batch, and V8 sizes its heap to a multiple of what is alive:
 * kept as UTF-16 code units in one typed array instead, the list costs about
 * 2 bytes a character and nothing the collector has to trace.
 */
import { opendirSync } from 'node:fs';

export class FolderNames {
  private units = new Uint16Array(4096);
  private used = 0;
  /** Start and length (in code units) of each name. */
  private spans = new Uint32Array(256);
  private count = 0;
  private order: Uint32Array | null = null;

  /** The folder's names, read entry by entry (no list of entries is ever built). Throws the file system's error. */
  static read(dir: string): FolderNames {
    const names = new FolderNames();
    const handle = opendirSync(dir, { bufferSize: 256 });
    try {
      for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) names.add(entry.name);
    } finally {
      handle.closeSync();
    }
    names.sort();
    return names;
  }

  get length(): number {
    return this.count;
  }

  /** The `i`-th name in code-unit order (the order of JavaScript's default sort, the same on every machine). */
  at(i: number): string {
    const k = this.order![i]!;
    const start = this.spans[2 * k]!;
    return String.fromCharCode(...this.units.subarray(start, start + this.spans[2 * k + 1]!));
  }

  private add(name: string): void {
    while (this.used + name.length > this.units.length) this.units = grown(this.units);
    if (2 * this.count + 2 > this.spans.length) this.spans = grown(this.spans);
    for (let i = 0; i < name.length; i++) this.units[this.used + i] = name.charCodeAt(i);
    this.spans[2 * this.count] = this.used;
    this.spans[2 * this.count + 1] = name.length;
    this.used += name.length;
    this.count++;
  }

  private sort(): void {
    const { units, spans } = this;
    const order = new Uint32Array(this.count);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => {
      let p = spans[2 * a]!;
      let q = spans[2 * b]!;
      const pEnd = p + spans[2 * a + 1]!;
      const qEnd = q + spans[2 * b + 1]!;
      for (; p < pEnd && q < qEnd; p++, q++) {
        const d = units[p]! - units[q]!;
        if (d !== 0) return d;
      }
      return pEnd - p - (qEnd - q);
    });
    this.order = order;
  }
}

function grown<T extends Uint16Array | Uint32Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
