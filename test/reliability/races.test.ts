/**
 * issue 8 item 2: over 10,000 racing operations across 8 users against a real server process
 * (peeks, pops of one JWT racing each other, pops with and without triggers, stale and foreign
 * JWTs, trusted triggers racing peeks and pops), every final queue equals its sequential model
 * and no screen is lost or duplicated. The rounds and the model are the interleaving test's
 * (test/support/interleave.ts); here they run longer, wider and with sparse intermediate checks
 * (the final queue and log rows are always compared).
 *
 * Reproduce a failure with RACES_SEED=<seed from the test name>; RACES_OPERATIONS shortens a local run.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseClient, ensureUser } from '../live/support';
import { Interleaving, newActor, putInterleavingFlows, type Actor, type InterleavingTarget } from '../support/interleave';
import { buildIfNeeded, processEnv, startServerProcess, stopServerProcess, type ServerProcess } from '../support/processes';
import { createTestDatabase, TEST_ID_TOKEN_SECRET } from '../support/server';
import { craftIdToken } from '../support/tokens';

const SEED = process.env.RACES_SEED !== undefined ? Number(process.env.RACES_SEED) : 8_021_126;
const USERS = 8;
const OPERATIONS = Number(process.env.RACES_OPERATIONS ?? 10_000);

let db: ReturnType<typeof databaseClient>;
let server: ServerProcess;
let target: InterleavingTarget;
beforeAll(async () => {
  buildIfNeeded();
  const databaseUrl = await createTestDatabase();
  db = databaseClient(databaseUrl);
  await putInterleavingFlows(db);
  server = await startServerProcess(processEnv({ DATABASE_URL: databaseUrl, REDIS_URL: inject('redisUrl'), LOG_LEVEL: 'warn' }));
  target = { url: server.url, adminAuthorization: `bearer ${server.adminToken}`, db };
}, 120_000);
afterAll(async () => {
  if (server) await stopServerProcess(server.child);
  await db?.end();
});

describe('racing operations against a server process', () => {
  it(`${USERS} users, over ${OPERATIONS} operations, seed ${SEED}: every queue equals its sequential model`, async () => {
    const actors: Actor[] = await Promise.all(
      Array.from({ length: USERS }, async (_, i) => {
        const sub = `oseh_u_races_${SEED}_${i}`;
        // An id token (one day): the first request creates the user; no signup flow exists here.
        const token = await craftIdToken(TEST_ID_TOKEN_SECRET, { sub, exp: Math.floor(Date.now() / 1000) + 86_400 });
        await ensureUser(server, `bearer ${token}`);
        return newActor(target, sub, token, SEED + i * 7919);
      }),
    );
    const started = Date.now();
    await new Interleaving(target, { checkEvery: 8, maxRacingPops: 10 }).playAll(actors, Math.ceil(OPERATIONS / USERS), `seed ${SEED}`);
    const total = actors.reduce((sum, a) => sum + a.operations, 0);
    expect(total).toBeGreaterThanOrEqual(OPERATIONS);
    // Nothing lost or duplicated anywhere: the queue rows of these users are exactly the models' rows.
    const [{ n }] = await db.sql<{ n: string }>(`SELECT count(*) AS n FROM user_client_screens`);
    expect(Number(n)).toBe(actors.reduce((sum, a) => sum + a.model.rows.length, 0));
    console.log(`races: ${total} operations in ${Date.now() - started} ms (${Math.round((total * 1000) / (Date.now() - started))}/s)`);
  }, 600_000);
});
