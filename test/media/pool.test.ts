import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERYWHERE } from '../../src/content/screens/building-blocks';
import type { ScreenSeed } from '../../src/content/types';
import { putFlow } from '../support/fixtures';
import { newUser, putScreens, serverTrigger } from '../support/flows';
import { startTestServer, type TestServer } from '../support/server';
import { insertContent, insertImage } from './fixtures';

/**
 * Media realization reads through the peek's own connection (screens-and-media.md §2.5 item 4):
 * with a pool of 2 and more concurrent peeks than that, every peek holds a connection while its
 * media lookups miss. Lookups on a second pooled connection would wait for a connection no peek
 * gives back, until the pool's connect timeout answers 503.
 */

const POOL_SIZE = 2;
const PEEKS = 8;

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ env: { DATABASE_POOL_SIZE: String(POOL_SIZE) } });
  admin = await server.userToken('media-pool-admin', { admin: true });
  await putScreens(server, [MEDIA_PAIR]);
});
afterAll(() => server?.close());

const MEDIA_PAIR: ScreenSeed = {
  slug: 'media_pair',
  name: 'media pair',
  description: 'test',
  flags: EVERYWHERE,
  schema: {
    type: 'object',
    required: ['image', 'clip'],
    example: { image: 'oseh_if_0000000000000000000000', clip: 'oseh_cf_0000000000000000000000' },
    properties: {
      image: { type: 'string', format: 'image_uid', example: 'oseh_if_0000000000000000000000', 'x-thumbhash': { width: 342, height: 215 } },
      clip: { type: 'string', format: 'content_uid', example: 'oseh_cf_0000000000000000000000' },
    },
  },
};

describe('media realization under a small pool', () => {
  it(`${PEEKS} concurrent peeks of uncached image and content fields with a pool of ${POOL_SIZE} all answer`, { timeout: 30_000 }, async () => {
    expect(server.app.config.databasePoolSize).toBe(POOL_SIZE);
    const users = [];
    for (let i = 0; i < PEEKS; i++) {
      // Fresh uids: no local, Redis or negative cache entry, so every peek reads the database.
      const image = await insertImage(server, [{ width: 342, height: 215, format: 'jpeg', thumbhash: `pool-${i}=` }]);
      const clip = await insertContent(server, { bytes: randomBytes(32) });
      const slug = `media_pool_${i}`;
      await putFlow(server, {
        slug,
        screens: [{ screen: { slug: 'media_pair', fixed: { image: image.uid, clip: clip.uid }, variable: [] }, name: slug, allowed_triggers: [], flags: 31, rules: { trigger: null, peek: null } }],
      });
      const user = await newUser(server, { name: 'pool' });
      await serverTrigger(server, admin, user.sub, slug);
      users.push({ user, image, clip, i });
    }
    const reads = server.app.metrics.get('media_thumbhash_db_reads');
    const peeked = await Promise.all(users.map(({ user }) => user.client.peek()));
    for (const [n, answer] of peeked.entries()) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const { image, clip } = answer.body.screen.active.parameters as { image: { uid: string; thumbhash: string }; clip: { content: { uid: string } } };
      expect(image).toMatchObject({ uid: users[n].image.uid, thumbhash: `pool-${users[n].i}=` });
      expect(clip.content.uid).toBe(users[n].clip.uid);
    }
    // Every lookup missed and read the database; a second pooled connection per read would have
    // waited out the pool's 5 s connect timeout (503), or hung without one (the test's timeout).
    expect(server.app.metrics.get('media_thumbhash_db_reads') - reads).toBe(PEEKS);
  });
});
