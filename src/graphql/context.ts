import type { AppContext } from '../services/app-context';
import { authenticate, type AuthResult } from '../services/identity.service';
import { createAdminLoaders, type AdminLoaders } from './admin/loaders';

/** Per-operation context: the shared services plus this request's credentials, resolved lazily. */
export interface GraphQLContext {
  app: AppContext;
  requestId: string;
  /** The `visitor` header (HTTP) or connection parameter (WebSocket), if any. */
  visitor: string | undefined;
  /** Authenticates once per operation, on first use. */
  auth(): Promise<AuthResult>;
  /**
   * `auth()`, reading the user's queue in the same statement when this is the first use (peek
   * and pop then skip their own read). The snapshot is handed out once: a later field of the
   * same document may run after a change.
   */
  authWithQueue(): Promise<AuthResult>;
  /** Request-scoped DataLoaders (batched related-row reads), created on first use. */
  readonly loaders: AdminLoaders;
}

/**
 * A class rather than an object of closures: a live subscription keeps its context as long as it
 * is open, and thousands of them share these methods instead of each holding its own.
 */
class OperationContext implements GraphQLContext {
  private authResult: Promise<AuthResult> | undefined = undefined;
  private snapshotTaken = false;
  private adminLoaders: AdminLoaders | undefined = undefined;

  constructor(
    readonly app: AppContext,
    readonly requestId: string,
    readonly visitor: string | undefined,
    private readonly authorization: string | undefined,
  ) {}

  auth(): Promise<AuthResult> {
    return (this.authResult ??= authenticate(this.app, this.authorization));
  }

  async authWithQueue(): Promise<AuthResult> {
    const result = await (this.authResult ??= authenticate(this.app, this.authorization, { withQueue: true }));
    if (!result.ok || result.snapshot === undefined) return result;
    if (this.snapshotTaken) return { ok: true, user: result.user };
    this.snapshotTaken = true;
    return result;
  }

  get loaders(): AdminLoaders {
    return (this.adminLoaders ??= createAdminLoaders(this.app));
  }
}

export function createGraphQLContext(
  app: AppContext,
  input: { requestId: string; authorization: string | undefined; visitor: string | undefined },
): GraphQLContext {
  return new OperationContext(app, input.requestId, input.visitor, input.authorization);
}
