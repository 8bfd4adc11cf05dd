// Inputs and typed results of the admin mutations (admin-api.md §15.2). Inputs convert to the
// REST documents in one place (client-flow-input.ts); results mirror the REST answers.
import { createUnionType, Field, Float, ID, InputType, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import type { JsonObject, JsonValue } from '../../domain/json';
import { JSONObjectScalar, JSONScalar, PathSegmentScalar } from '../scalars';
import { ClientFlowType, ParameterForwarding } from './client-flow.type';
import { NumberFilterInput } from './filters.type';

// ---- flow documents ----

export enum ClientFlowScreenVariableKind { STRING_FORMAT = 'string_format', COPY = 'copy', EXTRACT = 'extract' }
registerEnumType(ClientFlowScreenVariableKind, { name: 'ClientFlowScreenVariableKind' });

export enum ClientFlowRuleEffectKind { REPLACE = 'replace', SKIP = 'skip' }
registerEnumType(ClientFlowRuleEffectKind, { name: 'ClientFlowRuleEffectKind' });

@InputType('ClientFlowScreenVariableInput', { description: 'One substitution; the fields used depend on kind (checked like the REST document).' })
export class ClientFlowScreenVariableInput {
  @Field(() => ClientFlowScreenVariableKind) kind!: ClientFlowScreenVariableKind;
  @Field(() => String, { nullable: true, description: 'STRING_FORMAT' }) format?: string | null;
  @Field(() => [String], { nullable: true, description: 'COPY, EXTRACT' }) inputPath?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'EXTRACT' }) extractedPath?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'EXTRACT (default false)' }) skipIfMissing?: boolean | null;
  @Field(() => [PathSegmentScalar]) outputPath!: (string | number)[];
}

@InputType('ClientFlowScreenTargetInput')
export class ClientFlowScreenTargetInput {
  @Field(() => String) slug!: string;
  @Field(() => JSONObjectScalar) fixed!: JsonObject;
  @Field(() => [ClientFlowScreenVariableInput]) variable!: ClientFlowScreenVariableInput[];
}

@InputType('ClientFlowPredicateInput', { description: 'All given conditions hold, or else `or` holds (queue-engine.md §2).' })
export class ClientFlowPredicateInput {
  @Field(() => NumberFilterInput, { nullable: true }) version?: NumberFilterInput | null;
  @Field(() => NumberFilterInput, { nullable: true }) timeInQueue?: NumberFilterInput | null;
  @Field(() => NumberFilterInput, { nullable: true }) queuedAt?: NumberFilterInput | null;
  @Field(() => NumberFilterInput, { nullable: true }) accountAge?: NumberFilterInput | null;
  @Field(() => NumberFilterInput, { nullable: true }) accountCreatedAt?: NumberFilterInput | null;
  @Field(() => NumberFilterInput, { nullable: true }) randomFloat?: NumberFilterInput | null;
  @Field(() => ClientFlowPredicateInput, { nullable: true }) or?: ClientFlowPredicateInput | null;
}

@InputType('ClientFlowScreenRulesInput')
export class ClientFlowScreenRulesInput {
  @Field(() => ClientFlowPredicateInput, { nullable: true }) trigger?: ClientFlowPredicateInput | null;
  @Field(() => ClientFlowPredicateInput, { nullable: true }) peek?: ClientFlowPredicateInput | null;
}

@InputType('ClientFlowScreenInput')
export class ClientFlowScreenInput {
  @Field(() => ClientFlowScreenTargetInput) screen!: ClientFlowScreenTargetInput;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [String]) allowedTriggers!: string[];
  @Field(() => Int) flags!: number;
  @Field(() => ClientFlowScreenRulesInput, { nullable: true }) rules?: ClientFlowScreenRulesInput | null;
}

