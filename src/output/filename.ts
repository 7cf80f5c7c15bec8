/**
 * File names: `<date>-<slug>.<ext>`. The date is the UTC calendar date of the
 * window end; the slug is kebab-case ASCII, at most 80 characters, and can
 * never hold `/`, `..` or anything outside [a-z0-9-], whatever the input.
 */
export function slugify(text: string, max = 80): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = ascii.length <= max ? ascii : ascii.slice(0, max).replace(/-[^-]*$/, '');
  return cut.replace(/-+$/g, '') || 'liquidations';
}

export function utcDate(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** RFC 3339 in UTC with a `Z`, whole seconds: what front matter and feeds accept everywhere. */
export function rfc3339(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
