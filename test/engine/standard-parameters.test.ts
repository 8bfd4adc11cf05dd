/**
 * Standard parameters end to end (screens-and-media.md §2.7, §5 last line; queue-engine.md §4.4):
 * the time-of-day buckets at their boundaries in a non-UTC zone, read from the user's stored
 * zone at peek time, and `*.raw` values that are integers, as declared, from save to peek.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenSeed } from '../../src/content/types';
import { screenFlags } from '../../src/domain/flags';
import type { Schema } from '../../src/domain/model';
import type { StandardParameterProvider } from '../../src/domain/standard-parameters';
import { postJson, requestJson } from '../admin/admin-rest';
import { putFlow } from '../support/fixtures';
import { card, headerOf, newUser, putScreens, serverTrigger, showSpecialFlows } from '../support/flows';
import { startTestServer, type TestServer } from '../support/server';

const INT32: Schema = { type: 'integer', format: 'int32' };
const INT64: Schema = { type: 'integer', format: 'int64' };
const STRING: Schema = { type: 'string' };

/** The reference's domain groups (Oseh-only), as a plugin would provide them: `*.raw` are integers. */
const goal: StandardParameterProvider = {
  group: 'goal',
  schemaByPath: { raw: INT32, days: STRING, progress: STRING },
  compute: () => ({ raw: 3, days: '3 days', progress: '1 of 3' }),
};
const stats: StandardParameterProvider = {
  group: 'stats',
  schemaByPath: { 'streak.raw': INT32, 'streak.days': STRING, 'journeys.raw': INT64, 'prev_best_streak.raw': INT64, 'prev_best_streak.days': STRING },
  compute: () => ({ streak: { raw: 4, days: '4 days' }, journeys: { raw: 12 }, prev_best_streak: { raw: 9, days: '9 days' } }),
};
/** The reference's defect: declared an integer, computed as a string. */
const stringlyGoal: StandardParameterProvider = {
  group: 'stringly_goal',
  schemaByPath: { raw: INT32 },
  compute: () => ({ raw: '3' }),
};

/** A group that turns defective after a flow using it was queued. */
let flipped = false;
const flippingGoal: StandardParameterProvider = {
  group: 'flipping_goal',
  schemaByPath: { raw: INT32 },
  compute: () => ({ raw: flipped ? '3' : 3 }),
};

const STREAK_CARD: ScreenSeed = {
  slug: 'streak_card',
  name: 'Streak card',
  description: 'test',
  flags: screenFlags(15),
  schema: {
    type: 'object',
    required: ['header', 'streak', 'journeys', 'best', 'goal'],
    example: { header: 'h', streak: 1, journeys: 1, best: 1, goal: 1 },
    properties: {
      header: { type: 'string', example: 'h' },
      streak: { type: 'integer', format: 'int32', example: 1 },
      journeys: { type: 'integer', format: 'int64', example: 1 },
      best: { type: 'integer', format: 'int64', example: 1 },
      goal: { type: 'integer', format: 'int32', example: 1 },
    },
  },
};

const copy = (input: string[], output: string[]) => ({ type: 'copy', input_path: input, output_path: output });
const streakScreen = (goalPath: string[]) => ({
  screen: {
    slug: 'streak_card',
    fixed: {},
    variable: [
      { type: 'string_format', format: '{standard[stats][streak][days]}, goal {standard[goal][progress]}, raw {standard[stats][streak][raw]}', output_path: ['header'] },
      copy(['standard', 'stats', 'streak', 'raw'], ['streak']),
      copy(['standard', 'stats', 'journeys', 'raw'], ['journeys']),
      copy(['standard', 'stats', 'prev_best_streak', 'raw'], ['best']),
      copy(goalPath, ['goal']),
    ],
  },
  name: null,
  allowed_triggers: [],
  flags: 31,
  rules: { trigger: null, peek: null },
});

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.userToken('oseh_u_standard_admin', { admin: true });
  for (const provider of [goal, stats, stringlyGoal, flippingGoal]) server.app.standard.register(provider);
  await putScreens(server, [STREAK_CARD]);
  await showSpecialFlows(server, ['error_screen_schema']);
  await putFlow(server, { slug: 'clock', screens: [card('placeholder', { variable: [{ type: 'string_format', format: '{standard[time_of_day][lower]}', output_path: ['header'] }] })] });
});
afterAll(() => server?.close());

