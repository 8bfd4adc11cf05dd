/**
 * Acceptance tests of pop (queue-engine.md §7): the order of checks (user auth, screen JWT,
 * desync, pop, the client's trigger), `allowed_triggers`, `skip`, and the special flows a pop
 * can end in. Each special flow shows a screen headed by its slug, so a response names it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScreenClient } from '../support/client';
import { putFlow } from '../support/fixtures';
import {
  card,
  craftScreenJwt,
  headerOf,
  jwtClaims,
  newUser,
  queueSlugs,
  queueRows,
  serverTrigger,
  showSpecialFlows,
  userAtFront,
  type UserAtFront,
} from '../support/flows';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let admin: string;

const PLATFORMS = ['ios', 'android', 'browser'] as const;
// Flow flags: admin 1, custom 2, ios 4, android 8, browser 16 (not the screen or flow-screen layout).
const TRIGGERABLE_BIT = { ios: 4, android: 8, browser: 16 } as const;
const START_TRIGGERS = ['target', 'replacer', 'ghost', 'typed', 'server_typed', ...PLATFORMS.map((p) => `not_${p}`)];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('oseh_u_pop_admin', { admin: true });
  await showSpecialFlows(server, ['skip', 'forbidden', 'wrong_platform', 'not_found', 'desync', 'error_bad_auth', 'error_flow_schema']);
  await putFlow(server, { slug: 'start', screens: [card('Start', { allowedTriggers: START_TRIGGERS }), card('Second')] });
  await putFlow(server, { slug: 'closed', screens: [card('Closed'), card('Second')] });
  await putFlow(server, { slug: 'target', screens: [card('Target')] });
  await putFlow(server, { slug: 'replacer', replaces: true, screens: [card('Replacer')] });
  for (const p of PLATFORMS) await putFlow(server, { slug: `not_${p}`, flags: 31 & ~TRIGGERABLE_BIT[p], screens: [card(`Not ${p}`)] });
  await putFlow(server, { slug: 'outside_the_list', screens: [card('Outside')] });
  await putFlow(server, {
    slug: 'typed',
    clientSchema: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', minLength: 1 } },
      additionalProperties: false,
    },
    screens: [card('Typed')],
  });
  await putFlow(server, {
    slug: 'server_typed',
    serverSchema: { type: 'object', required: ['team'], properties: { team: { type: 'string' } } },
    screens: [card('Server typed')],
  });
});
afterAll(async () => {
  await server?.close();
});

/** A user whose queue is `Start, Second` (or `Closed, Second`), peeked. */
async function started(flow = 'start', query?: string): Promise<UserAtFront> {
  const at = await userAtFront(server, admin, flow, { query });
  expect(headerOf(at.peeked)).toBe(flow === 'start' ? 'Start' : 'Closed');
  return at;
}

describe('plain pops and allowed triggers (§7.1 steps 4-5)', () => {
  it('a pop without a trigger removes the front and shows the next screen', async () => {
    const { user, client, jwt } = await started();
    const popped = await client.pop(jwt);
    expect(headerOf(popped)).toBe('Second');
    expect(await queueSlugs(server, user.sub)).toEqual(['Second']);
  });

  it('an allowed trigger puts its flow in front of what remains', async () => {
    const { user, client, jwt } = await started();
    expect(headerOf(await client.pop(jwt, { slug: 'target', parameters: {} }))).toBe('Target');
    expect(await queueSlugs(server, user.sub)).toEqual(['Target', 'Second']);
  });

  it('an allowed replacing flow clears what remains', async () => {
    const { user, client, jwt } = await started();
    expect(headerOf(await client.pop(jwt, { slug: 'replacer', parameters: null }))).toBe('Replacer');
    expect(await queueSlugs(server, user.sub)).toEqual(['Replacer']);
  });
});

