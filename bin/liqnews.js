#!/usr/bin/env node
// Thin launcher: everything lives in the library so tests can run the CLI in-process.
import { main } from '../dist/cli/main.js';

const code = await main({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
