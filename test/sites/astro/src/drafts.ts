/** Drafts (`draft: true`, liqnews' default) show in `astro dev` and in a build with BUILD_DRAFTS=1, never otherwise. */
// MODE, not DEV: DEV follows NODE_ENV, which a CI job or test runner may set to anything.
export const showDrafts: boolean = import.meta.env.MODE === 'development' || process.env.BUILD_DRAFTS === '1';

export const isVisible = ({ data }: { data: { draft: boolean } }): boolean => showDrafts || !data.draft;
