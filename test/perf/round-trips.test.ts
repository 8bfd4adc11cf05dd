import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQueueSnapshot, writeQueueIfCurrent } from '../../src/db/repositories/queue.repository';
import { logRealizedFront } from '../../src/db/repositories/screens-log.repository';
import { newUid } from '../../src/lib/ids';
import { ROUND_TRIPS_HEADER } from '../../src/lib/round-trips';
import { TriggerClientFlowDocument } from '../generated/graphql';
import { ScreenClient, type Answer, type PeekBody } from '../support/client';
import { confirmationScreen, putFlow } from '../support/fixtures';
import { graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The debug round-trip counter (issue 8): what one peek and one pop cost in PostgreSQL
 * statements and Redis commands once the caches are warm. The bounds are what the hot path
 * reaches today (docs/architecture.md "Round trips"); a change that adds a statement fails here.
 */
let server: TestServer;
let client: ScreenClient;
const SUB = 'oseh_u_round_trips';

beforeAll(async () => {
  server = await startTestServer({ env: { CLIENTFLOWS_DEBUG_ROUND_TRIPS: '1' } });
  await putFlow(server, { slug: 'rt_start', screens: ['A', 'B'].map((h) => confirmationScreen(h, { allowedTriggers: ['rt_requeue'] })) });
  await putFlow(server, { slug: 'rt_requeue', screens: [confirmationScreen('R', { allowedTriggers: ['rt_requeue'] })] });
  const admin = await server.userToken('oseh_u_round_trips_admin', { admin: true });
  client = new ScreenClient(server.url, await server.userToken(SUB));
  const queued = await graphql(server.url, TriggerClientFlowDocument, { userSub: SUB, slug: 'rt_start' }, { authorization: `bearer ${admin}` });
  expect(queued.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.close();
});

function roundTrips(answer: Answer<PeekBody>): { postgres: number; redis: number } {
  expect(answer.status).toBe(200);
  const header = answer.headers.get(ROUND_TRIPS_HEADER);
  const match = /^postgres=(\d+); redis=(\d+)$/.exec(header ?? '');
  expect(match, `header ${ROUND_TRIPS_HEADER}: ${header}`).not.toBeNull();
  return { postgres: Number(match![1]), redis: Number(match![2]) };
}

describe('round trips per request (CLIENTFLOWS_DEBUG_ROUND_TRIPS=1)', () => {
  it('a peek of a stable queue with warm caches: authentication+queue, then visitor+log guarded by queue_version; one stats write', async () => {
    const first = await client.peek();
    // Warm: the definitions and the visitor now exist.
    const warm = await client.peek(first.body.visitor);
    expect(warm.body.visitor).toBe(first.body.visitor);
    expect(roundTrips(warm)).toEqual({ postgres: 2, redis: 1 });
  });

  it('a peek that must change the queue (an empty queue runs `empty`) writes the change in the same two statements', async () => {
    const peekEmpty = async (sub: string) => new ScreenClient(server.url, await server.userToken(sub)).peek();
    // The first one warms the `empty` flow's definitions.
    await peekEmpty('oseh_u_round_trips_empty_1');
    const answer = await peekEmpty('oseh_u_round_trips_empty_2');
    expect(roundTrips(answer)).toEqual({ postgres: 2, redis: 2 });
    const queued = await server.sql<{ n: string }>(
      'SELECT count(*) AS n FROM user_client_screens q JOIN users u ON u.id = q.user_id WHERE u.sub = $1',
      ['oseh_u_round_trips_empty_2'],
    );
    expect(Number(queued[0].n)).toBeGreaterThan(0);
  });

  it('a pop with a trigger: authentication+queue, then one statement that writes the difference, counts it and logs, guarded by queue_version; stats and the live-queue publish', async () => {
    const peeked = await client.peek();
    // Warm the trigger's definitions first, then measure a second pop.
    const popped = await client.pop(peeked.body.screen.active_jwt, { slug: 'rt_requeue', parameters: {} });
    expect(popped.body.screen.active.parameters.header).toBe('R');
    const again = await client.pop(popped.body.screen.active_jwt, { slug: 'rt_requeue', parameters: {} });
    expect(again.body.screen.active.parameters.header).toBe('R');
    expect(roundTrips(again)).toEqual({ postgres: 2, redis: 2 });
  });

  describe('over GraphQL, the same statements as REST', () => {
    const SCREEN = 'visitor screen { active { slug parameters } activeJwt }';
    async function operation(document: string, variables: Record<string, unknown>) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `bearer ${await server.userToken(SUB)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: document, variables }),
      });
      const body = (await response.json()) as { data?: Record<string, { visitor: string; screen: { active: { parameters: { header?: string } }; activeJwt: string } }>; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return { data: body.data!, roundTrips: roundTrips({ status: response.status, headers: response.headers } as Answer<PeekBody>) };
    }
    const PEEK = `mutation { peekScreen(platform: IOS) { ${SCREEN} } }`;
    const POP = `mutation($jwt: String!) { popScreen(platform: IOS, screenJwt: $jwt, trigger: { slug: "rt_requeue", parameters: {} }) { ${SCREEN} } }`;
    const queueVersion = async () => (await server.sql<{ v: number }>('SELECT queue_version AS v FROM users WHERE sub = $1', [SUB]))[0].v;

    it('peekScreen with warm caches: 2 statements, 1 Redis command; popScreen with a trigger: 2 and 2', async () => {
      await operation(PEEK, {});
      const peeked = await operation(PEEK, {});
      expect(peeked.roundTrips).toEqual({ postgres: 2, redis: 1 });
      const popped = await operation(POP, { jwt: peeked.data.peekScreen.screen.activeJwt });
      expect(popped.data.popScreen.screen.active.parameters.header).toBe('R');
      expect(popped.roundTrips).toEqual({ postgres: 2, redis: 2 });
    });

    it('two pops of one JWT in one document: the queue read with authentication serves the first only, and exactly one pop applies', async () => {
      const peeked = await operation(PEEK, {});
      const before = await queueVersion();
      const { data } = await operation(
        `mutation($jwt: String!) {
          a: popScreen(platform: IOS, screenJwt: $jwt, trigger: { slug: "rt_requeue", parameters: {} }) { ${SCREEN} }
          b: popScreen(platform: IOS, screenJwt: $jwt, trigger: { slug: "rt_requeue", parameters: {} }) { ${SCREEN} }
        }`,
        { jwt: peeked.data.peekScreen.screen.activeJwt },
      );
      expect(await queueVersion()).toBe(before + 1);
      // b is a desync: it answers the front a left, under a JWT of its own.
      expect(data.b.screen.active).toEqual(data.a.screen.active);
      expect(data.b.screen.activeJwt).not.toBe(data.a.screen.activeJwt);
    });
  });

  it("the unlocked peek's write logs nothing once the queue moved past the version it read", async () => {
    const [user] = await server.sql<{ id: string; queue_version: number }>('SELECT id::text AS id, queue_version FROM users WHERE sub = $1', [SUB]);
    const logRows = async () => (await server.sql<{ n: string }>('SELECT count(*) AS n FROM user_client_screens_log WHERE user_id = $1', [user.id]))[0].n;
    const before = await logRows();
    const write = (queueVersion: number) =>
      logRealizedFront(server.app.db.query, {
        visitorHeader: undefined,
        newVisitorUid: () => newUid('v'),
        userId: user.id,
        queueVersion,
        platform: 'ios',
        log: { uid: newUid('ucsl'), screen: { slug: 'confirmation', parameters: {} } },
        now: Date.now() / 1000,
      });
    expect(await write(user.queue_version - 1)).toBeNull();
    expect(await logRows()).toBe(before);
    expect(await write(user.queue_version)).not.toBeNull();
    expect(Number(await logRows())).toBe(Number(before) + 1);
  });

  it("the unlocked pop's write changes nothing once the queue moved past the version it read", async () => {
    const snapshot = await readQueueSnapshot(server.app.db.query, { sub: SUB });
    const [front] = snapshot!.queue;
    const state = async () =>
      server.sql('SELECT u.queue_version, (SELECT array_agg(uid ORDER BY uid) FROM user_client_screens WHERE user_id = u.id) AS uids, ' +
        '(SELECT count(*) FROM user_client_screens_log WHERE user_id = u.id) AS logs FROM users u WHERE u.sub = $1', [SUB]);
    const before = await state();
    const write = (expectedVersion: number) =>
      writeQueueIfCurrent(server.app.db.query, {
        visitorHeader: undefined,
        newVisitorUid: () => newUid('v'),
        userId: snapshot!.user.id,
        platform: 'ios',
        log: { uid: newUid('ucsl'), screen: { slug: 'confirmation', parameters: {} } },
        now: Date.now() / 1000,
        expectedVersion,
        deletedUids: [front.uid],
        inserted: [{ ...front, uid: newUid('ucs') }],
      });
    expect(await write(snapshot!.queueVersion - 1)).toBeNull();
    expect(await state()).toEqual(before);
    // The same write at the current version applies: the front replaced in place (same counters), counted once, logged.
    const written = await write(snapshot!.queueVersion);
    expect(written?.queueVersion).toBe(snapshot!.queueVersion + 1);
    const [after] = await state();
    expect(after.uids).not.toContain(front.uid);
    expect(Number(after.logs)).toBe(Number(before[0].logs) + 1);
  });

  it('queue reads take screen schemas from a cache keyed by schema_hash: a changed schema (new hash) is read again', async () => {
    const before = await readQueueSnapshot(server.app.db.query, { sub: SUB });
    const screen = before!.queue[0].clientScreen!;
    expect(Object.isFrozen(screen.schema)).toBe(true);
    const [stored] = await server.sql<{ schema: object; schema_hash: string }>('SELECT schema, schema_hash FROM client_screens WHERE id = $1', [screen.id]);
    try {
      // What a migration changing the screen does: new schema, new hash.
      await server.sql(`UPDATE client_screens SET schema = jsonb_set(schema, '{description}', '"changed"'), schema_hash = schema_hash || '-changed' WHERE id = $1`, [screen.id]);
      const after = await readQueueSnapshot(server.app.db.query, { sub: SUB });
      expect(after!.queue[0].clientScreen!.schema.description).toBe('changed');
      expect(screen.schema.description).not.toBe('changed');
    } finally {
      await server.sql('UPDATE client_screens SET schema = $1, schema_hash = $2 WHERE id = $3', [stored.schema, stored.schema_hash, screen.id]);
    }
  });

  it('leaves answers without the header when the counter is off', async () => {
    const plain = await startTestServer();
    try {
      const response = await fetch(`${plain.url}/healthz`);
      expect(response.status).toBe(200);
      expect(response.headers.get(ROUND_TRIPS_HEADER)).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
