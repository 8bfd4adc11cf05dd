import { GraphQLError } from 'graphql';
import type { AuthFailureReason } from '../services/errors';

/**
 * Every `extensions.code` a client can receive, in one place (documented in docs/errors.md).
 * Apollo's own codes (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT,
 * INTERNAL_SERVER_ERROR, ...) come on top for malformed operations.
 */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

export class ClientError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Missing, malformed or invalid credentials; `reason` is the REST error type. */
export class UnauthenticatedError extends ClientError {
  constructor(reason: AuthFailureReason) {
    super(reason === 'invalid' ? 'token is invalid' : reason === 'not_set' ? 'authorization header not set' : "authorization header should start with 'bearer '", 'UNAUTHENTICATED', { reason });
  }
}

export class ForbiddenError extends ClientError {
  constructor(reason: string, message = 'not allowed') {
    super(message, 'FORBIDDEN', { reason });
  }
}

export class BadUserInputError extends ClientError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, 'BAD_USER_INPUT', extensions);
  }
}

export class ServiceUnavailableGraphQLError extends ClientError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 'SERVICE_UNAVAILABLE', { retryAfter: retryAfterSeconds });
  }
}

/** Over the per-user request limit (REST 429 `ratelimited`); nothing was done. */
export class RateLimitedError extends ClientError {
  constructor(retryAfterSeconds: number) {
    super('too many requests; try again in a few seconds', 'RATE_LIMITED', { retryAfter: retryAfterSeconds });
  }
}
