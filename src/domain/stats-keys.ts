/**
 * The two statistics families and their Redis keys (stats-cache-jobs.md §1.2), named once for
 * the writer, the rollup and the admin read side. `{d}` is the decimal stats day (unix_date).
 */

export type StatsFamilyName = 'client_flows' | 'client_screens';

/** The events of each family, in wire order. Every event has a breakdown. */
export const FAMILY_EVENTS: Readonly<Record<StatsFamilyName, readonly string[]>> = {
  client_flows: ['triggered', 'replaced'],
  client_screens: ['queued', 'peeked', 'popped', 'traced'],
};

export const STATS_FAMILIES = Object.keys(FAMILY_EVENTS) as StatsFamilyName[];

/** `stats:{family}:daily:{d}`: event → count for day d. */
export const statsDayKey = (family: StatsFamilyName, day: number) => `stats:${family}:daily:${day}`;

/** `stats:{family}:daily:{d}:extra:{event}`: breakdown key → count. */
export const statsExtraKey = (family: StatsFamilyName, day: number, event: string) => `stats:${family}:daily:${day}:extra:${event}`;

/** `stats:{family}:daily:earliest`: no day before it has data in Redis; missing means none ever. */
export const statsEarliestKey = (family: StatsFamilyName) => `stats:${family}:daily:earliest`;

/**
 * `stats:{family}:daily:rolled_through`: the last day moved to PostgreSQL. Writes for that day or
 * earlier are refused (counted in the late counter) instead of re-opening a rolled day (§8.2).
 */
export const statsRolledThroughKey = (family: StatsFamilyName) => `stats:${family}:daily:rolled_through`;

/** `stats:{family}:late`: increments refused because their day was already rolled up. */
export const statsLateKey = (family: StatsFamilyName) => `stats:${family}:late`;

/** The per-family lock the rollup holds while it runs (§8.1). */
export const statsRollupLockKey = (family: StatsFamilyName) => `stats:${family}:daily:rollup_lock`;
