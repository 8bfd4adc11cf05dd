import type { UserRecord } from '../db/repositories/users.repository';
import type { GraphQLContext } from './context';
import { ForbiddenError, UnauthenticatedError } from './errors';

/** The authenticated user, or an UNAUTHENTICATED error with the REST `reason`. */
export async function requireUser(ctx: GraphQLContext): Promise<UserRecord> {
  const result = await ctx.auth();
  if (!result.ok) throw new UnauthenticatedError(result.reason);
  return result.user;
}

/** The authenticated admin (admin-api.md §1.5): non-admins get FORBIDDEN `not_admin`. */
export async function requireAdmin(ctx: GraphQLContext): Promise<UserRecord> {
  const user = await requireUser(ctx);
  if (!user.admin) throw new ForbiddenError('not_admin', 'admin access required');
  return user;
}
