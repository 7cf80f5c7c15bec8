/** The help texts: one for the program, one per command. */
import type { Command } from './args.js';
import { FORMAT_WRITERS } from '../formats/registry.js';

/** The format names, comma-separated, in registry order. */
const FORMAT_NAMES = Object.keys(FORMAT_WRITERS).join(', ');

/** One entry per format, from the registry, so the list cannot fall behind it; wrapped to 80 columns. */
const FORMAT_LINES = Object.entries(FORMAT_WRITERS)
  .map(([name, w]) => {
    const lines: string[] = [];
    for (const word of w.description.split(' ')) {
      const last = lines.length - 1;
      if (last >= 0 && lines[last]!.length + 1 + word.length <= 51) lines[last] += ` ${word}`;
      else lines.push(word);
    }
    return lines.map((l, i) => `${' '.repeat(19)}${(i === 0 ? name : '').padEnd(10)}${l}`).join('\n');
  })
  .join('\n');

const GENERAL = `liqnews: news articles about crypto liquidations from a data snapshot

Usage:
  liqnews render <input…> [options]     write article files for each snapshot
  liqnews validate <input…> [options]   check snapshots, writing nothing
  liqnews styles                        list the article styles
  liqnews ingest <file…> --source NAME  build a snapshot from recorded
                                        exchange streams or CoinGlass answers
  liqnews feed <dir> --site-url URL     RSS, Atom and JSON feeds over the
                                        articles render wrote into a folder
  liqnews history import|list|show|stats|remove
                                        the history store: past windows that
                                        articles are compared with
  liqnews decide <input…>               publish or skip, per snapshot
  liqnews studio [dir]                  the editor's desk: a local web page to
                                        preview, check and publish drafts
  liqnews --help, -h                    this help
  liqnews <command> --help              one command's help
  liqnews --version, -v                 the version

Formats (render --format):
  ${FORMAT_NAMES}.
The default is md,html,json; email,txt are the newsletter pair,
thread,telegram the social posts, svg the chart, card the 1200x630 share
image. --site hugo|eleventy|astro|jekyll adds that generator's front-matter
keys, --base-url gives each article its canonical URL, --sections adds or
removes the TL;DR, the "By the numbers" table, the chart and the FAQ in any
style, --faq-jsonld adds a FAQPage block to pages with a FAQ (liqnews render
--help for all).

An input is a snapshot file (.json), a directory (every .json inside, sorted;
directories named "expected" or "node_modules" and files named "case.json" are
skipped), or - for one snapshot on standard input.

Settings: liqnews.config.json in the working directory or a parent (or
--config FILE; --no-config ignores it) gives defaults for the flags: publisher,
author, site, baseUrl, timeZone, locale, style, formats, sections, category,
email, publish, out, history, newsworthiness. Flags on the command line win.

Exit codes: 0 success, 1 some input invalid or some file not written,
2 usage error, 3 (decide only) a snapshot to skip.
`;

