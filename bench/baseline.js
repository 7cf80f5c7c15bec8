// The "minimal hand-written script" the issue compares against: read JSON, one
// Handlebars template of similar length to ours, marked, write .md and .html.
import Handlebars from 'handlebars';
import { marked } from 'marked';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [inDir, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const tpl = Handlebars.compile(readFileSync(new URL('./baseline.hbs', import.meta.url), 'utf8'), { noEscape: true });
const fmt = (n) => `$${(n / 1e6).toFixed(1)} million`;
for (const f of readdirSync(inDir).sort()) {
  const s = JSON.parse(readFileSync(join(inDir, f), 'utf8'));
  const view = {
    ...s,
    total: fmt(s.totals.usd),
    long: fmt(s.totals.longUsd),
    short: fmt(s.totals.shortUsd),
    assets: s.assets.map((a) => ({ ...a, total: fmt(a.longUsd + a.shortUsd) })),
  };
  const md = tpl(view);
  const base = join(outDir, f.replace(/\.json$/, ''));
  writeFileSync(`${base}.md`, `---\ntitle: "Crypto liquidations ${view.total}"\n---\n${md}`);
  writeFileSync(`${base}.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Liquidations</title></head><body><article>${marked.parse(md)}</article></body></html>`);
}
