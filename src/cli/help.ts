/** The help texts: one for the program, one per command. */
import type { Command } from './args.js';

const GENERAL = `liqnews: news articles about crypto liquidations from a data snapshot

Usage:
  liqnews render <input…> [options]     write article files for each snapshot
  liqnews validate <input…> [options]   check snapshots without writing anything
  liqnews styles                        list the article styles
  liqnews --help, -h                    this help (liqnews <command> --help for one command)
  liqnews --version, -v                 the version

An input is a snapshot file (.json), a directory (every .json inside, sorted;
directories named "expected" or "node_modules" and files named "case.json" are
skipped), or - for one snapshot on standard input.

Exit codes: 0 success, 1 some input invalid or some file not written,
2 usage error.
`;

const RENDER = `Usage: liqnews render <input…> [options]

Renders each snapshot to article files named <date>-<slug>.<ext>.

Options:
  --out DIR        where files go; created if missing (default: output)
  --style NAME     auto, bulletin, recap, tldr, analysis or explainer (default: auto)
  --format LIST    comma-separated formats: md, html, json (default: md,html,json)
  --stdout         write the one format of the one input to standard output
                   (needs exactly one input and one --format)
  --now ISO        what "now" is for the future-date check, with an offset,
                   e.g. 2026-11-21T00:00:00Z (default: the clock)
  --tz ZONE        time zone for dates in the text (default: UTC)
  --force          overwrite files that were edited since they were generated
  --quiet          print only problems
  --debug          print stack traces for unexpected errors

One bad input does not stop the others. A file edited since it was generated
is kept as it is (exit 1) unless --force.

Examples:
  liqnews render snapshot.json
  liqnews render data/ --out site/content/posts --format md
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

export function helpText(topic: Command | null): string {
  switch (topic) {
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
