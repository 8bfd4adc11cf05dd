import type { EntityManager } from '@mikro-orm/postgresql';

/** Runs parameterised SQL (`?` placeholders) on the manager's connection, inside its transaction if any. */
export type Sql = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export function sqlOf(em: EntityManager): Sql {
  return <T>(sql: string, params: unknown[] = []) =>
    em.getConnection().execute(sql, params, 'all', em.getTransactionContext()) as Promise<T[]>;
}

/** A JSON document as a bound parameter (cast with `?::jsonb` in the statement). */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * A text array as one bound parameter (a PostgreSQL array literal, cast with `?::text[]`).
 * The query builder would otherwise expand a JS array into a list of parameters.
 */
export function textArrayParam(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
