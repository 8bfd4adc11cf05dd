import type { UserRecord } from '../db/repositories/users.repository';
import type { QueueSnapshot } from '../db/repositories/queue.repository';
import type { RateLimitResult } from '../services/rate-limit';
import type { GraphQLContext } from './context';
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from './errors';

/** The authenticated user, or an UNAUTHENTICATED error with the REST `reason`. */
export async function requireUser(ctx: GraphQLContext): Promise<UserRecord> {
  const result = await ctx.auth();
  if (!result.ok) throw new UnauthenticatedError(result.reason);
  return result.user;
}

/** The authenticated user and, when this is the operation's first read, its queue (see `authWithQueue`). */
export async function requireUserWithQueue(ctx: GraphQLContext): Promise<{ user: UserRecord; snapshot?: QueueSnapshot }> {
  const result = await ctx.authWithQueue();
  if (!result.ok) throw new UnauthenticatedError(result.reason);
  return { user: result.user, snapshot: result.snapshot };
}

/** The authenticated admin (admin-api.md §1.5): non-admins get FORBIDDEN `not_admin`. */
export async function requireAdmin(ctx: GraphQLContext): Promise<UserRecord> {
  const user = await requireUser(ctx);
  if (!user.admin) throw new ForbiddenError('not_admin', 'admin access required');
  return user;
}

/** Goes on when the request is within its rate limit; RATE_LIMITED (with `retryAfter`) otherwise. */
export async function requireWithinRateLimit(check: Promise<RateLimitResult>): Promise<void> {
  const result = await check;
  if (!result.ok) throw new RateLimitedError(result.retryAfterSeconds);
}
