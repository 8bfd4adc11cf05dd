import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenFlags } from '../src/domain/flags';
import { TriggerClientFlowDocument } from './generated/graphql';
import { ScreenClient } from './support/client';
import { putFlow, queueSlugs } from './support/fixtures';
import { putScreens } from './support/flows';
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
  await putScreens(server, [courseCard]);
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
    expect(await queueSlugs(server, 'oseh_u_lost_student')).toEqual(['text_interstitial']);
  });
});
