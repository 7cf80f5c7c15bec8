/**
 * A snapshot's bytes to its text, refused rather than guessed: JSON text is
 * UTF-8 (RFC 8259 §8.1), so a byte sequence that is not UTF-8 is an error
 * naming where it is, never a run of U+FFFD in an article; and a snapshot is
 * at most `MAX_SNAPSHOT_BYTES`, checked before a file is read, so a huge or
 * endless input costs no memory.
 */
import { LiqnewsError } from '../errors.js';

/** 16 MiB: a thousand times the largest real snapshot (500 assets, 200 exchanges), far below what a run can hold. */
export const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024;

export const SIZE_RULE = `a snapshot may be at most ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MB (${MAX_SNAPSHOT_BYTES.toLocaleString('en-US')} bytes)`;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The error for an input of `size` bytes (or more, when `atLeast`). */
export function tooLarge(size: number, atLeast = false): LiqnewsError {
  return new LiqnewsError('READ_FAILED', `${atLeast ? 'more than' : 'is'} ${size.toLocaleString('en-US')} bytes; ${SIZE_RULE}, so it was not read`);
}

/** Bytes to text. Throws `LiqnewsError` (`INVALID_JSON`) naming the first byte that is not UTF-8. */
export function decodeSnapshotBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_SNAPSHOT_BYTES) throw tooLarge(bytes.length);
  try {
    return utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const hex = [...bytes.subarray(at, at + 4)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    const message = `not valid UTF-8 at byte ${at.toLocaleString('en-US')} (bytes ${hex}); a snapshot is JSON text, which is UTF-8: save the file as UTF-8`;
    throw new LiqnewsError('INVALID_JSON', message, { issues: [{ path: '', message }] });
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (the error path only). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}
