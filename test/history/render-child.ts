// A child process for crash-render.test.ts: `liqnews render` from the sources, as the command runs it.
import { main } from '../../src/cli/main.js';

const code = await main({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exit(code);
