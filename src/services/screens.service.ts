import { insertScreenAction, findScreenLogOwner, logRealizedFront, type FrontLog } from '../db/repositories/screens-log.repository';
import { lockUserWithQueue, readQueueSnapshot, writeQueueIfCurrent, type QueueSnapshot } from '../db/repositories/queue.repository';
import type { UserRecord } from '../db/repositories/users.repository';
import {
  diffQueue, peek, peekedEvent, pop, realizeFront, serverTrigger, type EngineDeps, type Operation, type QueueOutcome, type RealizedItem,
} from '../domain/engine';
import type { JsonValue } from '../domain/json';
import type { ClientPlatform, QueuedScreen } from '../domain/model';
import { newUid } from '../lib/ids';
import type { AppContext } from './app-context';
import type { Sql } from '../db/sql';
import type { CustomPopEndpoint } from './custom-pops';
import { QUEUE_OPERATIONS } from '../lib/metrics';
import { applyToLockedQueue, engineDeps, operationFor, reportApplied, toEngineUser } from './queue.service';
import { signScreenJwt, verifyScreenJwt } from './screen-jwt';
import { inAutocommit, inTransaction, isRetryable, readQuery, withReadConnection } from './transaction';

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
  /** The user's queue as authentication read it (REST or GraphQL), unlocked: spares a peek or pop its own read. */
  snapshot?: QueueSnapshot;
}

export class UserGoneError extends Error {}

type Step = (deps: EngineDeps, op: Operation, queue: QueuedScreen[]) => Promise<QueueOutcome>;
type Realized = Awaited<ReturnType<typeof realizeFront>>;

/** The engine part of every peek-family answer: the step, then the front realized and counted as peeked once. */
async function realizeAfter(step: Step, deps: EngineDeps, op: Operation, queue: QueuedScreen[]): Promise<Realized> {
  const realized = await realizeFront(deps, op, await step(deps, op, queue));
  return { ...realized, stats: [...realized.stats, peekedEvent(op, realized.active.slug)] };
}

interface Logged {
  outcome: Realized;
  visitor: { uid: string };
  logUid: string;
  now: number;
}

/** What the front's log row records, for `logRealizedFront` or `writeQueueIfCurrent`. */
function frontLog(request: ClientRequest, userId: string, outcome: Realized, now: number, logUid: string): FrontLog {
  return {
    visitorHeader: request.visitorHeader,
    newVisitorUid: () => newUid('v'),
    userId,
    platform: request.platform,
    log: { uid: logUid, screen: { slug: outcome.active.slug, parameters: outcome.active.parameters } },
    now,
  };
}

/** Logs the realized front while the queue is still at `queueVersion`; null when it no longer is. */
async function logFront(sql: Sql, request: ClientRequest, userId: string, queueVersion: number, outcome: Realized, now: number): Promise<Logged | null> {
  const logUid = newUid('ucsl');
  const visitor = await logRealizedFront(sql, { ...frontLog(request, userId, outcome, now, logUid), queueVersion });
  return visitor === null ? null : { outcome, visitor, logUid, now };
}

/** The answer for a committed front: the JWT is minted only now, never for a rolled-back attempt. */
async function answer(app: AppContext, { outcome, visitor, logUid, now }: Logged): Promise<PeekScreenResponse> {
  const activeJwt = await signScreenJwt(
    app.config.secrets.clientScreenJwt,
    { sub: outcome.front.uid, logUid, screenSlug: outcome.active.slug },
    now,
  );
  return { visitor: visitor.uid, screen: { active: outcome.active, activeJwt, prefetch: outcome.prefetch } };
}

/**
 * The shared tail of every peek-family request, inside one per-user transaction: run the engine
 * step, stabilize and realize the front (§3.7 drift rule inside), write the queue difference,
 * resolve the visitor, log the realized front; after commit, count once and mint the JWT.
 */
async function respond(
  app: AppContext,
  request: ClientRequest,
  step: Step,
  /** Extra work in the same transaction, after the queue was written (custom pop side effects). */
  whenApplied?: (sql: Sql, user: UserRecord, op: Operation) => Promise<void>,
): Promise<PeekScreenResponse> {
  const committed = await inTransaction(app.db, async (scope) => {
    const user = await lockUserWithQueue(scope.sql, request.user.sub);
    if (user === null) throw new UserGoneError(`user ${request.user.sub} no longer exists`);
    const { outcome, op, writtenVersion } = await applyToLockedQueue(app, scope, user, request, (deps, op, queue) => realizeAfter(step, deps, op, queue));
    await whenApplied?.(scope.sql, user, op);
    const logged = await logFront(scope.sql, request, user.id, writtenVersion ?? user.queueVersion, outcome, op.now);
    // Under the lock only this transaction changes queue_version (a plugin's side effect must not).
    if (logged === null) throw new Error(`queue_version of user ${request.user.sub} changed under its lock`);
    return logged;
  });
  return answer(app, committed);
}

/**
 * A peek-family answer without the per-user lock (optimistic): the engine runs on an unlocked
 * snapshot of the queue, then one autocommit statement writes the difference, counts it and
 * logs the new front (or only logs, when the queue stays as it was), all only if
 * `queue_version` is still the snapshot's. So the answer is exactly what the locked path would
 * have answered at that statement, and of racing writers on one snapshot exactly one applies.
 * Null (nothing written) when the queue changed since the snapshot: the caller then runs the
 * locked path, which reads it again. Custom pops always take the locked path (their side effect
 * belongs in the pop's transaction).
 */
async function respondUnlocked(app: AppContext, request: ClientRequest, step: Step): Promise<PeekScreenResponse | null> {
  const snapshot = request.snapshot ?? (await withReadConnection(app.db, (sql) => readQueueSnapshot(sql, { sub: request.user.sub })));
  if (snapshot === null) return null;
  const { user } = snapshot;
  const op = operationFor(app, user, request);
  const outcome = await realizeAfter(step, engineDeps(app, app.db.query), op, snapshot.queue);
  const { deleted, inserted } = diffQueue(snapshot.queue, outcome.queue);
  const write = inAutocommit(app.db, async (scope): Promise<Logged | null> => {
    if (deleted.length === 0 && inserted.length === 0) {
      const unchanged = await logFront(scope.sql, request, user.id, snapshot.queueVersion, outcome, op.now);
      if (unchanged !== null) reportApplied(app, scope, user, outcome, op, null);
      return unchanged;
    }
    const logUid = newUid('ucsl');
    const written = await writeQueueIfCurrent(scope.sql, {
      ...frontLog(request, user.id, outcome, op.now, logUid),
      expectedVersion: snapshot.queueVersion,
      deletedUids: deleted.map((row) => row.uid),
      inserted,
    });
    if (written === null) return null;
    reportApplied(app, scope, user, outcome, op, written.queueVersion);
    return { outcome, visitor: written.visitor, logUid, now: op.now };
  });
  // A deadlock or serialization failure wrote nothing: the locked path retries it.
  const logged = await write.catch((error: unknown) => (isRetryable(error) ? null : Promise.reject(error)));
  return logged === null ? null : answer(app, logged);
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
  const step: Step = (deps, op, queue) => peek(deps, op, queue);
  const response = (await respondUnlocked(app, request, step)) ?? (await respond(app, request, step));
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
  const step: Step = async (deps, op, queue) => {
    const outcome = await pop(deps, op, queue, { screenJwtSub: claims === null ? null : claims.sub, trigger: input.trigger });
    result = outcome.result;
    return outcome;
  };
  const response = (await respondUnlocked(app, input, step)) ?? (await respond(app, input, step));
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
