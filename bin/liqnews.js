#!/usr/bin/env node
// Thin launcher: everything lives in the library so tests can run the CLI in-process.
// `npm run build` bundles the command into dist/bin/ (scripts/bundle-cli.js) for a fast
// start; the unbundled dist/cli/ is the fallback when only `tsc` has run.
const { main } = await import('../dist/bin/main.js').catch((e) => {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  return import('../dist/cli/main.js');
});

const code = await main({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
