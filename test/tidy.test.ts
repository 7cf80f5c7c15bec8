import { describe, expect, it } from 'vitest';
import { tidy } from '../src/render/markdown.js';

// Templates leave gaps where a section was left out; tidy is what makes the Markdown regular.
describe('tidy', () => {
  it('drops trailing spaces and tabs, and leading and trailing blank lines', () => {
    expect(tidy('\n\n# Title  \nline\t\n\n')).toBe('# Title\nline\n');
  });
  it('turns any run of blank (or whitespace-only) lines into one blank line', () => {
    expect(tidy('a\n\n\n  \n\t\nb\n\nc\nd')).toBe('a\n\nb\n\nc\nd\n');
  });
  it('reads CRLF and CR line ends as LF', () => {
    expect(tidy('a\r\n\r\n\r\nb\rc')).toBe('a\n\nb\nc\n');
  });
  it('keeps inner spacing and the hard-break-free lines as written', () => {
    expect(tidy('a  b\n- item   \n- two')).toBe('a  b\n- item\n- two\n');
  });
  it('gives a single line end for empty text', () => {
    expect(tidy('')).toBe('\n');
    expect(tidy(' \n\t\n')).toBe('\n');
  });
});
