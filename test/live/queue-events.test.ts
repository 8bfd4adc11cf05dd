import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { card } from '../support/flows';
import { putFlow } from '../support/fixtures';
import { buildIfNeeded, processEnv, startServerProcess, stopServerProcess, subscribeQueue, type ServerProcess } from '../support/processes';
import { createTestDatabase } from '../support/server';
import { databaseClient, newLiveUser, settle, triggerOn } from './support';

/**
 * issue 5 acceptance 1, 2 and 5 against two real server processes (A and B) sharing one
 * PostgreSQL database and the run's Redis.
 */
let db: ReturnType<typeof databaseClient>;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  buildIfNeeded();
  const databaseUrl = await createTestDatabase();
  db = databaseClient(databaseUrl);
  await putFlow(db, { slug: 'live_one', screens: [card('Live one'), card('Live two')] });
  const env = processEnv({ DATABASE_URL: databaseUrl, REDIS_URL: inject('redisUrl') });
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 120_000);
afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((s) => stopServerProcess(s.child)));
  await db?.end();
});

function rest(server: ServerProcess, path: string, authorization: string, body?: unknown) {
  return fetch(`${server.url}/api/1/users/me/screens/${path}?platform=ios`, {
    method: 'POST',
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('screenQueueChanged across instances (acceptance 1)', () => {
  it('reaches a subscriber on A within 200 ms of a trusted trigger and of a pop on B; other users hear nothing', async () => {
    const alice = await newLiveUser('live');
    const bob = await newLiveUser('live');
    const aliceLive = subscribeQueue(a.url, alice.authorization);
    const bobLive = subscribeQueue(a.url, bob.authorization);
    try {
      const first = await aliceLive.next(5000);
      expect(first).toMatchObject({ reason: 'SUBSCRIBED', queueVersion: 0, flowSlug: null });
      expect((await bobLive.next(5000)).reason).toBe('SUBSCRIBED');

      const triggered = await triggerOn(b, alice.sub, 'live_one');
      const onTrigger = await aliceLive.next(1000);
      expect(onTrigger).toMatchObject({ reason: 'FLOW_TRIGGERED', flowSlug: 'live_one', queueVersion: 1 });
      expect(onTrigger.receivedAt - triggered).toBeLessThan(200);

      // A peek that changes nothing publishes nothing.
      const peeked = await rest(b, 'peek', alice.authorization);
      expect(peeked.status).toBe(200);
      const jwt = ((await peeked.json()) as { screen: { active_jwt: string } }).screen.active_jwt;
      await settle(150);
      expect(aliceLive.pending()).toEqual([]);

      const popped = await rest(b, 'pop', alice.authorization, { screen_jwt: jwt, trigger: null });
      const poppedAt = Date.now();
      expect(popped.status).toBe(200);
      const onPop = await aliceLive.next(1000);
      expect(onPop).toMatchObject({ reason: 'POPPED', queueVersion: 2 });
      expect(onPop.receivedAt - poppedAt).toBeLessThan(200);

      await settle(200);
      expect(bobLive.pending()).toEqual([]);
      expect(aliceLive.pending()).toEqual([]);
    } finally {
      await Promise.all([aliceLive.close(), bobLive.close()]);
    }
  });
});

describe('rollbacks (acceptance 2)', () => {
  it('a queue change whose transaction rolls back publishes nothing and counts nothing', async () => {
    const carol = await newLiveUser('live');
    const live = subscribeQueue(a.url, carol.authorization);
    try {
      expect(await live.next(5000)).toMatchObject({ reason: 'SUBSCRIBED', queueVersion: 0 });
      const [{ id }] = await db.sql<{ id: string }>(`SELECT id::text AS id FROM users WHERE sub = $1`, [carol.sub]);
      // The peek's stabilization queues `empty`, then its log insert fails: the whole attempt rolls back.
      await db.sql(`
        CREATE FUNCTION refuse_log_${id}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.user_id = ${id} THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
      await db.sql(`CREATE TRIGGER refuse_log_${id} BEFORE INSERT ON user_client_screens_log FOR EACH ROW EXECUTE FUNCTION refuse_log_${id}()`);
      try {
        expect((await rest(b, 'peek', carol.authorization)).status).toBe(500);
      } finally {
        await db.sql(`DROP TRIGGER refuse_log_${id} ON user_client_screens_log`);
        await db.sql(`DROP FUNCTION refuse_log_${id}()`);
      }
      await settle(300);
      expect(live.pending()).toEqual([]);
      expect(await db.sql(`SELECT queue_version FROM users WHERE id = $1`, [id])).toEqual([{ queue_version: 0 }]);

      expect((await rest(b, 'peek', carol.authorization)).status).toBe(200);
      expect(await live.next(1000)).toMatchObject({ reason: 'FLOW_TRIGGERED', flowSlug: 'empty', queueVersion: 1 });
    } finally {
      await live.close();
    }
  });
});

/** A raw graphql-transport-ws socket: what it receives, and how it closed. */
function rawSocket(server: ServerProcess) {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const messages: { type: string }[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as { type: string }));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const send = (message: unknown) => socket.send(JSON.stringify(message));
  const acked = async () => {
    for (let i = 0; i < 100 && !messages.some((m) => m.type === 'connection_ack'); i++) await settle(20);
    expect(messages.some((m) => m.type === 'connection_ack')).toBe(true);
  };
  return { opened, closed, send, acked };
}

describe('graphql-ws protocol (acceptance 5)', () => {
  it('closes 4408 without connection_init, 4429 on a second init, 4403 on a bad or missing token, 4409 on a duplicate operation id', async () => {
    const { authorization } = await newLiveUser('live');
    const silent = rawSocket(a);
    const started = Date.now();

    const twice = rawSocket(a);
    await twice.opened;
    twice.send({ type: 'connection_init', payload: { authorization } });
    await twice.acked();
    twice.send({ type: 'connection_init', payload: { authorization } });
    expect(await twice.closed).toBe(4429);

    const badToken = rawSocket(b);
    await badToken.opened;
    badToken.send({ type: 'connection_init', payload: { authorization: 'bearer not-a-token' } });
    expect(await badToken.closed).toBe(4403);

    // No token at all: neither a payload nor an authorization in it.
    for (const payload of [undefined, { visitor: 'oseh_v_x' }]) {
      const noToken = rawSocket(b);
      await noToken.opened;
      noToken.send({ type: 'connection_init', ...(payload === undefined ? {} : { payload }) });
      expect(await noToken.closed).toBe(4403);
    }

    const duplicate = rawSocket(b);
    await duplicate.opened;
    duplicate.send({ type: 'connection_init', payload: { authorization } });
    await duplicate.acked();
    const subscribe = { id: 'same', type: 'subscribe', payload: { query: 'subscription { screenQueueChanged { queueVersion } }' } };
    duplicate.send(subscribe);
    duplicate.send(subscribe);
    expect(await duplicate.closed).toBe(4409);

    expect(await silent.closed).toBe(4408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
  }, 20_000);
});
