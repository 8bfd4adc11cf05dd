import { loadQueue, lockUserWithQueue, writeQueueDifference } from '../db/repositories/queue.repository';
import { bumpQueueVersion, type UserRecord } from '../db/repositories/users.repository';
import { oneAtATime, type Sql } from '../db/sql';
import { diffQueue, peekedEvent, serverTrigger, type EngineDeps, type Operation, type QueueOutcome } from '../domain/engine';
import type { JsonObject } from '../domain/json';
import { describeQueueChange, type QueueChange } from '../domain/queue-change';
import type { EngineUser, QueuedScreen, RequestPlatform } from '../domain/model';
import { newUid } from '../lib/ids';
import type { AppContext } from './app-context';
import { inTransaction, type TransactionScope } from './transaction';

export function toEngineUser(user: UserRecord): EngineUser {
  return {
    sub: user.sub,
    createdAt: user.createdAt,
    givenName: user.givenName,
    familyName: user.familyName,
    hasPro: user.hasPro,
    timezone: user.timezone,
  };
}

/** The engine's view of the world, reading definitions through the operation's own connection. */
export function engineDeps(app: AppContext, sql: Sql): EngineDeps {
  return {
    flow: (slug) => app.definitions.flow(slug, sql),
    screen: (slug) => app.definitions.screen(slug, sql),
    registry: app.registry,
    standard: app.standard,
    newQueueUid: () => newUid('ucs'),
    random: Math.random,
    warn: (message, data) => app.log.warn(data ?? {}, message),
    query: oneAtATime(sql),
  };
}

export interface QueueRequest {
  platform: RequestPlatform;
  version: number | null;
}

export interface AppliedOperation<R extends QueueOutcome> {
  before: QueuedScreen[];
  outcome: R;
  op: Operation;
  /** The new `queue_version` when the queue changed, null when the engine left it as it was. */
  writtenVersion: number | null;
}

/** One engine call's operation for this user and request, at the app's clock. */
export function operationFor(app: AppContext, user: UserRecord, request: QueueRequest): Operation {
  return {
    user: toEngineUser(user),
    platform: request.platform,
    version: request.version,
    now: app.now(),
    requestTimezone: null,
  };
}

/**
 * The one way a queue changes: with the per-user lock held (the caller locked `user` in this
 * transaction), read the whole queue (unless the lock already read it: `lockUserWithQueue`), run
 * one pure engine call on it, write the difference. Statistics are reported, and a real change
 * is published to live subscribers, only after commit.
 */
export async function applyToLockedQueue<R extends QueueOutcome>(
  app: AppContext,
  scope: TransactionScope,
  user: UserRecord & { queue?: QueuedScreen[] },
  request: QueueRequest,
  run: (deps: EngineDeps, op: Operation, queue: QueuedScreen[]) => Promise<R>,
): Promise<AppliedOperation<R>> {
  const before = user.queue ?? (await loadQueue(scope.sql, user.id));
  const op = operationFor(app, user, request);
  const outcome = await run(engineDeps(app, scope.sql), op, before);
  const { deleted, inserted } = diffQueue(before, outcome.queue);
  const queueVersion = await writeQueueDifference(scope.sql, user.id, deleted.map((row) => row.uid), inserted);
  reportApplied(app, scope, user, outcome, op, queueVersion);
  return { before, outcome, op, writtenVersion: queueVersion };
}

/**
 * After an engine outcome was written in `scope`: its statistics, and when the queue changed
 * (`queueVersion` is the new count, else null) the change for live subscribers, once committed.
 */
export function reportApplied(
  app: AppContext,
  scope: TransactionScope,
  user: Pick<UserRecord, 'sub'>,
  outcome: QueueOutcome,
  op: Operation,
  queueVersion: number | null,
): void {
  if (queueVersion !== null) announceQueueChange(app, scope, user, { ...describeQueueChange(outcome), occurredAt: op.now, queueVersion });
  if (outcome.stats.length > 0) scope.afterCommit(() => app.stats.record(outcome.stats, op.now));
}

/**
 * Counts a committed change of the user's queue (the caller holds the user's lock and changed
 * rows in this transaction) and publishes it after commit. `applyToLockedQueue` calls it; a
 * writer that changes queues without the engine (say, a cleanup job) calls it per user.
 */
export async function recordQueueChange(
  app: AppContext,
  scope: TransactionScope,
  user: Pick<UserRecord, 'id' | 'sub'>,
  change: Omit<QueueChange, 'queueVersion'>,
): Promise<QueueChange> {
  const recorded = { ...change, queueVersion: await bumpQueueVersion(scope.sql, user.id) };
  announceQueueChange(app, scope, user, recorded);
  return recorded;
}

/** Publishes a counted change to live subscribers once the transaction committed. */
function announceQueueChange(app: AppContext, scope: TransactionScope, user: Pick<UserRecord, 'sub'>, change: QueueChange): void {
  scope.afterCommit(() => app.queueChanges.publish(user.sub, change));
}

export interface ServerTriggerInput extends QueueRequest {
  userSub: string;
  slug: string;
  clientParameters: JsonObject;
  serverParameters: JsonObject;
}

export type ServerTriggerResult =
  | { kind: 'user_not_found' }
  | { kind: 'triggered'; requestedSlug: string; chosenSlug: string | null; queueLength: number };

/**
 * The trusted trigger of queue-engine.md §7.5: resolve `(slug, client, server, server, true)`
 * without popping, stabilize with the given platform, commit. Used by back-office callers.
 */
export async function triggerForUser(app: AppContext, input: ServerTriggerInput): Promise<ServerTriggerResult> {
  return inTransaction(app.db, async (scope) => {
    const user = await lockUserWithQueue(scope.sql, input.userSub);
    if (user === null) return { kind: 'user_not_found' } as const;
    const { outcome } = await runServerTrigger(app, scope, user, input);
    return { kind: 'triggered', requestedSlug: input.slug, chosenSlug: outcome.chosenSlug, queueLength: outcome.queue.length } as const;
  });
}

/**
 * A server trigger inside a transaction that already holds the user's lock. `countsAsPeek`: the
 * admin tools' trusted trigger is a peek that returns nothing (queue-engine.md §12,
 * stats-cache-jobs.md §1.5), so it counts one `peeked` for the settled front, platform `server`.
 */
export function runServerTrigger(
  app: AppContext,
  scope: TransactionScope,
  user: UserRecord,
  input: QueueRequest & { slug: string; clientParameters: JsonObject; serverParameters: JsonObject },
  options: { countsAsPeek: boolean } = { countsAsPeek: false },
) {
  return applyToLockedQueue(app, scope, user, input, async (deps, op, queue) => {
    const outcome = await serverTrigger(deps, op, queue, { slug: input.slug, client: input.clientParameters, server: input.serverParameters });
    const front = outcome.queue[0]?.clientScreen;
    if (!options.countsAsPeek || !front) return outcome;
    return { ...outcome, stats: [...outcome.stats, peekedEvent(op, front.slug)] };
  });
}
