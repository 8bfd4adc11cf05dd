import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { QueueChangeReason } from '../../domain/queue-change';

/** The GraphQL face of the domain's reasons (same names, so values map one to one). */
export enum ScreenQueueChangeReason {
  SUBSCRIBED = 'SUBSCRIBED',
  FLOW_TRIGGERED = 'FLOW_TRIGGERED',
  POPPED = 'POPPED',
  CLEARED = 'CLEARED',
  UPDATED = 'UPDATED',
  RESYNC = 'RESYNC',
}

// A compile error here means the domain and the enum drifted apart.
const _sameReasons: Record<QueueChangeReason, ScreenQueueChangeReason> = ScreenQueueChangeReason;
void _sameReasons;

registerEnumType(ScreenQueueChangeReason, {
  name: 'ScreenQueueChangeReason',
  description: 'Why your queue changed.',
  valuesConfig: {
    SUBSCRIBED: { description: 'First event of every subscription: the version when the server started listening. Re-peek if it is newer than the last you saw.' },
    FLOW_TRIGGERED: { description: 'A flow was triggered on your queue (flowSlug names it): a backend trigger, a stabilizing peek, an admin tool.' },
    POPPED: { description: 'A screen was popped, perhaps on another device (flowSlug: the flow the pop triggered, if any).' },
    CLEARED: { description: 'Your queue was emptied.' },
    UPDATED: { description: 'Any other change of your queue.' },
    RESYNC: { description: 'The server lost its event feed for a moment and your queue changed meanwhile: re-peek.' },
  },
});

@ObjectType('ScreenQueueChange', {
  description: 'Your screen queue changed: peek to see it. Carries no realized screen (realizing logs it and mints its JWTs).',
})
export class ScreenQueueChangeType {
  @Field(() => Int, { description: 'Increases by one with every committed change of your queue: drop events not newer than the last one you handled.' })
  queueVersion!: number;

  @Field(() => ScreenQueueChangeReason)
  reason!: ScreenQueueChangeReason;

  @Field(() => String, { nullable: true, description: 'The flow the change queued last, if any.' })
  flowSlug!: string | null;

  @Field(() => Float, { description: 'Seconds since the epoch when the change happened.' })
  occurredAt!: number;
}
