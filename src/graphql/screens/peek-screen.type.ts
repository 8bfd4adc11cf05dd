import { Field, InputType, ObjectType } from 'type-graphql';
import type { JsonObject, JsonValue } from '../../domain/json';
import { JSONObjectScalar, JSONScalar } from '../scalars';

@ObjectType('PeekedScreenItem', { description: 'A realized screen: what the client renders.' })
export class PeekedScreenItemType {
  @Field(() => String, { description: 'The client screen slug; the client picks its renderer by it.' })
  slug!: string;

  @Field(() => JSONObjectScalar, { description: 'Realized parameters (media references carry fresh JWTs).' })
  parameters!: JsonObject;
}

@ObjectType('PeekedScreen')
export class PeekedScreenType {
  @Field(() => PeekedScreenItemType, { description: 'The front of the queue.' })
  active!: PeekedScreenItemType;

  @Field(() => String, { description: 'Screen JWT naming the front; pass it to popScreen and traceScreen.' })
  activeJwt!: string;

  @Field(() => [PeekedScreenItemType], { description: 'Up to 3 screens of the same batch behind the front, in queue order.' })
  prefetch!: PeekedScreenItemType[];
}

@ObjectType('PeekScreenResponse')
export class PeekScreenResponseType {
  @Field(() => String, { description: 'The visitor of this device; send it back in the `visitor` header.' })
  visitor!: string;

  @Field(() => PeekedScreenType)
  screen!: PeekedScreenType;
}

@InputType('ClientFlowTriggerInput', { description: 'A flow to trigger when popping.' })
export class ClientFlowTriggerInput {
  @Field(() => String)
  slug!: string;

  @Field(() => JSONScalar, { nullable: true, description: 'Client parameters; null means {}.' })
  parameters?: JsonValue | null;
}