describe('allowed_triggers come from the popped row snapshot (§7.3)', () => {
  it('editing the flow after the row was queued changes nothing about what the row allows', async () => {
    await putFlow(server, { slug: 'editable_menu', screens: [card('Editable menu', { allowedTriggers: ['target'] }), card('Second')] });
    const one = await userAtFront(server, admin, 'editable_menu');
    const other = await userAtFront(server, admin, 'editable_menu');
    await putFlow(server, { slug: 'editable_menu', screens: [card('Editable menu', { allowedTriggers: ['replacer'] }), card('Second')] });
    expect(headerOf(await one.pop('target'))).toBe('Target');
    expect(headerOf(await other.pop('replacer'))).toBe('forbidden');
  });
});

describe('skip negotiation (§7.3)', () => {
  it('a client pop with trigger skip runs skip although skip is not in allowed_triggers', async () => {
    const { user, client, jwt } = await started();
    expect(headerOf(await client.pop(jwt, { slug: 'skip', parameters: {} }))).toBe('skip');
    expect(await queueSlugs(server, user.sub)).toEqual(['skip', 'Second']);
  });

  it("a client's skip parameters are checked against skip's schema", async () => {
    const { user, client, jwt } = await started();
    expect(headerOf(await client.pop(jwt, { slug: 'skip', parameters: { why: 'bored' } }))).toBe('skip');
    const other = await started();
    expect(headerOf(await other.client.pop(other.jwt, { slug: 'skip', parameters: 'not an object' }))).toBe('error_flow_schema');
    expect(await queueSlugs(server, user.sub)).toEqual(['skip', 'Second']);
  });

  it('skip is allowed from a screen whose allowed_triggers is empty, on every platform', async () => {
    for (const platform of ['ios', 'android', 'browser']) {
      const { user, client, jwt } = await started('closed', `platform=${platform}`);
      expect(headerOf(await client.pop(jwt, { slug: 'skip', parameters: {} })), platform).toBe('skip');
      expect(await queueSlugs(server, user.sub)).toEqual(['skip', 'Second']);
    }
  });
});

describe('forbidden (§7.1 step 5, §7.3)', () => {
  it('a trigger outside allowed_triggers runs forbidden; the screen is still popped', async () => {
    const { user, client, jwt } = await started();
    expect(headerOf(await client.pop(jwt, { slug: 'outside_the_list', parameters: {} }))).toBe('forbidden');
    expect(await queueSlugs(server, user.sub)).toEqual(['forbidden', 'Second']);
  });

  it('a non-existent slug outside allowed_triggers is forbidden, not not_found', async () => {
    const { user, client, jwt } = await started();
    expect(headerOf(await client.pop(jwt, { slug: 'no_such_flow_anywhere', parameters: {} }))).toBe('forbidden');
    expect(await queueSlugs(server, user.sub)).toEqual(['forbidden', 'Second']);
  });
});

describe('wrong_platform (§7.4)', () => {
  for (const blocked of PLATFORMS) {
    it(`a flow lacking the ${blocked} triggerable bit is wrong_platform from ${blocked} only; the screen is still popped`, async () => {
      for (const platform of PLATFORMS) {
        const { user, client, jwt } = await started('start', `platform=${platform}`);
        const expected = platform === blocked ? 'wrong_platform' : `Not ${blocked}`;
        expect(headerOf(await client.pop(jwt, { slug: `not_${blocked}`, parameters: {} })), platform).toBe(expected);
        expect(await queueSlugs(server, user.sub)).toEqual([expected, 'Second']);
      }
    });
  }

  it('server triggers ignore the triggerable bits', async () => {
    const user = await newUser(server);
    for (const p of PLATFORMS) expect(await serverTrigger(server, admin, user.sub, `not_${p}`)).toMatchObject({ queuedFlowSlug: `not_${p}` });
  });
});

describe('not_found (§3.2 step 1)', () => {
  it('an allowed slug without a flow runs not_found; the screen is still popped', async () => {
    const { user, client, jwt } = await started();
    expect(headerOf(await client.pop(jwt, { slug: 'ghost', parameters: {} }))).toBe('not_found');
    expect(await queueSlugs(server, user.sub)).toEqual(['not_found', 'Second']);
  });

  it('a server trigger of an unknown slug runs not_found', async () => {
    const user = await newUser(server);
    expect(await serverTrigger(server, admin, user.sub, 'ghost')).toMatchObject({ queuedFlowSlug: 'not_found' });
    expect(await queueSlugs(server, user.sub)).toEqual(['not_found']);
  });
});

