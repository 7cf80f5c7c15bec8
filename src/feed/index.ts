/** Feeds over a folder of rendered articles: read, select, build. */
export type { FeedArticle } from './article.js';
export { readArticleFolder, type FolderArticles, type FolderProblem } from './read.js';
export { articlePath, buildFeeds, selectForFeed, FEED_FILES, DEFAULT_FEED_TITLE, type FeedFileName, type FeedOptions, type Selection, type SelectOptions } from './build.js';
