import { articlesFor } from './editorial-report.js';
import { firstLeadSentence, headlineEcho } from './editorial-measures.js';
const style = process.argv[2] as 'analysis';
for (const a of articlesFor(style)) { const e = headlineEcho(a.title, a.body); if (e.length) console.log(a.id, e.join(','), '\n  ', a.title, '\n  ', firstLeadSentence(a.body)); }
