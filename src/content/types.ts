import type { FlowFlags, ScreenFlags } from '../domain/flags';
import type { FlowRule, FlowScreen, Schema } from '../domain/model';

/** A built-in screen as shipped data; upserted by slug at migration time. */
export interface ScreenSeed {
  slug: string;
  name: string;
  description: string;
  flags: ScreenFlags;
  schema: Schema;
}

/** A built-in (special) client flow as shipped data; IS_CUSTOM is never set on these. */
export interface FlowSeed {
  slug: string;
  name: string | null;
  description: string | null;
  clientSchema: Schema;
  serverSchema: Schema;
  replaces: boolean;
  screens: FlowScreen[];
  rules: FlowRule[];
  flags: FlowFlags;
}
