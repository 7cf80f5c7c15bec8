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

// A reader that stops early (`liqnews … | head`) closes the pipe: that is its choice, not our failure.
// The stream then stays quiet (no "write EPIPE" trace) and the command finishes its work, so
// `render dir --out out | head` still writes every article and exits with its usual code.
const quietOnEpipe = (stream) => {
  let closed = false;
  stream.on('error', (e) => {
    if (e?.code === 'EPIPE' || e?.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw e;
  });
  return { write: (chunk) => (closed ? true : stream.write(chunk)) };
};

const code = await main({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: quietOnEpipe(process.stdout),
  stderr: quietOnEpipe(process.stderr),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
