import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { parseFlowSlug } from '../../domain/flow-validation';
import {
  createClientFlow, deleteClientFlow, patchClientFlow, readAuditLog, type ProtectionReason,
} from '../../services/admin/client-flows.service';
import { testClientFlow, testClientScreen } from '../../services/admin/test-tools.service';
import {
  invalidFlowMessage, MESSAGES, preconditionMessage, protectedMessage, referencedMessage,
} from '../../services/admin/write-messages';
import type { ClientFlowRecord } from '../../services/admin/client-flow-object';
import type { GraphQLContext } from '../context';
import { BadUserInputError } from '../errors';
import { requireAdmin } from '../guards';
import { clientFlowNode, ClientFlowType } from './client-flow.type';
import { flowScreenOf, patchFieldsOf, preconditionFieldsOf } from './client-flow-input';
import {
  ClientFlowAuditEntryType, ClientFlowNotFoundError, ClientFlowProtectedError, ClientFlowProtectionReason, ClientFlowReferencedError,
  ClientFlowSlugExistsError, CreateClientFlowInput, CreateClientFlowResult, DeleteClientFlowInput, DeleteClientFlowResult,
  DeletedClientFlowType, ErrorCode, FlowParameterKind, FlowParametersMismatchError, InvalidClientFlowError, PatchClientFlowInput,
  PatchClientFlowResult, PreconditionFailedError, TestClientFlowAcceptedType, TestClientFlowInput, TestClientFlowResult,
  TestClientScreenAcceptedType, TestClientScreenInput, TestClientScreenRejectedError, TestClientScreenRejection, TestClientScreenResult,
  UserNotFoundError,
} from './client-flow-write.type';

// Union members must be class instances (type-graphql resolves the member by instanceof).
const node = (flow: ClientFlowRecord) => Object.assign(new ClientFlowType(), clientFlowNode(flow));
const slugExists = (slug: string) => Object.assign(new ClientFlowSlugExistsError(), { errorCode: ErrorCode.CLIENT_FLOW_SLUG_EXISTS, message: MESSAGES.slugExists, slug });
const notFound = (message: string, key: { uid?: string; slug?: string }) =>
  Object.assign(new ClientFlowNotFoundError(), { errorCode: ErrorCode.CLIENT_FLOW_NOT_FOUND, message, uid: key.uid ?? null, slug: key.slug ?? null });
const protectedError = (reason: ProtectionReason) =>
  Object.assign(new ClientFlowProtectedError(), {
    errorCode: ErrorCode.CLIENT_FLOW_PROTECTED,
    message: protectedMessage(reason),
    reason: reason === 'special_flow' ? ClientFlowProtectionReason.SPECIAL_FLOW : ClientFlowProtectionReason.NOT_CUSTOM,
  });

/** The admin mutations of admin-api.md §15.2 (and the audit trail): a few lines over the REST shims' services. */
@Resolver()
export class ClientFlowWriteResolver {
  @Mutation(() => CreateClientFlowResult, { description: 'Admin only. POST /api/1/client_flows/.' })
  async createClientFlow(@Ctx() ctx: GraphQLContext, @Arg('input', () => CreateClientFlowInput) input: CreateClientFlowInput): Promise<typeof CreateClientFlowResult> {
    const admin = await requireAdmin(ctx);
    const slug = parseFlowSlug(input.slug, ['input', 'slug']);
    if (!slug.ok) throw new BadUserInputError(slug.issues[0].msg, { reason: 'invalid_input', issues: slug.issues });
    const result = await createClientFlow(ctx.app, admin, slug.value);
    return result.kind === 'created' ? node(result.flow) : slugExists(result.slug);
  }

  @Mutation(() => PatchClientFlowResult, { description: 'Admin only. PATCH /api/1/client_flows/.' })
  async patchClientFlow(@Ctx() ctx: GraphQLContext, @Arg('input', () => PatchClientFlowInput) input: PatchClientFlowInput): Promise<typeof PatchClientFlowResult> {
    const admin = await requireAdmin(ctx);
    const precondition = preconditionFieldsOf(input.precondition, input.expectedRevision);
    const patch = patchFieldsOf(input.patch);
    const result = await patchClientFlow(ctx.app, admin, { uid: input.uid, precondition, patch });
    switch (result.kind) {
      case 'patched':
        return node(result.flow);
      case 'not_found':
        return notFound(MESSAGES.flowNotFoundByUid, { uid: result.uid });
      case 'precondition_failed':
        return Object.assign(new PreconditionFailedError(), {
          errorCode: ErrorCode.PRECONDITION_FAILED,
          message: preconditionMessage(result.failures),
          failures: result.failures,
        });
      case 'slug_exists':
        return slugExists(result.slug);
      case 'protected':
        return protectedError(result.reason);
      case 'invalid':
        return Object.assign(new InvalidClientFlowError(), { errorCode: ErrorCode.INVALID_CLIENT_FLOW, message: invalidFlowMessage(result.issues), issues: result.issues });
    }
  }

