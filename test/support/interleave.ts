/**
 * Randomized interleavings (queue-engine.md §9.2), shared by test/interleaving.test.ts (an
 * in-process server, every round checked) and test/reliability/races.test.ts (a server process,
 * 10,000 operations). Several users operate at once, and each user also races its own
 * operations (concurrent trusted triggers, duplicate pops of one JWT, a pop against a trigger,
 * stale and foreign JWTs). Rounds are built so every serial order leaves a known set of
 * outcomes; the stored queue must equal the sequential model's, exactly where the order is
 * determined and as a multiset where racing left it open.
 */
import { expect } from 'vitest';
import { PopScreenDocument, TriggerClientFlowDocument } from '../generated/graphql';
import { ScreenClient } from './client';
import { confirmationScreen, putFlow, queueSlugs } from './fixtures';
import { graphql } from './graphql';
import { QueueModel, Rng, shownHeader, storedQueue, type ModelFlow, type RowKey } from './model';
import type { TestServer } from './server';

const SOLOS = Array.from({ length: 8 }, (_, k) => `solo_${k}`);
const FLOWS: ModelFlow[] = [
  // Each one-screen flow allows a different subset, so random pop triggers hit both allowed and forbidden.
  ...SOLOS.map((slug, k) => ({
    slug,
    replaces: false,
    screens: [{ header: `S${k}`, allowedTriggers: [SOLOS[(k + 1) % 8], SOLOS[(k + 3) % 8], 'pair', ...(k % 2 === 0 ? ['reset'] : [])] }],
  })),
  {
    slug: 'pair',
    replaces: false,
    screens: [
      { header: 'P1', allowedTriggers: ['solo_0', 'solo_4'] },
      { header: 'P2', allowedTriggers: ['solo_0', 'solo_4', 'reset'] },
    ],
  },
  { slug: 'reset', replaces: true, screens: [{ header: 'R', allowedTriggers: ['pair', 'solo_2'] }] },
];
/** The seeded `empty` flow: one text_interstitial without a header, no allowed triggers. */
const EMPTY: ModelFlow = { slug: 'empty', replaces: false, screens: [{ header: 'text_interstitial', allowedTriggers: [] }] };
const FLOW_MAP = new Map(FLOWS.map((f) => [f.slug, f]));
const ALL_SLUGS = FLOWS.map((f) => f.slug);
const HEADER_OF_SOLO = new Map(FLOWS.map((f) => [f.slug, f.screens[0].header]));

/** What the rounds talk to: a server's URL, an admin credential and its database. */
export interface InterleavingTarget {
  url: string;
  /** `bearer …` of an admin (trusted triggers). */
  adminAuthorization: string;
  db: Pick<TestServer, 'sql'>;
}

export interface InterleavingOptions {
  /** Compare the stored queue and log rows after every `checkEvery`-th round (and at the end); 1 checks all. */
  checkEvery: number;
  /** Most pops racing with one JWT in a round. */
  maxRacingPops: number;
}

/** Writes the flows the rounds trigger. */
export async function putInterleavingFlows(db: Pick<TestServer, 'sql'>): Promise<void> {
  for (const flow of FLOWS) {
    await putFlow(db, {
      slug: flow.slug,
      replaces: flow.replaces,
      screens: flow.screens.map((s) => confirmationScreen(s.header, { allowedTriggers: s.allowedTriggers })),
    });
  }
}

type Transport = 'rest' | 'graphql';

/** A screen JWT handed out by some peek; `spent` once a pop with it was applied. */
interface IssuedJwt {
  owner: string;
  jwt: string;
  spent: boolean;
}

export interface Actor {
  sub: string;
  authorization: string;
  client: ScreenClient;
  rng: Rng;
  model: QueueModel;
  /** Log rows this user's responses must have written (one per peek-family response). */
  logs: number;
  /** HTTP requests sent for this user. */
  operations: number;
  /** Set while the round in progress must compare the stored queue. */
  checking: boolean;
}

