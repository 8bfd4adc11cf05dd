import type { UserRecord } from '../db/repositories/users.repository';
import { authenticate } from '../services/identity.service';
import { header, sendAuthFailure } from './http';
import type { RestRequest } from './router';

/**
 * The admin behind a request (admin-api.md §1), or null after answering 401 (no header, bad
 * format) or 403 `invalid` (bad token, or a user who is not an admin). Admin routes call it
 * before looking at anything else in the request.
 */
export async function authenticateAdmin({ req, res, app }: RestRequest): Promise<UserRecord | null> {
  const auth = await authenticate(app, header(req, 'authorization'));
  if (!auth.ok) {
    sendAuthFailure(res, auth.reason);
    return null;
  }
  if (!auth.user.admin) {
    sendAuthFailure(res, 'invalid');
    return null;
  }
  return auth.user;
}
