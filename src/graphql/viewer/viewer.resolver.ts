import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { requireUser } from '../guards';
import { ViewerType } from './viewer.type';

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'The authenticated user; creates the account on a first valid id token.' })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<ViewerType> {
    const user = await requireUser(ctx);
    return { sub: user.sub, givenName: user.givenName, familyName: user.familyName, admin: user.admin, createdAt: user.createdAt };
  }
}
