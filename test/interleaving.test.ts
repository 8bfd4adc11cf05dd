/**
 * Randomized interleavings (queue-engine.md §9.2) against an in-process server, every round
 * compared with the sequential model (rounds: test/support/interleave.ts; the 10,000-operation
 * run against a server process is test/reliability/races.test.ts).
 *
 * Reproduce a failure with INTERLEAVING_SEED=<seed from the test name>.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Interleaving, newActor, putInterleavingFlows, type InterleavingTarget } from './support/interleave';
import { startTestServer, type TestServer } from './support/server';

const SEEDS = process.env.INTERLEAVING_SEED !== undefined ? [Number(process.env.INTERLEAVING_SEED)] : [1_337_421, 20_261_129];
const USERS = 4;
const OPERATIONS_PER_USER = 60;

let server: TestServer;
let target: InterleavingTarget;
beforeAll(async () => {
  server = await startTestServer();
  target = { url: server.url, adminAuthorization: `bearer ${await server.userToken('oseh_u_interleaving_admin', { admin: true })}`, db: server };
  await putInterleavingFlows(server);
});
afterAll(async () => {
  await server?.close();
});

describe('randomized interleavings', () => {
  it.each(SEEDS)(`${USERS} users × ${OPERATIONS_PER_USER} operations, seed %i: every queue equals its sequential model`, async (seed) => {
    const actors = await Promise.all(
      Array.from({ length: USERS }, async (_, i) => {
        const sub = `oseh_u_interleave_${seed}_${i}`;
        return newActor(target, sub, await server.userToken(sub), seed + i * 7919);
      }),
    );
    await new Interleaving(target, { checkEvery: 1, maxRacingPops: 6 }).playAll(actors, OPERATIONS_PER_USER, `seed ${seed}`);
  }, 40_000);
});
