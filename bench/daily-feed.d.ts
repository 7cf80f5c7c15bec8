/** Types for daily-feed.js, for the tests that render its feed. */
export function dailyFeed(days?: number, seed?: number, firstEnd?: number): Record<string, unknown>[];
