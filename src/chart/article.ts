/** An article's chart (formats/context.ts ArticleChart): its data from the facts, drawn once on first use. */
import { LiqnewsError } from '../errors.js';
import type { ArticleChart } from '../formats/context.js';
import type { StoryFacts } from '../facts/types.js';
import { chartData } from './data.js';
import { chartAlt } from './alt.js';
import { chartFileName } from './body.js';
import { chartSvg } from './svg.js';

export function articleChart(facts: StoryFacts, basename: string): ArticleChart | null {
  const d = chartData(facts);
  if (!d) return null;
  const alt = chartAlt(d);
  let svg: string | undefined;
  return {
    alt,
    file: chartFileName(basename),
    svg() {
      if (svg !== undefined) return svg;
      try {
        return (svg = chartSvg(d, alt));
      } catch (e) {
        if (e instanceof LiqnewsError) throw e;
        throw new LiqnewsError('CHART_FAILED', `the chart of story ${facts.id} could not be drawn: ${e instanceof Error ? e.message : String(e)}`, {
          cause: e,
          hint: 'the article\'s other files are not written either, so no page points at a missing image; run again with --debug for the details',
        });
      }
    },
  };
}
