import type { PoolClient } from 'pg';
import type { Database } from '../db/database';
import { sqlOn, type Sql } from '../db/sql';
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

/** A serialization failure or deadlock: a fresh attempt from a fresh read may succeed. */
export const isRetryable = (error: unknown): boolean => {
  const code = errorCode(error);
  return code !== undefined && RETRYABLE_SQLSTATES.has(code);
};

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
  sql: Sql;
  /** Work to run only after the transaction committed (stats, publications). */
  afterCommit(hook: () => void | Promise<void>): void;
}

/**
 * Runs `work` in one READ COMMITTED transaction on one pooled connection. Serialization failures and
 * deadlocks are retried from scratch (a retry recomputes everything from a fresh read and never
 * replays a previous attempt's writes); after the last attempt, or when the database is
 * unreachable, it throws ServiceUnavailableError. After-commit hooks of the committed attempt
 * run once it has committed; hooks of failed attempts are dropped. Hooks handle their own
 * failures (they run after the answer is decided and must not change it).
 */
export function inTransaction<T>(db: Database, work: (scope: TransactionScope) => Promise<T>): Promise<T> {
  return tracked(db, runTransaction(db, work));
}

/**
 * Statements in autocommit, no transaction around them (BEGIN and COMMIT are round trips too):
 * for a write that is one statement, atomic on its own and guarding itself (say, on
 * `queue_version`). Hooks run once `work` returned, each statement having committed as it ran.
 * Connection failures answer 503; graceful shutdown waits for it as for a transaction.
 */
export function inAutocommit<T>(db: Database, work: (scope: TransactionScope) => Promise<T>): Promise<T> {
  return tracked(db, (async () => {
    const hooks: (() => void | Promise<void>)[] = [];
    const result = await withReadConnection(db, (sql) => work({ sql, afterCommit: (hook) => hooks.push(hook) }));
    for (const hook of hooks) await hook();
    return result;
  })());
}

function tracked<T>(db: Database, running: Promise<T>): Promise<T> {
  let active = inFlight.get(db);
  if (active === undefined) inFlight.set(db, (active = new Set()));
  const settled = running.then(() => {}, () => {});
  active.add(settled);
  void settled.then(() => active.delete(settled));
  return running;
}

/** Transactions (with their after-commit hooks) still running, per database: shutdown waits for them. */
const inFlight = new WeakMap<Database, Set<Promise<void>>>();

/** Resolves once every transaction started so far on `db` finished (graceful shutdown). */
export async function transactionsSettled(db: Database): Promise<void> {
  const active = inFlight.get(db);
  while (active !== undefined && active.size > 0) await Promise.all([...active]);
}

/** One attempt: BEGIN, the work, COMMIT (or ROLLBACK), on one connection returned to the pool after. */
async function attemptOnce<T>(db: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client: PoolClient = await db.pool.connect();
  const sql = sqlOn(client, db.count);
  let broken: Error | undefined;
  try {
    await sql('BEGIN ISOLATION LEVEL READ COMMITTED');
    let result: T;
    try {
      result = await work(sql);
    } catch (error) {
      // A connection that cannot even roll back is discarded rather than reused.
      await sql('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    }
    await sql('COMMIT');
    return result;
  } catch (error) {
    if (isConnectionFailure(error)) broken ??= error as Error;
    throw error;
  } finally {
    client.release(broken);
  }
}

async function runTransaction<T>(db: Database, work: (scope: TransactionScope) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const hooks: (() => void | Promise<void>)[] = [];
    let result: T;
    try {
      result = await attemptOnce(db, (sql) => work({ sql, afterCommit: (hook) => hooks.push(hook) }));
    } catch (error) {
      if (isRetryable(error)) {
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
export async function withReadConnection<T>(db: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
  try {
    return await work(db.query);
  } catch (error) {
    if (isConnectionFailure(error)) throw new ServiceUnavailableError('database unavailable');
    throw error;
  }
}

/** A `Sql` whose every statement runs on its own pooled connection, outside any transaction. */
export function readQuery(db: Database): Sql {
  return (text, params) => withReadConnection(db, (read) => read(text, params));
}
