import { renderBreakdownKey, statsFamily, type StatsEvent } from '../domain/engine';
import {
  FAMILY_EVENTS, STATS_FAMILIES, statsDayKey, statsEarliestKey, statsExtraKey, statsLateKey, statsRolledThroughKey,
  type StatsFamilyName,
} from '../domain/stats-keys';

/** Distinct breakdown keys kept per day and event; later ones are counted under OTHER_BREAKDOWN (§8 item 6). */
export const DEFAULT_BREAKDOWN_CAP = 5000;
/** Where increments of breakdown keys beyond the cap go; the event's total stays exact. */
export const OTHER_BREAKDOWN = '__other__';
/** Stands for a slug segment that is not a slug (clients choose trigger slugs, §8 item 6). */
export const INVALID_SEGMENT = '__invalid__';
/** Day hashes expire this long after their day ends, in case `earliest` is ever lost (§8 item 7). */
export const STATS_SAFETY_TTL_SECONDS = 14 * 86_400;

const SLUG = /^[a-z0-9_-]{1,255}$/;
const segment = (slug: string) => (SLUG.test(slug) ? slug : INVALID_SEGMENT);

/** The event with every slug segment checked, so a breakdown key never holds client garbage or `:`. */
export function boundedEvent(e: StatsEvent): StatsEvent {
  switch (e.event) {
    case 'triggered':
      return { ...e, flowSlug: segment(e.flowSlug) };
    case 'replaced':
      return {
        ...e,
        poppedScreenSlug: e.poppedScreenSlug === null ? null : segment(e.poppedScreenSlug),
        originalSlug: segment(e.originalSlug),
        replacementSlug: segment(e.replacementSlug),
      };
    default:
      return { ...e, screenSlug: segment(e.screenSlug) };
  }
}

/** Amounts per family, event and breakdown key: one request's increments, summed. */
export type StatsIncrements = Map<StatsFamilyName, Map<string, Map<string, number>>>;

export function collectIncrements(events: readonly StatsEvent[]): StatsIncrements {
  const out: StatsIncrements = new Map();
  for (const raw of events) {
    const e = boundedEvent(raw);
    const family = statsFamily(e);
    let byEvent = out.get(family);
    if (byEvent === undefined) out.set(family, (byEvent = new Map()));
    let byKey = byEvent.get(e.event);
    if (byKey === undefined) byEvent.set(e.event, (byKey = new Map()));
    const key = renderBreakdownKey(e);
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  return out;
}

/** KEYS and ARGV of one call of STATS_WRITE_SCRIPT. */
export interface StatsWritePlan {
  keys: string[];
  args: string[];
  /** Total of all increments (each counted once, not once per hash). */
  increments: number;
}

/**
 * The one script call that applies a request's increments for stats day `day` (layout in
 * STATS_WRITE_SCRIPT). `expireAt` is the safety expiry of the day's hashes (epoch seconds).
 */
export function planStatsWrite(
  increments: StatsIncrements,
  options: { day: number; expireAt: number; cap: number },
): StatsWritePlan | null {
  const keys: string[] = [];
  const args: string[] = [String(options.cap), '0'];
  let groups = 0;
  let total = 0;
  for (const family of STATS_FAMILIES) {
    const byEvent = increments.get(family);
    if (byEvent === undefined || byEvent.size === 0) continue;
    groups++;
    keys.push(statsEarliestKey(family), statsRolledThroughKey(family), statsLateKey(family), statsDayKey(family, options.day));
    const events = FAMILY_EVENTS[family].filter((event) => byEvent.has(event));
    args.push(String(options.day), String(Math.ceil(options.expireAt)), String(events.length));
    for (const event of events) {
      const byKey = byEvent.get(event)!;
      keys.push(statsExtraKey(family, options.day, event));
      let eventTotal = 0;
      const fields: string[] = [];
      for (const [key, amount] of byKey) {
        fields.push(key, String(amount));
        eventTotal += amount;
      }
      args.push(event, String(eventTotal), String(byKey.size), ...fields);
      total += eventTotal;
    }
  }
  if (groups === 0) return null;
  args[1] = String(groups);
  return { keys, args, increments: total };
}

/**
 * Applies a plan atomically (one script: Redis runs it without interleaving another command).
 * ARGV: cap, group count, then per family group: day, expireAt, event count, and per event:
 * name, total, field count, (field, amount) pairs. KEYS per group: earliest, rolled_through,
 * late, the day's basic hash, then one extra hash per event.
 *
 * Per group: a day at or before `rolled_through` is already in PostgreSQL: its increments go to
 * the late counter only. Otherwise `earliest` is lowered to the day (set-if-lower) in the same
 * script as the increments, so no reader sees data below `earliest`; each breakdown key is
 * counted unless its hash already holds `cap` other keys, then under `__other__`; the day's
 * hashes get their safety expiry. Returns the number of increments refused as late.
 */
export const STATS_WRITE_SCRIPT = `
local cap = tonumber(ARGV[1])
local groups = tonumber(ARGV[2])
local a = 3
local k = 1
local late = 0
for g = 1, groups do
  local earliestKey, rolledKey, lateKey, dayKey = KEYS[k], KEYS[k + 1], KEYS[k + 2], KEYS[k + 3]
  k = k + 4
  local day = tonumber(ARGV[a])
  local expireAt = ARGV[a + 1]
  local events = tonumber(ARGV[a + 2])
  a = a + 3
  local rolled = tonumber(redis.call('GET', rolledKey) or '')
  local refused = rolled ~= nil and day <= rolled
  if not refused then
    local earliest = tonumber(redis.call('GET', earliestKey) or '')
    if earliest == nil or earliest > day then redis.call('SET', earliestKey, day) end
  end
  for e = 1, events do
    local extraKey = KEYS[k]
    k = k + 1
    local event, total, fields = ARGV[a], tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
    a = a + 3
    if refused then
      redis.call('INCRBY', lateKey, total)
      late = late + total
      a = a + 2 * fields
    else
      redis.call('HINCRBY', dayKey, event, total)
      local other = 0
      for f = 1, fields do
        local field, amount = ARGV[a], tonumber(ARGV[a + 1])
        a = a + 2
        if redis.call('HEXISTS', extraKey, field) == 1 or redis.call('HLEN', extraKey) < cap then
          redis.call('HINCRBY', extraKey, field, amount)
        else
          other = other + amount
        end
      end
      if other > 0 then redis.call('HINCRBY', extraKey, '${OTHER_BREAKDOWN}', other) end
      redis.call('EXPIREAT', extraKey, expireAt)
    end
  end
  if not refused then redis.call('EXPIREAT', dayKey, expireAt) end
end
return late
`;
