import type { JsonObject } from '../json';
import type { FlowScreen, Schema } from '../model';
import { validateValue } from '../schema';
import { checkFlowSchema } from './flow';
import { checkFlowScreen, type FlowScreenContext } from './flow-screen';
import type { FlowIssueCode } from './issues';

/** The 409 types of test_screen (admin-api.md §9.2), lower-case as on the wire. */
export type TestScreenRejection =
  | 'client_schema_invalid'
  | 'server_schema_invalid'
  | 'client_parameters_mismatch'
  | 'server_parameters_mismatch'
  | 'screen_not_found'
  | 'screen_is_unsafe'
  | 'screen_input_parameters_wont_match'
  | 'screen_input_parameters_redundant'
  | 'screen_input_parameters_didnt_match'
  | 'skip'
  | 'screen_realization_failed';

export interface TestScreenInput {
  clientSchema: Schema;
  serverSchema: Schema;
  flowScreen: FlowScreen;
  clientParameters: JsonObject;
  serverParameters: JsonObject;
}

export type Rejected = { reason: TestScreenRejection; message: string };

/**
 * §9.2 steps 1-9, first failure wins: the static checks, through the same flow-screen
 * validator as patch. Step 10 (the simulated trigger) needs the engine and runs in the service.
 */
export function checkTestScreen(input: TestScreenInput, ctx: Omit<FlowScreenContext, 'clientSchema' | 'serverSchema' | 'exampleInput'>): Rejected | null {
  const schemaIssue = (schema: Schema, key: 'client_schema' | 'server_schema') => checkFlowSchema(schema, key, ctx.registry)[0];
  const client = schemaIssue(input.clientSchema, 'client_schema');
  if (client) return { reason: 'client_schema_invalid', message: `${client.path}: ${client.message}` };
  const server = schemaIssue(input.serverSchema, 'server_schema');
  if (server) return { reason: 'server_schema_invalid', message: `${server.path}: ${server.message}` };
  for (const [which, schema, value] of [
    ['client', input.clientSchema, input.clientParameters],
    ['server', input.serverSchema, input.serverParameters],
  ] as const) {
    const valid = validateValue(schema, value);
    if (!valid.ok) return { reason: `${which}_parameters_mismatch`, message: `${valid.issues[0].path}: ${valid.issues[0].message}` };
  }
  if (ctx.screen(input.flowScreen.screen.slug) === undefined) {
    return { reason: 'screen_not_found', message: `there is no client screen '${input.flowScreen.screen.slug}'` };
  }
  const context = { ...ctx, clientSchema: input.clientSchema, serverSchema: input.serverSchema, exampleInput: false };
  const first = checkFlowScreen(input.flowScreen, 'flow_screen', context)[0];
  return first ? { reason: rejectionOf(first.code), message: `${first.path}: ${first.message}` } : null;
}

function rejectionOf(code: FlowIssueCode): TestScreenRejection {
  switch (code) {
    case 'screen_not_found':
      return 'screen_not_found';
    case 'unsafe_target':
    case 'extract_not_server':
      return 'screen_is_unsafe';
    case 'redundant_fixed':
      return 'screen_input_parameters_redundant';
    default:
      return 'screen_input_parameters_wont_match';
  }
}
