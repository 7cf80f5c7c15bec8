// Minimal Eleventy 3 site for liqnews articles: `liqnews render … --site eleventy --format md --out articles`.
// Each page goes to its front-matter permalink, /posts/<date>-<slug>/, whatever folder it sits in.

export default function (eleventyConfig) {
  // Drafts (`draft: true`, liqnews' default) stay out of a build unless BUILD_DRAFTS=1; `--serve` shows them.
  eleventyConfig.addPreprocessor('drafts', 'md', (data) => {
    if (data.draft === true && process.env.BUILD_DRAFTS !== '1' && process.env.ELEVENTY_RUN_MODE === 'build') return false;
    return undefined;
  });
  // Newest first, for the home page.
  eleventyConfig.addCollection('posts', (api) => api.getFilteredByGlob('articles/*.md').sort((a, b) => b.date - a.date));
}

export const config = {
  dir: { input: '.', includes: '_includes', output: '_site' },
};
