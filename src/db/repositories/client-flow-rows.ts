import type { JsonObject } from '../../domain/json';
import type { FlowRule, FlowScreen } from '../../domain/model';

/** The admin API's view of a `client_flows` row: these columns, mapped by services/admin/client-flow-object.ts. */
export const CLIENT_FLOW_COLUMNS = 'uid, slug, name, description, client_schema, server_schema, replaces, screens, rules, flags, created_at, revision';

export interface ClientFlowRow {
  uid: string;
  slug: string;
  name: string | null;
  description: string | null;
  client_schema: JsonObject;
  server_schema: JsonObject;
  replaces: boolean;
  screens: FlowScreen[];
  rules: FlowRule[];
  flags: number;
  created_at: number | string;
  revision: number;
}
