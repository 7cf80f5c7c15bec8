#!/usr/bin/env node
// Thin launcher: everything lives in the library so tests can run the CLI in-process.
// `npm run build` bundles the command into dist/bin/ (scripts/bundle-cli.js) for a fast
// start; the unbundled dist/cli/ is the fallback when only `tsc` has run.
// The missing module is one of ours in dist/ (not a dependency that dist/ imports).
const notBuilt = (e) => e?.code === 'ERR_MODULE_NOT_FOUND' && /^Cannot find module '[^']*[\\/]dist[\\/]/.test(String(e.message));
const { main } = await import('../dist/bin/main.js')
  .catch((e) => {
    if (!notBuilt(e)) throw e;
    return import('../dist/cli/main.js');
  })
  .catch((e) => {
    if (!notBuilt(e)) throw e;
    // A clone that was never built: say what to run rather than show a module-resolution error.
    process.stderr.write('liqnews: the command is not built yet; run `npm run build` (or `npm ci && npm start`) in the repository first\n');
    process.exit(2);
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
