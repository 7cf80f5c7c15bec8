/**
 * `card`: the social card, `<date>-<slug>.card.png`, 1200×630 (src/card/).
 * The only binary format: it cannot hold a stamp, so the writer keeps its
 * hash beside it (`.<file>.sha256`), as for the text posts. Drawing it costs
 * tens of milliseconds (the rasteriser), so it is built only when asked for.
 */
import type { FormatWriter } from './context.js';
import { LiqnewsError } from '../errors.js';
import { cardContent, cardSvg } from '../card/svg.js';
import { svgToPng } from '../card/png.js';

export const cardFormat: FormatWriter<Uint8Array> = {
  ext: 'card.png',
  description: 'the social card: a 1200×630 PNG with the headline, the total and the long/short split',
  build(ctx) {
    try {
      return svgToPng(cardSvg(cardContent({ headline: ctx.text.headline, facts: ctx.facts, publisher: ctx.options.publisher })));
    } catch (e) {
      throw new LiqnewsError('CARD_FAILED', `the social card could not be drawn: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
        hint: 'the article\'s other files are not written either, so no page points at a missing image; run again with --debug for the details',
      });
    }
  },
};
