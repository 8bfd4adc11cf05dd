/**
 * In-memory fakes for engine tests (this module's and the service layer's). Pure: no I/O.
 */
import { flowFlags, flowScreenFlags, screenFlags } from '../flags';
import type { JsonObject } from '../json';
import type { ClientFlowDef, ClientScreenDef, EngineUser, FlowScreen, QueuedScreen, Schema } from '../model';
import { FormatRegistry } from '../schema';
import { createCoreStandardParameters, type StandardParameterRegistry } from '../standard-parameters';
import { REQUIRED_SPECIAL_FLOWS, SpecialFlow } from './special-flows';
import { renderBreakdownKey } from './stats';
import type { EngineDeps, Operation, StatsEvent } from './types';

/** The special flows' schemas of queue-engine.md §10. */
export const EMPTY_OBJECT_SCHEMA: Schema = {
  type: 'object',
  properties: {},
  additionalProperties: false,
  example: {},
};

/** A screen whose input is `{title: string}` (required). */
export const TITLE_SCHEMA: Schema = {
  type: 'object',
  required: ['title'],
  properties: { title: { type: 'string', example: 'Hello' } },
  example: { title: 'Hello' },
};

let nextId = 1;

export function screenDef(slug: string, over: Partial<ClientScreenDef> = {}): ClientScreenDef {
  const id = nextId++;
  return { id, uid: `oseh_cs_${slug}`, slug, schema: TITLE_SCHEMA, flags: screenFlags(15), ...over };
}

/** A flow screen showing `slug` with `{title: <slug>}` as its fixed input unless overridden. */
export function flowScreen(
  slug: string,
  over: Partial<Omit<FlowScreen, 'screen'>> & { fixed?: JsonObject; variable?: FlowScreen['screen']['variable'] } = {},
): FlowScreen {
  const { fixed, variable, ...rest } = over;
  return {
    screen: { slug, fixed: fixed ?? { title: slug }, variable: variable ?? [] },
    name: null,
    allowed_triggers: [],
    flags: flowScreenFlags(31),
    rules: { trigger: null, peek: null },
    ...rest,
  };
}

/** A flow screen whose title is `format` rendered by a string_format transform, over `fixed`. */
export function formattedTitle(slug: string, format: string, fixed: JsonObject = {}): FlowScreen {
  return flowScreen(slug, { fixed, variable: [{ type: 'string_format', format, output_path: ['title'] }] });
}

export function flowDef(slug: string, over: Partial<ClientFlowDef> = {}): ClientFlowDef {
  const id = nextId++;
  return {
    id,
    uid: `oseh_cfl_${slug}`,
    slug,
    clientSchema: EMPTY_OBJECT_SCHEMA,
    serverSchema: EMPTY_OBJECT_SCHEMA,
    replaces: false,
    screens: [],
    rules: [],
    flags: flowFlags(31),
    ...over,
  };
}

/** The seeded minimal special flows; `empty` shows the `caught_up` screen. */
export function specialFlows(): ClientFlowDef[] {
  return REQUIRED_SPECIAL_FLOWS.map((slug) =>
    flowDef(slug, {
      flags: flowFlags(slug === SpecialFlow.skip ? 29 : 1),
      screens: slug === SpecialFlow.empty ? [flowScreen('caught_up')] : [],
    }),
  );
}

export interface FakeDepsOptions {
  flows?: ClientFlowDef[];
  screens?: ClientScreenDef[];
  registry?: FormatRegistry;
  standard?: StandardParameterRegistry;
  /** Values returned by `random()` in order; 0.5 once they run out. */
  randoms?: number[];
}

/** Deps backed by maps; starts with the special flows and the `caught_up` screen. */
export class FakeDeps implements EngineDeps {
  readonly flows = new Map<string, ClientFlowDef>();
  readonly screens = new Map<string, ClientScreenDef>();
  readonly warnings: { message: string; data?: Record<string, unknown> }[] = [];
  readonly registry: FormatRegistry;
  readonly standard: StandardParameterRegistry;
  private readonly randoms: number[];
  private uidCounter = 0;

  constructor(options: FakeDepsOptions = {}) {
    this.registry = options.registry ?? new FormatRegistry();
    this.standard = options.standard ?? createCoreStandardParameters();
    this.randoms = [...(options.randoms ?? [])];
    this.addScreens(screenDef('caught_up'));
    this.addFlows(...specialFlows(), ...(options.flows ?? []));
    this.addScreens(...(options.screens ?? []));
  }

  addFlows(...flows: ClientFlowDef[]): this {
    for (const f of flows) this.flows.set(f.slug, f);
    return this;
  }

  addScreens(...screens: ClientScreenDef[]): this {
    for (const s of screens) this.screens.set(s.slug, s);
    return this;
  }

  async flow(slug: string) {
    return this.flows.get(slug) ?? null;
  }

  async screen(slug: string) {
    return this.screens.get(slug) ?? null;
  }

  newQueueUid() {
    return `oseh_ucs_${String(++this.uidCounter).padStart(22, '0')}`;
  }

  random() {
    return this.randoms.shift() ?? 0.5;
  }

  warn(message: string, data?: Record<string, unknown>) {
    this.warnings.push({ message, data });
  }

  /** No database here: converters that read get nothing. */
  async query<T>(): Promise<T[]> {
    return [];
  }
}

export const NOW = 1_700_000_000.25;

export function user(over: Partial<EngineUser> = {}): EngineUser {
  return {
    sub: 'oseh_u_test',
    createdAt: NOW - 86_400,
    givenName: 'Ann',
    familyName: 'Lee',
    hasPro: false,
    timezone: 'UTC',
    ...over,
  };
}

export function operation(over: Partial<Operation> = {}): Operation {
  return { user: user(), platform: 'ios', version: null, now: NOW, requestTimezone: null, ...over };
}

/** An existing queue row (as the service would load it). */
export function queuedRow(
  uid: string,
  screen: ClientScreenDef | null,
  over: Partial<QueuedScreen> = {},
): QueuedScreen {
  const slug = screen?.slug ?? 'gone';
  return {
    uid,
    outerCounter: 1,
    innerCounter: 0,
    clientFlowId: null,
    clientScreen: screen,
    flowClientParameters: {},
    flowServerParameters: {},
    screen: flowScreen(slug),
    addedAt: NOW - 60,
    ...over,
  };
}

/** Queue rows as `slug@outer.inner` strings, front first: compact assertions. */
export const describeQueue = (queue: readonly QueuedScreen[]) =>
  queue.map((r) => `${r.screen.screen.slug}@${r.outerCounter}.${r.innerCounter}`);

/** Stats as `event key` strings, in emission order. */
export const statKeys = (outcome: { stats: readonly StatsEvent[] }) =>
  outcome.stats.map((e) => `${e.event} ${renderBreakdownKey(e)}`);
