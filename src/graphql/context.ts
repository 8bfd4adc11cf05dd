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
  /** Request-scoped DataLoaders (batched related-row reads), created on first use. */
  readonly loaders: AdminLoaders;
}

export function createGraphQLContext(
  app: AppContext,
  input: { requestId: string; authorization: string | undefined; visitor: string | undefined },
): GraphQLContext {
  let result: Promise<AuthResult> | undefined;
  let loaders: AdminLoaders | undefined;
  return {
    app,
    requestId: input.requestId,
    visitor: input.visitor,
    auth: () => (result ??= authenticate(app, input.authorization)),
    get loaders() {
      return (loaders ??= createAdminLoaders(app));
    },
  };
}
