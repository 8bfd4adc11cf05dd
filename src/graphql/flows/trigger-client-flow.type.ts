import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('TriggerClientFlowResult', { description: 'What a trusted trigger did to the queue.' })
export class TriggerClientFlowResultType {
  @Field(() => String, { description: 'The slug that was asked for.' })
  requestedSlug!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The flow whose screens were finally queued after rules and fallbacks; null when the trigger was dropped by the hop limit.',
  })
  queuedFlowSlug!: string | null;

  @Field(() => Int, { description: 'Length of the queue after the trigger committed.' })
  queueLength!: number;
}
