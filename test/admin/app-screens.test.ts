import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations';
import type { ScreenSeed } from '../../src/content/types';
import { migrate, openOrm, ormOptions, type Orm } from '../../src/db/orm';
import { upsertClientScreens } from '../../src/db/seed';
import { ScreenFlag, screenFlags } from '../../src/domain/flags';
import { AdminClientScreenDocument } from '../generated/graphql';
import { graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/server';
import { postJson } from './admin-rest';

// docs/screens.md "Adding or changing your own screens", followed literally: a ScreenSeed and a
// migration that upserts it, applied by the real migrator after the built-in migrations.
const welcomeVideo: ScreenSeed = {
  slug: 'welcome_video',
  name: 'Welcome video',
  description: 'Plays the welcome clip, then pops.',
  flags: screenFlags(ScreenFlag.SHOWS_IN_ADMIN | ScreenFlag.SHOWS_ON_IOS | ScreenFlag.SHOWS_ON_ANDROID),
  schema: {
    type: 'object',
    example: { title: 'Welcome' },
    required: ['title'],
    properties: {
      title: { type: 'string', example: 'Welcome' },
      cta: { type: 'string', example: 'Continue', default: 'Continue' },
    },
  },
};

class Migration20270101000000_welcome_video extends Migration {
  override async up(): Promise<void> {
    await upsertClientScreens((sql, params) => this.execute(sql, params), [welcomeVideo]);
  }
}

// A later change ships as a new migration upserting the edited seed.
class Migration20270201000000_welcome_video_v2 extends Migration {
  override async up(): Promise<void> {
    await upsertClientScreens((sql, params) => this.execute(sql, params), [{ ...welcomeVideo, name: 'Welcome video (v2)' }]);
  }
}

let server: TestServer;
let admin: string;
const opened: Orm[] = [];

async function migrateWith(extra: MigrationObject[]): Promise<string[]> {
  const base = ormOptions(server.databaseUrl);
  const orm = await openOrm(server.databaseUrl, { migrations: { ...base.migrations, migrationsList: [...MIGRATIONS, ...extra] } });
  opened.push(orm);
  return migrate(orm);
}

async function searchWelcome() {
  const answer = await postJson(server, '/api/1/client_screens/search', { filters: { slug: { operator: 'eq', value: 'welcome_video' } } }, admin);
  expect(answer.status).toBe(200);
  return answer.body.items;
}

beforeAll(async () => {
  server = await startTestServer();
  admin = `bearer ${await server.userToken('screens-admin', { admin: true })}`;
});
afterAll(async () => {
  for (const orm of opened) await orm.close(true);
  await server?.close();
});

describe("an app team's own client screens, shipped in a migration (docs/screens.md)", () => {
  it('are applied by the migrator and then searchable; a later migration updates them in place', async () => {
    expect(await searchWelcome()).toEqual([]);
    const first = { name: 'Migration20270101000000_welcome_video', class: Migration20270101000000_welcome_video };
    expect(await migrateWith([first])).toEqual([first.name]);
    const [created] = await searchWelcome();
    expect(created).toEqual({
      uid: expect.stringMatching(/^oseh_cs_[A-Za-z0-9_-]{22}$/),
      slug: 'welcome_video',
      name: 'Welcome video',
      description: 'Plays the welcome clip, then pops.',
      screen_schema: welcomeVideo.schema,
      flags: 13,
    });
    const second = { name: 'Migration20270201000000_welcome_video_v2', class: Migration20270201000000_welcome_video_v2 };
    expect(await migrateWith([first, second])).toEqual([second.name]);
    const viaGraphQL = await graphql(server.url, AdminClientScreenDocument, { slug: 'welcome_video' }, { authorization: admin });
    expect(viaGraphQL.data?.clientScreen).toMatchObject({ uid: created.uid, name: 'Welcome video (v2)', screenSchema: welcomeVideo.schema });
  });

  it('a screen whose schema fails the checker stops the migration and changes nothing', async () => {
    class Broken extends Migration {
      override async up(): Promise<void> {
        const broken = { ...welcomeVideo, slug: 'broken_screen', schema: { type: 'object', properties: { a: { type: 'string' } } } };
        await upsertClientScreens((sql, params) => this.execute(sql, params), [broken]);
      }
    }
    await expect(migrateWith([{ name: 'Migration20270301000000_broken', class: Broken }])).rejects.toThrow(/broken_screen/);
    const answer = await postJson(server, '/api/1/client_screens/search', { filters: { slug: { operator: 'eq', value: 'broken_screen' } } }, admin);
    expect(answer.body.items).toEqual([]);
  });
});
