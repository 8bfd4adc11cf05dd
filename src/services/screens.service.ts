import { insertScreenAction, findScreenLogOwner, logRealizedFront } from '../db/repositories/screens-log.repository';
import { lockUserWithQueue } from '../db/repositories/queue.repository';
import type { UserRecord } from '../db/repositories/users.repository';
import {
  peek, peekedEvent, pop, realizeFront, serverTrigger, type EngineDeps, type Operation, type QueueOutcome, type RealizedItem,
} from '../domain/engine';
import type { JsonValue } from '../domain/json';
import type { ClientPlatform, QueuedScreen } from '../domain/model';
import { newUid } from '../lib/ids';
import type { AppContext } from './app-context';
import type { Sql } from '../db/sql';
import type { CustomPopEndpoint } from './custom-pops';
import { QUEUE_OPERATIONS } from '../lib/metrics';
import { applyToLockedQueue, toEngineUser } from './queue.service';
import { signScreenJwt, verifyScreenJwt } from './screen-jwt';
import { inTransaction, readQuery, withReadConnection } from './transaction';

/** What peek, pop and every custom pop answer (rest-wire-contract.md §3). */
export interface PeekScreenResponse {
  visitor: string;
  screen: { active: RealizedItem; activeJwt: string; prefetch: RealizedItem[] };
}

export interface ClientRequest {
  user: UserRecord;
  platform: ClientPlatform;
  version: number | null;
  /** The `visitor` header as sent, if any. */
  visitorHeader: string | undefined;
}

export class UserGoneError extends Error {}

/**
 * The shared tail of every peek-family request, inside one per-user transaction: run the engine
 * step, stabilize and realize the front (§3.7 drift rule inside), write the queue difference,
 * resolve the visitor, log the realized front; after commit, count once and mint the JWT.
 */
async function respond(
  app: AppContext,
  request: ClientRequest,
  step: (deps: EngineDeps, op: Operation, queue: QueuedScreen[]) => Promise<QueueOutcome>,
  /** Extra work in the same transaction, after the queue was written (custom pop side effects). */
  whenApplied?: (sql: Sql, user: UserRecord, op: Operation) => Promise<void>,
): Promise<PeekScreenResponse> {
  const committed = await inTransaction(app.db, async (scope) => {
    const user = await lockUserWithQueue(scope.sql, request.user.sub);
    if (user === null) throw new UserGoneError(`user ${request.user.sub} no longer exists`);
    const { outcome, op } = await applyToLockedQueue(app, scope, user, request, async (deps, op, queue) => {
      const realized = await realizeFront(deps, op, await step(deps, op, queue));
      return { ...realized, stats: [...realized.stats, peekedEvent(op, realized.active.slug)] };
    });
    await whenApplied?.(scope.sql, user, op);
    const logUid = newUid('ucsl');
    const visitor = await logRealizedFront(scope.sql, {
      visitorHeader: request.visitorHeader,
      newVisitorUid: () => newUid('v'),
      userId: user.id,
      platform: request.platform,
      log: { uid: logUid, screen: { slug: outcome.active.slug, parameters: outcome.active.parameters } },
      now: op.now,
    });
    return { outcome, visitor, logUid, now: op.now };
  });
  const { outcome, visitor, logUid, now } = committed;
  const activeJwt = await signScreenJwt(
    app.config.secrets.clientScreenJwt,
    { sub: outcome.front.uid, logUid, screenSlug: outcome.active.slug },
    now,
  );
  return { visitor: visitor.uid, screen: { active: outcome.active, activeJwt, prefetch: outcome.prefetch } };
}

/**
 * Counts one committed operation by outcome for `GET /metrics`. Called once `respond` returned,
 * so retried attempts never count, and with the outcome of the attempt that committed.
 */
function countOperation(app: AppContext, operation: 'peek' | 'pop' | 'custom_pop', outcome: string): void {
  app.metrics.incrementLabeled(QUEUE_OPERATIONS, { operation, outcome });
}

/** `peek` (queue-engine.md §6): stabilize, realize, log; the queue changes only if it had to. */
export async function peekScreen(app: AppContext, request: ClientRequest): Promise<PeekScreenResponse> {
  const response = await respond(app, request, (deps, op, queue) => peek(deps, op, queue));
  countOperation(app, 'peek', 'ok');
  return response;
}

