import { SpecialFlow } from '../engine/special-flows';

/** `skip` may always be popped to (queue-engine.md §7.3), so naming it needs no flow check. */
export const isAlwaysAllowedTrigger = (slug: string): boolean => slug === SpecialFlow.skip;

/**
 * Flows server code triggers by name (queue-engine.md §10, the engine's own constant): never
 * renamed or deleted through the admin API, whatever their flags say (admin-api.md §6.4 item 5).
 */
export const SPECIAL_FLOW_SLUGS: ReadonlySet<string> = new Set(Object.values(SpecialFlow));
