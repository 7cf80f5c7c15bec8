import { articlesFor } from './editorial-report.js';
const style = process.argv[2] as 'analysis';
const ids = process.argv.slice(3).map(Number);
const arts = articlesFor(style);
for (const i of ids) { const a = arts[i]!; console.log(`==== ${a.id}\n# ${a.title}\n\n${a.body}`); }
