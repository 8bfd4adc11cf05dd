import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenFlags } from '../src/domain/flags';
import { CustomPopScreenDocument, TriggerClientFlowDocument } from './generated/graphql';
import { ScreenClient } from './support/client';
import { confirmationScreen, putFlow, queueSlugs } from './support/fixtures';
import { jwtClaims, newUser, putScreens, serverTrigger, showSpecialFlows } from './support/flows';
import { graphql } from './support/graphql';
import { startTestServer, type TestServer } from './support/server';

/** The example plugin of docs/extending.md, loaded the way an app team would load it. */
const PLUGIN = join(__dirname, '..', 'examples', 'plugins', 'course-catalog.js');

const courseCard = {
  slug: 'course_card',
  name: 'Course card',
  description: 'A course, its title as the header.',
  flags: screenFlags(15),
  schema: {
    type: 'object',
    example: { course: 'crs_intro', header: 'Introduction' },
    required: ['course', 'header'],
    properties: {
      course: { type: 'string', format: 'course_uid', example: 'crs_intro' },
      header: { type: 'string', example: 'Introduction' },
    },
  },
};

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ plugins: [PLUGIN] });
  admin = await server.userToken('oseh_u_plugin_admin', { admin: true });
  await server.sql(`CREATE TABLE courses (uid text PRIMARY KEY, title text NOT NULL, description text NOT NULL)`);
  await server.sql(`INSERT INTO courses VALUES ('crs_intro', 'Introduction', 'Where to start.')`);
  await server.sql(`CREATE TABLE course_starts (user_sub text NOT NULL, course_uid text NOT NULL, started_at double precision NOT NULL)`);
  await putScreens(server, [courseCard]);
  await showSpecialFlows(server, ['not_found', 'error_bad_auth', 'desync', 'forbidden']);
  await putFlow(server, { slug: 'course_menu', screens: [confirmationScreen('Menu', { allowedTriggers: ['show_course'] })] });
  await putFlow(server, {
    slug: 'show_course',
    serverSchema: {
      type: 'object',
      example: { course: 'crs_intro' },
      required: ['course'],
      properties: { course: { type: 'string', format: 'course_uid', example: 'crs_intro' } },
    },
    screens: [
      {
        screen: {
          slug: 'course_card',
          fixed: {},
          variable: [
            { type: 'copy', input_path: ['server', 'course'], output_path: ['course'] },
            { type: 'extract', input_path: ['server', 'course'], extracted_path: ['title'], output_path: ['header'], skip_if_missing: false },
          ],
        },
        name: null,
        allowed_triggers: [],
        flags: 31,
        rules: { trigger: null, peek: null },
      },
    ],
  });
});
afterAll(async () => {
  await server?.close();
});

