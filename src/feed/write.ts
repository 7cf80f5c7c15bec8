/**
 * Writes a feed file whole or not at all (atomic.ts: a temporary file of our
 * own beside it, flushed, then a rename), so a web server never serves half a
 * feed. A feed is rebuilt from
 * the articles every time, so there is no edit stamp to respect: an
 * unchanged file is left untouched (its modification time too).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LiqnewsError } from '../errors.js';
import { describeFsError, errnoOf } from '../output/write.js';
import { writeAtomic } from '../output/atomic.js';

export function writeFeedFile(dir: string, name: string, content: string): 'written' | 'unchanged' {
  const path = join(dir, name);
  try {
    if (readFileSync(path, 'utf8') === content) return 'unchanged';
  } catch (e) {
    if (errnoOf(e) !== 'ENOENT') throw failed(path, e);
  }
  try {
    writeAtomic(path, content, { fsync: true });
  } catch (e) {
    throw failed(path, e);
  }
  return 'written';
}

const failed = (path: string, cause: unknown): LiqnewsError =>
  new LiqnewsError('WRITE_FAILED', `cannot write ${path}: ${describeFsError(cause)}`, { cause });
