/** A snapshot file's text, read under the size cap (see bytes.ts): kept apart so that the library's parser needs no file system. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_SNAPSHOT_BYTES, decodeSnapshotBytes, tooLarge } from './bytes.js';

/**
 * A file's text, its size checked with `fstat` on the open file before one
 * byte is read. Throws `LiqnewsError` for a file too large or not UTF-8, and
 * the file system's own error when it cannot be opened or read.
 */
export function readSnapshotFile(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_SNAPSHOT_BYTES) throw tooLarge(size);
    // One byte more than fstat said, so that a file still growing (or a device that reports 0) is noticed.
    const chunks: Buffer[] = [];
    let total = 0;
    let buf = Buffer.allocUnsafe(size + 1);
    let len = 0;
    for (;;) {
      const got = readSync(fd, buf, len, buf.length - len, null);
      len += got;
      if (got > 0 && len < buf.length) continue;
      chunks.push(buf.subarray(0, len));
      total += len;
      if (total > MAX_SNAPSHOT_BYTES) throw tooLarge(MAX_SNAPSHOT_BYTES, true);
      if (got === 0) break;
      buf = Buffer.allocUnsafe(64 * 1024);
      len = 0;
    }
    return decodeSnapshotBytes(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  } finally {
    closeSync(fd);
  }
}

