/**
 * Failures a service cannot turn into a normal result. Each maps to one documented client answer
 * (REST body, GraphQL `extensions.code`) in one place: src/rest/http.ts and src/graphql/errors.ts.
 */

/** Lock contention or the database is unreachable after the bounded retries: 503 + Retry-After. */
export class ServiceUnavailableError extends Error {
  readonly retryAfterSeconds: number;
  constructor(message = 'service temporarily unavailable', retryAfterSeconds = 1) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Why a request is not authenticated (rest-wire-contract.md §1.3). */
export type AuthFailureReason = 'not_set' | 'bad_format' | 'invalid';

export const AUTH_FAILURE_MESSAGES: Record<AuthFailureReason, string> = {
  not_set: 'authorization header not set',
  bad_format: "authorization header should start with 'bearer '",
  invalid: 'token is invalid',
};
