/**
 * The desk: one HTML page with its style and script inline (no build step,
 * no request anywhere but this server). The script is small vanilla JS: the
 * list, one story (with a second style beside it on request), the section
 * checkboxes, the figure provenance per column, the buttons and the live
 * stream.
 * Everything from a snapshot reaches the page either inside the article HTML
 * the product escaped, or through `textContent`.
 */
import { PAGE_STYLE } from '../render/html.js';
import { escapeHtml } from '../render/escape.js';
import { STYLE_NAMES } from '../plan/styles.js';

/** The article page's own CSS, with each rule scoped to `.page` (its `body` rule becomes `.page`). */
export function scopedPageStyle(css: string): string {
  return css
    .split('}')
    .filter((r) => r.trim() !== '')
    .map((rule) => {
      const [sel, body] = rule.split('{') as [string, string];
      const scoped = sel
        .split(',')
        .map((s) => (s.trim() === 'body' ? '.page' : `.page ${s.trim()}`))
        .join(',');
      return `${scoped}{${body}}`;
    })
    .join('\n');
}

const DESK_STYLE = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1d1d1b;background:#f1f0ea}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;padding:.75rem 1rem;background:#1d1d1b;color:#fafaf7}
header h1{font-size:1.1rem;margin:0}
header .live{font-size:.85rem;color:#cfcfc8}
#none{margin:0}
main{display:grid;grid-template-columns:minmax(16rem,22rem) 1fr;gap:1rem;padding:1rem;align-items:start}
@media (max-width:760px){main{grid-template-columns:1fr;padding:.5rem}}
h2{font-size:1rem;margin:0 0 .5rem}
h3{font-size:.95rem;margin:1rem 0 .4rem}
.stories{list-style:none;margin:0;padding:0;display:grid;gap:.4rem}
.stories a{display:block;padding:.5rem .65rem;border-radius:6px;background:#fff;color:inherit;text-decoration:none;border:1px solid #ddd}
.stories a:hover{border-color:#999}
.stories a[aria-current=true]{border-color:#0b5cad;box-shadow:0 0 0 2px #0b5cad33}
.stories .t{display:block;font-weight:600;overflow-wrap:anywhere}
.stories .m{display:block;font-size:.85rem;color:#55554f}
.stories .why{font-size:.8rem;margin-top:.15rem}
.bad{color:#8a1c1c}
.badge{display:inline-block;font-size:.75rem;font-weight:600;padding:0 .4rem;border-radius:3px;background:#e4e4de;margin-left:.25rem}
.badge.draft{background:#fff3c4}.badge.published{background:#d5f0d9}.badge.edited{background:#ffd9cc}.badge.skipped{background:#e0e0ff}.badge.new{background:#e4e4de}
.panel{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1rem;min-width:0}
.toolbar{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-bottom:.5rem}
button,select{font:inherit;padding:.35rem .7rem;border-radius:5px;border:1px solid #888;background:#fff;color:inherit;cursor:pointer}
button.primary{background:#0b5cad;border-color:#0b5cad;color:#fff}
button:focus-visible,select:focus-visible,a:focus-visible,mark:focus-visible{outline:3px solid #f5a623;outline-offset:1px}
.status{min-height:1.5em;margin:.25rem 0 .5rem;font-size:.9rem}
.file{font-family:ui-monospace,monospace;font-size:.85rem;overflow-wrap:anywhere;color:#55554f}
.page{border:1px solid #e4e4de;border-radius:6px;overflow-wrap:break-word}
.page mark{background:#fff1a8;border-bottom:2px solid #d4a800;color:inherit;cursor:help;padding:0 .05em}
.page mark.on{background:#ffd84d}
.prov{position:absolute;z-index:5;max-width:min(24rem,calc(100vw - 1rem));background:#1d1d1b;color:#fafaf7;padding:.5rem .7rem;border-radius:6px;font-size:.85rem;box-shadow:0 4px 14px #0004}
.prov dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:0}
.prov dt{color:#cfcfc8}.prov dd{margin:0;font-family:ui-monospace,monospace;overflow-wrap:anywhere}
.choices{margin:0;padding-left:1.1rem}
.choices li{margin:.25rem 0}
.choices code{font-size:.85rem}
.choices button{font-size:.8rem;padding:.1rem .5rem;margin-left:.4rem}
.diff{font:.8rem/1.45 ui-monospace,monospace;background:#fafaf7;border:1px solid #ddd;border-radius:6px;padding:.5rem;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.diff .add{background:#dcf5dc;display:block}.diff .del{background:#fbdede;display:block}.diff .same{display:block;color:#66665f}
.hint{font-size:.85rem;color:#55554f}
.sections{display:flex;flex-wrap:wrap;gap:.25rem .9rem;align-items:center;border:0;margin:0 0 .5rem;padding:0}
.sections legend{float:left;margin-right:.4rem;padding:0;font-weight:600}
.sections label{white-space:nowrap}
input[type=checkbox]{width:1.05rem;height:1.05rem;vertical-align:-.15rem;margin:0 .25rem 0 0}
input:focus-visible{outline:3px solid #f5a623;outline-offset:1px}
.cols-box{container-type:inline-size}
.cols{display:grid;gap:1rem;grid-template-columns:minmax(0,1fr)}
.col-h{font-size:.9rem;margin:0 0 .35rem;overflow-wrap:anywhere}
/* Side by side only when the story's panel has room for two reading columns; stacked under 760 px whatever the panel. */
@media (min-width:761px){@container (min-width:44rem){.cols.two{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}}
#story-title:focus{outline:none}
`;

// Plain ES2017 without template literals, so it can sit in this file's template string untouched.
const SCRIPT = String.raw`(function () {
'use strict';
var token = document.querySelector('meta[name="liqnews-token"]').content;
var $ = function (id) { return document.getElementById(id); };
// sections: null until the editor ticks a box (the server's default then applies), else the exact list sent.
var state = { file: null, style: 'auto', seen: {}, story: null, rows: [], sections: null, compare: '' };
var SECTION_NAMES = ['tldr', 'table', 'chart', 'faq'];
function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
function api(path, body) {
  var init = body === undefined ? { headers: { 'x-liqnews-token': token } } : { method: 'POST', headers: { 'x-liqnews-token': token, 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return fetch(path, init).then(function (r) { return r.json().then(function (j) { j.httpStatus = r.status; return j; }); });
}
function storyPath(file) { return '/api/story/' + file.split('/').map(encodeURIComponent).join('/'); }
function say(text, bad) { var s = $('status'); s.textContent = text; s.className = 'status' + (bad ? ' bad' : ''); }
function badge(status) { return el('span', 'badge ' + status, status === 'new' ? 'not rendered' : status === 'edited' ? 'edited since generated' : status); }

function renderList() {
  var ul = $('stories'); ul.textContent = '';
  $('empty').hidden = state.rows.length > 0;
  state.rows.forEach(function (r) {
    var li = el('li'); var a = el('a'); a.href = '#story=' + encodeURIComponent(r.file); a.dataset.file = r.file;
    if (r.file === state.file) a.setAttribute('aria-current', 'true');
    if (!r.ok) { a.appendChild(el('span', 't', r.file)); a.appendChild(el('span', 'm bad', r.error)); }
    else {
      a.appendChild(el('span', 't', r.title));
      var m = el('span', 'm', r.date + ' \u00b7 ' + r.total + ' \u00b7 ' + r.angle + ' \u00b7 ' + r.style + ' ');
      m.appendChild(badge(r.status));
      if (r.skipped) m.appendChild(el('span', 'badge skipped', 'skipped'));
      a.appendChild(m);
      if (r.decision) a.appendChild(el('span', 'm why', (r.decision.publish ? 'Newsworthy (' : 'Not newsworthy (') + r.decision.register + '): ' + r.decision.reason));
    }
    li.appendChild(a); ul.appendChild(li);
  });
}
function loadList() { return api('/api/stories').then(function (j) { state.rows = j.stories || []; renderList(); }); }

function loadStory(keepStatus) {
  if (!state.file) return Promise.resolve();
  var q = '?style=' + encodeURIComponent(state.style);
  if (state.sections !== null) q += '&sections=' + encodeURIComponent(state.sections);
  if (state.compare) q += '&compare=' + encodeURIComponent(state.compare);
  if (Object.keys(state.seen).length) q += '&avoid=' + encodeURIComponent(JSON.stringify(state.seen));
  return api(storyPath(state.file) + q).then(function (s) {
    $('story').hidden = false; $('none').hidden = true;
    if (s.ok === false) { $('story-title').textContent = state.file; $('page').textContent = ''; renderCompare({ compare: null, style: '' }); say(s.message, true); return; }
    state.story = s;
    $('story-title').textContent = s.title;
    $('story-file').textContent = state.file + ' \u2192 ' + s.mdFile + ' ';
    $('story-file').appendChild(badge(s.status));
    if (s.skipped) $('story-file').appendChild(el('span', 'badge skipped', 'skipped: ' + s.skipped));
    var sel = $('style'); if (!sel.options.length) s.styles.forEach(function (n) { var o = el('option', '', n); o.value = n; sel.appendChild(o); });
    sel.value = state.style;
    $('skip').textContent = s.skipped ? 'Unskip' : 'Skip';
    $('page').innerHTML = s.html; // the product's own escaped article HTML, with the figure marks
    $('page').querySelectorAll('mark[data-claim]').forEach(function (m) { m.setAttribute('aria-describedby', 'prov'); });
    SECTION_NAMES.forEach(function (n) { $('sec-' + n).checked = s.sections[n]; });
    renderCompare(s); renderChoices(s); renderDiff(s);
    if (!keepStatus) say('');
  });
}
function renderCompare(s) {
  var c = s.compare, two = !!c;
  $('cols').classList.toggle('two', two);
  $('col-cmp').hidden = !two; $('main-h').hidden = !two;
  $('compare').value = state.compare;
  $('main-style').textContent = s.style;
  if (!two) { $('page2').textContent = ''; return; }
  $('cmp-style').textContent = c.style;
  var on = SECTION_NAMES.filter(function (n) { return c.sections[n]; });
  $('cmp-sections').textContent = on.length ? on.join(', ') : 'none';
  $('page2').innerHTML = c.html; // the same escaped article HTML, rendered in the other style
  // Its heading ids would repeat the main column's: renamed, with its own table of contents, so each link stays in its column.
  $('page2').querySelectorAll('[id]').forEach(function (e) { if (!e.closest('svg')) e.id = 'cmp-' + e.id; });
  $('page2').querySelectorAll('a[href^="#"]').forEach(function (a) { a.setAttribute('href', '#cmp-' + a.getAttribute('href').slice(1)); });
  $('page2').querySelectorAll('mark[data-claim]').forEach(function (m) { m.setAttribute('aria-describedby', 'prov'); });
}
function renderChoices(s) {
  var ul = $('choices'); ul.textContent = '';
  $('no-choices').hidden = s.choices.length > 0;
  s.choices.forEach(function (c) {
    var li = el('li'); li.appendChild(el('code', '', c.slot)); li.appendChild(document.createTextNode(': alternative ' + (c.index + 1)));
    var b = el('button', '', 'Show another alternative'); b.type = 'button';
    b.setAttribute('aria-label', 'Show another alternative for ' + c.slot);
    b.addEventListener('click', function () {
      var seen = state.seen[c.slot] || (state.seen[c.slot] = []);
      if (seen.indexOf(c.index) < 0) seen.unshift(c.index);
      loadStory(true).then(function () { say('Slot ' + c.slot + ': now alternative ' + (choiceOf(c.slot) + 1) + '. Regenerate or publish to write it.'); });
    });
    li.appendChild(b); ul.appendChild(li);
  });
}
function choiceOf(slot) { var c = state.story.choices.filter(function (x) { return x.slot === slot; })[0]; return c ? c.index : -1; }
function renderDiff(s) {
  var box = $('diff-box'); box.hidden = !s.diff;
  var pre = $('diff'); pre.textContent = '';
  var lines = s.diff || [];
  // Unchanged lines more than two away from a change fold into one line saying how many.
  var near = lines.map(function () { return false; });
  lines.forEach(function (d, i) { if (d.op !== ' ') for (var k = Math.max(0, i - 2); k <= Math.min(lines.length - 1, i + 2); k++) near[k] = true; });
  var folded = 0;
  var flush = function () { if (folded) pre.appendChild(el('span', 'same', '  … ' + folded + ' unchanged line' + (folded === 1 ? '' : 's'))); folded = 0; };
  lines.forEach(function (d, i) {
    if (!near[i]) { folded++; return; }
    flush();
    pre.appendChild(el('span', d.op === '+' ? 'add' : d.op === '-' ? 'del' : 'same', d.op + ' ' + d.text));
  });
  flush();
}

var prov = null;
// Each column's marks index its own rendering's claims.
function storyOf(m) { return m.closest('#page2') ? state.story && state.story.compare : state.story; }
function showProv(m) {
  var story = storyOf(m);
  var c = story && story.claims[Number(m.dataset.claim)];
  if (!c) return;
  var p = $('prov'); p.textContent = '';
  var dl = el('dl');
  // One figure can stand for several claims (the same display from two fields): every source is listed.
  var same = story.claims.filter(function (x) { return x.display === c.display; });
  var rows = [['Figure', c.display]];
  same.forEach(function (x) { rows.push(['Source', x.source], ['Raw value', String(x.value)], ['Rounding', x.rounding + (x.hedge === 'exact' ? '' : ' (' + x.hedge + ')')]); });
  rows.forEach(function (kv) { dl.appendChild(el('dt', '', kv[0])); dl.appendChild(el('dd', '', kv[1])); });
  p.appendChild(dl); p.hidden = false;
  if (prov) prov.classList.remove('on');
  prov = m; m.classList.add('on');
  var r = m.getBoundingClientRect();
  var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - p.offsetWidth - 8));
  p.style.left = left + 'px'; p.style.top = (r.bottom + window.scrollY + 6) + 'px';
}
function hideProv() { $('prov').hidden = true; if (prov) prov.classList.remove('on'); prov = null; }
$('cols').addEventListener('focusin', function (e) { if (e.target.matches('mark[data-claim]')) showProv(e.target); });
$('cols').addEventListener('focusout', hideProv);
$('cols').addEventListener('mouseover', function (e) { var m = e.target.closest('mark[data-claim]'); if (m) showProv(m); });
$('cols').addEventListener('mouseout', function (e) { if (e.target.closest('mark[data-claim]') && document.activeElement !== prov) hideProv(); });
document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hideProv(); });

function act(path, extra) {
  var s = state.story; if (!s) return;
  // The sections the main column was rendered with: what is written is what it shows.
  var body = { file: state.file, style: state.style, avoid: state.seen };
  if (s.sectionsAsked !== null) body.sections = s.sectionsAsked;
  Object.keys(extra || {}).forEach(function (k) { body[k] = extra[k]; });
  say('Working\u2026');
  return api(path, body).then(function (r) {
    if (r.httpStatus === 409 && r.edited && path === '/api/regenerate' && !body.force) {
      if (window.confirm(r.edited + ' was edited by hand. Overwrite ' + r.edited + ' with the generated text? The edits in it will be lost.')) return act(path, { force: true, confirm: r.edited });
      say(r.message + ' (kept)', true); return;
    }
    say(r.message, !r.ok);
    return Promise.all([loadList(), loadStory(true)]);
  });
}
$('regen').addEventListener('click', function () { act('/api/regenerate'); });
$('publish').addEventListener('click', function () { act('/api/publish'); });
$('skip').addEventListener('click', function () {
  var s = state.story; if (!s) return;
  if (s.skipped) return act('/api/skip', { reason: null });
  var why = window.prompt('Why skip ' + state.file + '? (optional)', '');
  if (why === null) return;
  act('/api/skip', { reason: why });
});
$('style').addEventListener('change', function () { state.style = $('style').value; state.seen = {}; loadStory(); });
$('compare').addEventListener('change', function () {
  state.compare = $('compare').value;
  loadStory(true).then(function () { say(state.compare ? 'Beside it: the ' + state.compare + ' style. The buttons act on the main column.' : ''); });
});
SECTION_NAMES.forEach(function (n) {
  $('sec-' + n).addEventListener('change', function () {
    // The exact list ticked, kept from story to story and style to style until changed again.
    var on = SECTION_NAMES.filter(function (k) { return $('sec-' + k).checked; });
    state.sections = on.length ? on.join(',') : 'none';
    loadStory(true).then(function () { say('Sections: ' + (on.length ? on.join(', ') : 'none') + '. Regenerate or publish to write them.'); });
  });
});

function openFromHash() {
  // Only #story=… opens a story: the article's own anchors (its table of contents) just scroll.
  if (location.hash.indexOf('#story=') !== 0) return;
  var f = decodeURIComponent(location.hash.slice(7));
  if (!f || f === state.file) return;
  state.file = f; state.seen = {}; state.style = 'auto';
  renderList(); loadStory().then(function () { $('story-title').focus(); });
}
window.addEventListener('hashchange', openFromHash);

var es = new EventSource('/api/events?token=' + encodeURIComponent(token));
es.addEventListener('change', function () {
  loadList().then(function () { return loadStory(true); }).then(function () { $('live').textContent = 'Updated ' + new Date().toLocaleTimeString(); });
});
es.addEventListener('open', function () { $('live').textContent = 'Live: watching the folders'; });
es.addEventListener('error', function () { $('live').textContent = 'Not connected: is liqnews studio still running?'; });
loadList().then(openFromHash);
})();`;

export function deskPage(token: string, nonce: string, styles: readonly string[] = STYLE_NAMES): string {
  const n = escapeHtml(nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="liqnews-token" content="${escapeHtml(token)}">
<title>liqnews studio</title>
<link rel="icon" href="data:,">
<style nonce="${n}">${DESK_STYLE}${scopedPageStyle(PAGE_STYLE)}</style>
</head>
<body>
<header><h1>liqnews studio</h1><span class="live" id="live" aria-live="polite"></span></header>
<main>
<nav class="panel" aria-labelledby="list-h">
<h2 id="list-h">Stories</h2>
<ol class="stories" id="stories"></ol>
<p class="hint" id="empty" hidden>No snapshots in this folder yet. Drop a snapshot file in and it appears here.</p>
</nav>
<p class="panel hint" id="none">Choose a story from the list (Tab to it, Enter) to see the article, where each figure came from, and the buttons to regenerate, publish or skip it.</p>
<section class="panel" id="story" hidden aria-labelledby="story-title">
<h2 id="story-title" tabindex="-1">Story</h2>
<p class="file" id="story-file"></p>
<div class="toolbar">
<label>Style <select id="style"></select></label>
<button type="button" id="regen">Regenerate</button>
<button type="button" class="primary" id="publish">Approve &amp; publish</button>
<button type="button" id="skip">Skip</button>
</div>
<div class="toolbar">
<fieldset class="sections"><legend>Sections</legend>
<label><input type="checkbox" id="sec-tldr">TL;DR</label>
<label><input type="checkbox" id="sec-table">Table</label>
<label><input type="checkbox" id="sec-chart">Chart</label>
<label><input type="checkbox" id="sec-faq">FAQ</label>
</fieldset>
<label>Compare with <select id="compare"><option value="">none</option>${styles.map((n) => `<option value="${escapeHtml(n)}">${escapeHtml(n)}</option>`).join('')}</select></label>
</div>
<p class="status" id="status" role="status" aria-live="polite"></p>
<div id="diff-box" hidden>
<h3>Edited by hand: what liquidation-news generates now (−) against the file (+)</h3>
<pre class="diff" id="diff"></pre>
</div>
<p class="hint">Highlighted figures: hover or focus (Tab) one to see where it came from.</p>
<div class="cols-box"><div class="cols" id="cols">
<div class="col">
<h3 class="col-h" id="main-h" hidden>Main column: <span id="main-style"></span>. Regenerate and Approve &amp; publish write this one.</h3>
<div class="page" id="page"></div>
</div>
<div class="col" id="col-cmp" hidden>
<h3 class="col-h">Compared: <span id="cmp-style"></span>, sections <span id="cmp-sections"></span> (a preview only; nothing here is written)</h3>
<div class="page" id="page2"></div>
</div>
</div></div>
<h3>Variation choices</h3>
<p class="hint" id="no-choices" hidden>This article has no variation slots.</p>
<ul class="choices" id="choices"></ul>
</section>
</main>
<div class="prov" id="prov" role="tooltip" hidden></div>
<script nonce="${n}">${SCRIPT}</script>
</body>
</html>
`;
}
