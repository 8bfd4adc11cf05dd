/**
 * The statistics day ("unix_date", stats-cache-jobs.md §1.1): the calendar date of an instant in
 * the stats time zone (default America/Los_Angeles), counted in whole days from 1970-01-01.
 * Never `floor(ms / 86_400_000)`: that is the UTC date. Days are 23, 24 or 25 hours long.
 * Instants are seconds since the epoch.
 */

export const DEFAULT_STATS_TIMEZONE = 'America/Los_Angeles';

const DAY_MS = 86_400_000;

interface ZoneClock {
  format: Intl.DateTimeFormat;
  /** The last day looked up, as [start, end) instants: most calls fall into it. */
  day: { unixDate: number; start: number; end: number } | null;
}

const clocks = new Map<string, ZoneClock>();

function clockFor(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    // Throws RangeError for a zone Intl does not know; the config validates the zone at start.
    const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' });
    clock = { format, day: null };
    clocks.set(zone, clock);
  }
  return clock;
}

/** The local calendar date of `instant` in `zone`, as a unix_date, without the day cache. */
function localUnixDate(clock: ZoneClock, instant: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of clock.format.formatToParts(new Date(instant * 1000))) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * The first whole second whose local date is `unixDate` or later. Zone offsets stay within
 * -12 h..+14 h, so the answer lies within a day and a bit of UTC midnight; a binary search also
 * handles zones whose midnight is skipped by a DST change.
 */
function firstSecondOf(clock: ZoneClock, unixDate: number): number {
  const utcMidnight = unixDate * 86_400;
  let low = utcMidnight - 26 * 3600; // local date < unixDate here
  let high = utcMidnight + 26 * 3600; // local date >= unixDate here
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (localUnixDate(clock, mid) >= unixDate) high = mid;
    else low = mid;
  }
  return high;
}

/** The stats day of an instant: the unix_date of its local calendar date in `zone`. */
export function statsDay(instant: number, zone: string = DEFAULT_STATS_TIMEZONE): number {
  const clock = clockFor(zone);
  const cached = clock.day;
  if (cached !== null && instant >= cached.start && instant < cached.end) return cached.unixDate;
  const unixDate = localUnixDate(clock, Math.floor(instant));
  clock.day = { unixDate, start: firstSecondOf(clock, unixDate), end: firstSecondOf(clock, unixDate + 1) };
  return unixDate;
}

/** The instant (seconds) stats day `unixDate` starts: local midnight in `zone`. */
export function startOfStatsDay(unixDate: number, zone: string = DEFAULT_STATS_TIMEZONE): number {
  const clock = clockFor(zone);
  // The stats writer asks for the next day's start on every request: the cached day knows it.
  const cached = clock.day;
  if (cached !== null) {
    if (unixDate === cached.unixDate) return cached.start;
    if (unixDate === cached.unixDate + 1) return cached.end;
  }
  return firstSecondOf(clock, unixDate);
}

/** Seconds from `instant` until the next stats day starts (the charts' cache lifetime). */
export function secondsUntilNextStatsDay(instant: number, zone: string = DEFAULT_STATS_TIMEZONE): number {
  return startOfStatsDay(statsDay(instant, zone) + 1, zone) - instant;
}

/** `YYYY-MM-DD` of a unix_date: the form of `retrieved_for` and the chart labels. */
export function isoDate(unixDate: number): string {
  return new Date(unixDate * DAY_MS).toISOString().slice(0, 10);
}

/** The unix_date of a `YYYY-MM-DD` date, or null when the text is not one. */
export function unixDateOf(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return isoDate(ms / DAY_MS) === iso ? ms / DAY_MS : null;
}