describe('error_flow_schema (§3.2 step 3)', () => {
  const invalid: [string, unknown][] = [
    ['a wrong type', { name: 3 }],
    ['a missing required property', {}],
    ['null parameters (treated as {})', null],
    ['an undeclared property', { name: 'Ann', extra: true }],
    ['a non-object', ['Ann']],
  ];
  for (const [what, parameters] of invalid) {
    it(`client parameters with ${what} fail the flow's client_schema: error_flow_schema, the screen still popped`, async () => {
      const { user, client, jwt } = await started();
      expect(headerOf(await client.pop(jwt, { slug: 'typed', parameters }))).toBe('error_flow_schema');
      expect(await queueSlugs(server, user.sub)).toEqual(['error_flow_schema', 'Second']);
    });
  }

  it('client parameters the client_schema accepts run the flow', async () => {
    const { user, client, jwt } = await started();
    expect(headerOf(await client.pop(jwt, { slug: 'typed', parameters: { name: 'Ann' } }))).toBe('Typed');
    expect((await queueRows(server, user.sub))[0].client).toEqual({ name: 'Ann' });
  });

  it('a client pop always passes server parameters {}: a flow needing server parameters fails its server_schema', async () => {
    const { user, jwt } = await started();
    // A smuggled `server_parameters` member is not part of the wire format and is ignored.
    const answer = await fetch(`${server.url}/api/1/users/me/screens/pop?platform=ios&version=96`, {
      method: 'POST',
      headers: { authorization: `bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ screen_jwt: jwt, trigger: { slug: 'server_typed', parameters: {}, server_parameters: { team: 'Blue' } } }),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { screen: { active: { parameters: { header: string } } } }).screen.active.parameters.header).toBe(
      'error_flow_schema',
    );
    expect(await queueSlugs(server, user.sub)).toEqual(['error_flow_schema', 'Second']);
  });

  it('trusted server triggers are schema-checked too', async () => {
    const user = await newUser(server);
    expect(await serverTrigger(server, admin, user.sub, 'server_typed', { server: { team: 7 } })).toMatchObject({
      queuedFlowSlug: 'error_flow_schema',
    });
    expect(await serverTrigger(server, admin, user.sub, 'server_typed', { server: { team: 'Blue' } })).toMatchObject({
      queuedFlowSlug: 'server_typed',
    });
    expect(await queueSlugs(server, user.sub)).toEqual(['Server typed', 'error_flow_schema']);
  });
});

describe('desync (§7.1 step 3, §7.2)', () => {
  it('a stale JWT (the front changed since the peek) runs desync: nothing popped, the trigger ignored', async () => {
    const { user, client, jwt } = await started();
    await serverTrigger(server, admin, user.sub, 'target');
    // `replacer` is allowed from Start and would clear the queue if it ran.
    const answer = await client.pop(jwt, { slug: 'replacer', parameters: {} });
    expect(headerOf(answer)).toBe('desync');
    expect(await queueSlugs(server, user.sub)).toEqual(['desync', 'Target', 'Start', 'Second']);
  });

  it('a second pop with the same JWT is a desync that changes nothing else', async () => {
    const { user, client, jwt } = await started();
    expect(headerOf(await client.pop(jwt))).toBe('Second');
    expect(headerOf(await client.pop(jwt, { slug: 'target', parameters: {} }))).toBe('desync');
    expect(await queueSlugs(server, user.sub)).toEqual(['desync', 'Second']);
  });

  it("the JWT of another user's front row is a desync for this user and leaves the other queue alone", async () => {
    const mine = await started();
    const theirs = await started();
    expect(headerOf(await mine.client.pop(theirs.jwt))).toBe('desync');
    expect(await queueSlugs(server, mine.user.sub)).toEqual(['desync', 'Start', 'Second']);
    expect(await queueSlugs(server, theirs.user.sub)).toEqual(['Start', 'Second']);
  });

  it('a JWT from an earlier peek of the same front row still pops it', async () => {
    const { user, client, jwt } = await started();
    const again = await client.peek();
    expect(jwtClaims(again.body.screen.active_jwt).sub).toBe(jwtClaims(jwt).sub);
    expect(headerOf(await client.pop(jwt))).toBe('Second');
    expect(await queueSlugs(server, user.sub)).toEqual(['Second']);
  });
});

describe('error_bad_auth (§7.1 step 2)', () => {
  const kinds = ['expired', 'wrong_secret', 'wrong_audience', 'future_iat', 'missing_claim'] as const;
  for (const kind of kinds) {
    it(`a screen JWT for the front row that is ${kind.replace('_', ' ')} runs error_bad_auth without popping`, async () => {
      const { user, client, jwt } = await started();
      // Names the real front: a lax verifier would pop it.
      const forged = await craftScreenJwt(kind, { sub: String(jwtClaims(jwt).sub) });
      const answer = await client.pop(forged, { slug: 'replacer', parameters: {} });
      expect(answer.status).toBe(200);
      expect(headerOf(answer)).toBe('error_bad_auth');
      expect(await queueSlugs(server, user.sub)).toEqual(['error_bad_auth', 'Start', 'Second']);
    });
  }

  it('a screen JWT that is not a JWT at all runs error_bad_auth without popping', async () => {
    const { user, client } = await started();
    expect(headerOf(await client.pop('not.a.jwt'))).toBe('error_bad_auth');
    expect(await queueSlugs(server, user.sub)).toEqual(['error_bad_auth', 'Start', 'Second']);
  });

  it("the user's own id token is not a screen JWT", async () => {
    const { user } = await started();
    const idToken = await server.idToken(user.sub);
    const answer = await new ScreenClient(server.url, idToken).pop(idToken);
    expect(headerOf(answer)).toBe('error_bad_auth');
    expect(await queueSlugs(server, user.sub)).toEqual(['error_bad_auth', 'Start', 'Second']);
  });
});

describe('request shape (§7)', () => {
  it('answers 422 for a malformed body and changes nothing', async () => {
    const { user, jwt } = await started();
    const bodies = [
      '{}',
      JSON.stringify({ screen_jwt: 5 }),
      JSON.stringify({ screen_jwt: jwt, trigger: { slug: 'target' } }),
      JSON.stringify({ screen_jwt: jwt, trigger: { slug: 3, parameters: {} } }),
      JSON.stringify({ screen_jwt: jwt, trigger: 'target' }),
      'not json',
    ];
    for (const body of bodies) {
      const answer = await fetch(`${server.url}/api/1/users/me/screens/pop?platform=ios`, {
        method: 'POST',
        headers: { authorization: `bearer ${user.token}`, 'content-type': 'application/json' },
        body,
      });
      expect(answer.status, body).toBe(422);
    }
    expect(await queueSlugs(server, user.sub)).toEqual(['Start', 'Second']);
  });

  it('a null trigger is no trigger', async () => {
    const { user, client, jwt } = await started();
    expect(headerOf(await client.pop(jwt, null))).toBe('Second');
    expect(await queueSlugs(server, user.sub)).toEqual(['Second']);
  });
});

describe('user authentication comes first (§7.1 step 1)', () => {
  it('answers 401/403 and changes nothing for a missing or invalid user token', async () => {
    const { user, jwt } = await started();
    const noHeader = await fetch(`${server.url}/api/1/users/me/screens/pop?platform=ios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ screen_jwt: jwt }),
    });
    expect(noHeader.status).toBe(401);
    expect(await noHeader.json()).toMatchObject({ type: 'not_set' });
    const badToken = await new ScreenClient(server.url, 'oseh_ut_unknown').pop(jwt);
    expect(badToken.status).toBe(403);
    expect(badToken.body).toMatchObject({ type: 'invalid' });
    expect(await queueSlugs(server, user.sub)).toEqual(['Start', 'Second']);
  });
});
