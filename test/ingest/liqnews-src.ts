// bin/liqnews.js on the TypeScript sources (no build needed): lets tests run the CLI as a real child process, in a shell pipe.
import { main } from '../../src/cli/main.js';

const code = await main({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