async function trigger(userSub: string, course: string) {
  const result = await graphql(
    server.url,
    TriggerClientFlowDocument,
    { userSub, slug: 'show_course', serverParameters: { course } },
    { authorization: `bearer ${admin}` },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.triggerClientFlow;
}

describe('a plugin resource format with an extractor', () => {
  it('extracts at trigger time and realizes at peek time', async () => {
    const client = new ScreenClient(server.url, await server.userToken('oseh_u_student'));
    expect((await trigger('oseh_u_student', 'crs_intro')).queuedFlowSlug).toBe('show_course');
    const peeked = await client.peek();
    expect(peeked.body.screen.active).toEqual({
      slug: 'course_card',
      parameters: { course: { uid: 'crs_intro', title: 'Introduction', description: 'Where to start.' }, header: 'Introduction' },
    });
  });

  it('resolves not_found when the extraction target does not exist, queuing nothing of the flow', async () => {
    await server.userToken('oseh_u_lost_student');
    expect((await trigger('oseh_u_lost_student', 'crs_missing')).queuedFlowSlug).toBe('not_found');
    expect(await queueSlugs(server, 'oseh_u_lost_student')).toEqual(['not_found']);
  });
});

/** A user whose front is the course menu (which allows `show_course`), peeked; its screen JWT. */
async function atCourseMenu() {
  const user = await newUser(server, { name: 'learner' });
  await serverTrigger(server, admin, user.sub, 'course_menu');
  const peeked = await user.client.peek();
  expect(peeked.body.screen.active.parameters.header).toBe('Menu');
  return { user, jwt: peeked.body.screen.active_jwt };
}

async function popToCourse(token: string, body: unknown, endpoint = 'pop_to_course') {
  const response = await fetch(`${server.url}/api/1/users/me/screens/${endpoint}?platform=ios&version=96`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? JSON.parse(text) : null };
}

const startsOf = async (sub: string) =>
  (await server.sql<{ course_uid: string }>(`SELECT course_uid FROM course_starts WHERE user_sub = $1`, [sub])).map((r) => r.course_uid);

const COURSE_OBJECT = { uid: 'crs_intro', title: 'Introduction', description: 'Where to start.' };

describe('a plugin custom pop endpoint (queue-engine.md §7.6)', () => {
  it('pops with the verified course as server parameter and records the start in the same transaction', async () => {
    const { user, jwt } = await atCourseMenu();
    const answer = await popToCourse(user.token, { screen_jwt: jwt, trigger: { slug: 'show_course', parameters: { course: 'crs_intro' } } });
    expect(answer.status).toBe(200);
    expect(answer.body.screen.active).toEqual({ slug: 'course_card', parameters: { course: COURSE_OBJECT, header: 'Introduction' } });
    expect(await startsOf(user.sub)).toEqual(['crs_intro']);
    expect(await queueSlugs(server, user.sub)).toEqual(['course_card']);
  });

  it('answers a stale screen JWT with desync and keeps no side effect', async () => {
    const { user, jwt } = await atCourseMenu();
    const body = { screen_jwt: jwt, trigger: { slug: 'show_course', parameters: { course: 'crs_intro' } } };
    expect((await popToCourse(user.token, body)).status).toBe(200);
    const again = await popToCourse(user.token, body);
    expect(again.status).toBe(200);
    expect(await startsOf(user.sub)).toEqual(['crs_intro']);
    expect(await queueSlugs(server, user.sub)).toEqual(['desync', 'course_card']);
  });

  it('queues the fallback flow without popping when verification refuses', async () => {
    const { user, jwt } = await atCourseMenu();
    const answer = await popToCourse(user.token, { screen_jwt: jwt, trigger: { slug: 'show_course', parameters: { course: 'crs_gone' } } });
    expect(answer.status).toBe(200);
    expect(await queueSlugs(server, user.sub)).toEqual(['not_found', 'Menu']);
    expect(await startsOf(user.sub)).toEqual([]);
  });

  it('answers an invalid screen JWT with error_bad_auth before verifying, popping nothing', async () => {
    const { user } = await atCourseMenu();
    const answer = await popToCourse(user.token, { screen_jwt: 'not.a.jwt', trigger: { slug: 'show_course', parameters: { course: 'crs_gone' } } });
    expect(answer.status).toBe(200);
    expect(await queueSlugs(server, user.sub)).toEqual(['error_bad_auth', 'Menu']);
    expect(await startsOf(user.sub)).toEqual([]);
  });

  it('applies allowed_triggers as for any pop: a trigger the front does not allow is forbidden, with no side effect', async () => {
    const { user, jwt } = await atCourseMenu();
    const answer = await popToCourse(user.token, { screen_jwt: jwt, trigger: { slug: 'course_menu', parameters: { course: 'crs_intro' } } });
    expect(answer.status).toBe(200);
    expect(await queueSlugs(server, user.sub)).toEqual(['forbidden']);
    expect(await startsOf(user.sub)).toEqual([]);
  });

  it('refuses a missing trigger or malformed parameters with 422, an unknown endpoint with 404, changing nothing', async () => {
    const { user, jwt } = await atCourseMenu();
    const before = await queueSlugs(server, user.sub);
    const missing = await popToCourse(user.token, { screen_jwt: jwt });
    expect(missing).toEqual({ status: 422, body: { detail: [{ loc: ['body', 'trigger'], msg: 'field required', type: 'value_error.missing' }] } });
    const malformed = await popToCourse(user.token, { screen_jwt: jwt, trigger: { slug: 'show_course', parameters: { course: 7 } } });
    expect(malformed.status).toBe(422);
    expect(malformed.body.detail[0].loc).toEqual(['body', 'trigger', 'parameters']);
    const unknown = await popToCourse(user.token, { screen_jwt: jwt, trigger: { slug: 'show_course', parameters: {} } }, 'pop_to_nowhere');
    expect(unknown).toEqual({ status: 404, body: { detail: 'Not Found' } });
    const anonymous = await popToCourse('', { screen_jwt: jwt, trigger: { slug: 'show_course', parameters: { course: 'crs_intro' } } });
    expect(anonymous.status).toBe(401);
    expect(await queueSlugs(server, user.sub)).toEqual(before);
    expect(await startsOf(user.sub)).toEqual([]);
  });

  it('serves the same endpoint over GraphQL with the same answer shape', async () => {
    const { user, jwt } = await atCourseMenu();
    const call = (endpoint: string, course: unknown) =>
      graphql(
        server.url,
        CustomPopScreenDocument,
        { endpoint, platform: 'IOS', version: 96, screenJwt: jwt, trigger: { slug: 'show_course', parameters: { course } } },
        { authorization: `bearer ${user.token}` },
      );
    const unknown = await call('pop_to_nowhere', 'crs_intro');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'unknown_endpoint' });
    const malformed = await call('pop_to_course', 7);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'bad_parameters' });
    const result = await call('pop_to_course', 'crs_intro');
    expect(result.errors).toBeUndefined();
    const screen = result.data!.customPopScreen.screen;
    expect(screen.active).toEqual({ slug: 'course_card', parameters: { course: COURSE_OBJECT, header: 'Introduction' } });
    expect(jwtClaims(screen.activeJwt).sub).toBe((await server.sql<{ uid: string }>(
      `SELECT q.uid FROM user_client_screens q JOIN users u ON u.id = q.user_id WHERE u.sub = $1`, [user.sub]))[0].uid);
    expect(await startsOf(user.sub)).toEqual(['crs_intro']);
  });
});