@InputType('ClientFlowRuleEffectInput')
export class ClientFlowRuleEffectInput {
  @Field(() => ClientFlowRuleEffectKind) kind!: ClientFlowRuleEffectKind;
  @Field(() => String, { nullable: true, description: 'REPLACE' }) slug?: string | null;
  @Field(() => ParameterForwarding, { nullable: true, description: 'REPLACE' }) clientParameters?: ParameterForwarding | null;
  @Field(() => ParameterForwarding, { nullable: true, description: 'REPLACE' }) serverParameters?: ParameterForwarding | null;
}

@InputType('ClientFlowRuleInput')
export class ClientFlowRuleInput {
  @Field(() => ClientFlowPredicateInput) condition!: ClientFlowPredicateInput;
  @Field(() => ClientFlowRuleEffectInput) effect!: ClientFlowRuleEffectInput;
}

// ---- mutation inputs (no defaults on patch fields: absent and null stay distinct) ----

@InputType('CreateClientFlowInput')
export class CreateClientFlowInput {
  @Field(() => String) slug!: string;
}

@InputType('ClientFlowPatchInput', { description: 'Absent field = no change; explicit null only for name and description.' })
export class ClientFlowPatchInput {
  @Field(() => String, { nullable: true }) slug?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => JSONObjectScalar, { nullable: true }) clientSchema?: JsonObject | null;
  @Field(() => JSONObjectScalar, { nullable: true }) serverSchema?: JsonObject | null;
  @Field(() => Boolean, { nullable: true }) replaces?: boolean | null;
  @Field(() => [ClientFlowScreenInput], { nullable: true }) screens?: ClientFlowScreenInput[] | null;
  @Field(() => [ClientFlowRuleInput], { nullable: true }) rules?: ClientFlowRuleInput[] | null;
  @Field(() => Int, { nullable: true }) flags?: number | null;
}

@InputType('ClientFlowPreconditionInput', { description: 'Absent field = no constraint; explicit null only for name and description.' })
export class ClientFlowPreconditionInput extends ClientFlowPatchInput {
  @Field(() => Int, { nullable: true }) revision?: number | null;
  @Field(() => Float, { nullable: true }) createdAt?: number | null;
}

@InputType('PatchClientFlowInput', { description: 'Absent field = no constraint / no change; explicit null only for name and description.' })
export class PatchClientFlowInput {
  @Field(() => ID) uid!: string;
  @Field(() => Int, { nullable: true, description: 'Shorthand for precondition.revision.' }) expectedRevision?: number | null;
  @Field(() => ClientFlowPreconditionInput, { nullable: true }) precondition?: ClientFlowPreconditionInput | null;
  @Field(() => ClientFlowPatchInput) patch!: ClientFlowPatchInput;
}

@InputType('DeleteClientFlowInput')
export class DeleteClientFlowInput {
  @Field(() => ID) uid!: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Delete even when other flows name this one.' }) force?: boolean | null;
}

@InputType('TestFlowSchemasInput')
export class TestFlowSchemasInput {
  @Field(() => JSONObjectScalar) clientSchema!: JsonObject;
  @Field(() => JSONObjectScalar) serverSchema!: JsonObject;
}

@InputType('TestClientScreenInput')
export class TestClientScreenInput {
  @Field(() => TestFlowSchemasInput) flow!: TestFlowSchemasInput;
  @Field(() => ClientFlowScreenInput) flowScreen!: ClientFlowScreenInput;
  @Field(() => JSONObjectScalar) clientParameters!: JsonObject;
  @Field(() => JSONObjectScalar) serverParameters!: JsonObject;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) dryRun?: boolean | null;
}

@InputType('TestClientFlowInput')
export class TestClientFlowInput {
  @Field(() => String) slug!: string;
  @Field(() => JSONObjectScalar) clientParameters!: JsonObject;
  @Field(() => JSONObjectScalar) serverParameters!: JsonObject;
  @Field(() => ID, { nullable: true, description: 'Default: the calling admin.' }) userSub?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) dryRun?: boolean | null;
}

// ---- results ----

