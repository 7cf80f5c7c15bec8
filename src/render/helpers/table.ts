/**
 * `{{gfmTable tables.assets}}`: a table of the facts (facts/table.ts) as
 * GitHub-flavoured Markdown, figures right-aligned, then its notes. The
 * labels arrive escaped for Markdown (render/view.ts), `|` included; the
 * figures are display strings of claims. The page converts it with marked
 * (render/html.ts adds the header scopes); mail and text print the same
 * rows from the facts (formats/email/content.ts).
 */
import type { FactTable } from '../../facts/table.js';

export const gfmTable = (t: unknown): string => {
  const table = t as FactTable | null;
  if (!table || !Array.isArray(table.rows)) return '';
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const lines = [
    line(table.columns.map((c) => c.header)),
    line(table.columns.map((c) => (c.numeric ? '---:' : ':---'))),
    ...table.rows.map((r) => line(table.columns.map((c) => (c.key === 'label' ? r.label : (r.cells[c.key] ?? ''))))),
  ];
  return [lines.join('\n'), ...table.notes].join('\n\n');
};
