/**
 * One folder's entry names, sorted, outside the JavaScript heap. A folder of
 * 200,000 snapshots listed as 200,000 strings keeps that many objects alive
 * for the whole batch, and V8 sizes its heap to a multiple of what is alive:
 * kept as code units in one typed array instead, the list costs a byte or
 * two a character and nothing the collector has to trace.
 */
import { opendirSync } from 'node:fs';

export class FolderNames {
  /** Code units, one byte each while every name is Latin-1 (the usual case), two once one is not. */
  private units: Uint8Array | Uint16Array = new Uint8Array(4096);
  private used = 0;
  /** Where each name starts; the next one's start (or `used`) is where it ends. */
  private starts = new Uint32Array(256);
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
    return String.fromCharCode(...this.units.subarray(this.starts[k]!, this.end(k)));
  }

  private end(k: number): number {
    return k + 1 < this.count ? this.starts[k + 1]! : this.used;
  }

  private add(name: string): void {
    while (this.used + name.length > this.units.length) this.units = grown(this.units, this.units.length * 2);
    if (this.count === this.starts.length) this.starts = grown(this.starts, this.starts.length * 2);
    for (let i = 0; i < name.length; i++) {
      const unit = name.charCodeAt(i);
      if (unit > 0xff && this.units instanceof Uint8Array) this.units = Uint16Array.from(this.units);
      this.units[this.used + i] = unit;
    }
    this.starts[this.count++] = this.used;
    this.used += name.length;
  }

  private sort(): void {
    const { units, starts } = this;
    const order = new Uint32Array(this.count);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => {
      let p = starts[a]!;
      let q = starts[b]!;
      const pEnd = this.end(a);
      const qEnd = this.end(b);
      for (; p < pEnd && q < qEnd; p++, q++) {
        const d = units[p]! - units[q]!;
        if (d !== 0) return d;
      }
      return pEnd - p - (qEnd - q);
    });
    this.order = order;
  }
}

function grown<T extends Uint8Array | Uint16Array | Uint32Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
