import type { UserRecord } from '../db/repositories/users.repository';
import { isJsonObject, type JsonObject, type JsonValue } from '../domain/json';
import { AUTH_FAILURE_MESSAGES } from '../services/errors';
import { authenticate } from '../services/identity.service';
import { header, readBody, sendAuthFailure, sendEmpty, sendStandardError, sendValidationError } from './http';
import type { RestRequest } from './router';

/**
 * The admin of an admin route (admin-api.md §1), or null after answering 401/403 itself.
 * Runs before anything reads the body: authentication wins over 422 and business errors.
 */
export async function authenticateAdmin(request: RestRequest): Promise<UserRecord | null> {
  const auth = await authenticate(request.app, header(request.req, 'authorization'));
  if (!auth.ok) {
    sendAuthFailure(request.res, auth.reason);
    return null;
  }
  if (!auth.user.admin) {
    // Same body as an invalid token (§1.4): non-admins learn nothing more.
    sendStandardError(request.res, 403, 'invalid', AUTH_FAILURE_MESSAGES.invalid);
    return null;
  }
  return auth.user;
}

/** The JSON body (413 above the limit, 422 when not JSON), or undefined after answering. */
export async function readJsonBody(request: RestRequest): Promise<{ value: JsonValue } | undefined> {
  const read = await readBody(request.req, request.app.config.requestBodyLimitBytes);
  if (!read.ok) {
    sendEmpty(request.res, 413);
    return undefined;
  }
  try {
    return { value: JSON.parse(read.body.toString('utf8')) as JsonValue };
  } catch {
    sendValidationError(request.res, [{ loc: ['body'], msg: 'invalid JSON body', type: 'value_error.jsondecode' }]);
    return undefined;
  }
}

/**
 * The admin and the JSON-object body of an admin write route, in the order of checks every such
 * route keeps (401/403, 413, 422 not JSON, 422 not an object), or null after answering.
 */
export async function readAdminJsonObject(request: RestRequest): Promise<{ admin: UserRecord; body: JsonObject } | null> {
  const admin = await authenticateAdmin(request);
  if (admin === null) return null;
  const body = await readJsonBody(request);
  if (body === undefined) return null;
  if (!isJsonObject(body.value)) {
    sendValidationError(request.res, [{ loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' }]);
    return null;
  }
  return { admin, body: body.value };
}
