#!/usr/bin/env node
// `npm start` (after the build): renders every fixture case under fixtures/golden and
// fixtures/edge into output/ through the built CLI, one case at a time so that each
// gets its own settings from case.json: `style` (else auto), `now` (else the clock)
// and `timeZone` (else UTC). Prints the files written; exits non-zero if any case failed.
// Besides the default md, html and json, each case gets its social card (<date>-<slug>.card.png),
// which the page's og:image points at, and its chart (<date>-<slug>.chart.svg, --sections +chart: the
// page inlines it, the Markdown links it) when something was liquidated.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/cli/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shown = (path) => relative(process.cwd(), path) || '.';
const outDir = shown(join(root, 'output'));
const SETS = ['golden', 'edge'];

let worst = 0;
let cases = 0;
// Which case produced each output file, so two cases that share a file name are caught rather than overwriting each other.
const producedBy = new Map();

for (const set of SETS) {
  const setDir = join(root, 'fixtures', set);
  if (!existsSync(setDir)) continue;
  const names = readdirSync(setDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(setDir, d.name, 'snapshot.json')))
    .map((d) => d.name)
    .sort();
  for (const name of names) {
    const caseDir = join(setDir, name);
    const settings = readCase(join(caseDir, 'case.json'));
    // The fixtures are unrelated stories, each with its own expected output: no history store, so none compares with another.
    const argv = ['render', shown(join(caseDir, 'snapshot.json')), '--out', outDir, '--style', settings.style ?? 'auto', '--format', 'md,html,json,card', '--no-history'];
    // A snapshot with nothing liquidated has no chart to draw: asked for, it would be that case's error.
    if (liquidated(join(caseDir, 'snapshot.json'))) argv.splice(argv.indexOf('md,html,json,card'), 1, 'md,html,json,card,svg', '--sections', '+chart');
    if (settings.now) argv.push('--now', settings.now);
    if (settings.timeZone) argv.push('--tz', settings.timeZone);

    const caseName = `${set}/${name}`;
    const stdout = {
      write(text) {
        for (const line of text.split('\n')) {
          const path = /^(?:wrote|unchanged) (.+)$/.exec(line)?.[1];
          if (!path) continue;
          const earlier = producedBy.get(path);
          if (earlier && earlier !== caseName) {
            process.stderr.write(`${caseName}: ${path} was already written by ${earlier}\n`);
            worst = Math.max(worst, 1);
          }
          producedBy.set(path, caseName);
        }
        return process.stdout.write(text);
      },
    };
    const code = await main({ argv, stdin: process.stdin, stdout, stderr: process.stderr, env: process.env, isTTY: false });
    worst = Math.max(worst, code);
    cases++;
  }
}

process.stdout.write(`${cases} fixture cases rendered into ${outDir}${worst ? ' (with problems, see above)' : ''}\n`);
process.exitCode = worst;

function readCase(path) {
  if (!existsSync(path)) return {};
  const value = JSON.parse(readFileSync(path, 'utf8'));
  return {
    style: typeof value.style === 'string' ? value.style : undefined,
    now: typeof value.now === 'string' ? value.now : undefined,
    timeZone: typeof value.timeZone === 'string' ? value.timeZone : undefined,
  };
}

/** Whether a fixture's snapshot liquidated something (then it has a chart). */
function liquidated(path) {
  try {
    const snap = JSON.parse(readFileSync(path, 'utf8'));
    return snap.totals?.usd > 0;
  } catch {
    return false;
  }
}
