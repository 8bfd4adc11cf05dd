import pg from 'pg';
import { findFlowBySlug, findScreenBySlug } from '../src/db/repositories/definitions.repository';
import { deleteQueuedScreens, insertQueuedScreens, loadQueue } from '../src/db/repositories/queue.repository';
import { insertScreenLog, resolveVisitor } from '../src/db/repositories/screens-log.repository';
import { bumpQueueVersion, findUserByToken, lockUserBySub, type UserRecord } from '../src/db/repositories/users.repository';
import type { Sql } from '../src/db/sql';
import type { ClientFlowDef, ClientScreenDef, QueuedScreen } from '../src/domain/model';
import { newUid } from '../src/lib/ids';

/**
 * The floor: the statements the server issues for one peek and one pop with a trigger, and
 * nothing else (no HTTP, no ORM, no engine, no JWTs), over plain `pg`. The statement texts are
 * the repositories' own, so they cannot drift from the server's; the choice and order of
 * statements per operation is this file's, and the benchmark's statement census compares it
 * with what the server really ran.
 */

/** As many connections as the server's pool (src/db/orm.ts), so both queue the same way. */
export const FLOOR_POOL_SIZE = 20;

export function createFloorPool(databaseUrl: string): pg.Pool {
  return new pg.Pool({ connectionString: databaseUrl, max: FLOOR_POOL_SIZE });
}

/** `?` placeholders (the repositories' dialect, which knex rewrites) as pg's `$n`. */
function toPositional(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

function sqlOn(queryable: pg.Pool | pg.PoolClient): Sql {
  return async <T>(text: string, params: unknown[] = []) => (await queryable.query(toPositional(text), params)).rows as T[];
}

async function inTransaction<T>(pool: pg.Pool, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(sqlOn(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export interface FloorUser {
  token: string;
  /** A visitor uid the server issued to this user, sent back as the `visitor` header does. */
  visitor: string;
}

const now = () => Date.now() / 1000;

/** Authentication reads outside the transaction, as `authenticate` does. */
async function authenticate(pool: pg.Pool, user: FloorUser): Promise<UserRecord> {
  const found = await findUserByToken(sqlOn(pool), user.token, now());
  if (found === null) throw new Error('unknown user token');
  return found;
}

/** The tail every peek-family answer shares: visitor, then one log row for the realized front. */
async function logFront(sql: Sql, user: FloorUser, userId: string, front: QueuedScreen, at: number): Promise<void> {
  const visitor = await resolveVisitor(sql, { header: user.visitor, userId, source: 'ios', now: at, newUid: () => newUid('v') });
  await insertScreenLog(sql, {
    uid: newUid('ucsl'),
    userId,
    platform: 'ios',
    visitorId: visitor.id,
    screen: { slug: front.clientScreen!.slug, parameters: front.screen.screen.fixed },
    createdAt: at,
  });
}

/** One peek of a stable queue: lock, read, log. Returns the front's uid (what the JWT carries). */
export async function floorPeek(pool: pg.Pool, user: FloorUser): Promise<string> {
  const me = await authenticate(pool, user);
  return inTransaction(pool, async (sql) => {
    const at = now();
    const locked = await lockUserBySub(sql, me.sub);
    if (locked === null) throw new Error('user gone');
    const [front] = await loadQueue(sql, locked.id);
    if (front === undefined) throw new Error('empty queue');
    await logFront(sql, user, locked.id, front, at);
    return front.uid;
  });
}

/**
 * Definitions read once per process, as the server's definition cache does (it re-reads only
 * after a change, and the benchmark changes none).
 */
const definitions = new Map<string, { flow: ClientFlowDef; screen: ClientScreenDef }>();

async function flowAndScreen(sql: Sql, flowSlug: string): Promise<{ flow: ClientFlowDef; screen: ClientScreenDef }> {
  const known = definitions.get(flowSlug);
  if (known !== undefined) return known;
  const flow = await findFlowBySlug(sql, flowSlug);
  if (flow === null || flow.screens.length !== 1) throw new Error(`flow ${flowSlug} must exist and have one screen`);
  const screen = await findScreenBySlug(sql, flow.screens[0].screen.slug);
  if (screen === null) throw new Error(`screen ${flow.screens[0].screen.slug} is missing`);
  definitions.set(flowSlug, { flow, screen });
  return { flow, screen };
}

/**
 * One pop of `frontUid` with a trigger of `flowSlug` (one screen): lock, read, the flow and its
 * screen (cached), delete the front, insert the flow's screen as a new batch in front, count the
 * change (`queue_version`), log it. Returns the new front's uid.
 */
export async function floorPop(pool: pg.Pool, user: FloorUser, frontUid: string, flowSlug: string): Promise<string> {
  const me = await authenticate(pool, user);
  return inTransaction(pool, async (sql) => {
    const at = now();
    const locked = await lockUserBySub(sql, me.sub);
    if (locked === null) throw new Error('user gone');
    const queue = await loadQueue(sql, locked.id);
    if (queue[0]?.uid !== frontUid) throw new Error('desync: the front is not the one peeked');
    const { flow, screen: clientScreen } = await flowAndScreen(sql, flowSlug);
    const [flowScreen] = flow.screens;
    const added: QueuedScreen = {
      uid: newUid('ucs'),
      outerCounter: Math.max(...queue.map((row) => row.outerCounter)) + 1,
      innerCounter: 0,
      clientFlowId: flow.id,
      clientScreen,
      flowClientParameters: {},
      flowServerParameters: {},
      screen: flowScreen,
      addedAt: at,
    };
    await deleteQueuedScreens(sql, locked.id, [frontUid]);
    await insertQueuedScreens(sql, locked.id, [added]);
    await bumpQueueVersion(sql, locked.id);
    await logFront(sql, user, locked.id, added, at);
    return added.uid;
  });
}
