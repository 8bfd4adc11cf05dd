import { Field, Float, ObjectType } from 'type-graphql';

/** The authenticated user, as they see themselves. */
@ObjectType('Viewer', { description: 'The authenticated user.' })
export class ViewerType {
  @Field(() => String, { description: 'Stable user id (the id token `sub`).' })
  sub!: string;

  @Field(() => String, { nullable: true })
  givenName!: string | null;

  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Field(() => Boolean, { description: 'Whether the admin API is open to this user.' })
  admin!: boolean;

  @Field(() => Float, { description: 'Seconds since the epoch when the account was created.' })
  createdAt!: number;
}
