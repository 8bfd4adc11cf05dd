import pg from 'pg';
import { findFlowBySlug, findScreenBySlug } from '../src/db/repositories/definitions.repository';
import { readQueueSnapshot, writeQueueIfCurrent } from '../src/db/repositories/queue.repository';
import { logRealizedFront, type FrontLog } from '../src/db/repositories/screens-log.repository';
import { sqlOn, type Sql } from '../src/db/sql';
import type { ClientFlowDef, ClientScreenDef, QueuedScreen } from '../src/domain/model';
import { newUid } from '../src/lib/ids';

/**
 * The floor: the statements the server issues for one peek and one pop with a trigger, and
 * nothing else (no HTTP, no ORM, no engine, no JWTs), over plain `pg`, on a queue nobody races
 * (so the server never falls back to its locked path). The statement texts are
 * the repositories' own, so they cannot drift from the server's; the choice and order of
 * statements per operation is this file's, and the benchmark's statement census compares it
 * with what the server really ran.
 */

/** As many connections as the server's pool (`DATABASE_POOL_SIZE`'s default), so both queue the same way. */
export const FLOOR_POOL_SIZE = 20;

export function createFloorPool(databaseUrl: string): pg.Pool {
  return new pg.Pool({ connectionString: databaseUrl, max: FLOOR_POOL_SIZE });
}

export interface FloorUser {
  token: string;
  /** A visitor uid the server issued to this user, sent back as the `visitor` header does. */
  visitor: string;
}

const now = () => Date.now() / 1000;

/** The log row of a peek-family answer for `front`. */
function frontLog(user: FloorUser, userId: string, front: QueuedScreen, at: number): FrontLog {
  return {
    visitorHeader: user.visitor,
    newVisitorUid: () => newUid('v'),
    userId,
    platform: 'ios',
    log: { uid: newUid('ucsl'), screen: { slug: front.clientScreen!.slug, parameters: front.screen.screen.fixed } },
    now: at,
  };
}

/**
 * One peek of a stable queue, as the server's unlocked peek does it: authentication and the
 * queue in one read, then the log row in one autocommit statement guarded by `queue_version`.
 * Returns the front's uid (what the JWT carries).
 */
export async function floorPeek(pool: pg.Pool, user: FloorUser): Promise<string> {
  const sql = sqlOn(pool);
  const at = now();
  const snapshot = await readQueueSnapshot(sql, { token: user.token, now: at });
  if (snapshot === null) throw new Error('unknown user token');
  const [front] = snapshot.queue;
  if (front === undefined) throw new Error('empty queue');
  const visitor = await logRealizedFront(sql, { ...frontLog(user, snapshot.user.id, front, at), queueVersion: snapshot.queueVersion });
  if (visitor === null) throw new Error('the queue changed since it was read');
  return front.uid;
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
 * One pop of `frontUid` with a trigger of `flowSlug` (one screen), as the server's unlocked pop
 * does it: authentication and the queue in one read, the flow and its screen (cached), then one
 * autocommit statement guarded by `queue_version` that deletes the front, inserts the flow's
 * screen as a new batch in front, counts the change and logs it. Returns the new front's uid.
 */
export async function floorPop(pool: pg.Pool, user: FloorUser, frontUid: string, flowSlug: string): Promise<string> {
  const sql = sqlOn(pool);
  const at = now();
  const snapshot = await readQueueSnapshot(sql, { token: user.token, now: at });
  if (snapshot === null) throw new Error('unknown user token');
  const { queue } = snapshot;
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
  const written = await writeQueueIfCurrent(sql, {
    ...frontLog(user, snapshot.user.id, added, at),
    expectedVersion: snapshot.queueVersion,
    deletedUids: [frontUid],
    inserted: [added],
  });
  if (written === null) throw new Error('the queue changed since it was read');
  return added.uid;
}
