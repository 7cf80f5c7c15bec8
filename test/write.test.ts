import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate, type Article } from '../src/generate.js';
import { writeArticle } from '../src/output/write.js';
import { LiqnewsError } from '../src/errors.js';

const NOW = new Date('2026-11-21T00:00:00Z');
const snapshot = readFileSync(new URL('../fixtures/golden/000-bulletin-long-flush/snapshot.json', import.meta.url), 'utf8');
const article: Article = generate(snapshot, { style: 'bulletin', now: NOW });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liqnews-write-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writeArticle', () => {
  it('writes one file per format, named <basename>.<ext>, creating the directory', () => {
    const out = join(dir, 'nested', 'out');
    const results = writeArticle(article, { outDir: out, formats: ['md', 'html', 'json'] });
    expect(results.map((r) => [r.path, r.format, r.status])).toEqual([
      [join(out, `${article.basename}.md`), 'md', 'written'],
      [join(out, `${article.basename}.html`), 'html', 'written'],
      [join(out, `${article.basename}.json`), 'json', 'written'],
    ]);
    for (const r of results) expect(readFileSync(r.path, 'utf8')).toBe(article.files[r.format]);
    expect(readdirSync(out).sort()).toEqual([`${article.basename}.html`, `${article.basename}.json`, `${article.basename}.md`]);
  });

  it('reports each path as path.join gives it, however the directory is spelt', () => {
    mkdirSync(join(dir, 'a'));
    for (const outDir of [join(dir, 'out'), `${dir}/out/`, `${dir}/./a/../out//`, `${dir}/out`]) {
      const [r] = writeArticle(article, { outDir, formats: ['md'], force: true });
      expect(r!.path).toBe(join(outDir, `${article.basename}.md`));
      expect(r!.path).toBe(join(dir, 'out', `${article.basename}.md`));
    }
  });

  it('writes every format when none are named', () => {
    expect(writeArticle(article, { outDir: dir }).map((r) => r.format)).toEqual(['md', 'html', 'json']);
  });

  it('leaves an identical file alone and says "unchanged"', () => {
    writeArticle(article, { outDir: dir, formats: ['md'] });
    const path = join(dir, `${article.basename}.md`);
    // A rewrite goes through a rename, which gives the file a new inode; an untouched file keeps its own.
    const before = statSync(path).ino;
    expect(writeArticle(article, { outDir: dir, formats: ['md'] })).toEqual([{ path, format: 'md', status: 'unchanged' }]);
    expect(statSync(path).ino).toBe(before);
  });

  it('replaces an untouched earlier generation', () => {
    const other = generate(snapshot, { style: 'bulletin', now: NOW, draft: false });
    writeArticle(other, { outDir: dir, formats: ['md'] });
    const [r] = writeArticle(article, { outDir: dir, formats: ['md'] });
    expect(r?.status).toBe('written');
    expect(readFileSync(join(dir, `${article.basename}.md`), 'utf8')).toBe(article.files.md);
  });

  it('keeps a file an editor changed, unless forced', () => {
    writeArticle(article, { outDir: dir, formats: ['md'] });
    const path = join(dir, `${article.basename}.md`);
    const edited = article.files.md.replace('draft: true', 'draft: false') + '\nAn editor added this paragraph.\n';
    writeFileSync(path, edited);

    expect(writeArticle(article, { outDir: dir, formats: ['md'] })).toEqual([{ path, format: 'md', status: 'kept-edited', found: 'edited' }]);
    expect(readFileSync(path, 'utf8')).toBe(edited);

    expect(writeArticle(article, { outDir: dir, formats: ['md'], force: true })[0]?.status).toBe('written');
    expect(readFileSync(path, 'utf8')).toBe(article.files.md);
  });

  it("keeps someone else's file (no stamp), unless forced", () => {
    const path = join(dir, `${article.basename}.html`);
    writeFileSync(path, '<p>hand-written</p>\n');
    expect(writeArticle(article, { outDir: dir, formats: ['html'] })[0]).toMatchObject({ status: 'kept-edited', found: 'unstamped' });
    expect(readFileSync(path, 'utf8')).toBe('<p>hand-written</p>\n');
    expect(writeArticle(article, { outDir: dir, formats: ['html'], force: true })[0]?.status).toBe('written');
  });

  it('leaves no temporary file behind, after success or failure', () => {
    writeArticle(article, { outDir: dir });
    writeArticle(article, { outDir: dir, force: true });
    // A directory where the .md should go makes the rename fail.
    mkdirSync(join(dir, 'blocked'));
    mkdirSync(join(dir, 'blocked', `${article.basename}.md`));
    expect(() => writeArticle(article, { outDir: join(dir, 'blocked'), formats: ['md'] })).toThrow(LiqnewsError);
    const names = [...readdirSync(dir), ...readdirSync(join(dir, 'blocked'))];
    expect(names.filter((n) => n.endsWith('.tmp') || n.startsWith('.'))).toEqual([]);
  });

  it('reports a failed write as WRITE_FAILED naming the file', () => {
    const notADir = join(dir, 'file');
    writeFileSync(notADir, 'x');
    try {
      writeArticle(article, { outDir: notADir, formats: ['md'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LiqnewsError);
      expect((e as LiqnewsError).code).toBe('WRITE_FAILED');
      expect((e as LiqnewsError).message).toContain(`${article.basename}.md`);
    }
  });

  it('refuses an unknown format and a base name with a path in it', () => {
    expect(() => writeArticle(article, { outDir: dir, formats: ['pdf' as never] })).toThrow(/unknown format/);
    expect(() => writeArticle({ ...article, basename: '../escape' }, { outDir: dir })).toThrow(/refusing/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('files that cannot carry a stamp (sent out verbatim)', () => {
  // A plain-text file: no inline stamp, so its hash is kept beside it in `.<file>.sha256`.
  const plain = { basename: article.basename, files: { ...article.files, md: 'Plain text, no stamp.\n' } };
  const path = () => join(dir, `${article.basename}.md`);

  it('records a hidden hash beside the file and re-renders over an untouched file', () => {
    expect(writeArticle(plain, { outDir: dir, formats: ['md'] })[0]?.status).toBe('written');
    expect(readdirSync(dir).sort()).toEqual([`.${article.basename}.md.sha256`, `${article.basename}.md`]);
    expect(writeArticle(plain, { outDir: dir, formats: ['md'] })[0]?.status).toBe('unchanged');
    const next = { ...plain, files: { ...plain.files, md: 'Plain text, regenerated.\n' } };
    expect(writeArticle(next, { outDir: dir, formats: ['md'] })[0]?.status).toBe('written');
    expect(readFileSync(path(), 'utf8')).toBe('Plain text, regenerated.\n');
  });

  it('keeps an edited file unless forced', () => {
    writeArticle(plain, { outDir: dir, formats: ['md'] });
    writeFileSync(path(), 'Plain text, edited by a person.\n');
    const next = { ...plain, files: { ...plain.files, md: 'Plain text, regenerated.\n' } };
    expect(writeArticle(next, { outDir: dir, formats: ['md'] })[0]).toMatchObject({ status: 'kept-edited', found: 'edited' });
    expect(readFileSync(path(), 'utf8')).toBe('Plain text, edited by a person.\n');
    expect(writeArticle(next, { outDir: dir, formats: ['md'], force: true })[0]?.status).toBe('written');
    expect(readFileSync(path(), 'utf8')).toBe('Plain text, regenerated.\n');
  });

  it('never replaces a file it has no record of', () => {
    writeFileSync(path(), 'Someone else wrote this.\n');
    expect(writeArticle(plain, { outDir: dir, formats: ['md'] })[0]).toMatchObject({ status: 'kept-edited', found: 'unstamped' });
  });
});
