import type { AppContext } from '../services/app-context';
import { authenticate, type AuthResult } from '../services/identity.service';

/** Per-operation context: the shared services plus this request's credentials, resolved lazily. */
export interface GraphQLContext {
  app: AppContext;
  requestId: string;
  /** The `visitor` header (HTTP) or connection parameter (WebSocket), if any. */
  visitor: string | undefined;
  /** Authenticates once per operation, on first use. */
  auth(): Promise<AuthResult>;
}

export function createGraphQLContext(
  app: AppContext,
  input: { requestId: string; authorization: string | undefined; visitor: string | undefined },
): GraphQLContext {
  let result: Promise<AuthResult> | undefined;
  return {
    app,
    requestId: input.requestId,
    visitor: input.visitor,
    auth: () => (result ??= authenticate(app, input.authorization)),
  };
}