const RENDER = `Usage: liqnews render <input…> [options]

Renders each snapshot to article files named <date>-<slug>.<ext>.

Options:
  --out DIR        where files go; created if missing (default: output)
  --style NAME     auto, bulletin, recap, tldr, analysis or explainer
                   (default: auto)
  --format LIST    comma-separated formats (default: md,html,json):
${FORMAT_LINES}
  --site NAME      add the front-matter keys of hugo, eleventy, astro or jekyll
                   to the Markdown (default: the portable keys only); the page
                   goes to the path of --base-url + /<date>-<slug>/
                   (/posts/<date>-<slug>/ without --base-url)
  --base-url URL   where the articles are published: each one's canonical URL
                   is <URL>/<date>-<slug>/ (page, email, thread and Telegram
                   link it; give liqnews feed the same URL as --site-url)
  --expire-after DAYS
                   with --site hugo: expiryDate is the window end plus DAYS
                   (default: no expiryDate)
  --sections LIST  optional sections, in any style: tldr (three key takeaways),
                   table (the "By the numbers" tables), chart (long and short
                   by coin, and the last 30 windows with a history store) and
                   faq. +name adds one to the style's default and -name removes
                   one (+table,-faq); bare names give the exact list
                   (tldr,table,faq); none drops them all. Defaults: tldr in
                   tldr, faq in explainer, no table, no chart. The Markdown
                   links the chart only with --format svg (the page inlines it)
  --faq-jsonld     add a schema.org FAQPage JSON-LD block to HTML pages whose
                   article has a FAQ (explainer, or --sections +faq);
                   default off
  --publisher-logo URL
                   the publisher's logo (http or https): JSON-LD publisher.logo
  --publisher-url URL
                   the publisher's home page (http or https): JSON-LD
                   publisher.url
  --email-publication NAME
                   the newsletter's masthead: the publication's name
                   (email, txt)
  --email-address TEXT
                   the newsletter's footer: the sender's postal address,
                   one line
  --email-unsubscribe URL
                   the newsletter's footer: the unsubscribe link (http, https
                   or mailto)
  --stdout         write the one format of the one input to standard output
                   (needs exactly one input and one --format; not the card)
  --now ISO        what "now" is for the future-date check, with an offset,
                   e.g. 2026-11-21T00:00:00Z (default: the clock)
  --tz ZONE        time zone for dates in the text (default: UTC)
  --force          overwrite files that were edited since they were generated
  --keep-edited    keep edited files as they are without making that an error
                   (exit 0; they are still listed as kept)
  --publish        write draft: false (Jekyll: published: true); default: drafts
  --author NAME    the byline in front matter, page and JSON-LD
                   (default: liquidation-news)
  --publisher NAME the publisher in the page and JSON-LD
                   (default: liquidation-news)
  --category NAME  the front matter category (default: markets)
  --locale TAG     en-US (default) or en-GB: how dates are written
  --jobs N         threads that render the batch, the main one included
                   (default: 1; more can help on machines whose cores do not
                   share their caches, and use more memory)
  --history FILE   the history store (default: .liqnews/history.sqlite
                   beside --out): comparisons with earlier windows, varied
                   wording, unique slugs; every article written is recorded
                   (LIQNEWS_HISTORY=off: no default store)
  --no-history     render without the store
  --only-newsworthy
                   render only what 'liqnews decide' would publish; the rest
                   are reported as skipped
  --json           one JSON line per input on standard output instead of the
                   "wrote" lines: {"input","status","files","problems"}
                   (status rendered, failed or skipped; problems also go to
                   standard error)
  --quiet          print only problems
  --debug          print stack traces for unexpected errors

One bad input does not stop the others. A file edited since it was generated
is kept as it is (exit 1; exit 0 with --keep-edited) unless --force. A
Markdown file whose only edit is publishing it (draft: false) is not frozen:
a re-render updates it and keeps it published.

Examples:
  liqnews render snapshot.json
  liqnews render data/ --out site/content/posts --format md --site hugo
  liqnews render snapshot.json --format email,txt \\
    --base-url https://example.com/news
  cat snapshot.json | liqnews render - --stdout --format html
`;

const VALIDATE = `Usage: liqnews validate <input…> [options]

Checks snapshots against the contract without writing anything. Prints
"<file>: ok" for each valid input and "<file>: <path>: <problem>" for each
problem. Exit 0 when all are valid, 1 otherwise.

Options:
  --now ISO        what "now" is for the future-date check (default: the clock)
  --quiet          print only problems
  --debug          print stack traces for unexpected errors
`;

const STYLES = `Usage: liqnews styles

Lists the article styles with a one-line description each, and how
--style auto chooses among them.
`;

