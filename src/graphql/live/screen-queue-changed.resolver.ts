import { Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { QueueChange } from '../../domain/queue-change';
import type { GraphQLContext } from '../context';
import { requireUser } from '../guards';
import { ScreenQueueChangeType, type ScreenQueueChangeReason } from './screen-queue-change.type';

@Resolver()
export class ScreenQueueChangedResolver {
  @Subscription(() => ScreenQueueChangeType, {
    description:
      'Your own queue, live (graphql-ws on /graphql). The first event (SUBSCRIBED) arrives once the server listens; then one event per committed change, from any server instance. Re-peek when an event is newer than what you last saw.',
    subscribe: async ({ context }: SubscribeResolverData<unknown, Record<string, never>, GraphQLContext>) => {
      const user = await requireUser(context);
      return context.app.queueChanges.open(user);
    },
  })
  screenQueueChanged(@Root() change: QueueChange): ScreenQueueChangeType {
    return { ...change, reason: change.reason as ScreenQueueChangeReason };
  }
}
