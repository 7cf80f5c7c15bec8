/**
 * The contract's numeric limits, apart from the schema so that modules which
 * only need a limit (the CLI's argument checks, ingest's window rules) do not
 * load zod: `liqnews --help` and the main thread of a parallel render stay light.
 */
/** Largest dollar amount a snapshot field may hold. */
export const MAX_USD = 1e13;
/**
 * Smallest dollar amount above zero: one cent. Articles print money to the
 * cent at most, so $0.004 would read "$0" in every sentence that names it
 * ("a $0 short position", "a record of $0").
 */
export const MIN_USD = 0.01;
/** Longest window a snapshot may cover, in days. */
export const MAX_WINDOW_DAYS = 31;
