// The package as a user installs it: `npm pack` of this checkout (dist/ as built), installed
// into an empty project, then used from an ES module, from CommonJS `require()` and from
// TypeScript, and its command run through node_modules/.bin. Slow (an `npm install` from the
// registry), so it sits in the sites group.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = readFileSync(join(ROOT, 'fixtures', 'golden', '000-bulletin-long-flush', 'snapshot.json'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'liqnews-package-'));
const project = join(work, 'project');
let files: string[] = [];

const run = (cmd: string, args: string[], cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, LIQNEWS_HISTORY: 'off', npm_config_audit: 'false', npm_config_fund: 'false' } });

beforeAll(() => {
  // --ignore-scripts: dist/ is already built by CI's `npm run build`; `prepare` would build it again.
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT)) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  run('mkdir', ['-p', project], work);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  writeFileSync(join(project, 'snapshot.json'), FIXTURE);
  run('npm', ['install', '--no-audit', '--no-fund', join(work, packed[0]!.filename)], project);
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const USE = `.generate(snapshot, { now: new Date('2026-12-01T00:00:00Z') }).title`;

describe('the installed package', () => {
  it('ships the build, the licence and the changelog, and not the build cache', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/render/precompiled.cjs');
    expect(files).toContain('LICENSE');
    expect(files).toContain('CHANGELOG.md');
    expect(files.some((f) => f.endsWith('.tsbuildinfo'))).toBe(false);
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
  });

  it('works from an ES module', () => {
    const out = run('node', ['--input-type=module', '-e', `import * as l from 'liquidation-news'; import { readFileSync } from 'node:fs'; const snapshot = readFileSync('snapshot.json', 'utf8'); console.log(l${USE});`], project);
    expect(out).toMatch(/\$/);
  });

  it('works from CommonJS require()', () => {
    const out = run('node', ['-e', `const l = require('liquidation-news'); const snapshot = require('fs').readFileSync('snapshot.json', 'utf8'); console.log(l${USE});`], project);
    expect(out).toMatch(/\$/);
  });

  it('type-checks from TypeScript', () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] } }));
    writeFileSync(join(project, 'index.mts'), `import { generate, type Article } from 'liquidation-news';\nconst a: Article = generate('{}');\nconst t: string = a.title;\nexport { t };\n`);
    writeFileSync(join(project, 'bad.mts'), `import { generate } from 'liquidation-news';\nconst n: number = generate('{}').title;\nexport { n };\n`);
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    // The good file type-checks; the bad one is refused, so the types are real and not `any`.
    let report = '';
    try {
      run('node', [tsc, '-p', '.'], project);
    } catch (e) {
      report = String((e as { stdout?: string }).stdout);
    }
    expect(report).toMatch(/bad\.mts.*not assignable to type 'number'/s);
    expect(report).not.toMatch(/index\.mts/);
  });

  it('runs its command, and the runtime dependencies are only what the code loads', () => {
    const out = run(join(project, 'node_modules', '.bin', 'liqnews'), ['render', 'snapshot.json', '--stdout', '--format', 'md', '--now', '2026-12-01T00:00:00Z'], project);
    expect(out).toMatch(/^---\n/);
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules', 'liquidation-news', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('handlebars');
  });
});
