import type { ClientFlowDef, ClientScreenDef } from '../domain/model';

// Seeds are the engine's definitions without the ids the database assigns, plus admin text.

/** A built-in screen as shipped data; upserted by slug at migration time. */
export interface ScreenSeed extends Omit<ClientScreenDef, 'id' | 'uid'> {
  name: string;
  description: string;
}

/** A built-in (special) client flow as shipped data; IS_CUSTOM is never set on these. */
export interface FlowSeed extends Omit<ClientFlowDef, 'id' | 'uid'> {
  name: string | null;
  description: string | null;
}
