/**
 * Acceptance tests of predicates where they act (queue-engine.md §2, §3.2 step 4, §3.4 step 1,
 * §5.2 item 5): flow rules and `rules.trigger` at trigger time, `rules.peek` at peek time, the
 * null semantics of `version`, `account_age` and `time_in_queue`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putFlow } from '../support/fixtures';
import {
  ageQueue,
  card,
  headerOf,
  newUser,
  queueSlugs,
  queueRows,
  replaceRule,
  serverTrigger,
  userAtFront,
  when,
} from '../support/flows';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let admin: string;

const DAY = 86400;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('oseh_u_rules_admin', { admin: true });
  // Peek-time version rules: skipped for versions below 90, `ltn` also without a version.
  await putFlow(server, { slug: 'peek_lt', screens: [card('LT', { peek: when('version', 'lt', 90) }), card('After')] });
  await putFlow(server, { slug: 'peek_ltn', screens: [card('LTN', { peek: when('version', 'ltn', 90) }), card('After')] });
  await putFlow(server, { slug: 'peek_eq_null', screens: [card('EQ', { peek: when('version', 'eq', null) }), card('After')] });
  // Trigger-time version rules on a flow popped into by a client.
  await putFlow(server, { slug: 'menu', screens: [card('Menu', { allowedTriggers: ['rule_lt', 'rule_ltn', 'trigger_rules'] }), card('Rest')] });
  await putFlow(server, { slug: 'old_clients', screens: [card('Old clients')] });
  await putFlow(server, { slug: 'rule_lt', rules: [replaceRule(when('version', 'lt', 90), 'old_clients')], screens: [card('New clients')] });
  await putFlow(server, { slug: 'rule_ltn', rules: [replaceRule(when('version', 'ltn', 90), 'old_clients')], screens: [card('New clients')] });
  // rules.trigger drops screens when queued; inner counters keep the flow's indexes.
  await putFlow(server, {
    slug: 'trigger_rules',
    screens: [
      card('T0 always dropped', { trigger: {} }),
      card('T1 kept'),
      card('T2 dropped for old clients', { trigger: when('version', 'ltn', 90) }),
      card('T3 kept: never in the queue yet', { trigger: when('time_in_queue', 'gt', 0) }),
      card('T4 dropped: time_in_queue is 0', { trigger: when('time_in_queue', 'eq', 0) }),
    ],
  });
  // account_age.
  await putFlow(server, { slug: 'veteran', screens: [card('Veteran')] });
  await putFlow(server, {
    slug: 'welcome',
    rules: [replaceRule(when('account_age', 'gte', 7 * DAY), 'veteran')],
    screens: [card('Newcomer'), card('Newcomer tip', { peek: when('account_age', 'gte', DAY) }), card('Welcome end')],
  });
  // time_in_queue at peek.
  await putFlow(server, { slug: 'fresh', screens: [card('Fresh', { peek: when('time_in_queue', 'gte', 3600) }), card('Next')] });
  await putFlow(server, {
    slug: 'stale_behind_hidden',
    screens: [
      card('Hidden on iOS', { flags: 31 & ~1 }),
      card('Stale', { peek: when('time_in_queue', 'gte', 3600) }),
      card('Last'),
    ],
  });
  await putFlow(server, {
    slug: 'or_rule',
    screens: [card('Or', { peek: { ...when('version', 'eq', 1), or_predicate: when('account_age', 'gte', 0) } }), card('After')],
  });
});
afterAll(async () => {
  await server?.close();
});

describe('version null semantics at peek (rules.peek, §2.2)', () => {
  const cases: { flow: string; query: string; front: string }[] = [
    { flow: 'peek_lt', query: 'platform=ios&version=80', front: 'After' },
    { flow: 'peek_lt', query: 'platform=ios&version=96', front: 'LT' },
    { flow: 'peek_lt', query: 'platform=ios', front: 'LT' },
    { flow: 'peek_ltn', query: 'platform=ios&version=80', front: 'After' },
    { flow: 'peek_ltn', query: 'platform=ios&version=96', front: 'LTN' },
    { flow: 'peek_ltn', query: 'platform=ios', front: 'After' },
    { flow: 'peek_eq_null', query: 'platform=ios', front: 'After' },
    { flow: 'peek_eq_null', query: 'platform=ios&version=96', front: 'EQ' },
  ];
  for (const c of cases) {
    it(`${c.flow} with ${c.query.includes('version') ? c.query.split('&')[1] : 'no version'} shows ${c.front}`, async () => {
      const user = await newUser(server);
      await serverTrigger(server, admin, user.sub, c.flow);
      expect(headerOf(await user.on(c.query).peek())).toBe(c.front);
    });
  }
});

describe('version null semantics in flow rules (trigger time, §3.2 step 4)', () => {
  const cases: { flow: string; query: string; front: string }[] = [
    { flow: 'rule_lt', query: 'platform=ios&version=80', front: 'Old clients' },
    { flow: 'rule_lt', query: 'platform=ios&version=96', front: 'New clients' },
    { flow: 'rule_lt', query: 'platform=ios', front: 'New clients' },
    { flow: 'rule_ltn', query: 'platform=ios&version=80', front: 'Old clients' },
    { flow: 'rule_ltn', query: 'platform=ios&version=96', front: 'New clients' },
    { flow: 'rule_ltn', query: 'platform=ios', front: 'Old clients' },
  ];
  for (const c of cases) {
    it(`popping into ${c.flow} with ${c.query.includes('version') ? c.query.split('&')[1] : 'no version'} queues ${c.front}`, async () => {
      const { pop } = await userAtFront(server, admin, 'menu', { query: c.query });
      expect(headerOf(await pop(c.flow))).toBe(c.front);
    });
  }

  it('a server trigger has the version it is given, or null', async () => {
    const withVersion = await newUser(server);
    expect(await serverTrigger(server, admin, withVersion.sub, 'rule_ltn', { version: 96 })).toMatchObject({ queuedFlowSlug: 'rule_ltn' });
    const without = await newUser(server);
    expect(await serverTrigger(server, admin, without.sub, 'rule_ltn')).toMatchObject({ queuedFlowSlug: 'old_clients' });
  });
});

describe('rules.trigger (§3.4 step 1)', () => {
  it('drops screens whose trigger rule holds (time_in_queue is 0); inner counters keep the flow indexes', async () => {
    const { user, pop } = await userAtFront(server, admin, 'menu', { query: 'platform=ios&version=80' });
    expect(headerOf(await pop('trigger_rules'))).toBe('T1 kept');
    const rows = await queueRows(server, user.sub);
    expect(rows.map((r) => [r.header, r.innerCounter])).toEqual([
      ['T1 kept', 1],
      ['T3 kept: never in the queue yet', 3],
      ['Rest', 1],
    ]);
  });

  it('keeps a screen whose trigger rule does not hold for this request', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'trigger_rules', { version: 96 });
    expect(await queueSlugs(server, user.sub)).toEqual(['T1 kept', 'T2 dropped for old clients', 'T3 kept: never in the queue yet']);
  });
});

describe('account_age (§2.1)', () => {
  it('an account created 10 days ago matches account_age >= 7 days in a flow rule; a new one does not', async () => {
    const old = await newUser(server, { createdAt: now() - 10 * DAY });
    expect(await serverTrigger(server, admin, old.sub, 'welcome')).toMatchObject({ queuedFlowSlug: 'veteran' });
    const young = await newUser(server, { createdAt: now() - 3 * DAY });
    expect(await serverTrigger(server, admin, young.sub, 'welcome')).toMatchObject({ queuedFlowSlug: 'welcome' });
    const brandNew = await newUser(server);
    expect(await serverTrigger(server, admin, brandNew.sub, 'welcome')).toMatchObject({ queuedFlowSlug: 'welcome' });
  });

  it('account_age in a peek rule is measured at peek time from users.created_at', async () => {
    const young = await newUser(server, { createdAt: now() - 3 * DAY });
    await serverTrigger(server, admin, young.sub, 'welcome');
    const newcomer = await young.client.peek();
    expect(headerOf(newcomer)).toBe('Newcomer');
    // The tip is skipped for accounts older than a day; a brand new account sees it.
    expect(headerOf(await young.client.pop(newcomer.body.screen.active_jwt))).toBe('Welcome end');
    const brandNew = await newUser(server);
    await serverTrigger(server, admin, brandNew.sub, 'welcome');
    const first = await brandNew.client.peek();
    expect(headerOf(await brandNew.client.pop(first.body.screen.active_jwt))).toBe('Newcomer tip');
  });
});

describe('time_in_queue (§2.1, §13 item 7)', () => {
  it('a peek rule on time_in_queue sees the row age from added_at', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'fresh');
    expect(headerOf(await user.client.peek())).toBe('Fresh');
    await ageQueue(server, user.sub, 7200);
    expect(headerOf(await user.client.peek())).toBe('Next');
    expect(await queueSlugs(server, user.sub)).toEqual(['Next']);
  });

  it("a row behind an auto-skipped front is judged by its own added_at, not the operation's time", async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'stale_behind_hidden');
    await ageQueue(server, user.sub, 7200);
    expect(headerOf(await user.client.peek())).toBe('Last');
    expect(await queueSlugs(server, user.sub)).toEqual(['Last']);
  });
});

describe('or_predicate (§2.1)', () => {
  it('holds when its own fields fail but the nested predicate holds', async () => {
    const user = await newUser(server);
    await serverTrigger(server, admin, user.sub, 'or_rule');
    expect(headerOf(await user.client.peek())).toBe('After');
  });
});