const INGEST = `Usage: liqnews ingest <file…|-> --source NAME [window] [options]

Builds a snapshot (contract v1) from raw data and writes it as JSON to
standard output, ready for: liqnews render - --stdout --format md

Sources (--source applies to the files after it; one --source applies to all):
  binance         Binance USDⓈ-M forceOrder, recorded NDJSON (COIN-M rows of
                  the merged stream are converted with their contract size)
  binance-coinm   Binance COIN-M forceOrder, recorded NDJSON
  bybit           Bybit v5 allLiquidation.<symbol>, recorded NDJSON
  okx             OKX liquidation-orders, recorded NDJSON
  coinglass-coin-list, coinglass-exchange-list, coinglass-history,
  coinglass-aggregated-history, coinglass-order
                  a saved CoinGlass v4 answer (the whole body:
                  {"code","msg","data"})
  fear-greed, open-interest, funding
                  context added to a liquidation source (market.*)
One stream line is one frame, as sent or in a {"stream":…,"data":…} wrapper.

Window (required; stream events are counted by their own time,
start <= time < end; CoinGlass coin-list and exchange-list are rolling
1h/4h/12h/24h totals, so --window must be one of those, ending at the fetch):
  --from ISO --to ISO          e.g. --from 2026-02-04T00:00:00Z
                                    --to 2026-02-05T00:00:00Z
  --window DURATION [--end ISO]  e.g. --window 24h --end 2026-02-05T00:00:00Z
                               (30m, 4h, 24h, 7d; --end defaults to now)

Options:
  --instruments FILE  the venue's saved instrument list, for contract sizes
                      (Binance /dapi/v1/exchangeInfo, OKX
                      /api/v5/public/instruments, Bybit
                      /v5/market/instruments-info); repeatable. Without it
                      a built-in table covers the major instruments only
  --strict            any bad line (malformed, unknown side, missing price,
                      another stream's frame…) is fatal: exit 1, nothing
                      written
  --combine sum       add up different sources (e.g. binance and bybit); without
                      it mixed sources are refused. Exchange streams are never
                      added to CoinGlass totals (they would count twice)
  --exchange NAME     what a CoinGlass answer was fetched for (the body does not
  --symbol NAME       say): coin-list's exchange, history's exchange and
                      pair, exchange-list's or aggregated-history's coin;
                      like --source, it applies to the files after it
  --coverage partial  mark the result a lower bound even for a complete feed
                      (a recording with gaps, or only some symbols)
  --out FILE          write the snapshot to FILE (whole or not at all) instead
                      of standard output; an existing FILE that holds
                      something else is kept (exit 1), the same snapshot is
                      left "unchanged", and an input is never written over
  --force             replace an existing --out FILE (never an input)
  --now ISO           what "now" is, with an offset (default: the clock)
  --quiet             print only problems
  --debug             print stack traces for unexpected errors

Binance and OKX feeds are samples, and CoinGlass adds up such feeds, so their
snapshots say coverage "partial" and the article says "at least". Trader
counts never come from exchange feeds.
Bad lines are reported with their line numbers (the first 5, then a count) and
never summed; repeated frames are skipped; an empty window is an error.

Examples:
  liqnews ingest day.ndjson --source binance --window 24h \\
    --end 2026-02-05T00:00:00Z
  liqnews ingest okx.ndjson --source okx --instruments okx-swap.json \\
    --from … --to … --out snap.json
  liqnews ingest --source binance b.ndjson --source bybit y.ndjson \\
    --combine sum --window 24h --end … | liqnews render - --stdout --format md
`;

const FEED = `Usage: liqnews feed <dir> --site-url URL [options]

Writes feed.xml (RSS 2.0, full text), atom.xml (Atom 1.0) and feed.json
(JSON Feed 1.1) over the articles in <dir>, newest first. An article is a
<date>-<slug>.json sidecar with its <date>-<slug>.md beside it, as render
writes them by default; the .html is not needed. Titles, slugs, drafts and
the text come from the .md (editors' changes included), dates and ids from
the sidecar. Each article's id and link is <URL>/<date>-<slug>/, the
canonical URL its page names when rendered with --base-url URL (give both
the same URL).

Options:
  --site-url URL   where the articles are published (required), e.g.
                   https://example.com/news; the feeds link themselves as
                   <URL>/feed.xml etc.
  --out DIR        where the feed files go (default: <dir>)
  --title TEXT     the feeds' title (default: Crypto liquidations)
  --limit N        only the newest N articles (default: all)
  --drafts         include articles marked draft (default: left out, as a
                   site build leaves them out; render marks new articles draft)
  --force          replace a feed file that was edited by hand or that
                   another tool wrote
  --quiet          print only problems
  --debug          print stack traces for unexpected errors

Dates are the articles' own (the window end; lastmod when later), never the
clock, so the same folder gives the same bytes. An article that cannot be read
is named and left out (exit 1); the others are still written. Each feed file
carries a stamp of its content: one edited since, one without a stamp
(written by another tool, or by a version before stamps), is kept as it is
(exit 1) unless --force.

Example:
  liqnews render data/ --out site/articles
  liqnews feed site/articles --site-url https://example.com/news --drafts
`;

