import pg from 'pg';
import type { Logger } from '../lib/log';
import { sqlOn, type Sql, type StatementCounter } from './sql';

/**
 * The process's PostgreSQL connections: one `pg` pool behind every request, job and health
 * check (services reach it only through `inTransaction` / `withReadConnection`). MikroORM is
 * used for migrations alone, on its own short-lived connection.
 */
export interface Database {
  readonly pool: pg.Pool;
  /** Counts statements for the round-trip debug counter (undefined when it is off). */
  readonly count?: StatementCounter;
  /** A `Sql` whose every statement runs on any pooled connection, outside a transaction. */
  readonly query: Sql;
  close(): Promise<void>;
}

/** Answers of these types stay text, as they were under MikroORM (no Date or interval objects). */
const TEXT_TYPES = [1082, 1114, 1184, 1186]; // date, timestamp, timestamptz, interval
const TEXT_ARRAY_TYPES = [1182, 1115, 1185, 1187];

function typeParsers(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  // text[]'s parser (array OIDs are not in pg's builtins enum): the elements stay text too.
  const parseArray = (pg.types.getTypeParser as (oid: number) => (text: string) => unknown)(1009);
  for (const oid of TEXT_TYPES) types.setTypeParser(oid, (text: string) => text);
  for (const oid of TEXT_ARRAY_TYPES) types.setTypeParser(oid, parseArray);
  return types;
}

export interface DatabaseOptions {
  poolSize: number;
  log: Logger;
  /** Off by default; see `src/lib/round-trips.ts`. */
  count?: StatementCounter;
}

/** A statement running longer than this is cancelled by the server (a stuck request fails, not hangs). */
const STATEMENT_TIMEOUT_MS = 10_000;
/** Waiting longer than this for a free connection (or a new one) fails the request with 503. */
const CONNECT_TIMEOUT_MS = 5_000;

export function openDatabase(url: string, options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: typeParsers(),
  });
  // An idle connection dropped by the server (say, PostgreSQL restarting) must not crash the
  // process; the pool discards it and opens a new one on demand.
  let reported = false;
  pool.on('error', (error) => {
    if (!reported) options.log.warn({ err: error }, 'idle PostgreSQL connection lost');
    reported = true;
  });
  pool.on('connect', () => {
    reported = false;
  });
  let closed: Promise<void> | undefined;
  return {
    pool,
    count: options.count,
    query: sqlOn(pool, options.count),
    close: () => (closed ??= pool.end()),
  };
}