export enum ErrorCode {
  CLIENT_FLOW_NOT_FOUND = 'CLIENT_FLOW_NOT_FOUND',
  CLIENT_FLOW_SLUG_EXISTS = 'CLIENT_FLOW_SLUG_EXISTS',
  CLIENT_FLOW_PROTECTED = 'CLIENT_FLOW_PROTECTED',
  CLIENT_FLOW_REFERENCED = 'CLIENT_FLOW_REFERENCED',
  PRECONDITION_FAILED = 'PRECONDITION_FAILED',
  INVALID_CLIENT_FLOW = 'INVALID_CLIENT_FLOW',
  PARAMETERS_MISMATCH = 'PARAMETERS_MISMATCH',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  TEST_SCREEN_REJECTED = 'TEST_SCREEN_REJECTED',
}
registerEnumType(ErrorCode, { name: 'ErrorCode', description: 'Expected business outcomes of the admin mutations.' });

export enum ClientFlowProtectionReason { NOT_CUSTOM = 'not_custom', SPECIAL_FLOW = 'special_flow' }
registerEnumType(ClientFlowProtectionReason, { name: 'ClientFlowProtectionReason' });

export enum FlowParameterKind { CLIENT = 'client', SERVER = 'server' }
registerEnumType(FlowParameterKind, { name: 'FlowParameterKind' });

export enum TestClientScreenRejection {
  CLIENT_SCHEMA_INVALID = 'client_schema_invalid',
  SERVER_SCHEMA_INVALID = 'server_schema_invalid',
  CLIENT_PARAMETERS_MISMATCH = 'client_parameters_mismatch',
  SERVER_PARAMETERS_MISMATCH = 'server_parameters_mismatch',
  SCREEN_NOT_FOUND = 'screen_not_found',
  SCREEN_IS_UNSAFE = 'screen_is_unsafe',
  SCREEN_INPUT_PARAMETERS_WONT_MATCH = 'screen_input_parameters_wont_match',
  SCREEN_INPUT_PARAMETERS_REDUNDANT = 'screen_input_parameters_redundant',
  SCREEN_INPUT_PARAMETERS_DIDNT_MATCH = 'screen_input_parameters_didnt_match',
  SKIP = 'skip',
  SCREEN_REALIZATION_FAILED = 'screen_realization_failed',
}
registerEnumType(TestClientScreenRejection, { name: 'TestClientScreenRejection', description: 'The REST 409 type, upper-cased.' });

@InterfaceType('ErrorResult', { description: 'An expected outcome that is not a success.' })
export abstract class ErrorResult {
  @Field(() => ErrorCode) errorCode!: ErrorCode;
  @Field(() => String) message!: string;
}

@ObjectType('ClientFlowNotFoundError', { implements: ErrorResult })
export class ClientFlowNotFoundError extends ErrorResult {
  @Field(() => ID, { nullable: true }) uid!: string | null;
  @Field(() => String, { nullable: true }) slug!: string | null;
}

@ObjectType('ClientFlowSlugExistsError', { implements: ErrorResult })
export class ClientFlowSlugExistsError extends ErrorResult {
  @Field(() => String) slug!: string;
}

@ObjectType('ClientFlowProtectedError', { implements: ErrorResult })
export class ClientFlowProtectedError extends ErrorResult {
  @Field(() => ClientFlowProtectionReason) reason!: ClientFlowProtectionReason;
}

@ObjectType('ClientFlowReference')
export class ClientFlowReferenceType {
  @Field(() => ID) uid!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) location!: string;
}

@ObjectType('ClientFlowReferencedError', { implements: ErrorResult })
export class ClientFlowReferencedError extends ErrorResult {
  @Field(() => [ClientFlowReferenceType]) references!: ClientFlowReferenceType[];
}