/** Creates a flow through the admin API (so the save-time checks run) and patches its screens. */
async function saveFlow(slug: string, screens: unknown[]) {
  const created = await postJson(server, '/api/1/client_flows/', { slug }, `bearer ${admin}`);
  expect(created.status).toBe(201);
  return requestJson(server, 'PATCH', '/api/1/client_flows/', { uid: created.body.uid, patch: { screens } }, `bearer ${admin}`);
}

describe('time_of_day at its boundaries in Asia/Kolkata (UTC+05:30)', () => {
  // Local wall-clock time on 2024-01-15 → seconds since the epoch (Kolkata has no DST).
  const kolkata = (hour: number, minute: number) => Date.UTC(2024, 0, 15, hour, minute) / 1000 - 5.5 * 3600;

  it.each([
    [2, 59, 'evening'],
    [3, 0, 'morning'],
    [11, 59, 'morning'],
    [12, 0, 'afternoon'],
    [16, 59, 'afternoon'],
    [17, 0, 'evening'],
  ])('%i:%i local is %s', async (hour, minute, expected) => {
    const user = await newUser(server, { name: 'clock' });
    await server.sql(`UPDATE users SET timezone = 'Asia/Kolkata' WHERE sub = $1`, [user.sub]);
    await serverTrigger(server, admin, user.sub, 'clock');
    const realNow = server.app.now;
    // 30 seconds into the minute: a zone offset applied in whole hours would land on the wrong side.
    server.app.now = () => kolkata(hour, minute) + 30;
    try {
      expect(headerOf(await user.client.peek())).toBe(expected);
    } finally {
      server.app.now = realNow;
    }
  });
});

describe('*.raw standard parameters are integers (§2.7 defect fixed)', () => {
  it('copying goal/stats *.raw into integer properties saves, and the peek realizes JSON integers', async () => {
    const saved = await saveFlow('streak_flow', [streakScreen(['standard', 'goal', 'raw'])]);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const user = await newUser(server, { name: 'streak' });
    await serverTrigger(server, admin, user.sub, 'streak_flow');
    const peeked = await user.client.peek();
    expect(peeked.status).toBe(200);
    expect(peeked.body.screen.active).toEqual({
      slug: 'streak_card',
      parameters: { header: '4 days, goal 1 of 3, raw 4', streak: 4, journeys: 12, best: 9, goal: 3 },
    });
  });

  it('a group computing a string where it declares an integer (the reference defect) is refused at save, and at trigger time', async () => {
    const saved = await saveFlow('stringly_flow', [streakScreen(['standard', 'stringly_goal', 'raw'])]);
    expect(saved.status).toBe(422);
    expect(saved.body.issues).toEqual([expect.objectContaining({ code: 'example_mismatch', path: 'screens[0].screen' })]);
    // Stored anyway (as if the group changed after the save): the screen is never shown with a string.
    await putFlow(server, { slug: 'stringly_stored', screens: [streakScreen(['standard', 'stringly_goal', 'raw'])] });
    const user = await newUser(server, { name: 'stringly' });
    expect(await serverTrigger(server, admin, user.sub, 'stringly_stored')).toMatchObject({ queuedFlowSlug: 'error_screen_schema' });
    expect(headerOf(await user.client.peek())).toBe('error_screen_schema');
  });

  it('a value that stops matching its declaration after queueing fails the screen at peek (error_screen_schema), never a 500', async () => {
    expect((await saveFlow('flipping_flow', [streakScreen(['standard', 'flipping_goal', 'raw']), card('After')])).status).toBe(200);
    const user = await newUser(server, { name: 'flipping' });
    await serverTrigger(server, admin, user.sub, 'flipping_flow');
    expect((await user.client.peek()).body.screen.active.parameters).toMatchObject({ goal: 3 });
    flipped = true;
    try {
      expect(headerOf(await user.client.peek())).toBe('error_screen_schema');
    } finally {
      flipped = false;
    }
  });
});
