import type { ClientBase, Pool } from 'pg';

/** Runs parameterised SQL (`?` placeholders) on one connection, inside its transaction if any. */
export type Sql = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * `?` placeholders as PostgreSQL's `$n`, the dialect the repositories were written in (knex's):
 * `\?` is a literal question mark. Statement texts are a small fixed set, so each is converted
 * once and the result kept.
 */
const positional = new Map<string, string>();
const MAX_CACHED_STATEMENTS = 5000;

export function toPositional(text: string): string {
  let converted = positional.get(text);
  if (converted === undefined) {
    let n = 0;
    converted = text.replace(/\\?\?/g, (match) => (match === '?' ? `$${++n}` : '?'));
    // Texts built with a variable number of rows (multi-row inserts) are bounded by the callers,
    // but a cap keeps a pathological caller from growing the map forever.
    if (positional.size >= MAX_CACHED_STATEMENTS) positional.clear();
    positional.set(text, converted);
  }
  return converted;
}

/** Anything `pg` can run a statement on: the pool (autocommit) or one checked-out client. */
export type Queryable = Pick<Pool | ClientBase, 'query'>;

/** Counts each statement sent (the round-trip debug counter); a no-op unless enabled. */
export type StatementCounter = () => void;

export function sqlOn(queryable: Queryable, count?: StatementCounter): Sql {
  return async <T>(text: string, params: unknown[] = []) => {
    count?.();
    return (await queryable.query(toPositional(text), params)).rows as T[];
  };
}

/**
 * `sql` with its statements sent one after another. Realization converts fields concurrently on
 * one transaction's connection; pg queues a statement sent to a busy client but deprecates it.
 */
export function oneAtATime(sql: Sql): Sql {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(text: string, params?: unknown[]) => {
    const run = tail.then(() => sql<T>(text, params));
    tail = run.catch(() => undefined);
    return run;
  };
}

/** A JSON document as a bound parameter (cast with `?::jsonb` in the statement). */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * A text array as one bound parameter (a PostgreSQL array literal, cast with `?::text[]`), so a
 * statement's text does not depend on the number of values.
 */
export function textArrayParam(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
