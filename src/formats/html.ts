/** `html`: a complete page with JSON-LD NewsArticle and Open Graph. */
import type { FormatWriter } from './context.js';
import { htmlDocument } from '../render/html.js';

export const htmlFormat: FormatWriter = {
  ext: 'html',
  description: 'a standalone HTML page (JSON-LD NewsArticle, Open Graph, inline stylesheet)',
  build: ({ page, options }) => htmlDocument(page, { faqJsonLd: options.faqJsonLd }),
};
