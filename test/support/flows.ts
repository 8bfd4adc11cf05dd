/**
 * Building blocks for the engine acceptance tests (test/engine/): flow screens with rules,
 * screen variants with other platform flags, users with a chosen age or entitlement, trusted
 * triggers, crafted screen JWTs and readers of the stored queue.
 */
import { randomBytes } from 'node:crypto';
import { confirmation } from '../../src/content/screens/confirmation';
import type { ScreenSeed } from '../../src/content/types';
import { upsertClientScreens } from '../../src/db/seed';
import { screenFlags } from '../../src/domain/flags';
import type { StatsEvent } from '../../src/domain/engine';
import { signHs256 } from '../../src/lib/jwt';
import { signScreenJwt, SCREEN_JWT_AUDIENCE } from '../../src/services/screen-jwt';
import { createUser, issueUserToken } from '../../src/services/users.service';
import { TriggerClientFlowDocument, type ClientPlatform } from '../generated/graphql';
import { ScreenClient, type Answer, type PeekBody } from './client';
import { graphql } from './graphql';
import { TEST_SCREEN_JWT_SECRET, type TestServer } from './server';

/** A predicate as stored in flows (queue-engine.md §2). */
export type Predicate = Record<string, unknown>;

/** `{field: {operator, value}}`, the one-field predicate most tests need. */
export const when = (field: string, operator: string, value: unknown): Predicate => ({ [field]: { operator, value } });

export interface CardOptions {
  /** Screen slug; default `confirmation` (header + message). */
  screen?: string;
  allowedTriggers?: string[];
  /** Flow-screen flags (ios 1, android 2, web 4, free 8, pro 16); default 31. */
  flags?: number;
  peek?: Predicate | null;
  trigger?: Predicate | null;
  variable?: unknown[];
  /** Merged over `{header, message}`. */
  fixed?: Record<string, unknown>;
}

/**
 * A flow screen whose `fixed.header` names it, so `queueSlugs` and `headerOf` can tell the
 * rows apart. `confirmationScreen` of fixtures.ts without the rules and screen choice.
 */
export function card(header: string, options: CardOptions = {}) {
  return {
    screen: {
      slug: options.screen ?? 'confirmation',
      fixed: { header, message: `${header} message`, ...options.fixed },
      variable: options.variable ?? [],
    },
    name: header,
    allowed_triggers: options.allowedTriggers ?? [],
    flags: options.flags ?? 31,
    rules: { trigger: options.trigger ?? null, peek: options.peek ?? null },
  };
}

/** A rule of a flow's `rules` list replacing it by `slug` (§3.3). */
export function replaceRule(condition: Predicate, slug: string, passing: { client?: 'copy' | 'omit'; server?: 'copy' | 'omit' } = {}) {
  return {
    condition,
    effect: {
      type: 'replace',
      slug,
      client_parameters: { type: passing.client ?? 'omit' },
      server_parameters: { type: passing.server ?? 'omit' },
    },
  };
}

/** Upserts screens as a migration would (`?` placeholders turned into pg's `$n`). */
export async function putScreens(server: TestServer, screens: readonly ScreenSeed[]): Promise<void> {
  await upsertClientScreens(async (sql, params) => {
    let i = 0;
    await server.sql(sql.replace(/\?/g, () => `$${++i}`), params);
  }, screens);
}

/** A copy of the `confirmation` screen under another slug with other screen flags (browser 2, ios 4, android 8). */
export async function putConfirmationVariant(server: TestServer, slug: string, flags: number): Promise<void> {
  await putScreens(server, [{ ...confirmation, slug, name: slug, flags: screenFlags(flags) }]);
}

/**
 * Gives seeded special flows one screen each, headed by their slug, keeping their seeded
 * schemas and flags, so a response shows which special flow ran.
 */
export async function showSpecialFlows(server: TestServer, slugs: readonly string[]): Promise<void> {
  for (const slug of slugs) {
    const updated = await server.sql(`UPDATE client_flows SET screens = $2 WHERE slug = $1 RETURNING id`, [slug, JSON.stringify([card(slug)])]);
    if (updated.length !== 1) throw new Error(`no flow ${slug}`);
  }
}

