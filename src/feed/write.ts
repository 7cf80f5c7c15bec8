/**
 * Writes a feed file whole or not at all (a temporary file beside it, then a
 * rename), so a web server never serves half a feed. A feed is rebuilt from
 * the articles every time, so there is no edit stamp to respect: an
 * unchanged file is left untouched (its modification time too).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LiqnewsError } from '../errors.js';
import { describeFsError, errnoOf } from '../output/write.js';

export function writeFeedFile(dir: string, name: string, content: string): 'written' | 'unchanged' {
  const path = join(dir, name);
  try {
    if (readFileSync(path, 'utf8') === content) return 'unchanged';
  } catch (e) {
    if (errnoOf(e) !== 'ENOENT') throw failed(path, e);
  }
  const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw failed(path, e);
  }
  return 'written';
}

const failed = (path: string, cause: unknown): LiqnewsError =>
  new LiqnewsError('WRITE_FAILED', `cannot write ${path}: ${describeFsError(cause)}`, { cause });
