/**
 * Acceptance tests of stabilization (queue-engine.md §5): `empty` and automatic `skip` until the
 * front is showable on the request platform, over real HTTP against a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putFlow } from '../support/fixtures';
import {
  captureStats,
  card,
  headerOf,
  newUser,
  prefetchHeaders,
  putConfirmationVariant,
  queueSlugs,
  queueRows,
  serverTrigger,
  showSpecialFlows,
} from '../support/flows';
import { startTestServer, type TestServer } from '../support/server';

const PLATFORMS = ['ios', 'android', 'browser'] as const;
type Platform = (typeof PLATFORMS)[number];

// Screen flags (client_screens.flags): admin 1, browser 2, ios 4, android 8.
const SCREEN_BIT: Record<Platform, number> = { browser: 2, ios: 4, android: 8 };
// Flow-screen flags: ios 1, android 2, web 4, free 8, pro 16 (a different layout on purpose).
const FLOW_SCREEN_BIT: Record<Platform, number> = { ios: 1, android: 2, browser: 4 };
const FREE = 8;
const PRO = 16;
const ALL_PLATFORMS = 1 | 2 | 4;

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('oseh_u_stabilization_admin', { admin: true });
  // One screen variant per platform, shown only there (plus the admin bit).
  for (const p of PLATFORMS) await putConfirmationVariant(server, `only_${p}`, 1 | SCREEN_BIT[p]);
  for (const p of PLATFORMS) {
    await putFlow(server, { slug: `screen_only_${p}`, screens: [card(`Only ${p}`, { screen: `only_${p}` }), card('After')] });
    await putFlow(server, { slug: `flow_screen_only_${p}`, screens: [card(`Only ${p}`, { flags: FLOW_SCREEN_BIT[p] | FREE | PRO }), card('After')] });
  }
  await putFlow(server, { slug: 'one', screens: [card('One')] });
  await putFlow(server, { slug: 'clear_all', replaces: true, screens: [] });
  await putFlow(server, { slug: 'free_only', screens: [card('Free', { flags: ALL_PLATFORMS | FREE }), card('After')] });
  await putFlow(server, { slug: 'pro_only', screens: [card('Pro', { flags: ALL_PLATFORMS | PRO }), card('After')] });
  await putFlow(server, { slug: 'nobody', screens: [card('Nobody', { flags: ALL_PLATFORMS }), card('After')] });
  await putFlow(server, { slug: 'everybody', screens: [card('Everybody', { flags: ALL_PLATFORMS | FREE | PRO }), card('After')] });
  await putFlow(server, {
    slug: 'two_hidden_on_android',
    screens: [card('Hidden 1', { screen: 'only_ios' }), card('Hidden 2', { flags: 1 | 4 | FREE | PRO }), card('Shown')],
  });
  await putFlow(server, {
    slug: 'peek_rule',
    screens: [card('Old clients only', { peek: { version: { operator: 'gte', value: 100 } } }), card('After')],
  });
});
afterAll(async () => {
  await server?.close();
});

describe('empty (§5, §10)', () => {
  it('a peek on an empty queue runs the empty flow and shows its screen', async () => {
    const user = await newUser(server);
    expect(await queueRows(server, user.sub)).toEqual([]);
    const peeked = await user.client.peek();
    expect(peeked.status).toBe(200);
    expect(peeked.body.screen.active.slug).toBe('text_interstitial');
    const rows = await queueRows(server, user.sub);
    expect(rows.map((r) => [r.header, r.outerCounter, r.innerCounter])).toEqual([['text_interstitial', 1, 0]]);
  });

  it('a pop that empties the queue runs the empty flow', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'one');
    const one = await user.client.peek();
    expect(headerOf(one)).toBe('One');
    const after = await user.client.pop(one.body.screen.active_jwt);
    expect(after.body.screen.active.slug).toBe('text_interstitial');
    expect(await queueSlugs(server, user.sub)).toEqual(['text_interstitial']);
  });

  it('a server trigger that leaves the queue empty runs the empty flow, also on platform server', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'one');
    const result = await serverTrigger(server, admin, user.sub, 'clear_all');
    expect(result).toEqual({ requestedSlug: 'clear_all', queuedFlowSlug: 'clear_all', queueLength: 1 });
    expect(await queueSlugs(server, user.sub)).toEqual(['text_interstitial']);
  });
});

describe('auto-skip on screen flags (§5.2 item 2: browser 2, ios 4, android 8)', () => {
  for (const shownOn of PLATFORMS) {
    it(`a screen shown only on ${shownOn} is shown there and auto-skipped (deleted) elsewhere`, async () => {
      for (const platform of PLATFORMS) {
        const user = await newUser(server);
        await serverTrigger(server, admin, user.sub, `screen_only_${shownOn}`);
        const peeked = await user.on(`platform=${platform}`).peek();
        if (platform === shownOn) {
          expect(headerOf(peeked), platform).toBe(`Only ${shownOn}`);
          expect(await queueSlugs(server, user.sub)).toEqual([`Only ${shownOn}`, 'After']);
        } else {
          expect(headerOf(peeked), platform).toBe('After');
          expect(await queueSlugs(server, user.sub), platform).toEqual(['After']);
          // Deleted for good: the platform that could show it does not get it back.
          expect(headerOf(await user.on(`platform=${shownOn}`).peek())).toBe('After');
        }
      }
    });
  }
});

describe('auto-skip on flow-screen flags (§5.2 item 3: ios 1, android 2, web 4)', () => {
  for (const shownOn of PLATFORMS) {
    it(`a flow screen shown only on ${shownOn} is shown there and auto-skipped elsewhere`, async () => {
      for (const platform of PLATFORMS) {
        const user = await newUser(server);
        await serverTrigger(server, admin, user.sub, `flow_screen_only_${shownOn}`);
        const peeked = await user.on(`platform=${platform}`).peek();
        expect(headerOf(peeked), platform).toBe(platform === shownOn ? `Only ${shownOn}` : 'After');
      }
    });
  }
});

describe('auto-skip on the free/pro flow-screen flags with users.has_pro (§5.2 item 4)', () => {
  const cases = [
    { flow: 'free_only', free: 'Free', pro: 'After' },
    { flow: 'pro_only', free: 'After', pro: 'Pro' },
    { flow: 'nobody', free: 'After', pro: 'After' },
    { flow: 'everybody', free: 'Everybody', pro: 'Everybody' },
  ];
  for (const c of cases) {
    it(`${c.flow}: a free user sees ${c.free}, a pro user sees ${c.pro}`, async () => {
      for (const hasPro of [false, true]) {
        const user = await newUser(server, { hasPro });
        await serverTrigger(server, admin, user.sub, c.flow);
        expect(headerOf(await user.client.peek()), `has_pro ${hasPro}`).toBe(hasPro ? c.pro : c.free);
      }
    });
  }
});

describe('auto-skip on rules.peek (§5.2 item 5)', () => {
  it('skips the front when its peek rule holds, and shows it when it does not', async () => {
    const holds = await newUser(server);
    await serverTrigger(server, admin, holds.sub, 'peek_rule');
    expect(headerOf(await holds.on('platform=ios&version=100').peek())).toBe('After');
    expect(await queueSlugs(server, holds.sub)).toEqual(['After']);

    const fails = await newUser(server);
    await serverTrigger(server, admin, fails.sub, 'peek_rule');
    expect(headerOf(await fails.on('platform=ios&version=99').peek())).toBe('Old clients only');
  });
});

describe('the stabilization loop', () => {
  it('re-checks each new front until one is showable', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'two_hidden_on_android');
    const peeked = await user.on('platform=android').peek();
    expect(headerOf(peeked)).toBe('Shown');
    expect(await queueSlugs(server, user.sub)).toEqual(['Shown']);
  });

  it('never auto-skips on platform server, and does on a client platform given to the trigger', async () => {
    const user = await newUser(server);
    expect((await serverTrigger(server, admin, user.sub, 'screen_only_ios')).queueLength).toBe(2);
    expect(await queueSlugs(server, user.sub)).toEqual(['Only ios', 'After']);

    const android = await newUser(server);
    expect((await serverTrigger(server, admin, android.sub, 'screen_only_ios', { platform: 'ANDROID' })).queueLength).toBe(1);
    expect(await queueSlugs(server, android.sub)).toEqual(['After']);
  });
});

describe('what is read live and what is snapshotted (§1.4)', () => {
  it("screen flags are read live at every peek: hiding a screen on iOS skips rows already queued", async () => {
    await putConfirmationVariant(server, 'live_flags', 15);
    await putFlow(server, { slug: 'live_flags', screens: [card('Live', { screen: 'live_flags' }), card('After')] });
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'live_flags');
    await server.sql(`UPDATE client_screens SET flags = 1 | 2 | 8 WHERE slug = 'live_flags'`);
    expect(headerOf(await user.client.peek())).toBe('After');
  });

  it('flow-screen flags come from the row snapshot: editing the flow does not affect queued rows', async () => {
    await putFlow(server, { slug: 'snapshot_flags', screens: [card('Snapshot'), card('After')] });
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'snapshot_flags');
    await putFlow(server, { slug: 'snapshot_flags', screens: [card('Snapshot', { flags: 31 & ~1 }), card('After')] });
    expect(headerOf(await user.client.peek())).toBe('Snapshot');
  });
});

describe('skip and empty limits (§5.1), with their own special-flow configuration', () => {
  let own: TestServer;
  let ownAdmin: string;
  beforeAll(async () => {
    own = await startTestServer();
    ownAdmin = await own.userToken('oseh_u_limits_admin', { admin: true });
    await putConfirmationVariant(own, 'only_ios', 1 | 4);
    await putFlow(own, { slug: 'ios_then_after', screens: [card('Only ios', { screen: 'only_ios' }), card('After')] });
  });
  afterAll(async () => {
    await own?.close();
  });

  it('an auto-skip runs the skip flow (its screens go in front) before checking the new front', async () => {
    await showSpecialFlows(own, ['skip']);
    const user = await newUser(own);
    await serverTrigger(own, ownAdmin, user.sub, 'ios_then_after');
    const peeked = await user.on('platform=android').peek();
    expect(headerOf(peeked)).toBe('skip');
    // The skip batch is newer: `After` belongs to an older batch and is not prefetched.
    expect(prefetchHeaders(peeked)).toEqual([]);
    expect(await queueSlugs(own, user.sub)).toEqual(['skip', 'After']);
  });

  it('stops after 50 auto-skips and answers the front as is', async () => {
    // A skip flow queuing a screen Android cannot show would loop forever without the limit.
    await own.sql(`UPDATE client_flows SET screens = $1 WHERE slug = 'skip'`, [JSON.stringify([card('Unshowable skip', { screen: 'only_ios' })])]);
    const user = await newUser(own);
    await serverTrigger(own, ownAdmin, user.sub, 'ios_then_after');
    const stats = captureStats(own);
    try {
      const peeked = await user.on('platform=android').peek();
      expect(headerOf(peeked)).toBe('Unshowable skip');
      expect(stats.triggered()).toEqual(Array(50).fill('skip'));
    } finally {
      stats.stop();
    }
    expect(await queueSlugs(own, user.sub)).toEqual(['Unshowable skip', 'After']);
  });

  it('runs empty at most twice, then answers the front without skip checks', async () => {
    await own.sql(`UPDATE client_flows SET screens = '[]' WHERE slug = 'skip'`);
    // `{}` always holds: the empty flow's screen is auto-skipped whenever it is checked.
    await own.sql(`UPDATE client_flows SET screens = $1 WHERE slug = 'empty'`, [JSON.stringify([card('Self-skipping empty', { peek: {} })])]);
    const user = await newUser(own);
    const stats = captureStats(own);
    try {
      const peeked = await user.client.peek();
      expect(headerOf(peeked)).toBe('Self-skipping empty');
      expect(stats.triggered()).toEqual(['empty', 'skip', 'empty']);
    } finally {
      stats.stop();
    }
    expect(await queueRows(own, user.sub)).toEqual([expect.objectContaining({ header: 'Self-skipping empty', outerCounter: 1 })]);
  });

  it('a missing not_found flow is an internal error, not a loop, and changes nothing', async () => {
    const user = await newUser(own);
    await serverTrigger(own, ownAdmin, user.sub, 'ios_then_after');
    await own.sql(`DELETE FROM client_flows WHERE slug = 'not_found'`);
    await expect(serverTrigger(own, ownAdmin, user.sub, 'no_such_flow')).rejects.toThrow(/INTERNAL_SERVER_ERROR/);
    expect(await queueSlugs(own, user.sub)).toEqual(['Only ios', 'After']);
  });

  it('answers 500 when empty queued nothing twice (a misconfiguration), changing nothing', async () => {
    await own.sql(`UPDATE client_flows SET screens = '[]' WHERE slug = 'empty'`);
    const user = await newUser(own);
    // Raw fetch: the body is text, not the JSON ScreenClient parses.
    const peeked = await fetch(`${own.url}/api/1/users/me/screens/peek?platform=ios`, {
      method: 'POST',
      headers: { authorization: `bearer ${user.token}` },
    });
    expect(peeked.status).toBe(500);
    expect(await peeked.text()).toBe('internal server error');
    expect(await queueRows(own, user.sub)).toEqual([]);
  });
});
