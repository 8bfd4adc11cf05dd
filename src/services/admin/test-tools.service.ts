/**
 * test_screen and test_flow (admin-api.md §9, §10): an admin pushes one flow screen, or a saved
 * flow, onto a queue to see it now. Both change queues only through applyToLockedQueue, under
 * the per-user lock, so they never interleave with a pop.
 */
import { loadFlowGraph, shareLockScreens } from '../../db/repositories/client-flows-admin.repository';
import { lockUserWithQueue } from '../../db/repositories/queue.repository';
import type { UserRecord } from '../../db/repositories/users.repository';
import { testScreen } from '../../domain/engine';
import { checkTestScreen, type TestScreenInput, type TestScreenRejection } from '../../domain/flow-validation';
import type { JsonObject } from '../../domain/json';
import { validateValue } from '../../domain/schema';
import type { AppContext } from '../app-context';
import { applyToLockedQueue, runServerTrigger } from '../queue.service';
import { inTransaction } from '../transaction';
import { audit } from './client-flows.service';
import { loadMediaChecker } from '../../media/references';

export type TestClientScreenResult =
  | { kind: 'accepted'; queued: boolean; userClientScreenUid: string | null }
  | { kind: 'rejected'; reason: TestScreenRejection; message: string };

/** §9: the checks in order (first failure wins), then the admin's own queue gets the screen in front. */
export async function testClientScreen(
  app: AppContext,
  admin: UserRecord,
  input: TestScreenInput & { dryRun: boolean },
): Promise<TestClientScreenResult> {
  return inTransaction(app.db, async (scope) => {
    const user = await lockUserWithQueue(scope.sql, admin.sub);
    if (user === null) throw new Error(`admin ${admin.sub} vanished during test_screen`);
    // Share-locked to commit: the checked schema is the one the row is written against (§9.2 step 12).
    const screens = await shareLockScreens(scope.sql, [input.flowScreen.screen.slug]);
    const flows = new Set((await loadFlowGraph(scope.sql)).map((f) => f.slug));
    const screen = (slug: string) => screens.find((s) => s.slug === slug);
    const rejected = checkTestScreen(input, {
      registry: app.registry,
      standard: app.standard,
      screen,
      flowExists: (slug) => flows.has(slug),
      checkResource: await loadMediaChecker(scope.sql, [input.flowScreen], (slug) => screen(slug)?.schema),
    });
    if (rejected !== null) return { kind: 'rejected', ...rejected } as const;
    const { outcome } = await applyToLockedQueue(app, scope, user, { platform: 'server', version: null }, (deps, op, queue) =>
      testScreen(deps, op, queue, {
        clientSchema: input.clientSchema,
        serverSchema: input.serverSchema,
        flowScreen: input.flowScreen,
        client: input.clientParameters,
        server: input.serverParameters,
        dryRun: input.dryRun,
      }),
    );
    if (outcome.rejection !== null) return { kind: 'rejected', ...outcome.rejection } as const;
    return { kind: 'accepted', queued: outcome.queued !== null, userClientScreenUid: outcome.queued?.uid ?? null } as const;
  });
}

export interface TestClientFlowInput {
  slug: string;
  clientParameters: JsonObject;
  serverParameters: JsonObject;
  /** null: the calling admin. */
  userSub: string | null;
  dryRun: boolean;
}

export type TestClientFlowResult =
  | { kind: 'accepted'; userSub: string; triggered: boolean }
  | { kind: 'user_not_found'; sub: string }
  | { kind: 'flow_not_found'; slug: string }
  | { kind: 'parameters_mismatch'; which: 'client' | 'server'; message: string };

/**
 * §10: the trusted server trigger (platform `server`) of a saved flow on the admin's queue, or
 * on `userSub`'s (unknown user: 404 before anything else; a change to another user's queue is
 * audit-logged). Counted like a peek with platform `server`: the flow's stats, the queued
 * screens, and one `peeked` for the settled front.
 */
export async function testClientFlow(app: AppContext, admin: UserRecord, input: TestClientFlowInput): Promise<TestClientFlowResult> {
  return inTransaction(app.db, async (scope) => {
    const sub = input.userSub ?? admin.sub;
    const user = await lockUserWithQueue(scope.sql, sub);
    if (user === null) return { kind: 'user_not_found', sub } as const;
    const flow = await app.definitions.flow(input.slug, scope.sql);
    if (flow === null) return { kind: 'flow_not_found', slug: input.slug } as const;
    for (const [which, schema, value] of [
      ['client', flow.clientSchema, input.clientParameters],
      ['server', flow.serverSchema, input.serverParameters],
    ] as const) {
      const valid = validateValue(schema, value);
      if (!valid.ok) return { kind: 'parameters_mismatch', which, message: `${valid.issues[0].path}: ${valid.issues[0].message}` } as const;
    }
    if (input.dryRun) return { kind: 'accepted', userSub: sub, triggered: false } as const;
    await runServerTrigger(app, scope, user, {
      platform: 'server',
      version: null,
      slug: flow.slug,
      clientParameters: input.clientParameters,
      serverParameters: input.serverParameters,
    }, { countsAsPeek: true });
    if (sub !== admin.sub) {
      await audit(scope.sql, app, admin, 'test_flow', flow, {
        user_sub: sub,
        client_parameters: input.clientParameters,
        server_parameters: input.serverParameters,
      });
    }
    return { kind: 'accepted', userSub: sub, triggered: true } as const;
  });
}
