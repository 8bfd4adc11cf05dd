import type { ClientBase, Pool } from 'pg';

/** Runs parameterised SQL (`?` placeholders) on one connection, inside its transaction if any. */
export type Sql = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * `?` placeholders as PostgreSQL's `$n`, the dialect the repositories were written in (knex's):
 * `\?` is a literal question mark. Statement texts are a small fixed set, so each is converted
 * once and the result kept, with the name it is prepared under if it was marked `prepared`.
 */
interface Converted {
  text: string;
  name: string | undefined;
}

const positional = new Map<string, Converted>();
const MAX_CACHED_STATEMENTS = 5000;
/** Monotonic, so a name never stands for two texts on one connection (pg refuses that). */
let preparedCount = 0;

function converted(text: string): Converted {
  let entry = positional.get(text);
  if (entry === undefined) {
    let n = 0;
    entry = { text: text.replace(/\\?\?/g, (match) => (match === '?' ? `$${++n}` : '?')), name: undefined };
    // Texts built with a variable number of rows (multi-row inserts) are bounded by the callers,
    // but a cap keeps a pathological caller from growing the map forever. Prepared texts stay:
    // their names must not change.
    if (positional.size >= MAX_CACHED_STATEMENTS) {
      for (const [key, cached] of positional) if (cached.name === undefined) positional.delete(key);
    }
    positional.set(text, entry);
  }
  return entry;
}

export function toPositional(text: string): string {
  return converted(text).text;
}

/**
 * Marks a statement text to run as a named (prepared) statement: each pooled connection parses
 * and plans it once instead of on every call, which is most of PostgreSQL's work for the hot
 * path's long statements. Only for a small fixed set of texts: a connection keeps every
 * statement it has prepared until it closes. Returns the text, for use inline.
 */
export function prepared(text: string): string {
  const entry = converted(text);
  entry.name ??= `cf_${++preparedCount}`;
  return text;
}
/** Anything `pg` can run a statement on: the pool (autocommit) or one checked-out client. */
export type Queryable = Pick<Pool | ClientBase, 'query'>;

/** Counts each statement sent (the round-trip debug counter); a no-op unless enabled. */
export type StatementCounter = () => void;

export function sqlOn(queryable: Queryable, count?: StatementCounter): Sql {
  return async <T>(text: string, params: unknown[] = []) => {
    count?.();
    const { text: positionalText, name } = converted(text);
    const result = name === undefined
      ? await queryable.query(positionalText, params)
      : await queryable.query({ name, text: positionalText, values: params });
    return result.rows as T[];
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
