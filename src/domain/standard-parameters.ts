import type { JsonObject } from './json';
import type { EngineUser, PathStep, Schema } from './model';

/**
 * Standard parameters (queue-engine.md §4.4, screens-and-media.md §2.7): values about the user
 * and the moment that flow screens read under `standard`. The set is closed: each group is a
 * provider whose declared leaf schemas are what save-time checks accept, and whose `compute`
 * is what realization reads, so both use one source of truth.
 */

export interface StandardContext {
  /** `null` when the user row is missing. */
  user: EngineUser | null;
  /** Seconds since the epoch (fractional). */
  now: number;
  /** IANA zone sent with the request, if any. */
  requestTimezone: string | null;
}

export interface StandardParameterProvider {
  /** First path step under `standard`, e.g. `name`. */
  group: string;
  /** Leaf path without the group, dot-separated (`given`, `streak.raw`) -> declared schema node. */
  schemaByPath: Record<string, Schema>;
  compute(ctx: StandardContext): JsonObject;
}

const pathKey = (steps: readonly PathStep[]) => JSON.stringify(steps);

export class StandardParameterRegistry {
  private readonly providers = new Map<string, StandardParameterProvider>();
  /** Full leaf path (group first, as string steps) -> schema; keyed by `pathKey`. */
  private readonly leaves = new Map<string, { path: string[]; schema: Schema }>();

  /** Registering a group twice is a wiring mistake, so it throws. */
  register(provider: StandardParameterProvider): void {
    if (this.providers.has(provider.group)) throw new Error(`standard parameter group ${provider.group} registered twice`);
    this.providers.set(provider.group, provider);
    for (const [leaf, schema] of Object.entries(provider.schemaByPath)) {
      const path = [provider.group, ...leaf.split('.')];
      this.leaves.set(pathKey(path), { path, schema });
    }
  }

  /** Declared schema node of a leaf path such as `['name', 'given']`; `undefined` for anything else. */
  schemaOf(path: readonly PathStep[]): Schema | undefined {
    return this.leaves.get(pathKey(path))?.schema;
  }

  /** Every declared leaf path, for messages and documentation. */
  leafPaths(): string[][] {
    return [...this.leaves.values()].map((leaf) => [...leaf.path]);
  }

  /**
   * Values of the groups the paths touch, and only those (an empty path touches all).
   * Unknown groups are ignored: reading them then fails like any missing input.
   */
  compute(paths: readonly PathStep[][], ctx: StandardContext): JsonObject {
    const everything = paths.some((p) => p.length === 0);
    const out: JsonObject = {};
    for (const [group, provider] of this.providers) {
      if (everything || paths.some((p) => p[0] === group)) out[group] = provider.compute(ctx);
    }
    return out;
  }
}

// ---- core groups ----

const STRING: Schema = { type: 'string' };
const INT32: Schema = { type: 'integer', format: 'int32' };

const nameProvider: StandardParameterProvider = {
  group: 'name',
  schemaByPath: { given: STRING, family: STRING, full: STRING },
  compute({ user }) {
    // Project rule: a null name part is "" (the reference rendered Python's None).
    const given = user === null ? 'Anonymous' : (user.givenName ?? '');
    const family = user === null ? '' : (user.familyName ?? '');
    return { given, family, full: `${given} ${family}`.trim() };
  },
};

/** The bucket of an hour (0-23): morning 03:00-11:59, afternoon 12:00-16:59, evening otherwise. */
export function timeOfDay(hour: number): 'morning' | 'afternoon' | 'evening' {
  if (hour >= 3 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  return 'evening';
}

const timeOfDayProvider: StandardParameterProvider = {
  group: 'time_of_day',
  schemaByPath: { lower: STRING, upper: STRING, title: STRING },
  compute(ctx) {
    const lower = timeOfDay(localClock(ctx).hour);
    return { lower, upper: lower.toUpperCase(), title: lower[0].toUpperCase() + lower.slice(1) };
  },
};

const dayOfWeekProvider: StandardParameterProvider = {
  group: 'day_of_week',
  schemaByPath: { title: STRING },
  compute: (ctx) => ({ title: localClock(ctx).weekday }),
};

const constantsProvider: StandardParameterProvider = {
  group: 'constants',
  schemaByPath: { fast_anim_ms: INT32, normal_anim_ms: INT32, slow_anim_ms: INT32 },
  compute: () => ({ fast_anim_ms: 350, normal_anim_ms: 500, slow_anim_ms: 750 }),
};

/** A registry with the core groups: `name`, `time_of_day`, `day_of_week`, `constants`. */
export function createCoreStandardParameters(): StandardParameterRegistry {
  const registry = new StandardParameterRegistry();
  for (const provider of [nameProvider, timeOfDayProvider, dayOfWeekProvider, constantsProvider]) registry.register(provider);
  return registry;
}

// ---- local time ----

/** Formatters per valid zone name; building one is far costlier than using it. */
const clocks = new Map<string, Intl.DateTimeFormat>();
/** Zone names may come from requests (and Intl accepts any letter case), so the cache is bounded. */
const MAX_CLOCKS = 1000;

function clockFor(zone: string): Intl.DateTimeFormat | null {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    try {
      clock = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23', weekday: 'long' });
    } catch {
      return null; // not a zone Intl knows
    }
    if (clocks.size >= MAX_CLOCKS) clocks.clear();
    clocks.set(zone, clock);
  }
  return clock;
}

/** The user's zone, else the request's, else UTC; a zone Intl does not know counts as missing, so a bad stored value cannot fail a peek. */
function zoneClock(ctx: StandardContext): Intl.DateTimeFormat {
  for (const zone of [ctx.user?.timezone, ctx.requestTimezone]) {
    const clock = zone ? clockFor(zone) : null;
    if (clock !== null) return clock;
  }
  return clockFor('UTC')!;
}

/** Hour (0-23) and English weekday at `now` in the context's zone. */
export function localClock(ctx: StandardContext): { hour: number; weekday: string } {
  const parts = zoneClock(ctx).formatToParts(new Date(ctx.now * 1000));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { hour: Number(part('hour')), weekday: part('weekday') };
}
