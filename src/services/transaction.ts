import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm';
import { sqlOf, type Sql } from '../db/sql';
import { ServiceUnavailableError } from './errors';

/** SQLSTATEs after which a fresh attempt (new read, new simulation) may succeed. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
/** Connection-level failures: the database is down or restarting. Answered 503, never 500. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/** Attempts per operation: the first plus three retries (queue-engine.md §9.2). */
const MAX_ATTEMPTS = 4;

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; cause?: unknown };
  if (typeof e.code === 'string') return e.code;
  return errorCode(e.cause);
}

/** A unique constraint refused a write (e.g. two racing renames to one slug). */
export const isUniqueViolation = (error: unknown): boolean => errorCode(error) === '23505';

function isConnectionFailure(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|Timeout acquiring a connection/i.test(
    message,
  );
}

export interface TransactionScope {
  em: EntityManager;
  sql: Sql;
  /** Work to run only after the transaction committed (stats, publications). */
  afterCommit(hook: () => void | Promise<void>): void;
}

/**
 * Runs `work` in one READ COMMITTED transaction on a fresh fork. Serialization failures and
 * deadlocks are retried from scratch (a retry recomputes everything from a fresh read and never
 * replays a previous attempt's writes); after the last attempt, or when the database is
 * unreachable, it throws ServiceUnavailableError. After-commit hooks of the committed attempt
 * run once it has committed; hooks of failed attempts are dropped. Hooks handle their own
 * failures (they run after the answer is decided and must not change it).
 */
export function inTransaction<T>(orm: Orm, work: (scope: TransactionScope) => Promise<T>): Promise<T> {
  const running = runTransaction(orm, work);
  let active = inFlight.get(orm);
  if (active === undefined) inFlight.set(orm, (active = new Set()));
  const settled = running.then(() => {}, () => {});
  active.add(settled);
  void settled.then(() => active.delete(settled));
  return running;
}

/** Transactions (with their after-commit hooks) still running, per ORM: shutdown waits for them. */
const inFlight = new WeakMap<Orm, Set<Promise<void>>>();

/** Resolves once every transaction started so far on `orm` finished (graceful shutdown). */
export async function transactionsSettled(orm: Orm): Promise<void> {
  const active = inFlight.get(orm);
  while (active !== undefined && active.size > 0) await Promise.all([...active]);
}

async function runTransaction<T>(orm: Orm, work: (scope: TransactionScope) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const hooks: (() => void | Promise<void>)[] = [];
    let result: T;
    try {
      result = await orm.em.fork().transactional(async (em) =>
        work({ em, sql: sqlOf(em), afterCommit: (hook) => hooks.push(hook) }),
      );
    } catch (error) {
      const code = errorCode(error);
      if (code !== undefined && RETRYABLE_SQLSTATES.has(code)) {
        if (attempt < MAX_ATTEMPTS) continue;
        throw new ServiceUnavailableError('too much contention on this queue, try again');
      }
      if (isConnectionFailure(error)) throw new ServiceUnavailableError('database unavailable');
      throw error;
    }
    // Outside the try: a failing hook (say, Redis down) must not be mistaken for a failed commit.
    for (const hook of hooks) await hook();
    return result;
  }
}

/** A read outside any transaction, with the same mapping of connection failures to 503. */
export async function withReadConnection<T>(orm: Orm, work: (sql: Sql) => Promise<T>): Promise<T> {
  try {
    return await work(sqlOf(orm.em.fork()));
  } catch (error) {
    if (isConnectionFailure(error)) throw new ServiceUnavailableError('database unavailable');
    throw error;
  }
}

/** A `Sql` whose every statement runs on its own pooled connection, outside any transaction. */
export function readQuery(orm: Orm): Sql {
  return (text, params) => withReadConnection(orm, (read) => read(text, params));
}
