import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ClientFlowWriteResolver } from './admin/client-flow-write.resolver';
import { ClientFlowsResolver } from './admin/client-flows.resolver';
import { ClientScreensResolver } from './admin/client-screens.resolver';
import { UserClientScreenActionsLogResolver, UserClientScreensLogResolver } from './admin/logs.resolver';
import { TriggerClientFlowResolver } from './flows/trigger-client-flow.resolver';
import { ScreenQueueChangedResolver } from './live/screen-queue-changed.resolver';
import { ScreensResolver } from './screens/screens.resolver';
import { StatsResolver } from './stats/stats.resolver';
import { ViewerResolver } from './viewer/viewer.resolver';
import { MediaResolver } from './admin/media.resolver';

/** Every resolver class of the API. A new resolver is one line here. */
export const RESOLVERS = [
  ViewerResolver, ScreensResolver, TriggerClientFlowResolver,
  ClientFlowsResolver, ClientScreensResolver, UserClientScreensLogResolver, UserClientScreenActionsLogResolver,
  ClientFlowWriteResolver, StatsResolver, ScreenQueueChangedResolver,
  MediaResolver,
] as const;

let schema: Promise<GraphQLSchema> | undefined;

/**
 * type-graphql insists on a pubSub once any subscription exists, but ours bring their own
 * `subscribe` (src/realtime/queue-changes.ts, fed by Redis), so this one is never used.
 */
const NO_PUBSUB = {
  publish: () => {
    throw new Error('subscriptions publish through src/realtime, not type-graphql');
  },
  subscribe: () => {
    throw new Error('subscriptions subscribe through src/realtime, not type-graphql');
  },
};

/** The executable schema, built once per process (type-graphql reads decorator metadata). */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return (schema ??= buildSchema({ resolvers: [...RESOLVERS], validate: false, pubSub: NO_PUBSUB }));
}
