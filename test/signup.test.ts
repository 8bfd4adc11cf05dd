import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmationScreen, putFlow, queueSlugs } from './support/fixtures';
import { startTestServer, TEST_ID_TOKEN_SECRET, type TestServer } from './support/server';
import { craftIdToken } from './support/tokens';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await putFlow(server, { slug: 'signup', screens: [confirmationScreen('Welcome'), confirmationScreen('Second')] });
});
afterAll(async () => {
  await server?.close();
});

function peek(token: string) {
  return fetch(`${server.url}/api/1/users/me/screens/peek?platform=ios`, { method: 'POST', headers: { authorization: `bearer ${token}` } });
}

describe('account creation (queue-engine.md §1.1)', () => {
  it('runs the signup flow exactly once when the first requests race', async () => {
    const sub = 'oseh_u_racer';
    const token = await craftIdToken(TEST_ID_TOKEN_SECRET, { sub });
    const responses = await Promise.all(Array.from({ length: 12 }, () => peek(token)));
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ screen: { active: { parameters: { header: string } } } }>));
    expect(new Set(bodies.map((b) => b.screen.active.parameters.header))).toEqual(new Set(['Welcome']));
    const users = await server.sql<{ n: string }>(`SELECT count(*) AS n FROM users WHERE sub = $1`, [sub]);
    expect(Number(users[0].n)).toBe(1);
    expect(await queueSlugs(server, sub)).toEqual(['Welcome', 'Second']);
  });

  it('creates nothing more for a known user', async () => {
    const sub = 'oseh_u_known';
    const token = await craftIdToken(TEST_ID_TOKEN_SECRET, { sub });
    expect((await peek(token)).status).toBe(200);
    expect((await peek(token)).status).toBe(200);
    expect(await queueSlugs(server, sub)).toEqual(['Welcome', 'Second']);
  });

  it('queues the empty flow when no signup flow exists', async () => {
    await server.sql(`DELETE FROM client_flows WHERE slug = 'signup'`);
    try {
      const sub = 'oseh_u_nosignup';
      const response = await peek(await craftIdToken(TEST_ID_TOKEN_SECRET, { sub }));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { screen: { active: { slug: string } } };
      expect(body.screen.active.slug).toBe('text_interstitial');
      expect(await queueSlugs(server, sub)).toEqual(['text_interstitial']);
    } finally {
      await putFlow(server, { slug: 'signup', screens: [confirmationScreen('Welcome'), confirmationScreen('Second')] });
    }
  });
});
