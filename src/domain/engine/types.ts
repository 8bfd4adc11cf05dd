import type { JsonObject, JsonValue } from '../json';
import type { ClientFlowDef, ClientScreenDef, EngineUser, QueuedScreen, RequestPlatform } from '../model';
import type { FormatRegistry, ReadQuery } from '../schema';
import type { StandardParameterRegistry } from '../standard-parameters';

/** Everything the engine needs from the outside world; the service layer supplies it. */
export interface EngineDeps {
  flow(slug: string): Promise<ClientFlowDef | null>;
  screen(slug: string): Promise<ClientScreenDef | null>;
  /** Unsafe formats, extractors and resource converters. */
  registry: FormatRegistry;
  standard: StandardParameterRegistry;
  /** `oseh_ucs_` + 22 url-safe chars. */
  newQueueUid(): string;
  /** Uniform in [0, 1). */
  random(): number;
  warn(message: string, data?: Record<string, unknown>): void;
  /** Reads on the operation's own connection, handed to resource converters (RealizeContext.query). */
  query: ReadQuery;
}

/** One engine call on one user's queue. */
export interface Operation {
  user: EngineUser;
  /** `server` for back-office calls: no auto-skip. */
  platform: RequestPlatform;
  version: number | null;
  /** Seconds since the epoch, fractional; predicates see it truncated. */
  now: number;
  requestTimezone: string | null;
}

/**
 * Structured counter increments (stats-cache-jobs.md §1.3-§1.5). `peeked` and `traced` are in
 * the union for the service's benefit only: the engine functions never emit them. The service
 * counts exactly one `peeked` for the front it commits (§1.6 defect A) and `traced` per stored
 * trace (defect D).
 */
export type StatsEvent =
  | { event: 'triggered'; source: RequestPlatform; version: number | null; flowSlug: string; trusted: boolean }
  | {
      event: 'replaced';
      source: RequestPlatform;
      version: number | null;
      poppedScreenSlug: string | null;
      originalSlug: string;
      replacementSlug: string;
    }
  | { event: 'queued'; source: RequestPlatform; version: number | null; screenSlug: string }
  | { event: 'peeked' | 'popped' | 'traced'; platform: RequestPlatform; version: number | null; screenSlug: string };

export interface QueueOutcome {
  /** Front first, final state. */
  queue: QueuedScreen[];
  /** Only for what happened: a dropped trigger contributes nothing. */
  stats: StatsEvent[];
  /** Slugs of the chosen flows, in order. */
  flowsTriggered: string[];
  /** A replacing flow cleared the queue. */
  cleared: boolean;
}

export type PopRequest = {
  /** `null` when the screen JWT was invalid: `error_bad_auth`, nothing popped. */
  screenJwtSub: string | null;
  trigger: {
    slug: string;
    parameters: JsonValue;
    /** Custom pop endpoints (queue-engine.md §7.6) pass verified server parameters; default `{}`. */
    serverParameters?: JsonObject;
  } | null;
};

export interface RealizedItem {
  slug: string;
  parameters: JsonObject;
}

/**
 * A misconfiguration the engine cannot answer around (a required special flow missing or
 * failing its own checks, `empty` queuing nothing, a front that never realizes). The service
 * turns it into a 500; it is never an expected outcome.
 */
export class EngineInternalError extends Error {
  constructor(message: string, readonly data: Record<string, unknown> = {}) {
    super(message);
    this.name = 'EngineInternalError';
  }
}

/** A trigger being resolved (queue-engine.md §3.1). */
export interface Trigger {
  slug: string;
  /** Any JSON: a non-object simply fails the flow's client schema. */
  client: JsonValue;
  server: JsonValue;
  source: RequestPlatform;
  trusted: boolean;
}