@ObjectType('PreconditionFailure')
export class PreconditionFailureType {
  @Field(() => String, { description: 'REST field name, e.g. client_schema.' }) field!: string;
  @Field(() => JSONScalar, { nullable: true }) expected!: JsonValue;
  @Field(() => JSONScalar, { nullable: true }) actual!: JsonValue;
}

@ObjectType('PreconditionFailedError', { implements: ErrorResult })
export class PreconditionFailedError extends ErrorResult {
  @Field(() => [PreconditionFailureType]) failures!: PreconditionFailureType[];
}

@ObjectType('ValidationIssue')
export class ValidationIssueType {
  @Field(() => String) path!: string;
  @Field(() => String, { description: 'Stable issue code (docs/admin.md).' }) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType('InvalidClientFlowError', { implements: ErrorResult })
export class InvalidClientFlowError extends ErrorResult {
  @Field(() => [ValidationIssueType]) issues!: ValidationIssueType[];
}

@ObjectType('FlowParametersMismatchError', { implements: ErrorResult })
export class FlowParametersMismatchError extends ErrorResult {
  @Field(() => FlowParameterKind) which!: FlowParameterKind;
}

@ObjectType('UserNotFoundError', { implements: ErrorResult })
export class UserNotFoundError extends ErrorResult {
  @Field(() => String) sub!: string;
}

@ObjectType('TestClientScreenRejectedError', { implements: ErrorResult })
export class TestClientScreenRejectedError extends ErrorResult {
  @Field(() => TestClientScreenRejection) reason!: TestClientScreenRejection;
}

@ObjectType('DeletedClientFlow')
export class DeletedClientFlowType {
  @Field(() => ID) uid!: string;
  @Field(() => String) slug!: string;
}

@ObjectType('TestClientScreenAccepted')
export class TestClientScreenAcceptedType {
  @Field(() => Boolean, { description: 'False for a dry run.' }) queued!: boolean;
  @Field(() => ID, { nullable: true }) userClientScreenUid!: string | null;
}

@ObjectType('TestClientFlowAccepted')
export class TestClientFlowAcceptedType {
  @Field(() => Boolean, { description: 'False for a dry run.' }) triggered!: boolean;
  @Field(() => ID) userSub!: string;
}

@ObjectType('ClientFlowAuditEntry', { description: 'One append-only record of an admin change (ours; no REST path).' })
export class ClientFlowAuditEntryType {
  @Field(() => ID) uid!: string;
  @Field(() => String) adminSub!: string;
  @Field(() => String, { description: 'create, patch, delete or test_flow.' }) action!: string;
  @Field(() => ID) clientFlowUid!: string;
  @Field(() => String) clientFlowSlug!: string;
  @Field(() => JSONObjectScalar, { description: '{key: {before, after}} per changed key (REST names); test_flow: user_sub and parameters.' }) changes!: JsonObject;
  @Field(() => Float) createdAt!: number;
}

export const CreateClientFlowResult = createUnionType({
  name: 'CreateClientFlowResult',
  types: () => [ClientFlowType, ClientFlowSlugExistsError] as const,
});

export const PatchClientFlowResult = createUnionType({
  name: 'PatchClientFlowResult',
  types: () =>
    [ClientFlowType, ClientFlowNotFoundError, PreconditionFailedError, ClientFlowSlugExistsError, ClientFlowProtectedError, InvalidClientFlowError] as const,
});

export const DeleteClientFlowResult = createUnionType({
  name: 'DeleteClientFlowResult',
  types: () => [DeletedClientFlowType, ClientFlowNotFoundError, ClientFlowProtectedError, ClientFlowReferencedError] as const,
});

export const TestClientScreenResult = createUnionType({
  name: 'TestClientScreenResult',
  types: () => [TestClientScreenAcceptedType, TestClientScreenRejectedError] as const,
});

export const TestClientFlowResult = createUnionType({
  name: 'TestClientFlowResult',
  types: () => [TestClientFlowAcceptedType, ClientFlowNotFoundError, FlowParametersMismatchError, UserNotFoundError] as const,
});