export function newActor(target: InterleavingTarget, sub: string, token: string, seed: number): Actor {
  return {
    sub,
    authorization: `bearer ${token}`,
    client: new ScreenClient(target.url, token),
    rng: new Rng(seed),
    model: new QueueModel(FLOW_MAP, EMPTY),
    logs: 0,
    operations: 0,
    checking: true,
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const sorted = (items: string[]) => [...items].sort();

/** A pop trigger: mostly allowed by the front, sometimes skip, forbidden (incl. unknown) or none. */
function chooseTrigger(rng: Rng, allowed: readonly string[]): string | null {
  const roll = rng.int(0, 9);
  if (roll < 5 && allowed.length > 0) return rng.pick(allowed);
  if (roll < 6) return 'skip';
  if (roll < 8) return rng.pick([...ALL_SLUGS.filter((s) => !allowed.includes(s)), 'no_such_flow']);
  return null;
}

/**
 * The stored queue equals the model: counters everywhere, headers exactly behind the first
 * `undetermined` rows and as a multiset within them; the model then takes the server's order.
 */
function expectModel(stored: RowKey[], model: QueueModel, undetermined = 0): void {
  const expected = model.keys();
  expect(stored.map(({ outer, inner }) => [outer, inner])).toEqual(expected.map(({ outer, inner }) => [outer, inner]));
  expect(sorted(stored.slice(0, undetermined).map((r) => r.header))).toEqual(sorted(expected.slice(0, undetermined).map((r) => r.header)));
  expect(stored.slice(undetermined)).toEqual(expected.slice(undetermined));
  model.adopt(stored, undetermined);
}

/** The rounds, against one target; `issued` collects JWTs across users (foreign stale pops). */
export class Interleaving {
  private readonly issued: IssuedJwt[] = [];

  constructor(
    private readonly target: InterleavingTarget,
    private readonly options: InterleavingOptions,
  ) {}

  private async trustedTrigger(sub: string, slug: string) {
    const result = await graphql(this.target.url, TriggerClientFlowDocument, { userSub: sub, slug }, { authorization: this.target.adminAuthorization });
    expect(result.errors).toBeUndefined();
    return result.data!.triggerClientFlow;
  }

  private async peekFront(actor: Actor): Promise<string> {
    const answer = await actor.client.peek();
    expect(answer.status).toBe(200);
    actor.logs++;
    expect(shownHeader(answer.body.screen.active)).toBe(actor.model.front!.header);
    return answer.body.screen.active_jwt;
  }

  /** A pop over either transport; returns the header of the screen the answer shows. */
  private async pop(actor: Actor, jwt: string, trigger: string | null, via: Transport): Promise<string> {
    const asked = trigger === null ? null : { slug: trigger, parameters: {} };
    if (via === 'rest') {
      const answer = await actor.client.pop(jwt, asked ?? undefined);
      expect(answer.status).toBe(200);
      return shownHeader(answer.body.screen.active);
    }
    const result = await graphql(
      this.target.url,
      PopScreenDocument,
      { platform: 'IOS', version: 96, screenJwt: jwt, trigger: asked },
      { authorization: actor.authorization },
    );
    expect(result.errors).toBeUndefined();
    return shownHeader(result.data!.popScreen.screen.active);
  }

  private async expectStored(actor: Actor, undetermined = 0): Promise<void> {
    if (undetermined > 0 || actor.checking) expectModel(await storedQueue(this.target.db, actor.sub), actor.model, undetermined);
  }

  private async expectLogRows(actor: Actor): Promise<void> {
    const [{ n }] = await this.target.db.sql<{ n: string }>(
      `SELECT count(*) AS n FROM user_client_screens_log l JOIN users u ON u.id = l.user_id WHERE u.sub = $1`,
      [actor.sub],
    );
    expect(Number(n)).toBe(actor.logs);
  }

  /** N concurrent trusted triggers of distinct one-screen flows, with up to 2 peeks racing them. */
  private async raceTriggers(actor: Actor): Promise<string> {
    const { rng, model } = actor;
    const slugs = rng.sample(SOLOS, rng.int(2, 5));
    const peeks = rng.int(0, 2);
    const lengthBefore = model.rows.length;
    const frontBefore = model.front!.header;
    const [results, peeked] = await Promise.all([
      Promise.all(slugs.map((slug) => this.trustedTrigger(actor.sub, slug))),
      Promise.all(range(peeks).map(() => actor.client.peek())),
    ]);
    actor.operations += slugs.length + peeks;
    actor.logs += peeks;
    // No lost update: each trigger saw all earlier ones, in some serial order.
    expect(results.map((r) => r.queuedFlowSlug)).toEqual(slugs);
    expect(results.map((r) => r.queueLength).sort((a, b) => a - b)).toEqual(slugs.map((_, i) => lengthBefore + 1 + i));
    const possibleFronts = [frontBefore, ...slugs.map((s) => HEADER_OF_SOLO.get(s)!)];
    for (const answer of peeked) {
      expect(answer.status).toBe(200);
      expect(possibleFronts).toContain(shownHeader(answer.body.screen.active));
    }
    for (const slug of slugs) model.trigger(slug);
    await this.expectStored(actor, slugs.length);
    return `race_triggers ${slugs.join(',')} + ${peeks} peeks`;
  }

  /** One peek, then K pops with its JWT and one trigger at once: exactly one pop applies. */
  private async racePops(actor: Actor): Promise<string> {
    const { rng, model } = actor;
    const jwt = await this.peekFront(actor);
    const pops = rng.chance(0.4) ? 1 : rng.int(2, this.options.maxRacingPops);
    const trigger = chooseTrigger(rng, model.front!.allowedTriggers);
    const transports = range(pops).map(() => rng.pick<Transport>(['rest', 'graphql']));
    const shown = await Promise.all(transports.map((via) => this.pop(actor, jwt, trigger, via)));
    actor.operations += 1 + pops;
    actor.logs += pops;
    this.issued.push({ owner: actor.sub, jwt, spent: true });
    model.pop(trigger);
    // The winner answers the new front; every loser desyncs after it and answers the same.
    expect(shown).toEqual(Array(pops).fill(model.front!.header));
    await this.expectStored(actor);
    return `race_pops ×${pops} trigger ${trigger} via ${transports.join(',')}`;
  }

  /** A pop with a JWT that can never name this user's front: spent, or another user's. */
  private async stalePop(actor: Actor): Promise<string> {
    const { rng, model } = actor;
    const usable = this.issued.filter((i) => i.spent || i.owner !== actor.sub);
    if (usable.length === 0) return this.racePops(actor);
    const chosen = rng.pick(usable);
    const trigger = rng.pick([null, 'pair', 'reset', 'skip']);
    const via = rng.pick<Transport>(['rest', 'graphql']);
    const shown = await this.pop(actor, chosen.jwt, trigger, via);
    actor.operations += 1;
    actor.logs += 1;
    model.desync();
    expect(shown).toBe(model.front!.header);
    await this.expectStored(actor);
    return `stale_pop of ${chosen.owner === actor.sub ? 'own spent' : 'foreign'} JWT, trigger ${trigger} via ${via}`;
  }

  /** A pop racing a trusted trigger: either the pop applies first, or the trigger makes it a desync. */
  private async popVersusTrigger(actor: Actor): Promise<string> {
    const { rng, model } = actor;
    const jwt = await this.peekFront(actor);
    const trigger = chooseTrigger(rng, model.front!.allowedTriggers);
    const slug = rng.pick(SOLOS);
    const via = rng.pick<Transport>(['rest', 'graphql']);

    const popFirst = model.clone();
    popFirst.pop(trigger);
    const shownIfPopFirst = popFirst.front!.header;
    popFirst.trigger(slug);
    const triggerFirst = model.clone();
    triggerFirst.trigger(slug);
    triggerFirst.desync();

    const [shown, result] = await Promise.all([this.pop(actor, jwt, trigger, via), this.trustedTrigger(actor.sub, slug)]);
    actor.operations += 3;
    actor.logs += 1;
    const stored = await storedQueue(this.target.db, actor.sub);
    expect([popFirst.keys(), triggerFirst.keys()]).toContainEqual(stored);
    const popWon = JSON.stringify(stored) === JSON.stringify(popFirst.keys());
    const triggerWon = JSON.stringify(stored) === JSON.stringify(triggerFirst.keys());
    const possible = [...(popWon ? [shownIfPopFirst] : []), ...(triggerWon ? [triggerFirst.front!.header] : [])];
    expect(possible).toContain(shown);
    expect(result.queueLength).toBe(stored.length);
    // When both orders leave the same queue we cannot tell whether the row was popped: not spent.
    this.issued.push({ owner: actor.sub, jwt, spent: popWon && !triggerWon });
    model.rows = (popWon ? popFirst : triggerFirst).rows;
    return `pop(${trigger}) via ${via} vs trigger ${slug}: ${popWon ? 'pop' : 'trigger'} first`;
  }

  /** Plays rounds for one user until it sent `operations` requests; the final queue must equal the model's. */
  async play(actor: Actor, operations: number, label: string): Promise<void> {
    const history: string[] = [];
    try {
      // The first peek finds an empty queue and runs `empty` (§5).
      actor.model.peek();
      await this.peekFront(actor);
      actor.operations++;
      expectModel(await storedQueue(this.target.db, actor.sub), actor.model);
      for (let round = 1; actor.operations < operations; round++) {
        actor.checking = round % this.options.checkEvery === 0;
        const roll = actor.rng.int(0, 99);
        if (roll < 30) history.push(await this.raceTriggers(actor));
        else if (roll < 65) history.push(await this.racePops(actor));
        else if (roll < 80) history.push(await this.stalePop(actor));
        else history.push(await this.popVersusTrigger(actor));
        if (actor.checking) await this.expectLogRows(actor);
        // Only the recent past helps explain a failure.
        if (history.length > 40) history.shift();
      }
      actor.checking = true;
      await this.expectStored(actor);
      await this.expectLogRows(actor);
      expect(await queueSlugs(this.target.db, actor.sub)).toEqual(actor.model.rows.map((r) => r.header));
    } catch (error) {
      if (error instanceof Error) {
        error.message = `${label} ${actor.sub} after [${history.join(' | ')}]: ${error.message}`;
      }
      throw error;
    }
  }

  /** Every actor plays at once; a failure in one must not leave the others running past the test. */
  async playAll(actors: Actor[], operations: number, label: string): Promise<void> {
    const settled = await Promise.allSettled(actors.map((actor) => this.play(actor, operations, label)));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
