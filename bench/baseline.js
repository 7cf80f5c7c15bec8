// The "minimal hand-written script" the README compares against: read the JSON, fill one Handlebars
// template whose output is about as long as our article, run marked, write .md and .html. It takes
// any valid snapshot (every optional block may be missing) and does no more than that.
import Handlebars from 'handlebars';
import { marked } from 'marked';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [inDir, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const tpl = Handlebars.compile(readFileSync(new URL('./baseline.hbs', import.meta.url), 'utf8'), { noEscape: true });
const fmt = (n) => (n >= 1e6 ? `$${(n / 1e6).toFixed(1)} million` : `$${Math.round(n).toLocaleString('en-US')}`);
const byTotal = (a, b) => b.longUsd + b.shortUsd - (a.longUsd + a.shortUsd);
for (const f of readdirSync(inDir).sort()) {
  const s = JSON.parse(readFileSync(join(inDir, f), 'utf8'));
  const view = {
    ...s,
    total: fmt(s.totals.usd),
    long: fmt(s.totals.longUsd),
    short: fmt(s.totals.shortUsd),
    // The leaders only, as an article would: a snapshot may list hundreds.
    assets: [...(s.assets ?? [])].sort(byTotal).slice(0, 5).map((a) => ({ ...a, total: fmt(a.longUsd + a.shortUsd), long: fmt(a.longUsd), short: fmt(a.shortUsd) })),
    exchanges: [...(s.exchanges ?? [])].sort(byTotal).slice(0, 3).map((e) => ({ ...e, total: fmt(e.longUsd + e.shortUsd) })),
    order: s.largestOrder && { ...s.largestOrder, amount: fmt(s.largestOrder.usd) },
    record: s.context?.record && { ...s.context.record, amount: fmt(s.context.record.usd) },
  };
  const md = tpl(view);
  const base = join(outDir, f.replace(/\.json$/, ''));
  writeFileSync(`${base}.md`, `---\ntitle: "Crypto liquidations ${view.total}"\ndate: ${s.window.end}\n---\n${md}`);
  writeFileSync(`${base}.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Liquidations</title></head><body><article>${marked.parse(md)}</article></body></html>`);
}