let userCounter = 0;

export interface TestUser {
  sub: string;
  token: string;
  /** Peek/pop/trace as iOS with version 96. */
  client: ScreenClient;
  /** The same user with another query string, e.g. `platform=android` (no version). */
  on(query: string): ScreenClient;
}

/**
 * A new user with a unique sub, created through the service the CLI's `user create` uses
 * (`createdAt` as `--created-at`); `hasPro` is set in SQL (the column has no other writer yet).
 */
export async function newUser(
  server: TestServer,
  options: { name?: string; createdAt?: number; hasPro?: boolean; givenName?: string; familyName?: string } = {},
): Promise<TestUser> {
  const sub = `oseh_u_${options.name ?? 'engine'}_${++userCounter}_${randomBytes(4).toString('hex')}`;
  await createUser(server.app, { sub, createdAt: options.createdAt, givenName: options.givenName, familyName: options.familyName });
  if (options.hasPro) await server.sql(`UPDATE users SET has_pro = true WHERE sub = $1`, [sub]);
  const token = await issueUserToken(server.app, sub);
  return { sub, token, client: new ScreenClient(server.url, token), on: (query) => new ScreenClient(server.url, token, query) };
}

/** Runs the admin GraphQL `triggerClientFlow` (the trusted server trigger, §7.5) and returns its result. */
export async function serverTrigger(
  server: TestServer,
  adminToken: string,
  userSub: string,
  slug: string,
  options: { client?: Record<string, unknown>; server?: Record<string, unknown>; platform?: ClientPlatform; version?: number } = {},
) {
  const result = await graphql(
    server.url,
    TriggerClientFlowDocument,
    {
      userSub,
      slug,
      clientParameters: options.client,
      serverParameters: options.server,
      platform: options.platform,
      version: options.version,
    },
    { authorization: `bearer ${adminToken}` },
  );
  if (result.errors !== undefined) throw new Error(`triggerClientFlow failed: ${JSON.stringify(result.errors)}`);
  return result.data!.triggerClientFlow;
}

export interface UserAtFront {
  user: TestUser;
  /** The client that peeked (the user's default client unless a query string was given). */
  client: ScreenClient;
  peeked: Answer<PeekBody>;
  /** The peeked front's screen JWT. */
  jwt: string;
  /** Pops the peeked front with a trigger. */
  pop(slug: string, parameters?: unknown): Promise<Answer<PeekBody>>;
}

/**
 * A new user whose queue got `flows` (server triggers, in order, so the last is in front), then
 * peeked, optionally with another query string such as `platform=android`.
 */
export async function userAtFront(
  server: TestServer,
  adminToken: string,
  flows: string | string[],
  options: { query?: string } = {},
): Promise<UserAtFront> {
  const user = await newUser(server);
  for (const flow of typeof flows === 'string' ? [flows] : flows) await serverTrigger(server, adminToken, user.sub, flow);
  const client = options.query === undefined ? user.client : user.on(options.query);
  const peeked = await client.peek();
  const jwt = peeked.body.screen.active_jwt;
  return { user, client, peeked, jwt, pop: (slug, parameters = {}) => client.pop(jwt, { slug, parameters }) };
}

