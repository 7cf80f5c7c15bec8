// The example's draft preview: liqnews gives an Eleventy draft `permalink: false` and
// `eleventyExcludeFromCollections: true` (a stock site publishes no draft); with
// BUILD_DRAFTS=1 this folder's data gives drafts their page and home-page entry back.
const preview = process.env.BUILD_DRAFTS === '1';
// inputPath, since Eleventy drops a leading date from fileSlug and filePathStem.
const fileName = (data) => data.page.inputPath.split('/').pop().replace(/\.md$/, '');

export default {
  layout: 'post',
  eleventyComputed: {
    permalink: (data) => (preview && data.draft === true ? `/posts/${fileName(data)}/` : data.permalink),
    eleventyExcludeFromCollections: (data) => (preview && data.draft === true ? false : data.eleventyExcludeFromCollections),
  },
};