  @Mutation(() => DeleteClientFlowResult, { description: 'Admin only. DELETE /api/1/client_flows/{uid}.' })
  async deleteClientFlow(@Ctx() ctx: GraphQLContext, @Arg('input', () => DeleteClientFlowInput) input: DeleteClientFlowInput): Promise<typeof DeleteClientFlowResult> {
    const admin = await requireAdmin(ctx);
    const result = await deleteClientFlow(ctx.app, admin, { uid: input.uid, force: input.force ?? false });
    switch (result.kind) {
      case 'deleted':
        return Object.assign(new DeletedClientFlowType(), { uid: result.uid, slug: result.slug });
      case 'not_found':
        return notFound(MESSAGES.deleteNotFound, { uid: result.uid });
      case 'protected':
        return protectedError(result.reason);
      case 'referenced':
        return Object.assign(new ClientFlowReferencedError(), {
          errorCode: ErrorCode.CLIENT_FLOW_REFERENCED,
          message: referencedMessage(result.references),
          references: result.references,
        });
    }
  }

  @Mutation(() => TestClientScreenResult, { description: "Admin only. POST /api/1/client_flows/test_screen: prepends one flow screen to the admin's own queue." })
  async testClientScreen(@Ctx() ctx: GraphQLContext, @Arg('input', () => TestClientScreenInput) input: TestClientScreenInput): Promise<typeof TestClientScreenResult> {
    const admin = await requireAdmin(ctx);
    const result = await testClientScreen(ctx.app, admin, {
      clientSchema: input.flow.clientSchema,
      serverSchema: input.flow.serverSchema,
      flowScreen: flowScreenOf(input.flowScreen),
      clientParameters: input.clientParameters,
      serverParameters: input.serverParameters,
      dryRun: input.dryRun ?? false,
    });
    if (result.kind === 'accepted') {
      return Object.assign(new TestClientScreenAcceptedType(), { queued: result.queued, userClientScreenUid: result.userClientScreenUid });
    }
    return Object.assign(new TestClientScreenRejectedError(), {
      errorCode: ErrorCode.TEST_SCREEN_REJECTED,
      message: result.message,
      reason: result.reason as TestClientScreenRejection,
    });
  }

  @Mutation(() => TestClientFlowResult, { description: "Admin only. POST /api/1/client_flows/test_flow: trusted trigger of a saved flow on the admin's (or userSub's) queue." })
  async testClientFlow(@Ctx() ctx: GraphQLContext, @Arg('input', () => TestClientFlowInput) input: TestClientFlowInput): Promise<typeof TestClientFlowResult> {
    const admin = await requireAdmin(ctx);
    const result = await testClientFlow(ctx.app, admin, {
      slug: input.slug,
      clientParameters: input.clientParameters,
      serverParameters: input.serverParameters,
      userSub: input.userSub ?? null,
      dryRun: input.dryRun ?? false,
    });
    switch (result.kind) {
      case 'accepted':
        return Object.assign(new TestClientFlowAcceptedType(), { triggered: result.triggered, userSub: result.userSub });
      case 'flow_not_found':
        return notFound(MESSAGES.flowNotFoundBySlug, { slug: result.slug });
      case 'user_not_found':
        return Object.assign(new UserNotFoundError(), { errorCode: ErrorCode.USER_NOT_FOUND, message: MESSAGES.userNotFound(result.sub), sub: result.sub });
      case 'parameters_mismatch':
        return Object.assign(new FlowParametersMismatchError(), {
          errorCode: ErrorCode.PARAMETERS_MISMATCH,
          message: result.message,
          which: result.which === 'client' ? FlowParameterKind.CLIENT : FlowParameterKind.SERVER,
        });
    }
  }

  @Query(() => [ClientFlowAuditEntryType], { description: 'Admin only. The audit trail of admin changes, newest first (ours; no REST path).' })
  async clientFlowAuditLog(
    @Ctx() ctx: GraphQLContext,
    @Arg('clientFlowUid', () => ID, { nullable: true }) clientFlowUid: string | null,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
  ): Promise<ClientFlowAuditEntryType[]> {
    await requireAdmin(ctx);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new BadUserInputError('limit must be from 1 to 1000', { reason: 'limit_out_of_range' });
    return readAuditLog(ctx.app, { clientFlowUid: clientFlowUid ?? null, limit });
  }
}
