/** Where the store lives by default. Kept apart from open.ts so the CLI's argument parsing can name it without loading the store. */
import { dirname, join, resolve } from 'node:path';

/** `.liqnews/history.sqlite` beside the output folder: in the output folder's parent (`output` ⇒ `./.liqnews/history.sqlite`). */
export function defaultHistoryPath(outDir: string): string {
  return join(dirname(resolve(outDir)), '.liqnews', 'history.sqlite');
}
