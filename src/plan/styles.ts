/** The five article styles, after the five seed reports. */
export const STYLES = {
  bulletin: 'A news-feed post: verdict headline, attribution, emoji bullets per asset, drivers, hashtags.',
  recap: 'A punchy market recap: headline and dek, bold lead-ins, the biggest losses, price path, outlook.',
  tldr: 'A structured explainer: contents, three TL;DR bullets, body, catalyst section, summary and outlook.',
  analysis: 'Long-form analysis without lists: mechanics, magnitude, context, cascade, implications, record.',
  explainer: 'A sentiment-led short piece with Final Thoughts, data-driven FAQs and a disclaimer.',
} as const;

export type StyleName = keyof typeof STYLES;
export const STYLE_NAMES = Object.keys(STYLES) as StyleName[];

export const isStyleName = (s: string): s is StyleName => Object.hasOwn(STYLES, s);
