import type { Sql } from '../db/sql';
import type { JsonObject, JsonValue } from '../domain/json';
import type { EngineUser } from '../domain/model';

/**
 * A custom pop endpoint (queue-engine.md §7.6): a pop whose trigger carries verified server
 * parameters. The endpoint only verifies; popping, resolution, rules and logging are the pop's.
 * Served at `POST /api/1/users/me/screens/{name}` and by the `customPopScreen` mutation.
 */
export interface CustomPopEndpoint<P = unknown> {
  /** Last path segment, e.g. `pop_to_course`: lowercase letters, digits and `_`. */
  name: string;
  /** Checks the shape of the client's `trigger.parameters`; a failure is answered 422 / BAD_USER_INPUT. */
  parseParameters(raw: JsonValue): { ok: true; value: P } | { ok: false; message: string };
  /**
   * Checks the parameters against current data, before the pop's transaction: a grant, an owned
   * resource, an entitlement, a rate limit. A refusal pops nothing and queues `fallbackFlow`
   * (for example `error_bad_auth` or `not_found`) as a server trigger.
   */
  verify(context: CustomPopContext, parameters: P): Promise<CustomPopVerification>;
  /**
   * Optional domain side effect ("the user started this course"), run in the pop's own
   * transaction and only when the pop applied: never for a desync or a bad screen JWT, and
   * rolled back with the pop. Its `query` runs inside that transaction.
   */
  onPopped?(context: CustomPopContext, parameters: P, serverParameters: JsonObject): Promise<void>;
}

export type CustomPopVerification =
  | { ok: true; serverParameters: JsonObject; clientParameters?: JsonObject }
  | { ok: false; fallbackFlow: string };

export interface CustomPopContext {
  user: EngineUser;
  /** Parameterised SQL (`?` placeholders) on the application database. */
  query: Sql;
  /** Seconds since the epoch. */
  now: number;
}

const ENDPOINT_NAME = /^[a-z][a-z0-9_]{0,63}$/;
/** The built-in siblings a custom endpoint may not shadow. */
const RESERVED_NAMES = new Set(['peek', 'pop', 'trace']);

export class CustomPopRegistry {
  private readonly endpoints = new Map<string, CustomPopEndpoint>();

  register<P>(endpoint: CustomPopEndpoint<P>): void {
    if (!ENDPOINT_NAME.test(endpoint.name) || RESERVED_NAMES.has(endpoint.name)) {
      throw new Error(`custom pop endpoint name ${JSON.stringify(endpoint.name)} must match ${ENDPOINT_NAME} and not be peek, pop or trace`);
    }
    if (this.endpoints.has(endpoint.name)) throw new Error(`custom pop endpoint ${endpoint.name} is already registered`);
    this.endpoints.set(endpoint.name, endpoint as CustomPopEndpoint);
  }

  get(name: string): CustomPopEndpoint | undefined {
    return this.endpoints.get(name);
  }
}
