/**
 * Acceptance tests of peek (queue-engine.md §6): prefetch windows (§6.1), the screen JWT (§6.2),
 * the log rows, and the batch counter rule (§1.4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putFlow } from '../support/fixtures';
import {
  card,
  headerOf,
  jwtClaims,
  newUser,
  prefetchHeaders,
  queueSlugs,
  queueRows,
  serverTrigger,
  userAtFront,
  type TestUser,
} from '../support/flows';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let admin: string;

const SIX = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('oseh_u_peek_admin', { admin: true });
  await putFlow(server, { slug: 'old', screens: [card('Old 1'), card('Old 2')] });
  await putFlow(server, { slug: 'six', screens: SIX.map((h) => card(h)) });
  await putFlow(server, { slug: 'six_replacing', replaces: true, screens: SIX.map((h) => card(h)) });
  await putFlow(server, { slug: 'menu', screens: [card('Menu', { allowedTriggers: ['six', 'six_replacing'] })] });
  await putFlow(server, { slug: 'hidden_second', screens: [card('Shown'), card('Hidden on iOS', { flags: 31 & ~1 }), card('Third')] });
  await putFlow(server, { slug: 'one', screens: [card('One')] });
});
afterAll(async () => {
  await server?.close();
});

/** Pops the front repeatedly, returning `[front, prefetch]` of every answer. */
async function walk(user: TestUser, pops: number): Promise<[unknown, unknown[]][]> {
  let answer = await user.client.peek();
  const seen: [unknown, unknown[]][] = [[headerOf(answer), prefetchHeaders(answer)]];
  for (let i = 0; i < pops; i++) {
    answer = await user.client.pop(answer.body.screen.active_jwt);
    seen.push([headerOf(answer), prefetchHeaders(answer)]);
  }
  return seen;
}

describe('prefetch windows (§6.1): same batch only, at most 3', () => {
  it('a 6-screen flow in front of an older batch: S1 + S2..S4, then S2 + S3..S5, …, never rows of the older batch', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'old');
    await serverTrigger(server, admin, user.sub, 'six');
    expect(await walk(user, 7)).toEqual([
      ['S1', ['S2', 'S3', 'S4']],
      ['S2', ['S3', 'S4', 'S5']],
      ['S3', ['S4', 'S5', 'S6']],
      ['S4', ['S5', 'S6']],
      ['S5', ['S6']],
      ['S6', []],
      ['Old 1', ['Old 2']],
      ['Old 2', []],
    ]);
  });

  it('holds 3 screens right after a pop prepends the batch (the reference gives 2 there)', async () => {
    const { pop } = await userAtFront(server, admin, ['old', 'menu']);
    const answer = await pop('six');
    expect([headerOf(answer), prefetchHeaders(answer)]).toEqual(['S1', ['S2', 'S3', 'S4']]);
  });

  it('holds 3 screens after a replacing flow and after empty (the reference is unbounded there)', async () => {
    const answer = await (await userAtFront(server, admin, ['old', 'menu'])).pop('six_replacing');
    expect([headerOf(answer), prefetchHeaders(answer)]).toEqual(['S1', ['S2', 'S3', 'S4']]);

    const fresh = await newUser(server);
    await server.sql(`UPDATE client_flows SET screens = $1 WHERE slug = 'empty'`, [JSON.stringify(SIX.map((h) => card(h)))]);
    const peeked = await fresh.client.peek();
    expect([headerOf(peeked), prefetchHeaders(peeked)]).toEqual(['S1', ['S2', 'S3', 'S4']]);
  });

  it('prefetch is not filtered by skip preconditions; the hidden row is skipped once it is the front', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'hidden_second');
    const shown = await user.client.peek();
    expect([headerOf(shown), prefetchHeaders(shown)]).toEqual(['Shown', ['Hidden on iOS', 'Third']]);
    expect(headerOf(await user.client.pop(shown.body.screen.active_jwt))).toBe('Third');
  });
});

describe('the screen JWT and the log (§6.2, §1.5)', () => {
  it('names the front row and a new log row on every peek; prefetch screens get no log row', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'six');
    const before = Math.floor(Date.now() / 1000);
    const first = await user.client.peek();
    const second = await user.client.peek();
    const [front] = await queueRows(server, user.sub);
    const a = jwtClaims(first.body.screen.active_jwt);
    const b = jwtClaims(second.body.screen.active_jwt);
    expect(a).toMatchObject({ sub: front.uid, iss: 'oseh', aud: 'oseh-client-screen', 'oseh:screen_slug': 'confirmation' });
    expect(b.sub).toBe(front.uid);
    expect(a['oseh:log_uid']).not.toBe(b['oseh:log_uid']);
    expect(Number(a.exp) - Number(a.iat)).toBe(604800 + 1);
    expect(Number(a.iat)).toBeGreaterThanOrEqual(before - 2);

    const logs = await server.sql<{ uid: string; platform: string; screen: { slug: string; parameters: Record<string, unknown> } }>(
      `SELECT l.uid, l.platform, l.screen FROM user_client_screens_log l JOIN users u ON u.id = l.user_id WHERE u.sub = $1 ORDER BY l.id`,
      [user.sub],
    );
    expect(logs.map((l) => l.uid)).toEqual([a['oseh:log_uid'], b['oseh:log_uid']]);
    expect(logs[0]).toMatchObject({ platform: 'ios', screen: first.body.screen.active });
    const visitors = await server.sql<{ uid: string }>(
      `SELECT v.uid FROM user_client_screens_log l JOIN visitors v ON v.id = l.visitor_id WHERE l.uid = $1`,
      [a['oseh:log_uid']],
    );
    expect(visitors).toEqual([{ uid: first.body.visitor }]);
    // A peek without mutations leaves the queue as it was.
    expect(await queueSlugs(server, user.sub)).toEqual(SIX);
  });
});

describe('log rows (§1.5)', () => {
  it('server-platform triggers write no log row; every peek writes one', async () => {
    const user = await newUser(server);
    const count = async () =>
      Number(
        (await server.sql<{ n: string }>(`SELECT count(*) AS n FROM user_client_screens_log l JOIN users u ON u.id = l.user_id WHERE u.sub = $1`, [user.sub]))[0].n,
      );
    await serverTrigger(server, admin, user.sub, 'six');
    await serverTrigger(server, admin, user.sub, 'one', { platform: 'IOS' });
    expect(await count()).toBe(0);
    await user.client.peek();
    expect(await count()).toBe(1);
  });
});

describe('batch counters (§1.4)', () => {
  it('each batch gets the front counter + 1, and counters restart at 1 once the queue is cleared', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'old');
    await serverTrigger(server, admin, user.sub, 'one');
    expect((await queueRows(server, user.sub)).map((r) => [r.header, r.outerCounter, r.innerCounter])).toEqual([
      ['One', 2, 0],
      ['Old 1', 1, 0],
      ['Old 2', 1, 1],
    ]);
    await serverTrigger(server, admin, user.sub, 'six_replacing');
    expect(new Set((await queueRows(server, user.sub)).map((r) => r.outerCounter))).toEqual(new Set([1]));
  });

  it('a batch queued by a pop counts from the front as it stands after the pop', async () => {
    const { user, pop } = await userAtFront(server, admin, ['old', 'menu']);
    await pop('six');
    const rows = await queueRows(server, user.sub);
    expect(rows.map((r) => r.outerCounter)).toEqual([2, 2, 2, 2, 2, 2, 1, 1]);
  });
});