const HISTORY = `Usage: liqnews history <action> [options]

The history store (SQLite): one row per story, so that an article can say how
its window compares with earlier windows of the same length.

Actions:
  import FILE…     add past windows: snapshots (.json, or a JSON array of
                   them), CoinGlass liquidation history answers (.json, the
                   whole {"code","msg","data"} body; each bucket is one row,
                   partial coverage), or a history CSV (.csv):
                     date,window,usd,longUsd,shortUsd[,traders,coverage]
                   date is the window's end (ISO with offset), or YYYY-MM-DD
                   for the window ending at the midnight that closes that UTC
                   day; window is 1h, 24h, 7d…; coverage complete|partial.
                   A directory stands for its .json and .csv files.
  list             the latest stories, newest first (--window 24h, --limit N)
  show ID          one story, every field
  stats            counts, spans and the largest total per window length
  remove ID        delete one story

Options:
  --history FILE   the store (default: .liqnews/history.sqlite beside the
                   --out folder, i.e. in its parent; --out defaults to output)
  --out DIR        the output folder the default store sits beside
  --json           machine-readable output
  --skip-bad       import: record the good rows and list the bad ones
                   (default: any bad row means nothing is imported, exit 1)
  --symbol COIN    import: the coin a CoinGlass answer was fetched for
  --interval LEN   import: a one-bucket CoinGlass answer's interval (1h, 1d)
  --now ISO        what "now" is: windows ending later are refused
  --quiet          print only problems
  --debug          print stack traces for unexpected errors

Rows with a window that ends in the future, a negative figure, or a window
overlapping another story's of the same length are refused with file:line.
Importing the same file twice changes nothing. Exit 0 done, 1 bad rows or an
unusable store (a corrupt, read-only or newer-version file is named and left
unchanged), 2 usage error.

Examples:
  liqnews history import past/*.json coinglass-btc-1d.json --symbol BTC
  liqnews history import daily.csv && liqnews history stats
`;

const DECIDE = `Usage: liqnews decide <input…> [options]

Publish or skip, for each snapshot, with the reason in words (or --json), and
the size of story: brief, standard or major. Compared with the history store
(read only) when it holds earlier windows of the same length, else with the
snapshot's context.history block, else by absolute size alone.

Rules, in order:
  1. under the floor ⇒ skip: --floor USD (total, default 0) and
     --floor-per-hour USD (total / window hours, default 2000000)
  2. publish if any: the largest on record; at least --median-multiple X
     times the median of the last 30 windows (default 1.5); rank at most
     --max-rank N (default 3) within --rank-days 7|30|90|365 (default 30);
     an asset's price moved at least --price-move PCT % (default 5)
  3. otherwise skip as ordinary when there is history to measure by, and
     publish when there is none

Options:
  --history FILE   the store (default: .liqnews/history.sqlite beside --out;
                   a missing default store means no history)
  --no-history     do not read a store
  --json           one JSON array of decisions
  --now ISO        what "now" is for the future-date check
  --quiet          print only the snapshots to skip

Exit codes: 0 every snapshot is to be published, 3 at least one is to be
skipped, 1 an input or the store could not be read, 2 usage error.

Example:
  liqnews decide snap.json && liqnews render snap.json
`;

const STUDIO = `Usage: liqnews studio [dir] [options]

A local web page over a snapshots folder (dir, default: the current folder)
and the output folder: the list of stories (date, total, angle, style, and
draft, published, edited since generated or skipped; and what decide says),
one story as its HTML page shows it, with the chart and the table, in any
style, alone or beside another style ("Compare with"), every figure
highlighted with where it came from (hover or focus it), checkboxes for the
optional sections, the variation choices with another alternative per slot,
and, for a draft edited by hand, a diff against what is generated now.
Regenerate, approve & publish (draft: false) and skip write only on a click,
through the same edit-safe writer as render, exactly what the main column
shows (with the chart on, <basename>.chart.svg beside the Markdown that links
it): a file an editor changed is never replaced without a confirmation
naming it. The list follows the folders live.

Options:
  --out DIR        the output folder (default: output)
  --port N         the port (default: 4917; 0 for any free one)
  --host ADDRESS   the address to listen on (default: 127.0.0.1); any other
                   than loopback prints a warning
  --history FILE   the store, as for render (default: .liqnews/history.sqlite
                   beside --out); used when it exists, never created; what
                   the studio writes is recorded in it
  --no-history     render as render --no-history does
  --sections LIST  the sections the desk starts with, as for render (or the
                   config's sections); default: the style's plus the table
                   and the chart (+table,+chart); the checkboxes change them

Security: the printed address carries a token made for this run; every
request must name this server in Host, every change must also come from the
page (Origin) with the token. Snapshot names cannot leave the folder.

Example:
  liqnews studio snapshots --out site/content/news
`;

export function helpText(topic: Command | null): string {
  switch (topic) {
    case 'studio':
      return STUDIO;
    case 'history':
      return HISTORY;
    case 'decide':
      return DECIDE;
    case 'feed':
      return FEED;
    case 'ingest':
      return INGEST;
    case 'render':
      return RENDER;
    case 'validate':
      return VALIDATE;
    case 'styles':
      return STYLES;
    default:
      return GENERAL;
  }
}
