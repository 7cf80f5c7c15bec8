// Part of `npm run build`: bundles the command (dist/cli/main.js) and its
// render worker into dist/bin/, with their dependencies inlined.
//
// Why: Node spends most of a cold start resolving, reading and compiling
// modules one by one (zod alone is some ninety files). One bundle per entry
// starts in about two thirds of the time, for every `liqnews` run and for
// every worker thread of a large batch. The library entry (dist/index.js)
// stays unbundled, for importers that bring their own bundler.
//
// The bundle keeps the layout the code relies on: dist/bin/ is as deep as
// dist/render/ and dist/cli/, so `../../templates/` and `../../package.json`
// still resolve, and the precompiled templates and the worker sit beside it.
import { build, transform } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const out = new URL('bin/', dist);
rmSync(out, { recursive: true, force: true });

await build({
  entryPoints: [new URL('cli/main.js', dist).pathname, new URL('cli/render-worker.js', dist).pathname],
  outdir: out.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Handlebars' runtime and juice are CommonJS: give the ES module a `require` of its own.
  banner: { js: "import { createRequire as __liqnewsRequire } from 'node:module'; const require = __liqnewsRequire(import.meta.url);" },
  // vega and vega-lite (the charts) are imported on a run that draws one (src/chart/engine.ts).
  // juice is loaded on the first e-mail (see inline-css.ts) and stays a package, as do resvg (a native
  // addon) and opentype.js, loaded on the first social card (src/card/). better-sqlite3 is a
  // native addon (the history store): it cannot be inlined, and it loads only when a store is opened.
  external: ['juice', 'better-sqlite3', '@resvg/resvg-js', 'opentype.js', 'vega', 'vega-lite'],
  logLevel: 'warning',
  legalComments: 'none',
});
// Loaded by require at run time (templates.ts), so the bundler cannot follow it: it sits beside the bundle,
// minified. Handlebars repeats a preamble in every one of its thousands of functions: minified, the
// file is half the size, and a cold start spends that much less time compiling it.
const precompiled = readFileSync(new URL('render/precompiled.cjs', dist), 'utf8');
writeFileSync(new URL('precompiled.cjs', out), (await transform(precompiled, { minify: true, format: 'cjs', target: 'node20', legalComments: 'none' })).code);
console.log('bundled the command into dist/bin/');
