/**
 * Live updates: `node:fs.watch` on the snapshots and output folders. Its
 * recursive mode works on Linux, macOS and Windows from Node 20, which the
 * product already requires, so no watcher package (chokidar) is needed for
 * two folders; a burst of events (an editor saving, a render writing three
 * files) is folded into one notice after 100 ms, well within the second the
 * desk promises. A folder that does not exist yet (the output folder before
 * the first write) is looked for twice a second until it does.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';

export function watchFolders(dirs: readonly string[], onChange: () => void): { close(): void } {
  const watchers: FSWatcher[] = [];
  const timers: NodeJS.Timeout[] = [];
  let pending: NodeJS.Timeout | null = null;
  let closed = false;
  const changed = (): void => {
    if (closed || pending) return;
    pending = setTimeout(() => {
      pending = null;
      if (!closed) onChange();
    }, 100);
  };
  const start = (dir: string): void => {
    if (closed) return;
    if (!existsSync(dir)) {
      const t = setTimeout(() => start(dir), 500);
      t.unref();
      timers.push(t);
      return;
    }
    try {
      const w = watch(dir, { recursive: true }, changed);
      // A folder removed under the watch: look for it again.
      w.on('error', () => {
        w.close();
        start(dir);
      });
      watchers.push(w);
      changed();
    } catch {
      const t = setTimeout(() => start(dir), 500);
      t.unref();
      timers.push(t);
    }
  };
  for (const d of [...new Set(dirs)]) start(d);
  return {
    close() {
      closed = true;
      if (pending) clearTimeout(pending);
      for (const t of timers) clearTimeout(t);
      for (const w of watchers) w.close();
    },
  };
}
