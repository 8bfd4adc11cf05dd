import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import type { JsonValue } from '../../domain/json';
import { verifyScreenJwt } from '../../services/screen-jwt';
import { customPopScreen, peekScreen, popScreen, screenLogOwnedBy, traceScreen, type PeekScreenResponse } from '../../services/screens.service';
import type { GraphQLContext } from '../context';
import { BadUserInputError, ForbiddenError } from '../errors';
import { limitTrace, limitUserRequest } from '../../services/rate-limit';
import { requireUser, requireUserWithQueue, requireWithinRateLimit } from '../guards';
import { JSONScalar } from '../scalars';
import { ClientPlatform, toDomainPlatform } from './client-platform.enum';
import { ClientFlowTriggerInput, PeekScreenResponseType } from './peek-screen.type';

/** Same limit as the REST trace body (queue-engine.md §8 row 5). */
const TRACE_EVENT_LIMIT_BYTES = 2048;

function toType(response: PeekScreenResponse): PeekScreenResponseType {
  return response;
}

@Resolver()
export class ScreensResolver {
  @Mutation(() => PeekScreenResponseType, { description: 'Shows the front of your queue (stabilized and realized); logs it.' })
  async peekScreen(
    @Ctx() ctx: GraphQLContext,
    @Arg('platform', () => ClientPlatform) platform: ClientPlatform,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
  ): Promise<PeekScreenResponseType> {
    const { user, snapshot } = await requireUserWithQueue(ctx);
    await requireWithinRateLimit(limitUserRequest(ctx.app.rateLimiter, user.id));
    return toType(await peekScreen(ctx.app, { user, snapshot, platform: toDomainPlatform(platform), version: version ?? null, visitorHeader: ctx.visitor }));
  }

  @Mutation(() => PeekScreenResponseType, {
    description: 'Removes the front named by screenJwt, optionally triggers a flow, then peeks. Stale JWTs answer the current front (desync).',
  })
  async popScreen(
    @Ctx() ctx: GraphQLContext,
    @Arg('platform', () => ClientPlatform) platform: ClientPlatform,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Arg('screenJwt', () => String) screenJwt: string,
    @Arg('trigger', () => ClientFlowTriggerInput, { nullable: true }) trigger: ClientFlowTriggerInput | null,
  ): Promise<PeekScreenResponseType> {
    const { user, snapshot } = await requireUserWithQueue(ctx);
    await requireWithinRateLimit(limitUserRequest(ctx.app.rateLimiter, user.id));
    return toType(
      await popScreen(ctx.app, {
        user,
        snapshot,
        platform: toDomainPlatform(platform),
        version: version ?? null,
        visitorHeader: ctx.visitor,
        screenJwt,
        trigger: trigger ? { slug: trigger.slug, parameters: trigger.parameters ?? null } : null,
      }),
    );
  }

  @Mutation(() => PeekScreenResponseType, {
    description:
      'A custom pop endpoint registered by a plugin (REST: /api/1/users/me/screens/{endpoint}): the endpoint verifies trigger.parameters and supplies server parameters, then the pop runs as popScreen.',
  })
  async customPopScreen(
    @Ctx() ctx: GraphQLContext,
    @Arg('endpoint', () => String) endpointName: string,
    @Arg('platform', () => ClientPlatform) platform: ClientPlatform,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Arg('screenJwt', () => String) screenJwt: string,
    @Arg('trigger', () => ClientFlowTriggerInput) trigger: ClientFlowTriggerInput,
  ): Promise<PeekScreenResponseType> {
    const user = await requireUser(ctx);
    await requireWithinRateLimit(limitUserRequest(ctx.app.rateLimiter, user.id));
    const endpoint = ctx.app.customPops.get(endpointName);
    if (endpoint === undefined) throw new BadUserInputError(`no custom pop endpoint named ${JSON.stringify(endpointName)}`, { reason: 'unknown_endpoint' });
    const parameters = endpoint.parseParameters(trigger.parameters ?? null);
    if (!parameters.ok) throw new BadUserInputError(parameters.message, { reason: 'bad_parameters' });
    return toType(
      await customPopScreen(ctx.app, endpoint, {
        user,
        platform: toDomainPlatform(platform),
        version: version ?? null,
        visitorHeader: ctx.visitor,
        screenJwt,
        trigger: { slug: trigger.slug },
        parameters: parameters.value,
      }),
    );
  }

  @Mutation(() => Boolean, { description: 'Attaches a client event (any JSON, at most 2048 bytes serialized) to a screen you were shown.' })
  async traceScreen(
    @Ctx() ctx: GraphQLContext,
    @Arg('platform', () => ClientPlatform) platform: ClientPlatform,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Arg('screenJwt', () => String) screenJwt: string,
    @Arg('event', () => JSONScalar) event: JsonValue,
  ): Promise<boolean> {
    const user = await requireUser(ctx);
    const claims = await verifyScreenJwt(ctx.app.config.secrets.clientScreenJwt, screenJwt, ctx.app.now());
    if (claims === null) throw new ForbiddenError('invalid_screen_jwt', 'screen JWT is invalid');
    await requireWithinRateLimit(limitTrace(ctx.app.rateLimiter, claims.logUid));
    const owned = await screenLogOwnedBy(ctx.app, claims.logUid, user.id);
    if (owned === false) throw new ForbiddenError('invalid_screen_jwt', 'screen JWT is invalid');
    let text: string | undefined;
    try {
      text = JSON.stringify(event);
    } catch {
      // Only nesting deep enough to exhaust the stack makes stringify throw: far above 2048 bytes.
      throw new BadUserInputError(`event is larger than ${TRACE_EVENT_LIMIT_BYTES} bytes`, { reason: 'too_large' });
    }
    if (text === undefined) throw new BadUserInputError('event must be a JSON value', { reason: 'bad_event' });
    if (Buffer.byteLength(text) > TRACE_EVENT_LIMIT_BYTES) {
      throw new BadUserInputError(`event is larger than ${TRACE_EVENT_LIMIT_BYTES} bytes`, { reason: 'too_large' });
    }
    await traceScreen(ctx.app, {
      logUid: claims.logUid,
      screenSlug: claims.screenSlug,
      event: text,
      platform: toDomainPlatform(platform),
      version: version ?? null,
      ownerUserId: user.id,
    });
    return true;
  }
}
