import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import type { JsonObject } from '../../domain/json';
import { triggerForUser } from '../../services/queue.service';
import type { GraphQLContext } from '../context';
import { ClientError } from '../errors';
import { requireAdmin } from '../guards';
import { JSONObjectScalar } from '../scalars';
import { ClientPlatform, toDomainPlatform } from '../screens/client-platform.enum';
import { TriggerClientFlowResultType } from './trigger-client-flow.type';

@Resolver()
export class TriggerClientFlowResolver {
  @Mutation(() => TriggerClientFlowResultType, {
    description:
      'Admin only. Trusted server trigger (queue-engine §7.5) on a user\'s queue: no pop, source server, then stabilization with the given platform (server when omitted).',
  })
  async triggerClientFlow(
    @Ctx() ctx: GraphQLContext,
    @Arg('userSub', () => String) userSub: string,
    @Arg('slug', () => String) slug: string,
    @Arg('clientParameters', () => JSONObjectScalar, { nullable: true }) clientParameters: JsonObject | null,
    @Arg('serverParameters', () => JSONObjectScalar, { nullable: true }) serverParameters: JsonObject | null,
    @Arg('platform', () => ClientPlatform, { nullable: true }) platform: ClientPlatform | null,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
  ): Promise<TriggerClientFlowResultType> {
    await requireAdmin(ctx);
    const result = await triggerForUser(ctx.app, {
      userSub,
      slug,
      clientParameters: clientParameters ?? {},
      serverParameters: serverParameters ?? {},
      platform: platform === null || platform === undefined ? 'server' : toDomainPlatform(platform),
      version: version ?? null,
    });
    if (result.kind === 'user_not_found') throw new ClientError(`no user with sub ${userSub}`, 'BAD_USER_INPUT', { reason: 'user_not_found' });
    return { requestedSlug: result.requestedSlug, queuedFlowSlug: result.chosenSlug, queueLength: result.queueLength };
  }
}
