import type { FlowFlags, FlowScreenFlags, ScreenFlags } from './flags';
import type { JsonObject, JsonValue } from './json';

/** Platforms a client can send; `server` is the platform of admin and back-office calls. */
export type ClientPlatform = 'ios' | 'android' | 'browser';
export type RequestPlatform = ClientPlatform | 'server';
export const CLIENT_PLATFORMS: readonly ClientPlatform[] = ['ios', 'android', 'browser'];

/** An OpenAPI 3.0.3 schema object (screen schema, flow client/server schema). */
export type Schema = JsonObject;

// ---- predicates (queue-engine.md §2) ----

export type FilterOperator =
  | 'eq' | 'neq'
  | 'gt' | 'gtn' | 'gte' | 'gten' | 'lt' | 'ltn' | 'lte' | 'lten'
  | 'bt' | 'btn' | 'bte' | 'bten' | 'out' | 'outn' | 'oute' | 'outen';

export interface FilterItem {
  operator: FilterOperator;
  value: JsonValue;
}

export interface Predicate {
  version?: FilterItem | null;
  time_in_queue?: FilterItem | null;
  queued_at?: FilterItem | null;
  account_age?: FilterItem | null;
  account_created_at?: FilterItem | null;
  random_float?: FilterItem | null;
  or_predicate?: Predicate | null;
}

// ---- flow screens (queue-engine.md §1.3, §4) ----

export type PathStep = string | number;

export type ScreenVariable =
  | { type: 'string_format'; format: string; output_path: PathStep[] }
  | { type: 'copy'; input_path: PathStep[]; output_path: PathStep[] }
  | {
      type: 'extract';
      input_path: PathStep[];
      extracted_path: PathStep[];
      output_path: PathStep[];
      skip_if_missing: boolean;
    };

export interface FlowScreen {
  screen: { slug: string; fixed: JsonObject; variable: ScreenVariable[] };
  name: string | null;
  allowed_triggers: string[];
  flags: FlowScreenFlags;
  rules: { trigger: Predicate | null; peek: Predicate | null };
}

// ---- flow rules (queue-engine.md §3.3) ----

export type ParameterPassing = { type: 'copy' | 'omit' };

export type FlowRuleEffect =
  | { type: 'replace'; slug: string; client_parameters: ParameterPassing; server_parameters: ParameterPassing }
  | { type: 'skip' };

export interface FlowRule {
  condition: Predicate;
  effect: FlowRuleEffect;
}

// ---- definitions the engine reads ----

export interface ClientScreenDef {
  id: number;
  uid: string;
  slug: string;
  schema: Schema;
  flags: ScreenFlags;
}

export interface ClientFlowDef {
  id: number;
  uid: string;
  slug: string;
  clientSchema: Schema;
  serverSchema: Schema;
  replaces: boolean;
  screens: FlowScreen[];
  rules: FlowRule[];
  flags: FlowFlags;
}

/** One row of a user's queue (`user_client_screens`), front first when in a list. */
export interface QueuedScreen {
  uid: string;
  outerCounter: number;
  innerCounter: number;
  clientFlowId: number | null;
  /** `null` when the row's `client_screens` row no longer exists (it is then auto-removed). */
  clientScreen: ClientScreenDef | null;
  flowClientParameters: JsonObject;
  flowServerParameters: JsonObject;
  screen: FlowScreen;
  /** Seconds since the epoch (fractional). */
  addedAt: number;
}

/** What the engine knows about the user whose queue it runs. */
export interface EngineUser {
  sub: string;
  /** Seconds since the epoch. */
  createdAt: number;
  givenName: string | null;
  familyName: string | null;
  hasPro: boolean;
  /** IANA zone; null means unknown (the request's zone, else UTC, is used). */
  timezone: string | null;
}