export interface PopInput extends ClientRequest {
  screenJwt: string;
  trigger: { slug: string; parameters: JsonValue } | null;
}

/** `pop` (queue-engine.md §7): every outcome (bad JWT, desync, forbidden, ...) is a normal answer. */
export async function popScreen(app: AppContext, input: PopInput): Promise<PeekScreenResponse> {
  const claims = await verifyScreenJwt(app.config.secrets.clientScreenJwt, input.screenJwt, app.now());
  let result = 'bad_auth';
  const response = await respond(app, input, async (deps, op, queue) => {
    const outcome = await pop(deps, op, queue, { screenJwtSub: claims === null ? null : claims.sub, trigger: input.trigger });
    result = outcome.result;
    return outcome;
  });
  countOperation(app, 'pop', result);
  return response;
}

/**
 * A custom pop endpoint (queue-engine.md §7.6), in the spec's order: an invalid screen JWT answers
 * `error_bad_auth` without popping; then the endpoint verifies its parameters (a refusal queues its
 * fallback flow, nothing popped); then the pop runs exactly as `popScreen` with the client's slug,
 * the verified server parameters, and the endpoint's side effect inside the pop's transaction
 * when the pop applied.
 */
export async function customPopScreen<P>(
  app: AppContext,
  endpoint: CustomPopEndpoint<P>,
  input: ClientRequest & { screenJwt: string; trigger: { slug: string }; parameters: P },
): Promise<PeekScreenResponse> {
  const claims = await verifyScreenJwt(app.config.secrets.clientScreenJwt, input.screenJwt, app.now());
  if (claims === null) {
    const response = await respond(app, input, (deps, op, queue) => pop(deps, op, queue, { screenJwtSub: null, trigger: null }));
    countOperation(app, 'custom_pop', 'bad_auth');
    return response;
  }
  const verified = await endpoint.verify({ user: toEngineUser(input.user), query: readQuery(app.db), now: app.now() }, input.parameters);
  if (!verified.ok) {
    const response = await respond(app, input, (deps, op, queue) => serverTrigger(deps, op, queue, { slug: verified.fallbackFlow, client: {}, server: {} }));
    countOperation(app, 'custom_pop', 'refused');
    return response;
  }
  let popped = false;
  let result = 'bad_auth';
  const response = await respond(
    app,
    input,
    async (deps, op, queue) => {
      const outcome = await pop(deps, op, queue, {
        screenJwtSub: claims.sub,
        trigger: { slug: input.trigger.slug, parameters: verified.clientParameters ?? {}, serverParameters: verified.serverParameters },
      });
      // Not for a desync or bad JWT (nothing popped), nor for a refused trigger (nothing opened).
      popped = outcome.result === 'popped';
      result = outcome.result;
      return outcome;
    },
    async (sql, user, op) => {
      if (popped && endpoint.onPopped) await endpoint.onPopped({ user: toEngineUser(user), query: sql, now: op.now }, input.parameters, verified.serverParameters);
    },
  );
  countOperation(app, 'custom_pop', result);
  return response;
}

export type TraceOutcome = 'stored' | 'log_missing';

/**
 * Stores a client event verbatim on the log row named by the screen JWT. `ownerUserId` (GraphQL,
 * where the user is known) refuses another user's JWT; REST cannot tell and accepts it.
 */
export async function traceScreen(
  app: AppContext,
  input: { logUid: string; screenSlug: string; event: string; platform: ClientPlatform; version: number | null; ownerUserId?: string },
): Promise<TraceOutcome> {
  const now = app.now();
  const inserted = await inTransaction(app.db, ({ sql }) =>
    insertScreenAction(sql, { uid: newUid('ucsal'), logUid: input.logUid, event: input.event, createdAt: now, userId: input.ownerUserId }),
  );
  if (!inserted) return 'log_missing';
  await app.stats.record([{ event: 'traced', platform: input.platform, version: input.version, screenSlug: input.screenSlug }], now);
  return 'stored';
}

/** Whether a screen JWT's log row belongs to this user (`null`: the row is gone). */
export function screenLogOwnedBy(app: AppContext, logUid: string, userId: string): Promise<boolean | null> {
  return withReadConnection(app.db, async (sql) => {
    const owner = await findScreenLogOwner(sql, logUid);
    return owner === null ? null : owner === userId;
  });
}