/** `fixed.header` of the realized front (the card's name). */
export const headerOf = (answer: Answer<PeekBody>): unknown => {
  if (answer.status !== 200) throw new Error(`expected 200, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.screen.active.parameters.header;
};

export const prefetchHeaders = (answer: Answer<PeekBody>): unknown[] => answer.body.screen.prefetch.map((p) => p.parameters.header);

/** The payload of a JWT, unverified. */
export const jwtClaims = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

export interface StoredRow {
  uid: string;
  header: string;
  outerCounter: number;
  innerCounter: number;
  addedAt: number;
  client: Record<string, unknown>;
  server: Record<string, unknown>;
}

/** A user's stored queue, front first; `header` is the snapshot's `fixed.header`, else the screen slug. */
export async function queueRows(server: Pick<TestServer, 'sql'>, sub: string): Promise<StoredRow[]> {
  const rows = await server.sql<{
    uid: string; header: string; outer_counter: number; inner_counter: number; added_at: number;
    flow_client_parameters: Record<string, unknown>; flow_server_parameters: Record<string, unknown>;
  }>(
    `SELECT q.uid, COALESCE(q.screen->'screen'->'fixed'->>'header', cs.slug) AS header, q.outer_counter, q.inner_counter,
            q.added_at, q.flow_client_parameters, q.flow_server_parameters
     FROM user_client_screens q JOIN users u ON u.id = q.user_id JOIN client_screens cs ON cs.id = q.client_screen_id
     WHERE u.sub = $1 ORDER BY q.outer_counter DESC, q.inner_counter ASC`,
    [sub],
  );
  return rows.map((r) => ({
    uid: r.uid,
    header: r.header,
    outerCounter: r.outer_counter,
    innerCounter: r.inner_counter,
    addedAt: Number(r.added_at),
    client: r.flow_client_parameters,
    server: r.flow_server_parameters,
  }));
}

export const queueSlugs = async (server: Pick<TestServer, 'sql'>, sub: string) => (await queueRows(server, sub)).map((r) => r.header);

/** Moves every queued row of the user `seconds` into the past (for `time_in_queue`). */
export async function ageQueue(server: TestServer, sub: string, seconds: number): Promise<void> {
  await server.sql(`UPDATE user_client_screens SET added_at = added_at - $2 WHERE user_id = (SELECT id FROM users WHERE sub = $1)`, [sub, seconds]);
}

/** Screen JWTs the server did not issue as-is: expired, signed with another key, for another audience, … */
export async function craftScreenJwt(
  kind: 'expired' | 'wrong_secret' | 'wrong_audience' | 'future_iat' | 'missing_claim' | 'valid',
  claims: { sub: string; logUid?: string; screenSlug?: string } = { sub: 'oseh_ucs_0000000000000000000000' },
): Promise<string> {
  const now = Date.now() / 1000;
  const full = { sub: claims.sub, logUid: claims.logUid ?? 'oseh_ucsl_0000000000000000000000', screenSlug: claims.screenSlug ?? 'confirmation' };
  switch (kind) {
    case 'valid':
      return signScreenJwt(TEST_SCREEN_JWT_SECRET, full, now);
    case 'expired':
      // Issued 8 days ago with the 7-day lifetime.
      return signScreenJwt(TEST_SCREEN_JWT_SECRET, full, now - 8 * 86400);
    case 'future_iat':
      return signScreenJwt(TEST_SCREEN_JWT_SECRET, full, now + 600);
    case 'wrong_secret':
      return signScreenJwt(`${TEST_SCREEN_JWT_SECRET}-other`, full, now);
    case 'wrong_audience':
      return signHs256(TEST_SCREEN_JWT_SECRET, {
        audience: `${SCREEN_JWT_AUDIENCE}-not`,
        subject: full.sub,
        lifetimeSeconds: 3600,
        claims: { 'oseh:log_uid': full.logUid, 'oseh:screen_slug': full.screenSlug },
      });
    case 'missing_claim':
      // No `oseh:screen_slug`: all seven claims are required (§6.2).
      return signHs256(TEST_SCREEN_JWT_SECRET, {
        audience: SCREEN_JWT_AUDIENCE,
        subject: full.sub,
        lifetimeSeconds: 3600,
        claims: { 'oseh:log_uid': full.logUid },
      });
  }
}

/**
 * Records the statistics events of committed operations (instead of counting them in Redis)
 * until `stop()`; `triggered` lists the flows chosen, in order.
 */
export function captureStats(server: TestServer) {
  const events: StatsEvent[] = [];
  const previous = server.app.stats;
  server.app.stats = { record: async (batch) => void events.push(...batch) };
  return {
    events,
    triggered: () => events.flatMap((e) => (e.event === 'triggered' ? [e.flowSlug] : [])),
    stop: () => {
      server.app.stats = previous;
    },
  };
}
